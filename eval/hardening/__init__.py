"""Issue-12 hardening probes: fuzzing and reproduced attacks against the running app and the metadata parsers."""
