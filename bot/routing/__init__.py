"""Offline understanding of one message: which tool the person wants and with which arguments."""
