"""Plain-Python domain rules: no I/O, no Qt, no database."""
