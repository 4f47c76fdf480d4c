"""The bot's own tables: conversation history per thread and the quiz in progress per thread."""
