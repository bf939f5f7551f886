"""Reading messy spreadsheet values: headers, dates, NIKs Excel damaged, regions, occupations."""

import datetime as dt

import pytest

from desktop.domain.importing import (
    RegionMatcher, field_for_header, guess_mapping, income_from_cell, nik_from_cell, occupation_from_cell,
    parse_date_cell, phone_from_cell, relationship_from_cell,
)


@pytest.mark.parametrize("header, field", [
    ("NIK", "nik"), ("nik ", "nik"), ("No. KTP", "nik"), ("NIK Orang Tua", "nik"),
    ("Nama", "full_name"), ("Nama Orang Tua", "full_name"), ("NAMA LENGKAP", "full_name"),
    ("Nama Orang Tua/Wali", "full_name"), ("No HP", "phone"), ("No. HP", "phone"), ("Telepon", "phone"),
    ("No. WA", "phone"), ("L/P", "sex"), ("JK", "sex"), ("Jenis Kelamin (L/P)", "sex"),
    ("Tgl Lahir", "birth_date"), ("Tanggal Lahir (dd/mm/yyyy)", "birth_date"), ("Kab/Kota", "kabupaten"),
    ("Kabupaten/Kota", "kabupaten"), ("Kec.", "kecamatan"), ("Desa/Kel", "desa"), ("Kelurahan", "desa"),
    ("Pekerjaan Orang Tua", "occupation"), ("Penghasilan (Rp)", "monthly_income"),
    ("Ahli Waris", "heir_name"), ("Hubungan", "heir_relationship"), ("Nama Siswa", "pupil_name"),
    ("Rombel", "pupil_class"), ("No. HP Ahli Waris", "heir_phone"),
])
def test_header_variants(header, field):
    assert field_for_header(header) == field


def test_unknown_headers_and_first_column_wins():
    assert field_for_header("Keterangan") is None and field_for_header("") is None
    assert guess_mapping(["No", "Nama", "NIK", "Nama Ayah", "Catatan"]) == {"full_name": 1, "nik": 2}


@pytest.mark.parametrize("cell, expected", [
    (dt.date(1980, 8, 17), dt.date(1980, 8, 17)), (dt.datetime(1980, 8, 17, 0, 0), dt.date(1980, 8, 17)),
    ("17/08/1980", dt.date(1980, 8, 17)), ("17-08-1980", dt.date(1980, 8, 17)), ("1980-08-17", dt.date(1980, 8, 17)),
    ("17 Agustus 1980", dt.date(1980, 8, 17)), ("17 agt 1980", dt.date(1980, 8, 17)),
    ("1 Pebruari 2001", dt.date(2001, 2, 1)), (29450.0, dt.date(1980, 8, 17)),  # a date cell shown as a number
    ("29 Februari 2000", dt.date(2000, 2, 29)), ("29 Februari 2001", None), ("31/02/1995", None), ("kemarin", None),
])
def test_every_date_form(cell, expected):
    assert parse_date_cell(cell) == expected


def test_nik_that_excel_stored_as_a_number():
    nik, problems = nik_from_cell(6171014508800000.0)  # Excel kept 15 significant digits
    assert nik == "6171014508800000" and problems and problems[0].is_error
    assert "digit terakhirnya hilang" in problems[0].message
    _, problems = nik_from_cell("6.17101E+15")  # the same, after a trip through CSV
    assert problems and problems[0].is_error
    nik, problems = nik_from_cell(6171014508800001)  # written by a program: intact, but warn
    assert nik == "6171014508800001" and problems and not problems[0].is_error
    assert nik_from_cell("'6171014508800001") == ("6171014508800001", [])


@pytest.mark.parametrize("cell, expected", [
    (1500000, 1500000), (1500000.0, 1500000), ("1,5 juta", 1500000), ("1.5jt", 1500000), ("750 rb", 750000),
    ("Rp 1.500.000", "Rp 1.500.000"),  # plain amounts are left to the domain's own parse_rupiah
])
def test_income_forms(cell, expected):
    assert income_from_cell(cell) == expected


def test_phone_cells_that_lost_their_zero():
    assert phone_from_cell(81234567890.0) == "081234567890"
    assert phone_from_cell(6281234567890) == "+6281234567890"
    assert phone_from_cell("0812-3456-7890") == "0812-3456-7890"


@pytest.mark.parametrize("typed, code, other", [
    ("Ojek", "motorbike_taxi", ""), ("Buruh Harian Lepas", "day_labourer", ""), ("PETANI", "farmer", ""),
    ("Pedagang Kaki Lima", "street_vendor", ""), ("tukang sayur keliling", "street_vendor", ""),
    ("Petani Karet", "smallholder", ""), ("PRT", "domestic_worker", ""),
    ("Penambang emas rakyat", "other", "Penambang emas rakyat"), ("", "", ""),
])
def test_occupations_typed_freely(typed, code, other):
    assert occupation_from_cell(typed) == (code, other)


def test_relationships():
    assert [relationship_from_cell(x) for x in ("Istri", "SUAMI", "anak kandung", "Ibu", "Kakak", "Paman")] == [
        "spouse", "spouse", "child", "parent", "sibling", "other"]


def test_regions_by_the_names_people_write(regions):
    matcher = RegionMatcher(regions)
    codes, problems = matcher.resolve("Kota Pontianak", "Pontianak Selatan", "Benua Melayu Laut")
    assert codes == {"kabupaten_code": "6171", "kecamatan_code": "617101", "desa_code": "6171011002"}
    assert not problems
    for kab in ("Kab. Sambas", "SAMBAS", "Kabupaten Sambas", "sambas", "61.01", "6101"):
        assert matcher.resolve(kab, "", "")[0]["kabupaten_code"] == "6101", kab
    assert matcher.resolve("", "Pontianak Selatan", "")[0]["kabupaten_code"] == "6171"  # a unique kecamatan
    codes, problems = matcher.resolve("Sambas", "Sambas", "Desa Antah")
    assert codes["desa_code"] == "" and codes["kecamatan_code"] == "610101"
    assert problems[0].field == "desa_code" and "Desa Antah" in problems[0].message
    _, problems = matcher.resolve("Kubu Raja", "", "")
    assert "Maksudnya Kabupaten Kubu Raya?" in problems[0].message


def test_the_lines_signed_under_a_table_are_not_rows():
    from desktop.domain.importing import without_footer

    person = ["6171014508800001", "SITI AMINAH", "Pontianak"]
    body = [(2, person), (3, person)]
    signed = [(5, ["Pontianak, 12 Januari 2026"]), (6, ["Mengetahui,", "Wali kelas"]), (7, ["Kepala Sekolah"]),
              (9, ["Drs. H. Abdul Rahman, M.Pd"]), (10, ["NIP. 196501011990031005"])]
    assert without_footer(body + signed) == body
    # Right under the table, without a blank line, a lone name is a person to fix, not a footer …
    assert without_footer(body + [(4, [None, "YUSUF", None])]) == body + [(4, [None, "YUSUF", None])]
    # … and so is a last row with its NIK, however few its cells.
    assert without_footer(body + [(5, ["6171014508800002"])]) == body + [(5, ["6171014508800002"])]
    assert without_footer(body) == body and without_footer([]) == []
