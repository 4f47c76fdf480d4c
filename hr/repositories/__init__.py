"""All SQL lives here, one module per feature; services call these and never build queries themselves."""
