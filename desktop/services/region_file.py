"""The region list's file (``resources/regions/wilayah-61.csv`` or a branch's own): read into rows.

A leaf module: the hub reads the same file on a server that has no laptop database driver
(``lindung[hub]``), so nothing here may import ``desktop.storage``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.errors import ServiceError


def read_regions_csv(path: Path) -> list[tuple[str, str, str]]:
    """Rows ``(code, name, level)`` of a region list in the shipped CSV format."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = [h.strip().lower() for h in next(reader, [])]
            if header[:3] != ["kode", "nama", "tingkat"]:
                raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas wilayah harus berkolom kode,nama,tingkat."))
            return [(row[0], row[1], row[2]) for row in reader if row]
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas wilayah tidak dapat dibaca: {reason}"),
                           reason=str(exc)) from exc
