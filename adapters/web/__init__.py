"""The web chat page: static HTML/JS served by the app, talking to /api/chat/stream with a bearer token."""
