"""Bilingual rendering of what the HR service returns: every label, status, verdict and formula in the reader's language."""
