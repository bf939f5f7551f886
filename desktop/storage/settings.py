"""The ``settings`` table: the laptop's own key/value settings (device, policy, sync, keys)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.storage.database import Tx


def get(tx: Tx, key: str) -> str | None:
    return tx.scalar("SELECT value FROM settings WHERE key = ?", (key,))


def get_many(tx: Tx, keys: Iterable[str] = (), prefix: str | None = None) -> dict[str, str]:
    """The settings named in ``keys`` and those starting with ``prefix``, those present only."""
    keys = list(keys)
    clauses, params = [], []
    if keys:
        clauses.append(f"key IN ({', '.join('?' * len(keys))})")
        params += keys
    if prefix is not None:
        clauses.append("substr(key, 1, ?) = ?")   # not LIKE: '_' and '%' in a prefix are literal
        params += [len(prefix), prefix]
    if not clauses:
        return {}
    return dict(tx.all(f"SELECT key, value FROM settings WHERE {' OR '.join(clauses)}", params))


def put(tx: Tx, key: str, value: str) -> None:
    tx.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def put_many(tx: Tx, values: dict[str, str]) -> None:
    tx.executemany("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(values.items()))


def put_new(tx: Tx, key: str, value: str) -> bool:
    """Store ``value`` unless ``key`` is set already; True when it was stored."""
    return tx.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                      (key, value)).rowcount == 1


def delete(tx: Tx, key: str) -> None:
    tx.execute("DELETE FROM settings WHERE key = ?", (key,))


def add_to(tx: Tx, key: str, count: int) -> int:
    """Add ``count`` to a setting holding a number; the number after (one statement: nothing can come
    between the read and the write)."""
    return int(tx.scalar("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = ? "
                         "RETURNING value", (count, key)))
