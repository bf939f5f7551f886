"""The ``schools`` table as the import reads it: which schools are registered, by NPSN and name.

(Adding and editing schools still goes through ``services/schools.py``; its statements join this
module when that service moves to the one data path.)
"""

from __future__ import annotations

from typing import NamedTuple

from desktop.storage.database import Tx


class School(NamedTuple):
    npsn: str
    name: str
    kabupaten_code: str


def _school(row: tuple) -> School:
    return School(*row)


def is_registered(tx: Tx, npsn: str) -> bool:
    return tx.first("SELECT 1 FROM schools WHERE npsn = ?", (npsn,)) is not None


def by_npsn(tx: Tx, npsn: str) -> School | None:
    row = tx.first("SELECT npsn, name, kabupaten_code FROM schools WHERE npsn = ?", (npsn,))
    return _school(row) if row is not None else None


def every(tx: Tx) -> list[School]:
    """Every registered school, in the order they were added."""
    return [_school(row) for row in tx.all("SELECT npsn, name, kabupaten_code FROM schools ORDER BY id")]
