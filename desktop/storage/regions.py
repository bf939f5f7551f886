"""The ``regions`` table: the official list of Kalimantan Barat's regions (kabupaten/kota, kecamatan,
desa/kelurahan), every statement on it and its one row <-> record mapper. The list is replaced whole,
never edited row by row."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.regions import Level, Region
from desktop.storage.database import Tx


def _row(region: Region) -> tuple:
    return region.code, region.name, int(region.level)


def _record(row: tuple) -> Region:
    code, name, level = row
    return Region(code, name, Level(level))


def stored(tx: Tx) -> bool:
    """Whether a region list is stored at all."""
    return bool(tx.scalar("SELECT EXISTS (SELECT 1 FROM regions)"))


def all_regions(tx: Tx) -> list[Region]:
    return [_record(row) for row in tx.all("SELECT code, name, level FROM regions")]


def replace_all(tx: Tx, regions: Iterable[Region]) -> None:
    tx.execute("DELETE FROM regions")
    tx.executemany("INSERT INTO regions (code, name, level) VALUES (?, ?, ?)", map(_row, regions))
