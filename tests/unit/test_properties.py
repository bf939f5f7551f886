"""Property-based tests (hypothesis) over the parsers that meet typed and imported input.

Every parser must answer any input with a value or a clear problem — never an exception — and the
answers must be consistent (formatting then parsing gives the same date, folding twice changes nothing).
"""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import cardcode
from desktop.domain.bundle import BundleError, read_envelope
from desktop.domain.enrollment import Context, validate
from desktop.domain.importing import (
    cell_text, date_from_cell, income_from_cell, nik_from_cell, occupation_from_cell, phone_from_cell,
    region_key, relationship_from_cell,
)
from desktop.domain.nik import parse_nik
from desktop.domain.phone import normalize_phone
from desktop.domain.text import fold_spaces, format_date, parse_date, parse_rupiah, search_key
from tests.conftest import TODAY, make_raw

EXAMPLES = settings(max_examples=600, deadline=None)
cells = st.one_of(st.none(), st.text(max_size=40), st.integers(min_value=-10**17, max_value=10**17),
                  st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(), st.booleans())


@EXAMPLES
@given(st.text(max_size=40))
def test_text_helpers_never_fail_and_folding_is_stable(text):
    folded = fold_spaces(text)
    assert fold_spaces(folded) == folded
    assert not folded.startswith(" ") and not folded.endswith(" ") and "  " not in folded
    search_key(text)
    parse_rupiah(text)
    region_key(text)


@EXAMPLES
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_a_formatted_date_reads_back(day):
    assert parse_date(format_date(day)) == day
    assert parse_date(day.isoformat()) == day


@EXAMPLES
@given(st.text(max_size=30))
def test_dates_and_niks_and_phones_answer_any_text(text):
    parse_date(text)
    info, problems = parse_nik(text)
    assert info is not None or problems
    number, problems = normalize_phone(text)
    assert number is None or (number.startswith("+628") and not problems)


@EXAMPLES
@given(cells)
def test_import_cells_of_any_type(value):
    cell_text(value)
    date_from_cell(value)
    income_from_cell(value)
    phone_from_cell(value)
    occupation_from_cell(value)
    relationship_from_cell(value)
    nik, problems = nik_from_cell(value)
    assert isinstance(nik, str)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(make_raw())), cells, max_size=8))
def test_validation_answers_any_mix_of_values(regions, changes):
    raw = {**make_raw(), **changes}
    result = validate(raw, Context(regions, TODAY))
    assert (result.enrollment is None) == any(p.is_error for p in result.problems)


@EXAMPLES
@given(st.text(max_size=300))
def test_card_codes_either_parse_or_are_refused(text):
    try:
        cardcode.parse(text)
    except cardcode.CardCodeError:
        pass


@EXAMPLES
@given(st.binary(max_size=400))
def test_bundles_either_open_or_are_refused(data):
    try:
        read_envelope(data)
    except BundleError:
        pass


def test_unicode_digits_are_not_nik_digits():
    info, problems = parse_nik("²" * 16)
    assert info is None and "hanya boleh berisi angka" in problems[0].message
    assert parse_rupiah("²") is None
