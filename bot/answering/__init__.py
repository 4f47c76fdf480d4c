"""Grounded answers from retrieved passages: extractive, cited, and honest when the material is silent."""
