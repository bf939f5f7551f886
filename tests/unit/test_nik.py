import datetime as dt

import pytest

from desktop.domain.nik import age_on, clean_nik, mask_nik, parse_nik, region_problems
from tests.conftest import TODAY


def test_parts_of_a_mans_nik():
    info, problems = parse_nik("6171011708800003")
    assert problems == []
    assert (info.province, info.kabupaten, info.kecamatan) == ("61", "6171", "617101")
    assert (info.day, info.month, info.year2, info.sex, info.serial) == (17, 8, 80, "L", "0003")


def test_women_add_forty_to_the_day():
    info, problems = parse_nik("6171014508800001")
    assert problems == []
    assert info.sex == "P" and info.day == 5
    assert info.birth_date(TODAY, 15, 65) == dt.date(1980, 8, 5)


def test_a_womans_day_above_71_is_not_a_date():
    _, problems = parse_nik("6171017208800001")  # 72 - 40 = 32
    assert [p.field for p in problems] == ["nik"]
    assert "bukan tanggal yang ada" in problems[0].message


@pytest.mark.parametrize("nik, expected", [
    ("6171012902000001", dt.date(2000, 2, 29)),  # 2000 was a leap year
    ("6171016902040001", dt.date(2004, 2, 29)),  # a woman born on leap day 2004
])
def test_leap_day_births(nik, expected):
    info, problems = parse_nik(nik)
    assert problems == []
    assert info.birth_date(TODAY, 15, 65) == expected


def test_29_february_of_a_year_that_was_never_leap_is_refused():
    # 1903 and 2003 were not leap years.
    _, problems = parse_nik("6171012902030001")
    assert problems and "bukan tanggal" in problems[0].message


def test_century_gives_a_plausible_age():
    info, _ = parse_nik("6171011708050001")  # yy=05: 2005 (21 years old) not 1905
    assert info.birth_date(TODAY, 15, 65) == dt.date(2005, 8, 17)
    info, _ = parse_nik("6171011708300001")  # yy=30: 1930, since 2030 is in the future
    assert info.birth_date(TODAY, 15, 65) == dt.date(1930, 8, 17)
    info, _ = parse_nik("6171011708150001")  # yy=15: 2015 is an 11-year-old, 1915 is 111: take 2015
    assert info.birth_date(TODAY, 15, 65) == dt.date(2015, 8, 17)


@pytest.mark.parametrize("raw, fragment", [
    ("", "wajib diisi"),
    ("61710145088000", "16 digit (sekarang 14 digit)"),
    ("6171O14508800001", "hanya boleh berisi angka"),
    ("9971014508800001", "Kode provinsi 99"),
    ("6100014508800001", "kabupaten/kota 00"),
    ("6171004508800001", "kecamatan pada NIK tidak boleh 00"),
    ("6171014508800000", "0000"),
    ("6171014513800001", "bukan tanggal"),
])
def test_malformed_niks_explain_themselves_in_indonesian(raw, fragment):
    info, problems = parse_nik(raw)
    assert info is None
    assert any(fragment in p.message for p in problems), [p.message for p in problems]


def test_spaces_and_dots_typed_inside_a_nik_are_ignored():
    assert clean_nik(" 6171.01 450880 0001 ") == "6171014508800001"
    assert parse_nik("6171-0145-0880-0001")[1] == []


def test_other_province_is_a_warning_not_an_error(regions):
    info, problems = parse_nik("3273014508800001")  # Kota Bandung, Jawa Barat
    assert problems == []
    found = region_problems(info, regions)
    assert len(found) == 1 and not found[0].is_error
    assert "Jawa Barat" in found[0].message


def test_unknown_kalbar_regency_is_an_error(regions):
    info, _ = parse_nik("6150014508800001")
    found = region_problems(info, regions)
    assert found and found[0].is_error and "61.50" in found[0].message


def test_old_kecamatan_code_is_only_a_warning(regions):
    info, _ = parse_nik("6171994508800001")
    found = region_problems(info, regions)
    assert found and not found[0].is_error


def test_mask_keeps_first_six_and_last_four():
    assert mask_nik("6171014508800001") == "617101••••••0001"


def test_age_counts_completed_years_and_leap_birthdays():
    assert age_on(dt.date(1980, 8, 17), dt.date(2026, 8, 16)) == 45
    assert age_on(dt.date(1980, 8, 17), dt.date(2026, 8, 17)) == 46
    assert age_on(dt.date(2004, 2, 29), dt.date(2026, 2, 28)) == 21
    assert age_on(dt.date(2004, 2, 29), dt.date(2026, 3, 1)) == 22
