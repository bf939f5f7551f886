"""Schools as lists name them: which column names a row's school, and which registered school it is.

A foundation (yayasan) running several schools sends one list with a column naming each row's school
(``Nama Sekolah``, ``Sekolah``, ``Satuan Pendidikan``, ``NPSN``, ``Unit``, ``Madrasah``); an EMIS export
carries the madrasah's NPSN on every row. People write a school's name in many ways (``SDN 12
Pontianak``, ``SD Negeri 12 Pontianak``, ``SD NEG. 012 PONTIANAK``): ``SchoolMatcher`` finds the school
by its NPSN, else by its name read tolerantly, and never takes one school for another whose number
differs. No file I/O here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.domain.importing import header_key
from desktop.domain.text import fold_spaces

# Header keys (lower case, letters and digits only) of a column naming the school by name or by NPSN.
NAME_HEADERS = frozenset({
    "namasekolah", "sekolah", "satuanpendidikan", "namasatuanpendidikan", "unit", "unitsekolah", "namaunit",
    "madrasah", "namamadrasah", "lembaga", "namalembaga", "sekolahmadrasah", "namasekolahmadrasah",
    "unitpendidikan",
})
NPSN_HEADERS = frozenset({"npsn", "npsnsekolah", "npsnmadrasah", "npsnlembaga", "npsnsatuanpendidikan"})

_WORD = re.compile(r"[0-9A-Z]+")
_NPSN = re.compile(r"^\d{8}$")
# Short forms written for a level and its status: SDN = SD Negeri, MIS = MI Swasta, MTsN = MTs Negeri.
_LEVELS = ("SD", "SMP", "SMA", "SMK", "MI", "MTS", "MA")
_LONG_LEVELS = {("SEKOLAH", "DASAR"): "SD", ("MADRASAH", "IBTIDAIYAH"): "MI", ("MADRASAH", "TSANAWIYAH"): "MTS",
                ("MADRASAH", "ALIYAH"): "MA", ("SEKOLAH", "MENENGAH", "PERTAMA"): "SMP",
                ("SEKOLAH", "MENENGAH", "ATAS"): "SMA", ("SEKOLAH", "MENENGAH", "KEJURUAN"): "SMK"}
_STATUS = {"N": "NEGERI", "NEG": "NEGERI", "NEGERI": "NEGERI", "S": "SWASTA", "SWASTA": "SWASTA"}
_DROPPED = {"NO", "NOMOR", "NOMER"}


def school_columns(headers: Sequence[Any]) -> tuple[int | None, int | None]:
    """(NPSN column, name column) of a header row: the first of each kind, None when there is none."""
    npsn = name = None
    for index, header in enumerate(headers):
        key = header_key(header)
        if npsn is None and key in NPSN_HEADERS:
            npsn = index
        elif name is None and key in NAME_HEADERS:
            name = index
    return npsn, name


def npsn_of(text: str) -> str:
    """The NPSN a cell holds (eight digits, an Excel number or text), else ``""``."""
    digits = fold_spaces(text).replace(" ", "")
    if digits.endswith(".0"):
        digits = digits[:-2]
    return digits if _NPSN.match(digits) else ""


def name_key(name: str) -> tuple[str, ...]:
    """The words a school's name is compared by: ``SDN 012 Pontianak`` -> (SD, NEGERI, 12, PONTIANAK)."""
    words = _WORD.findall(fold_spaces(name).upper())
    for long, short in _LONG_LEVELS.items():
        if tuple(words[:len(long)]) == long:
            words = [short, *words[len(long):]]
            break
    if words:
        first = words[0]
        for level in _LEVELS:
            # SDN, SMPN, MIN, MTSN, MAN and SDS, MIS, MTSS, MAS (the level with its status letter)
            if first in (level + "N", level + "S") and first not in _LEVELS:
                words = [level, _STATUS[first[-1]], *words[1:]]
                break
        if words[0] in _LEVELS and len(words) > 1 and words[1] in _STATUS:
            words = [words[0], _STATUS[words[1]], *words[2:]]
    return tuple(str(int(w)) if w.isdigit() else w for w in words if w not in _DROPPED)


def _numbers(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in key if w.isdigit())


def _without_status(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in key if w not in ("NEGERI", "SWASTA"))


class SchoolMatcher:
    """The registered school a list's cell names (by NPSN, else by name), or ``""`` when none or more
    than one fits."""

    def __init__(self, schools: Iterable[tuple[str, str]]):   # (npsn, name) of every registered school
        self.by_npsn: dict[str, str] = {}
        self.by_key: dict[tuple[str, ...], list[str]] = {}
        for npsn, name in schools:
            self.by_npsn[npsn] = name
            self.by_key.setdefault(name_key(name), []).append(npsn)

    def match(self, npsn_text: str = "", name_text: str = "") -> str:
        npsn = npsn_of(npsn_text) or npsn_of(name_text)
        if npsn:
            return npsn if npsn in self.by_npsn else ""
        key = name_key(name_text)
        if not key:
            return ""
        # A name written without Negeri/Swasta is compared with the schools' names without it.
        bare = _without_status(key) == key
        keys: dict[tuple[str, ...], list[str]] = {}
        for k, npsns in self.by_key.items():
            keys.setdefault(_without_status(k) if bare else k, []).extend(npsns)
        exact = keys.get(key, [])
        if exact:
            return exact[0] if len(exact) == 1 else ""
        wanted, numbers = " ".join(key), _numbers(key)
        scored = sorted(((difflib.SequenceMatcher(None, wanted, " ".join(k)).ratio(), npsns)
                         for k, npsns in keys.items() if _numbers(k) == numbers), key=lambda s: -s[0])
        if not scored or scored[0][0] < 0.9 or len(scored[0][1]) > 1:
            return ""
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.03:
            return ""   # two schools about as close: not guessed
        return scored[0][1][0]
