"""WeCom (企业微信) self-built app channel: encrypted callback in, active message/send API out."""
