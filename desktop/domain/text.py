"""Text and date helpers shared by the form, the command line and (later) imports."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_SPACES = re.compile(r"\s+")
_DATE_PATTERNS = (
    re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$"),  # dd-mm-yyyy
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),             # yyyy-mm-dd (ISO)
    re.compile(r"^(\d{2})(\d{2})(\d{4})$"),                   # ddmmyyyy typed without separators
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),             # yyyy/mm/dd
)
_NAMED_MONTH = re.compile(r"^(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.]+(\d{4})$")

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


def parse_date(text: str | None) -> dt.date | None:
    """Parse ``17-08-1980``, ``17/08/1980``, ``1980-08-17``, ``17081980`` or ``17 Agustus 1980``.

    None when unreadable or not a real date.
    """
    value = fold_spaces(text)
    if not value:
        return None
    named = _NAMED_MONTH.match(value.lower())
    if named:
        month = _MONTH_NUMBERS.get(named.group(2))
        if month is None:
            return None
        try:
            return dt.date(int(named.group(3)), month, int(named.group(1)))
        except ValueError:
            return None
    for number, pattern in enumerate(_DATE_PATTERNS):
        match = pattern.match(value)
        if not match:
            continue
        a, b, c = (int(g) for g in match.groups())
        day, month, year = (c, b, a) if number in (1, 3) else (a, b, c)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


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
