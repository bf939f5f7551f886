"""What sync keeps besides the records: the hub's records kept out of this laptop (``sync_skipped``: a
possible duplicate of a NIK held here, or a record that breaks a rule here, both left at the hub for
review), and what goes with a record that left this laptop's scope. The sync's settings (cursor, scope,
refused changes...) are plain settings (``storage.settings``); the records' own statements are in
``storage.workers``."""

from __future__ import annotations

import json
from collections.abc import Iterable

from desktop.storage.database import Tx

# Settings the sync keeps and the membership steps read (storage.settings holds them).
REFUSED = "sync.refused"          # {record uuid: the hub's reason} for changes the hub refused
REVIEW_HOLD = "sync.review_hold"  # records open at the hub's review: not sent to BPJS meanwhile

_CHUNK = 500     # ids bound at once, within SQLite's bound-parameter limit


def skip(tx: Tx, uuid: str, nik: str) -> None:
    """Keep the hub's record ``uuid`` out of this laptop (counted as known when the totals are compared)."""
    tx.execute("INSERT INTO sync_skipped (uuid, nik) VALUES (?, ?) "
               "ON CONFLICT (uuid) DO UPDATE SET nik = excluded.nik", (uuid, nik))


def unskip(tx: Tx, uuids: Iterable[str]) -> None:
    """Records kept out earlier and now taken here (merged or deleted at the hub meanwhile)."""
    # One JSON parameter for a page's thousand ids: the statement stays the same, prepared once.
    tx.execute("DELETE FROM sync_skipped WHERE uuid IN (SELECT value FROM json_each(?))", (json.dumps(list(uuids)),))


def forget_left(tx: Tx, uuids: list[str]) -> None:
    """Records that left this laptop's scope: their autosaved form drafts and any mark of being kept out."""
    for start in range(0, len(uuids), _CHUNK):
        chunk = uuids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        tx.execute(f"DELETE FROM drafts WHERE form_key IN ({marks})", chunk)
        tx.execute(f"DELETE FROM sync_skipped WHERE uuid IN ({marks})", chunk)


def skipped_apart(tx: Tx) -> int:
    """Records kept out that are not also held here as a copy of the hub's (each counts once)."""
    return tx.scalar("SELECT count(*) FROM sync_skipped WHERE uuid NOT IN "
                     "(SELECT uuid FROM workers WHERE hub_revision > 0)") or 0
