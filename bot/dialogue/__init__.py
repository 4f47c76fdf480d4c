"""Dialogue: the per-thread state (open change, last subject, last intent), the deterministic front of each turn and
how elliptical follow-ups inherit what they leave out."""
