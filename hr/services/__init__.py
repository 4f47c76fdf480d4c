"""HR services: one small module per job; every function takes the database session and the Caller first."""
