"""The conversation core: one message from one known person in, one reply out (ChatService)."""
