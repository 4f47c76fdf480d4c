"""Local stand-ins for the Slack and WeCom Web APIs (real HTTP on 127.0.0.1): tests, benchmarks, offline demos."""
