"""Slack channel: bolt app over FastAPI (HTTP mode) or Socket Mode, replies computed in the worker."""
