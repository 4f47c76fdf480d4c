"""Embedding backends behind one small protocol, chosen by a setting."""
