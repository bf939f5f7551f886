"""The dated claim rules (``resources/claims/claim_rules.csv``): read here, checked and applied by the
domain (``desktop.domain.claims``)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from desktop.domain.claims import ClaimRules, ClaimRulesError, parse_claim_rules
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.paths import RESOURCES
from desktop.services.errors import ServiceError

CLAIM_RULES_CSV = RESOURCES / "claims" / "claim_rules.csv"


def read_claim_rules(path: Path) -> ClaimRules:
    """The claim rules of the CSV file at ``path``; a file that cannot be read, or a malformed row (named
    by its line), is a ``ServiceError``."""
    path = Path(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return parse_claim_rules(list(csv.reader(handle)))
    except ClaimRulesError as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas aturan klaim {name} salah di baris {row}: {reason}"),
                           name=path.name, row=exc.row, reason=exc.reason) from exc
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas aturan klaim {name} tidak dapat dibaca: {reason}"),
                           name=path.name, reason=str(exc)) from exc


@functools.cache
def shipped_claim_rules() -> ClaimRules:
    """The claim rules Lindung ships, read once."""
    return read_claim_rules(CLAIM_RULES_CSV)
