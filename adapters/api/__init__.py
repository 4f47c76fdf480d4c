"""The FastAPI application: JSON API, health, the web chat page, and the mounted Slack and WeCom channels."""
