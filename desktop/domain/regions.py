"""Indonesian administrative regions (Kemendagri codes, as used in NIKs).

Codes are kept as plain digits: province ``61``, kabupaten/kota ``6171``, kecamatan ``617101``,
desa/kelurahan ``6171011002``.  ``dotted()`` gives the official written form ``61.71.01.1002``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

KALBAR = "61"

# Kemendagri province codes (the first two digits of every NIK).
PROVINCES: dict[str, str] = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau", "15": "Jambi",
    "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung",
    "19": "Kepulauan Bangka Belitung", "21": "Kepulauan Riau", "31": "DKI Jakarta",
    "32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta", "35": "Jawa Timur",
    "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat", "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat", "62": "Kalimantan Tengah", "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur", "65": "Kalimantan Utara", "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara",
    "75": "Gorontalo", "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara",
    "91": "Papua", "92": "Papua Barat", "93": "Papua Selatan", "94": "Papua Tengah",
    "95": "Papua Pegunungan", "96": "Papua Barat Daya",
}


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
          "xvii", "xviii", "xix", "xx")
_SPOKEN = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")
_NUMBER_OF = {word: n for n, word in enumerate(_ROMAN, start=1)} | {word: n for n, word in enumerate(_SPOKEN, start=1)}
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(sorted(_NUMBER_OF, key=len, reverse=True)) + r")\b(?:\s+(belas|puluh)\b)?", re.IGNORECASE)


def _number(match: re.Match) -> str:
    n = _NUMBER_OF[match.group(1).lower()]
    tens = (match.group(2) or "").lower()
    if tens == "belas" and n < 10:
        n += 10
    elif tens == "puluh" and n < 10:
        n *= 10
    elif tens:
        return f"{n} {tens}"
    return str(n)


def with_numerals(name: str) -> str:
    """Numbers in a place name written one way: ``Rasau Jaya II``, ``Rasau Jaya Dua`` and ``Rasau Jaya 2``
    all become ``Rasau Jaya 2`` (the official list writes some ``Sungai Duri II``, others ``Kuala Dua``;
    people write either). Roman numerals I–XX and the words satu … sebelas, ``dua belas``, ``dua puluh``."""
    return _NUMBER_WORD.sub(_number, name)


class Level(enum.IntEnum):
    PROVINCE = 2
    KABUPATEN = 4
    KECAMATAN = 6
    DESA = 10


_LEVEL_NAMES = {
    "provinsi": Level.PROVINCE,
    "kabupaten/kota": Level.KABUPATEN,
    "kecamatan": Level.KECAMATAN,
    "desa/kelurahan": Level.DESA,
}


def undotted(code: str) -> str:
    return code.replace(".", "").strip()


def dotted(code: str) -> str:
    """``6171011002`` -> ``61.71.01.1002``."""
    code = undotted(code)
    parts = [code[0:2], code[2:4], code[4:6], code[6:10]]
    return ".".join(p for p in parts if p)


def level_of(code: str) -> Level:
    return Level(len(undotted(code)))


def parent_of(code: str) -> str | None:
    return _parent(undotted(code))


def _parent(code: str) -> str | None:
    """The parent of a plain code (10 digits -> 6 -> 4 -> 2)."""
    size = len(code)
    return code[:6] if size == 10 else code[:4] if size == 6 else code[:2] if size == 4 else None


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # plain digits
    name: str
    level: Level

    @property
    def parent(self) -> str | None:
        return _parent(self.code)   # the code is plain digits already

    @property
    def is_kelurahan(self) -> bool:
        """Village codes start with 1 for a kelurahan (urban), 2 for a desa (rural)."""
        return self.level is Level.DESA and self.code[6] == "1"

    @property
    def short_name(self) -> str:
        """``Kabupaten Sambas`` -> ``Sambas``; ``Kota Pontianak`` stays as written."""
        return self.name.removeprefix("Kabupaten ")


class RegionError(ValueError):
    pass


class RegionCatalog:
    """An immutable, indexed set of regions with parent/child look-ups."""

    def __init__(self, regions: Iterable[Region]):
        self._by_code: dict[str, Region] = {}
        self._children: dict[str, list[Region]] = {}
        for region in regions:
            self._by_code[region.code] = region
        for region in self._by_code.values():
            if region.parent is not None:
                self._children.setdefault(region.parent, []).append(region)
        for children in self._children.values():
            children.sort(key=lambda r: r.name)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> RegionCatalog:
        """Build from ``(code, name, level)`` rows, as in ``wilayah-61-kalbar.csv``.

        Raises ``RegionError`` naming the first bad row: an unknown level, a code whose length does
        not match its level, a child without its parent, or a duplicate code.
        """
        regions: list[Region] = []
        seen: set[str] = set()
        for number, (raw_code, name, level_name) in enumerate(rows, start=1):
            code = undotted(raw_code)
            level = _LEVEL_NAMES.get(level_name.strip().lower())
            if level is None:
                raise RegionError(f"baris {number}: tingkat wilayah tidak dikenal: {level_name!r}")
            if not (code.isascii() and code.isdigit()) or len(code) != level.value:
                raise RegionError(f"baris {number}: kode {raw_code!r} tidak sesuai tingkat {level_name}")
            if code in seen:
                raise RegionError(f"baris {number}: kode {raw_code!r} muncul dua kali")
            if not name.strip():
                raise RegionError(f"baris {number}: nama wilayah kosong")
            seen.add(code)
            regions.append(Region(code, " ".join(name.split()), level))
        for region in regions:
            parent = region.parent
            if parent is not None and region.level is not Level.KABUPATEN and parent not in seen:
                raise RegionError(f"kode {dotted(region.code)}: wilayah induk {dotted(parent)} tidak ada")
        return cls(regions)

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code in self._by_code or undotted(code) in self._by_code)

    def get(self, code: str | None) -> Region | None:
        if not code:
            return None
        found = self._by_code.get(code)   # plain digits, as codes are stored: no need to undot
        return found if found is not None else self._by_code.get(undotted(code))

    def name(self, code: str | None) -> str:
        region = self.get(code)
        return region.name if region else ""

    def children(self, code: str) -> list[Region]:
        return list(self._children.get(undotted(code), ()))

    def kabupaten(self, province: str = KALBAR) -> list[Region]:
        """Kabupaten/kota of a province in code order (kabupaten first, then kota)."""
        return sorted(self.children(province), key=lambda r: r.code)

    def all(self, level: Level | None = None) -> list[Region]:
        return [r for r in self._by_code.values() if level is None or r.level is level]

    def count(self, level: Level) -> int:
        return sum(1 for r in self._by_code.values() if r.level is level)
