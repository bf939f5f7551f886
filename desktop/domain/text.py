"""Text and date helpers shared by the form, the command line and (later) imports."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")
# Numbers in three parts: day and month in an order the column decides (``dd-mm-yyyy`` in Indonesia,
# ``m/d/yyyy`` from an English-locale Excel), the year last, in four digits or two.
_NUMERIC = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")           # 2026-12-01, 2026/12/01
_EIGHT_DIGITS = re.compile(r"^\d{8}$")                                            # 17081980, 20261201
_NAMED_MONTH = re.compile(r"^(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.,]+(\d{4}|\d{2})$")       # 1 Desember 2026, 01-DEC-26
_MONTH_FIRST = re.compile(r"^([a-z]+)\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?[\s,]+(\d{4})$")  # Dec 1, 2026
# What systems put around a date: a weekday before it, a time of day after it (``2026-12-01 00:00:00``).
_WEEKDAY = re.compile(r"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|"
                      r"friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+")
_TIME = re.compile(r"(?:[ t]|^)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:am|pm|wib|wita|wit)?\s*"
                   r"(?:z|[+-]\d{2}:?\d{2})?$")
DAY_FIRST, MONTH_FIRST = "dmy", "mdy"


def _year(text: str) -> int:
    """A year as written; two digits the way Excel reads them (00–29 → 2000s, 30–99 → 1900s)."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 30 else 1900
    return year


def _date_text(text: str | None) -> str:
    value = fold_spaces(text).lower()
    value = _WEEKDAY.sub("", value)
    stripped = _TIME.sub("", value).strip()
    return stripped or value


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_orders(text: str | None) -> frozenset[str]:
    """The orders (``DAY_FIRST``, ``MONTH_FIRST``) in which ``text`` reads as a real date: both for
    ``1/12/2026``, one for ``14/12/2026`` or ``12/14/2026``, none for ``2026-12-01`` or a month named
    (the order does not matter to them) or for text that is no date."""
    match = _NUMERIC.match(_date_text(text))
    if not match:
        return frozenset()
    a, b, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
    return frozenset(order for order, (day, month) in ((DAY_FIRST, (a, b)), (MONTH_FIRST, (b, a)))
                     if _day(year, month, day) is not None)


PROVEN, ASSUMED, MIXED = "proven", "assumed", "mixed"


def date_column_order(texts: Iterable[str]) -> tuple[str, str]:
    """(the order in which the column writes day and month, how it is known): a column is read as a whole,
    so one ``14/12/2026`` makes the whole column day-first and one ``12/14/2026`` month-first (PROVEN).
    Without proof, day-first, Indonesia's order (ASSUMED); when values prove both orders the column is
    MIXED: a value that reads only one way is read that way, every other is reported (``UNCLEAR_DATE``)."""
    seen: set[str] = set()
    for text in texts:
        orders = date_orders(text)
        if len(orders) == 1:
            seen |= orders
            if len(seen) == 2:
                return DAY_FIRST, MIXED
    if seen:
        return next(iter(seen)), PROVEN
    return DAY_FIRST, ASSUMED


def parse_date(text: str | None, order: str = DAY_FIRST) -> dt.date | None:
    """A date written in any common Indonesian or English form: ``17-08-1980``, ``17/08/1980``,
    ``7.8.1980``, ``17-08-80``, ``1980-08-17``, ``2026-12-01 00:00:00``, ``17081980``, ``20261201``,
    ``17 Agustus 1980``, ``01-DEC-26``, ``Dec 1, 2026``, ``Selasa, 1 Desember 2026``.

    Day and month written as numbers are read in ``order`` (day first unless the column says otherwise,
    see ``date_orders``). None when unreadable or not a real date."""
    value = _date_text(text)
    if not value:
        return None
    match = _NUMERIC.match(value)
    if match:
        a, b, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        day, month = (a, b) if order == DAY_FIRST else (b, a)
        return _day(year, month, day)
    match = _YEAR_FIRST.match(value)
    if match:
        return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if _EIGHT_DIGITS.match(value):   # typed without separators: ddmmyyyy as forms ask, else yyyymmdd as systems write
        return (_day(int(value[4:]), int(value[2:4]), int(value[:2]))
                or _day(int(value[:4]), int(value[4:6]), int(value[6:])))
    match = _NAMED_MONTH.match(value)
    if match:
        month = _MONTH_NUMBERS.get(match.group(2))
        return _day(_year(match.group(3)), month, int(match.group(1))) if month else None
    match = _MONTH_FIRST.match(value)
    if match:
        month = _MONTH_NUMBERS.get(match.group(1))
        return _day(int(match.group(3)), month, int(match.group(2))) if month else None
    return None


MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


# Month names and abbreviations as Indonesians (and some spreadsheets) write them.
_MONTH_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate((
        ("januari", "jan"), ("februari", "pebruari", "feb", "peb"), ("maret", "mar"), ("april", "apr"),
        ("mei", "may"), ("juni", "jun"), ("juli", "jul"), ("agustus", "agu", "agt", "ags", "agst", "aug", "august"),
        ("september", "sep", "sept"), ("oktober", "okt", "oct", "october"), ("november", "nov", "nop"),
        ("desember", "des", "dec", "december")), start=1):
    for _name in _names:
        _MONTH_NUMBERS[_name] = _number
_MONTH_NUMBERS.update({"january": 1, "february": 2, "march": 3, "june": 6, "july": 7})


def fold_spaces(text: str | None) -> str:
    """Trim and fold runs of whitespace (including non-breaking spaces) into one space."""
    if type(text) is str:
        if text.isascii():   # the common case first: called some 40 times a row of an import
            return " ".join(text.split())
    elif not text:
        return ""
    else:
        text = str(text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())  # str.split() splits on every Unicode space, NBSP included


def normalize_name(text: str | None) -> str:
    """Names as on the KTP: trimmed, whitespace folded, in capitals."""
    return fold_spaces(text).upper()


def search_key(text: str | None) -> str:
    """Accent-free upper-case form used for sorting and matching names."""
    folded = fold_spaces(text)
    if folded.isascii():
        return folded.upper()
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def format_date(value: dt.date | None) -> str:
    """``17-08-1980``, the way dates are written on Indonesian forms."""
    return value.strftime("%d-%m-%Y") if value else ""


def format_date_long(value: dt.date | None) -> str:
    """``17 Agustus 1980``."""
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}" if value else ""


def format_rupiah(amount: int | None) -> str:
    """``Rp 1.234.567``."""
    if amount is None:
        return ""
    return "Rp " + f"{amount:,}".replace(",", ".")


def parse_rupiah(text: str | int | None) -> int | None:
    """``Rp 1.500.000``, ``1500000``, ``1.500.000,00`` -> 1500000; None when unreadable."""
    if text is None:
        return None
    if isinstance(text, int):
        return text if abs(text) < _RUPIAH_CEILING else None
    value = fold_spaces(text).lower().removeprefix("rp").strip().replace(" ", "")
    value = re.sub(r",\d{1,2}$", "", value)  # decimal cents written with a comma
    value = value.replace(".", "").replace(",", "")
    # More than 18 digits is no amount of rupiah (and past 4,300 digits int() itself refuses the text).
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


_RUPIAH_CEILING = 10 ** 18   # what parse_rupiah reads: 18 digits (SQLite's INTEGER holds 9.2 x 10^18)


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(start.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


_CHOICE_WORDS = re.compile(r"[0-9a-z]+")


def choice_words(text: str | None) -> list[str]:
    """The words of a list entry as typed to find it: lower case, accents and punctuation dropped."""
    return _CHOICE_WORDS.findall(search_key(text).lower())


def choice_matches(typed: str | None, entry: str | None) -> bool:
    """Type-to-filter for drop-down lists (regions, schools, occupations): every typed word starts a
    word of the entry, in any order and any case, so ``sintang`` finds ``Kabupaten Sintang``; spaces
    typed or not, as the import reads names, so ``kuburaya`` finds ``Kubu Raya`` and ``kota baru``
    finds ``Kotabaru``."""
    words = choice_words(typed)
    if not words:
        return True
    names = choice_words(entry)
    if all(any(name.startswith(word) for name in names) for word in words):
        return True
    joined = "".join(words)
    return any("".join(names[start:]).startswith(joined) for start in range(len(names)))


def choice_rank(typed: str | None, entry: str | None) -> int:
    """0 when the entry is exactly what was typed (spaces aside, a leading ``Kabupaten``/``Kota``
    word allowed), 1 when the typed letters run on from the start of one of its words, 2 otherwise
    (words typed in another order): the list shows the best first."""
    joined = "".join(choice_words(typed))
    names = choice_words(entry)
    if not joined:
        return 2
    if "".join(names) == joined or (len(names) > 1 and names[0] in ("kabupaten", "kota", "desa", "kelurahan")
                                    and "".join(names[1:]) == joined):
        return 0
    return 1 if any("".join(names[start:]).startswith(joined) for start in range(len(names))) else 2


_STATE_SCHOOL = re.compile(r"^(SD|SMP|SMA|SMK|MI|MTS|MA)\s+NEGERI\b", re.IGNORECASE)


def school_words(name: str, npsn: str = "") -> str:
    """What a school is found by when typed: its name, the short form people write (``SDN 12``
    for ``SD NEGERI 12``) and its NPSN."""
    words = [fold_spaces(name)]
    short = _STATE_SCHOOL.match(fold_spaces(name))
    if short:
        words.append(short.group(1) + "N" + fold_spaces(name)[short.end():])
    if npsn:
        words.append(npsn)
    return " ".join(words)
