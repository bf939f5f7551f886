"""The counters of numbered things (a submission, a payment, an invoice, a credit note, a refund, BAZNAS's
distribution record), kept in ``settings`` as ``next_<kind>_number``."""

from __future__ import annotations

from desktop.storage import settings
from desktop.storage.database import Tx


def take(tx: Tx, kind: str) -> int:
    """The next number of ``kind`` (1 the first time), counted on in the same write: two units of work
    never take the same number, as each holds the write lock from its start."""
    key = f"next_{kind}_number"
    settings.put_new(tx, key, "1")
    [(value,)] = tx.all("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ? "
                        "RETURNING value", (key,))     # all(): the statement is stepped to its end
    return int(value) - 1
