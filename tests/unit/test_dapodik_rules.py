"""The rules Dapodik exports brought in, without files or a database: No. KK, income brackets, region
names whose first word is also a prefix, header abbreviations, and recognising the layouts."""

import datetime as dt

import pytest

from desktop.domain import dapodik
from desktop.domain.enrollment import validate
from desktop.domain.importing import (
    RegionMatcher, field_for_header, income_bracket, income_from_cell,
)
from desktop.domain.nik import kk_problems
from tests.conftest import make_raw


def test_kota_baru_is_the_kelurahan_kotabaru(regions):
    """Official names join words people write apart; when the first word is also a prefix (Kota, Desa)
    dropping it left "baru", and the kelurahan Kotabaru of Pontianak Selatan was not found."""
    matcher = RegionMatcher(regions)
    for written in ("Kota Baru", "KOTA BARU", "Kel. Kota Baru", "Kotabaru", "Kelurahan Kota Baru"):
        codes, problems = matcher.resolve("Kota Pontianak", "Kec. Pontianak Selatan", written)
        assert (codes["desa_code"], problems) == ("6171011005", ()), written
    codes, problems = matcher.resolve("Kota Pontianak", "Pontianak Selatan", "Desa Antah")
    assert not codes["desa_code"] and problems   # a name that does not exist is still not found


@pytest.mark.parametrize("header, field", [("Tempat Lhr", "birth_place"), ("Tmpt Lhr", "birth_place"),
                                           ("Tgl Lhr", "birth_date"), ("No KK", "no_kk"),
                                           ("Nomor Kartu Keluarga", "no_kk"), ("Tahun Lahir", "birth_year"),
                                           ("Rombel Saat Ini", "pupil_class"), ("Jns Kel", "sex"),
                                           ("Asal Data", "origin")])
def test_abbreviated_headers(header, field):
    assert field_for_header(header) == field


@pytest.mark.parametrize("text, lower", [
    ("Kurang dari Rp. 500,000", 0), ("Rp. 500,000 - Rp. 999,999", 500_000),
    ("Rp. 1,000,000 - Rp. 1,999,999", 1_000_000), ("Rp. 2,000,000 - Rp. 4,999,999", 2_000_000),
    ("Rp. 5,000,000 - Rp. 20,000,000", 5_000_000), ("Lebih dari Rp. 20,000,000", 20_000_000),
    ("Tidak Berpenghasilan", 0), ("Rp 1.500.000", None), ("1,5 juta", None), ("", None)])
def test_income_brackets_give_their_lower_bound(text, lower):
    assert income_bracket(text) == lower
    if lower is not None:
        assert income_from_cell(text) == lower


def test_no_kk_follows_the_nik_structure_with_an_issue_date(regions):
    assert kk_problems("6171010903150001", regions) == []
    assert kk_problems("", regions) == []
    assert [p.message for p in kk_problems("617101090315000", regions)] == ["No. KK harus 16 digit (sekarang 15 digit)."]
    # a woman's NIK (day + 40) typed as the family card number
    assert "mungkin yang diketik NIK" in kk_problems("6171014508800001", regions)[0].message
    assert kk_problems("3171010903150001", regions)[0].is_error is False   # issued in Jakarta: a warning
    assert "pada No. KK tidak ada di Kalimantan Barat" in kk_problems("6155010903150001", regions)[0].message


def test_no_kk_on_the_record_is_optional_checked_and_not_the_nik(ctx):
    assert validate(make_raw(), ctx).enrollment.no_kk is None
    assert validate(make_raw(no_kk="6171-0109-0315-0001"), ctx).enrollment.no_kk == "6171010903150001"
    # A damaged No. KK (optional) does not refuse the person: it is dropped, with a warning saying so.
    bad = validate(make_raw(no_kk="12345"), ctx)
    assert bad.enrollment is not None and bad.enrollment.no_kk is None and not bad.errors
    assert [p.field for p in bad.warnings] == ["no_kk", "no_kk"]
    assert "16 digit" in bad.warnings[0].message and "tetap didaftarkan" in bad.warnings[1].message
    same = validate(make_raw(no_kk="6171014508800001"), ctx)
    assert same.enrollment is None and any("NIK sama dengan No. KK" in p.message for p in same.errors)


def test_layouts_are_recognised_and_other_lists_are_not():
    two_rows = [["Daftar Peserta Didik"], ["SD NEGERI 3 SAMBAS"],
                ["Kecamatan Kec. Sambas, Kabupaten Kab. Sambas, Provinsi Prov. Kalimantan Barat"], [],
                ["No", "Nama", "Data Ayah", "", "", "", "", "", "Data Ibu", "", "", "", "", "", "No KK"],
                ["", "", "Nama", "Tahun Lahir", "Jenjang Pendidikan", "Pekerjaan", "Penghasilan", "NIK",
                 "Nama", "Tahun Lahir", "Jenjang Pendidikan", "Pekerjaan", "Penghasilan", "NIK", ""]]
    layout = dapodik.detect(two_rows)
    assert (layout.header_row, layout.two_rows, layout.school_name, layout.kabupaten) == (
        6, True, "SD NEGERI 3 SAMBAS", "Kab. Sambas")
    assert layout.groups["ibu"] == {"full_name": 8, "birth_year": 9, "education": 10, "occupation": 11,
                                    "monthly_income": 12, "nik": 13}
    assert layout.pupil == {"no": 0, "pupil_name": 1, "no_kk": 14}
    flat = dapodik.detect([["Nama Siswa", "Nama Ayah", "NIK Ayah", "Nama Ibu Kandung", "NIK Ibu", "HP"]])
    assert flat.groups == {"ayah": {"full_name": 1, "nik": 2}, "ibu": {"full_name": 3, "nik": 4}}
    # one parent's columns in a list of workers are the template's own spelling, not Dapodik
    assert dapodik.detect([["NIK Ayah", "Nama Ayah", "Tempat Lahir", "Tanggal Lahir"]]) is None
    assert dapodik.detect([["NIK", "Nama Lengkap", "Tempat Lahir"]]) is None


def test_siblings_make_one_person_and_footer_lines_are_not_pupils():
    rows = [["No", "Nama", "Rombel Saat Ini", "No KK", "Nama Ayah", "NIK Ayah", "Pekerjaan Ayah",
             "Nama Ibu", "NIK Ibu", "Pekerjaan Ibu"],
            [1, "RIZKI", "3A", "6171010903150001", "AHMAD", "6171011203800001", "Petani", "SITI", "", "Lainnya"],
            [2, "PUTRI", "1B", "6171010903150001", "Ahmad", "6171011203800001", "Petani", "SITI", "", "Lainnya"],
            [3, "BAYU", "2C", "6171010903150002", "-", "", "", "HALIMAH", "6171014101880010", "Petani"],
            [None, "Mengetahui,"], [None, "Kepala Sekolah"]]
    reading = dapodik.people(rows, dapodik.detect(rows), "Kota Pontianak")
    assert reading.pupils == 3
    found = [(p.number, p.person, p.rows, p.named) for p in reading.people]
    assert found == [(2, "ayah", (2, 3), True), (2, "ibu", (2, 3), True), (4, "ayah", (4,), False),
                     (4, "ibu", (4,), True)]
    ahmad = reading.people[0].cells
    assert (ahmad["pupil_name"], ahmad["pupil_class"], ahmad["heir_name"], ahmad["origin"]) == (
        "RIZKI, PUTRI", "3A, 1B", "SITI", "Dapodik baris 2, 3, ayah")
    halimah = reading.people[3].cells
    assert (halimah["heir_name"], halimah["heir_relationship"], halimah["kabupaten"]) == ("BAYU", "Anak",
                                                                                         "Kota Pontianak")


def test_birth_year_century_and_disagreement(regions):
    from desktop.domain.importing import birth_from_nik

    today = dt.date(2026, 11, 24)
    assert birth_from_nik("6171011203800001", 1980, today, 15, 65) == (dt.date(1980, 3, 12), [])
    born, problems = birth_from_nik("6171011203800001", 1981, today, 15, 65)
    assert born == dt.date(1980, 3, 12) and "Tahun lahir 1981 tidak cocok dengan NIK" in problems[0].message
    assert birth_from_nik("", 1980, today, 15, 65) == (None, [])
