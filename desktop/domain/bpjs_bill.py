"""BPJS's own bill (the BPU collective "tagihan iuran"): per worker (NIK and/or No KPJ, name) the months
charged (a month, ``12-2026``, ``Desember 2026``, ``2026-12``, or a range ``01-2027 s/d 12-2027``) and
the contribution (JKK, JKM, and their total). Columns are found by their headers in any spelling, as
BPJS's answer's are (``desktop.domain.bpjs``); a row claims at most ``MAX_RANGE`` months. No file I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.domain import bounds
from desktop.domain.bpjs import ANSWER_VARIANTS, row_cells, totals_label, worker_numbers
from desktop.domain.headers import Header, HeaderNames
from desktop.domain.importing import cell_text, date_from_cell
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import DAY_FIRST, parse_date, parse_rupiah

MAX_RANGE = 60           # months one row may charge: the longest term a payment buys (5 years)
HEADER_ROWS = 20         # where the header is looked for (a title and the branch's letterhead above it)

BILL_VARIANTS: dict[str, tuple[str, ...]] = {
    "nik": ANSWER_VARIANTS["nik"],
    "kpj": ANSWER_VARIANTS["kpj"],
    "name": ANSWER_VARIANTS["name"],
    "period": ("periode", "periodeiuran", "bulaniuran", "blniuran", "bulan", "masaiuran", "periodetagihan",
               "bulantagihan", "periodebulan", "bulantahun", "periodebayar", "bulanbayar", "thbliuran",
               "bulantahuniuran", "periodekepesertaan"),
    "period_to": ("sampai", "sampaibulan", "periodeakhir", "bulanakhir", "akhirperiode", "sd", "hingga"),
    "year": ("tahun", "tahuniuran", "thn"),
    "jkk": ("jkk", "iuranjkk", "jkkrp", "iuranjkkrp", "nominaljkk"),
    "jkm": ("jkm", "iuranjkm", "jkmrp", "iuranjkmrp", "nominaljkm"),
    "amount": ("jumlahiuran", "totaliuran", "jumlah", "total", "iuran", "totaltagihan", "jumlahtagihan",
               "tagihan", "nominal", "jumlahrp", "totalrp", "nominaliuran", "iurantotal", "jumlahbayar",
               "totalbayar"),
}
# A header naming the start of the period where a column for its end stands beside it.
_PERIOD_FROM = ("periodeawal", "bulanawal", "awalperiode", "mulai", "mulaibulan", "dari", "daribulan")
BILL_NAMES = HeaderNames({**BILL_VARIANTS, "period": tuple(BILL_VARIANTS["period"]) + _PERIOD_FROM})


def bill_key(header: object) -> str | None:
    """The bill column a header names (``Iuran JKK (Rp)`` -> ``jkk``), or None."""
    return BILL_NAMES.key(header)


def _complete(mapping: Mapping[str, int]) -> bool:
    return bool({"nik", "kpj"} & mapping.keys()) and "period" in mapping and (
        "amount" in mapping or {"jkk", "jkm"} <= mapping.keys())


BillHeader = Header


def find_bill(rows: Sequence[Sequence[Any]], search: int = HEADER_ROWS) -> Header | None:
    """The bill's header among the first ``search`` rows: a row (or two, names under a merged group such as
    ``Iuran`` -> ``JKK`` | ``JKM`` | ``Jumlah``) naming a NIK or KPJ column, the period and the amount (a
    total, or JKK and JKM)."""
    return BILL_NAMES.find(rows, search, lambda keys: bool({"nik", "kpj"} & keys.keys()), _complete)


MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "Service", "Berkas {name} bukan tagihan iuran BPJS yang dikenal: tidak ada lembar dengan kolom NIK atau No KPJ, "
               "kolom periode (Periode, Bulan Iuran) dan kolom jumlah iuran (Jumlah Iuran, atau Iuran JKK dan "
               "Iuran JKM) di 20 baris pertamanya. Lembar yang ada: {sheets}.")
NO_WORKER = QT_TRANSLATE_NOOP("Service", "NIK dan nomor KPJ tidak terbaca (NIK 16 digit atau KPJ 11 digit).")
NO_PERIOD = QT_TRANSLATE_NOOP("Service", "Periode tidak terbaca; tulis bulannya seperti 12-2026, Desember 2026 atau "
                                         "01-2027 s/d 12-2027.")
LONG_PERIOD = QT_TRANSLATE_NOOP("Service", "Periode lebih dari 60 bulan atau berakhir sebelum mulainya; periksa "
                                           "periodenya.")
NO_AMOUNT = QT_TRANSLATE_NOOP("Service", "Jumlah iuran kosong atau tidak terbaca (rupiah bulat, tidak negatif).")


@dataclass(frozen=True)
class BillRow:
    row: int                          # the spreadsheet's row number
    nik: str                          # 16 digits, or "" when the row names only a KPJ
    kpj: str                          # 11 digits, or ""
    months: tuple[dt.date, ...]       # the months charged, each as its first day
    amount: int | None                # rupiah charged by this row (every month of it together)
    problem: str | None = None        # why the row cannot be compared (a message template)
    value: str = ""                   # what the file held that the problem is about
    name: str = ""
    sheet: str = ""


_RANGE = re.compile(r"\s*(?:s\s*\.?\s*/?\s*d\b\.?|sampai(?:\s+dengan)?|hingga|\bto\b|[–—]|\s-\s)\s*", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/. ](\d{4})$")                          # 12-2026, 1/2027
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")                           # 2026-12
_SIX_DIGITS = re.compile(r"^(\d{4})(\d{2})$")                                 # 202612
_NAMED = re.compile(r"^([a-z]+)\.?[\s\-/.,']*(\d{4}|\d{2})?$")                   # Desember 2026, DES-26, Desember


def month_of(value: Any, year: int | None = None, order: str = DAY_FIRST) -> dt.date | None:
    """One month written in a cell (a date, an Excel serial, ``12-2026``, ``2026-12``, ``202612``,
    ``Desember 2026``, ``Des-26``, a full date in ``order``), as its first day; ``year`` for a month
    named without one (a separate Tahun column). None when it names no month."""
    if year and isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        value = str(value)          # a month number beside a Tahun column, not an Excel serial
    got = date_from_cell(value)
    if isinstance(got, dt.date):
        day: dt.date | None = got
    elif match := _MONTH_YEAR.match(got):
        day = parse_date(f"1-{match.group(1)}-{match.group(2)}")
    elif match := (_YEAR_MONTH.match(got) or _SIX_DIGITS.match(got)):
        day = parse_date(f"{match.group(1)}-{match.group(2)}-01")
    elif match := _NAMED.match(got.lower()):
        written = match.group(2) or (str(year) if year else "")
        day = parse_date(f"1 {match.group(1)} {written}") if written else None
    elif got.isdigit() and len(got) <= 2 and year:
        day = parse_date(f"1-{got}-{year}")
    else:
        day = parse_date(got, order)
    if day is None or not bounds.FIRST_DAY <= day <= bounds.LAST_DAY:
        return None
    return day.replace(day=1)


@lru_cache(maxsize=1024)      # a bill repeats a handful of periods over tens of thousands of rows
def months_of(value: Any, until: Any = None, year: int | None = None,
              order: str = DAY_FIRST) -> tuple[dt.date, ...] | None:
    """The months a period cell names (one, or a range ``01-2027 s/d 12-2027``, or from ``value`` to
    ``until`` when the end stands in a column of its own); () when the range is reversed or longer than
    ``MAX_RANGE`` months; None when unreadable."""
    text = value if isinstance(value, str) else None
    parts = _RANGE.split(cell_text(text)) if text is not None else []
    if until is not None and cell_text(until):
        start, end = month_of(value, year, order), month_of(until, year, order)
    elif len(parts) == 2:
        start, end = month_of(parts[0], year, order), month_of(parts[1], year, order)
    elif len(parts) > 2:
        return None
    else:
        start = end = month_of(value, year, order)
    if start is None or end is None:
        return None
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    if not 1 <= count <= MAX_RANGE:
        return ()
    return tuple(dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
                 for i in range(count))


def _rupiah(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        whole = round(value)
        return whole if abs(value - whole) < 0.01 and 0 <= whole <= bounds.MAX_AMOUNT else None
    got = parse_rupiah(cell_text(value)) if cell_text(value) else None
    return got if got is not None and 0 <= got <= bounds.MAX_AMOUNT else None


def period_texts(rows: Sequence[Sequence[Any]], mapping: Mapping[str, int]) -> list[str]:
    """The period column's text values (for ``date_column_order``: full dates written day/month)."""
    out = []
    for row in rows:
        for key in ("period", "period_to"):
            index = mapping.get(key)
            if index is not None and index < len(row) and isinstance(row[index], str):
                out.extend(part for part in _RANGE.split(row[index]) if part)
    return out


def read_bill_row(number: int, row: Sequence[Any], mapping: Mapping[str, int],
                  order: str = DAY_FIRST) -> BillRow | None:
    """One row of the bill; None for a blank row, a totals row or a footer line under the table."""
    cell = row_cells(row, mapping)
    nik_text, nik_problems, nik, kpj = worker_numbers(cell)
    digits = sum(ch.isdigit() for ch in nik_text) + sum(ch.isdigit() for ch in kpj)
    if digits == 0 or not kpj and len(nik_text) > 0 and sum(ch.isdigit() for ch in nik_text) < 12 and any(
            ch.isalpha() for ch in nik_text):
        return None        # blank, a footer line ("Pontianak, 10 Desember 2026"), a signature
    if digits < 11 and totals_label(row) is not None:
        return None        # a totals row (JUMLAH 12)
    nik = nik if len(nik) == 16 and nik.isdigit() and not any(p.is_error for p in nik_problems) else ""
    kpj = kpj if len(kpj) == 11 and kpj.isdigit() else ""
    name = cell_text(cell("name"))
    if not nik and not kpj:
        return BillRow(number, "", "", (), None, NO_WORKER, nik_text or cell_text(cell("kpj")), name)
    year_cell = cell("year")
    year = int(cell_text(year_cell)) if cell_text(year_cell).isdigit() and len(cell_text(year_cell)) == 4 else None
    months = months_of(cell("period"), cell("period_to"), year, order)
    period_text = " s/d ".join(t for t in (cell_text(cell("period")), cell_text(cell("period_to"))) if t)
    if months is None:
        return BillRow(number, nik, kpj, (), None, NO_PERIOD, period_text, name)
    if not months:
        return BillRow(number, nik, kpj, (), None, LONG_PERIOD, period_text, name)
    if "amount" in mapping:
        amount = _rupiah(cell("amount"))
        shown = cell_text(cell("amount"))
    else:
        jkk, jkm = _rupiah(cell("jkk")), _rupiah(cell("jkm"))
        amount = jkk + jkm if jkk is not None and jkm is not None else None
        shown = f"{cell_text(cell('jkk'))} + {cell_text(cell('jkm'))}"
    if amount is None:
        return BillRow(number, nik, kpj, months, None, NO_AMOUNT, shown, name)
    return BillRow(number, nik, kpj, months, amount, name=name)
