"""Indonesian mobile numbers, normalised to E.164 (``+628…``) with Google's libphonenumber."""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberType

from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error

_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def normalize_phone(raw: str | None, field: str = "phone") -> tuple[str | None, list[Problem]]:
    """Return ``(e164, problems)``; an empty input gives ``(None, [])``."""
    text = (raw or "").strip()
    if not text:
        return None, []
    if text.startswith("62") and not text.startswith("+"):
        text = "+" + text  # "62812…" typed without the plus
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP tidak dapat dibaca. Tulis seperti 0812-3456-7890 atau +62 812-3456-7890."))]
    if number.country_code != 62:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP harus nomor Indonesia (+62)."))]
    kind = phonenumbers.number_type(number)  # UNKNOWN when the number is not valid at all
    if kind is PhoneNumberType.UNKNOWN:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP tidak valid: periksa jumlah digit (08xx, 10–13 digit)."))]
    if kind not in _MOBILE_TYPES:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "Nomor ini bukan nomor HP (seluler). Isi nomor HP yang diawali 08."))]
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), []


def display_phone(e164: str | None) -> str:
    """``+6281234567890`` -> ``0812-3456-7890`` as Indonesians write it."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL).replace(" ", "-")
