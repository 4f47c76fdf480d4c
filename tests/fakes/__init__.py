"""Recording fakes that implement ports (test-only; never a production default)."""
