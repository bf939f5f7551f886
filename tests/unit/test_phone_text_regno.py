import datetime as dt

import pytest

from desktop.domain.phone import display_phone, normalize_phone
from desktop.domain.regno import (
    is_valid_registration_no, make_registration_no, new_device_prefix, normalize_registration_no,
)
from desktop.domain.text import add_months, format_rupiah, normalize_name, parse_date, parse_rupiah


@pytest.mark.parametrize("raw", ["0812-3456-7890", "081234567890", "+62 812 3456 7890", "62812-3456-7890",
                                 "(0812) 3456 7890"])
def test_mobile_numbers_normalise_to_e164(raw):
    assert normalize_phone(raw) == ("+6281234567890", [])


@pytest.mark.parametrize("raw, fragment", [
    ("0812-34", "tidak valid"),
    ("0561-734567", "bukan nomor HP"),       # a Pontianak landline
    ("+60 12-345 6789", "nomor Indonesia"),   # Malaysian mobile
    ("nomor saya", "tidak dapat dibaca"),
    ("0812345678901234", "tidak valid"),
])
def test_bad_phones_are_refused_with_a_reason(raw, fragment):
    value, problems = normalize_phone(raw)
    assert value is None
    assert problems and fragment in problems[0].message


def test_empty_phone_is_no_phone():
    assert normalize_phone("  ") == (None, [])


def test_phone_shown_the_indonesian_way():
    assert display_phone("+6281234567890") == "0812-3456-7890"


def test_names_are_trimmed_folded_and_capitalised():
    assert normalize_name("  hj.  siti\u00a0 nur'aini \t") == "HJ. SITI NUR'AINI"


@pytest.mark.parametrize("text, expected", [
    ("17-08-1980", dt.date(1980, 8, 17)), ("17/08/1980", dt.date(1980, 8, 17)),
    ("1980-08-17", dt.date(1980, 8, 17)), ("17081980", dt.date(1980, 8, 17)), ("7.8.1980", dt.date(1980, 8, 7)),
    ("31-02-1980", None), ("kemarin", None), ("", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_rupiah_round_trip():
    assert format_rupiah(1234567) == "Rp 1.234.567"
    assert parse_rupiah("Rp 1.500.000") == 1500000
    assert parse_rupiah("1.500.000,00") == 1500000
    assert parse_rupiah("satu juta") is None


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 24), 12) == dt.date(2027, 11, 24)


def test_registration_numbers_carry_a_check_character():
    number = make_registration_no("7K3QMX", 42)
    assert number.startswith("7K3QMX-000042-")
    assert is_valid_registration_no(number)
    assert normalize_registration_no(number.replace("-", "").lower()) == number
    # Every single changed character and every swap of neighbours is caught.
    body = number.replace("-", "")
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i, char in enumerate(body):
        for other in alphabet:
            if other != char:
                assert not is_valid_registration_no(body[:i] + other + body[i + 1:])
    for i in range(len(body) - 1):
        if body[i] != body[i + 1]:
            swapped = body[:i] + body[i + 1] + body[i] + body[i + 2:]
            assert not is_valid_registration_no(swapped)


def test_device_prefixes_avoid_ambiguous_letters():
    prefixes = {new_device_prefix() for _ in range(200)}
    assert len(prefixes) == 200
    assert not any(set(p) & set("ILOU") for p in prefixes)


def test_plain_phone_shapes_agree_with_libphonenumber():
    """The fast path for everyday shapes gives exactly libphonenumber's verdict."""
    import random

    import phonenumbers

    rng = random.Random(5)
    for _ in range(3000):
        digits = "8" + "".join(rng.choice("0123456789") for _ in range(rng.randint(5, 13)))
        head = rng.choice(["0", "+62", "62", "+62 ", "0", "(0", "+62-"])
        body = digits
        if rng.random() < 0.5:
            cut = rng.randint(2, 4)
            body = digits[:cut] + rng.choice(["-", " ", "."]) + digits[cut:]
        typed = head + body if head != "(0" else "(0" + body[:3] + ") " + body[3:]
        got, problems = normalize_phone(typed)
        number = phonenumbers.parse("+62" + digits, "ID")
        kind = phonenumbers.number_type(number)
        mobile = kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
        if mobile:
            assert got == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), typed
        else:
            assert got is None and problems, typed


def test_list_entries_are_found_by_any_word_and_schools_by_their_short_name():
    from desktop.domain.text import choice_matches, choice_rank, school_words

    assert choice_matches("sintang", "Kabupaten Sintang") and choice_rank("sintang", "Kabupaten Sintang") == 0
    assert choice_matches("kuburaya", "Kabupaten Kubu Raya") and choice_matches("kota baru", "Kotabaru")
    assert choice_rank("sambas", "Sambas") < choice_rank("sambas", "Sajad Sambas")
    assert choice_rank("kubu", "Kubu") == 0 and choice_rank("kubu", "Kubu Raya") == 1
    assert choice_rank("raya kubu", "Kubu Raya") == 2
    words = school_words("SD NEGERI 12 PONTIANAK", "69800001")
    assert choice_matches("sdn 12", words) and choice_matches("6980", words) and not choice_matches("smpn", words)


def test_the_compiled_classification_is_libphonenumbers_own():
    """_indonesian_kind gives phonenumbers.number_type's answer for every kind of Indonesian number
    (mobile, fixed line, premium 809, shared cost 804, UAN 1500/8071, toll free 800/177, too short,
    too long), from the same metadata."""
    import random

    import phonenumbers

    from desktop.domain.phone import _indonesian_kind

    rng = random.Random(11)
    heads = ["8", "81", "809", "804", "8071", "800", "177", "1500", "21", "61", "619", "2", "3", "5", "7", "9", "0"]
    kinds = set()
    for _ in range(6000):
        national = rng.choice(heads) + "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 13)))
        national = national.lstrip("0") or "1"
        expected = phonenumbers.number_type(phonenumbers.PhoneNumber(country_code=62, national_number=int(national)))
        assert _indonesian_kind(national) == expected, national
        kinds.add(expected)
    assert len(kinds) >= 7   # the draw reached every branch that matters
