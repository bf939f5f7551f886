"""The ``drafts`` table: a form's autosaved values, one row per user and form."""

from __future__ import annotations

import datetime as dt

from desktop.storage.codec import read_datetime, sql_datetime
from desktop.storage.database import Tx


def get(tx: Tx, username: str, form_key: str) -> tuple[str, dt.datetime] | None:
    """The draft's payload (JSON text) and when it was saved, if there is one."""
    row = tx.first("SELECT payload, updated_at FROM drafts WHERE username = ? AND form_key = ?",
                   (username, form_key))
    return (row[0], read_datetime(row[1])) if row else None


def put(tx: Tx, username: str, form_key: str, payload: str, updated_at: dt.datetime) -> None:
    tx.execute("INSERT INTO drafts (username, form_key, payload, updated_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (username, form_key) DO UPDATE SET payload = excluded.payload, "
               "updated_at = excluded.updated_at", (username, form_key, payload, sql_datetime(updated_at)))


def delete(tx: Tx, username: str, form_key: str) -> None:
    tx.execute("DELETE FROM drafts WHERE username = ? AND form_key = ?", (username, form_key))
