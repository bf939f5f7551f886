"""Indonesian mobile numbers, normalised to E.164 (``+628…``) with Google's libphonenumber."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

# libphonenumber is imported when a number is first checked (30 ms that a command which checks none,
# such as `lindung list`, does not spend).
# The everyday shapes (0812-3456-7890, +62 812 3456 7890, 62812…): the national number is plain to
# read, so libphonenumber's general parser (the slow part of a 10,000-row import) can be skipped.
_PLAIN = re.compile(r"^(?:\+?62|0)[\s.\-]?\(?(8[\d\s.\-()]{6,20})$")
_SEPARATORS = re.compile(r"[\s.\-()]")


def normalize_phone(raw: str | None, field: str = "phone") -> tuple[str | None, list[Problem]]:
    """Return ``(e164, problems)``; an empty input gives ``(None, [])``."""
    text = (raw or "").strip()
    if not text:
        return None, []
    import phonenumbers

    plain = _PLAIN.match(text)
    if plain:
        number = phonenumbers.PhoneNumber(country_code=62, national_number=int(_SEPARATORS.sub("", plain.group(1))))
        return _checked(number, field)
    if text.startswith("62") and not text.startswith("+"):
        text = "+" + text  # "62812…" typed without the plus
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP tidak dapat dibaca. Tulis seperti 0812-3456-7890 atau +62 812-3456-7890."))]
    if number.country_code != 62:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP harus nomor Indonesia (+62)."))]
    return _checked(number, field)


def _checked(number: PhoneNumber, field: str) -> tuple[str | None, list[Problem]]:
    import phonenumbers
    from phonenumbers import PhoneNumberType

    kind = phonenumbers.number_type(number)  # UNKNOWN when the number is not valid at all
    if kind is PhoneNumberType.UNKNOWN:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP tidak valid: periksa jumlah digit (08xx, 10–13 digit)."))]
    if kind not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "Nomor ini bukan nomor HP (seluler). Isi nomor HP yang diawali 08."))]
    return f"+62{number.national_number}", []


def display_phone(e164: str | None) -> str:
    """``+6281234567890`` -> ``0812-3456-7890`` as Indonesians write it."""
    if not e164:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL).replace(" ", "-")
