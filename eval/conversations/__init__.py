"""Multi-turn conversation scripts played through the real ChatService, scored a conversation at a time."""
