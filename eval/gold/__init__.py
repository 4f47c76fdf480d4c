"""Gold question sets (JSONL) for the retrieval and answer evaluations, and their checker."""
