"""A malformed row of a dated rule file (the BPU rates, the claim rules): one error for every such file,
so that one reader (``services.rule_files``) names the row for each of them."""

from __future__ import annotations


class RuleRowError(ValueError):
    """``row`` is the file's line number (1 is the header); ``reason`` says what is wrong, in Indonesian,
    for the message the app shows."""

    def __init__(self, row: int, reason: str) -> None:
        super().__init__(f"baris {row}: {reason}")
        self.row = row
        self.reason = reason
