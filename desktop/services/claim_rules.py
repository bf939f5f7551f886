"""The dated claim rules (``resources/claims/claim_rules.csv``): read here, checked and applied by the
domain (``desktop.domain.claims``)."""

from __future__ import annotations

import functools
from pathlib import Path

from desktop.domain.claims import ClaimRules, parse_claim_rules
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.paths import RESOURCES
from desktop.services.rule_files import read_rule_file

CLAIM_RULES_CSV = RESOURCES / "claims" / "claim_rules.csv"


def read_claim_rules(path: Path) -> ClaimRules:
    """The claim rules of the CSV file at ``path``; a file that cannot be read, or a malformed row (named
    by its line), is a ``ServiceError``."""
    return read_rule_file(
        path, parse_claim_rules,
        QT_TRANSLATE_NOOP("Service", "Berkas aturan klaim {name} salah di baris {row}: {reason}"),
        QT_TRANSLATE_NOOP("Service", "Berkas aturan klaim {name} tidak dapat dibaca: {reason}"))


@functools.cache
def shipped_claim_rules() -> ClaimRules:
    """The claim rules Lindung ships, read once."""
    return read_claim_rules(CLAIM_RULES_CSV)
