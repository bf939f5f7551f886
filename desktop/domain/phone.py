"""Indonesian mobile numbers, normalised to E.164 (``+628…``) with Google's libphonenumber."""

from __future__ import annotations

import functools
import re

from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error

# libphonenumber is imported when a number is first checked (30 ms that a command which checks none,
# such as `lindung list`, does not spend).
# The everyday shapes (0812-3456-7890, +62 812 3456 7890, 62812…): the national number is plain to
# read, so libphonenumber's general parser (the slow part of a 10,000-row import) can be skipped.
_PLAIN = re.compile(r"^(?:\+?62|0)[\s.\-]?\(?(8[\d\s.\-()]{6,20})$")
_SEPARATORS = re.compile(r"[\s.\-()]")


# What people write for "no phone": dashes and zeros (``-``, ``--``, ``0``, ``000``) or words.
_NO_PHONE_MARKS = re.compile(r"^[\s\-–—_.0/]*$")
_NO_PHONE_WORDS = frozenset({
    "tidakada", "tdkada", "tidakpunya", "tdkpunya", "belumada", "blmada", "tanpahp", "tidakadahp", "takada",
    "kosong", "none", "nihil", "na", "nil", "x", "xx", "xxx", "tidakmemiliki", "tidakmemilikihp"})
_NOT_LETTER = re.compile(r"[^a-z]")


def means_no_phone(text: str) -> bool:
    """``-``, ``0``, ``--``, ``000``, ``tidak ada``: the person has no phone (an empty field, not a bad number)."""
    if _NO_PHONE_MARKS.match(text):
        return True
    return _NOT_LETTER.sub("", text.lower()) in _NO_PHONE_WORDS and not any(c.isdigit() for c in text)


def normalize_phone(raw: str | None, field: str = "phone") -> tuple[str | None, list[Problem]]:
    """Return ``(e164, problems)``; an empty input, or one that means "no phone" (``-``, ``0``,
    ``tidak ada``), gives ``(None, [])``: the phone is optional."""
    text = (raw or "").strip()
    plain = _PLAIN.match(text)
    if plain:   # the everyday shape first: it has an 8, which no "no phone" mark or word has
        national = _SEPARATORS.sub("", plain.group(1))
        return _checked(national, national, field)
    if not text or means_no_phone(text):
        return None, []
    import phonenumbers

    if text.startswith("62") and not text.startswith("+"):
        text = "+" + text  # "62812…" typed without the plus
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP tidak dapat dibaca. Tulis seperti 0812-3456-7890 atau +62 812-3456-7890."))]
    if number.country_code != 62:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP harus nomor Indonesia (+62)."))]
    return _checked(phonenumbers.national_significant_number(number), str(number.national_number), field)


def _checked(significant: str, national: str, field: str) -> tuple[str | None, list[Problem]]:
    """The number's verdict: ``significant`` as libphonenumber classifies it, ``national`` the digits
    kept after +62."""
    kind = _indonesian_kind(significant)  # UNKNOWN when the number is not valid at all
    kinds = _indonesian_descriptions()[-1]
    if kind is kinds.UNKNOWN:
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "No. HP tidak valid: periksa jumlah digit (08xx, 10–13 digit)."))]
    if kind not in (kinds.MOBILE, kinds.FIXED_LINE_OR_MOBILE):
        return None, [error(field, QT_TRANSLATE_NOOP("Validation", "Nomor ini bukan nomor HP (seluler). Isi nomor HP yang diawali 08."))]
    return f"+62{national}", []


@functools.cache
def _indonesian_descriptions() -> tuple:
    """libphonenumber's descriptions of Indonesian numbers, each as (type, compiled pattern, lengths),
    in the order its ``number_type`` tries them; and its PhoneNumberType, last."""
    from phonenumbers import PhoneMetadata, PhoneNumberType

    metadata = PhoneMetadata.metadata_for_region("ID")

    def described(desc):
        if desc is None or not desc.national_number_pattern:
            return None
        return re.compile(desc.national_number_pattern), frozenset(desc.possible_length or ())

    ordered = [(kind, described(getattr(metadata, name))) for kind, name in (
        (PhoneNumberType.PREMIUM_RATE, "premium_rate"), (PhoneNumberType.TOLL_FREE, "toll_free"),
        (PhoneNumberType.SHARED_COST, "shared_cost"), (PhoneNumberType.VOIP, "voip"),
        (PhoneNumberType.PERSONAL_NUMBER, "personal_number"), (PhoneNumberType.PAGER, "pager"),
        (PhoneNumberType.UAN, "uan"), (PhoneNumberType.VOICEMAIL, "voicemail"))]
    return (described(metadata.general_desc), tuple((k, d) for k, d in ordered if d is not None),
            described(metadata.fixed_line), described(metadata.mobile), metadata.same_mobile_and_fixed_line_pattern,
            PhoneNumberType)


def _matches(national: str, desc) -> bool:
    if desc is None:
        return False
    pattern, lengths = desc
    return (not lengths or len(national) in lengths) and pattern.fullmatch(national) is not None


def _indonesian_kind(national: str):
    """``phonenumbers.number_type`` of an Indonesian national number, from the same metadata, taken in
    the same order, with its patterns compiled once (the library's own call was a tenth of checking an
    imported row)."""
    general, special, fixed_line, mobile, same_pattern, PhoneNumberType = _indonesian_descriptions()  # noqa: N806
    if not _matches(national, general):
        return PhoneNumberType.UNKNOWN
    for kind, desc in special:
        if _matches(national, desc):
            return kind
    if _matches(national, fixed_line):
        if same_pattern or _matches(national, mobile):
            return PhoneNumberType.FIXED_LINE_OR_MOBILE
        return PhoneNumberType.FIXED_LINE
    if not same_pattern and _matches(national, mobile):
        return PhoneNumberType.MOBILE
    return PhoneNumberType.UNKNOWN


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
