"""One eligibility rule for every entry path (issue 25): the job as written decides whether a person is a
vulnerable non-wage earner the programme pays for; compound and courier jobs; "no phone" marks; damaged
No. KK; roman numerals in village names."""

import datetime as dt

import pytest

from desktop.domain import eligibility
from desktop.domain.contributions import monthly_rate
from desktop.domain.eligibility import judge_job
from desktop.domain.enrollment import Occupation, validate
from desktop.domain.importing import RegionMatcher, nik_from_cell, occupation_from_cell
from desktop.domain.phone import normalize_phone
from desktop.domain.regions import with_numerals
from tests.conftest import make_raw


@pytest.mark.parametrize("job, kind", [
    # Dapodik's wage earners and others like them
    ("PNS", eligibility.NOT_ELIGIBLE), ("PNS/TNI/Polri", eligibility.NOT_ELIGIBLE),
    ("TNI/Polri", eligibility.NOT_ELIGIBLE), ("Karyawan Swasta", eligibility.NOT_ELIGIBLE),
    ("Karyawan BUMN", eligibility.NOT_ELIGIBLE), ("Karyawan BUMN/BUMD", eligibility.NOT_ELIGIBLE),
    ("Guru/Dosen PNS", eligibility.NOT_ELIGIBLE), ("Guru SD (PNS)", eligibility.NOT_ELIGIBLE),
    ("Pensiunan", eligibility.NOT_ELIGIBLE), ("Tenaga Kerja Indonesia", eligibility.NOT_ELIGIBLE),
    ("ASN", eligibility.NOT_ELIGIBLE), ("PPPK", eligibility.NOT_ELIGIBLE),
    # no work to insure
    ("Ibu Rumah Tangga", eligibility.NOT_ELIGIBLE), ("IRT", eligibility.NOT_ELIGIBLE),
    ("Mengurus Rumah Tangga", eligibility.NOT_ELIGIBLE), ("Tidak bekerja", eligibility.NOT_ELIGIBLE),
    ("Pelajar/Mahasiswa", eligibility.NOT_ELIGIBLE),
    ("Sudah Meninggal", eligibility.SKIPPED), ("Almarhum", eligibility.SKIPPED),
    # no job named at all
    ("Tidak dapat diterapkan", eligibility.UNKNOWN), ("-", eligibility.UNKNOWN), ("0", eligibility.UNKNOWN),
    ("Pedagang Besar", eligibility.CONFIRM),
    # vulnerable workers
    ("Petani", eligibility.ELIGIBLE), ("Pekerja Rumah Tangga", eligibility.ELIGIBLE),
    ("Buruh Harian Lepas", eligibility.ELIGIBLE), ("Kurir paket", eligibility.ELIGIBLE),
    ("Karyawan harian lepas", eligibility.ELIGIBLE), ("", eligibility.ELIGIBLE),
    # the KTP's own words
    ("Belum/Tidak Bekerja", eligibility.NOT_ELIGIBLE),
    ("Kepolisian RI", eligibility.NOT_ELIGIBLE), ("Karyawan Honorer", eligibility.NOT_ELIGIBLE),
    ("Guru honorer", eligibility.NOT_ELIGIBLE), ("Perangkat Desa", eligibility.NOT_ELIGIBLE),
    ("Petani/Pekebun", eligibility.ELIGIBLE), ("Buruh Tani/Perkebunan", eligibility.ELIGIBLE),
])
def test_the_job_as_written_gives_one_verdict(job, kind):
    verdict = judge_job(job)
    assert verdict.kind == kind
    if kind == eligibility.ELIGIBLE:
        assert verdict.problem is None
    else:
        assert verdict.problem.is_error == (kind != eligibility.CONFIRM)
        assert f'"{job}"' in verdict.problem.message


def test_the_form_and_lindung_enroll_refuse_what_an_import_does_not_enroll(ctx):
    # "Lainnya" with the job typed beside it (the form), or the job as a JSON value (lindung enroll)
    for raw in (make_raw(occupation="other", occupation_other="PNS", monthly_income="4.500.000"),
                make_raw(occupation="PNS")):
        result = validate(raw, ctx)
        assert result.enrollment is None
        assert [p.template for p in result.errors] == [judge_job("PNS").problem.template]
    housewife = validate(make_raw(occupation="other", occupation_other="Ibu Rumah Tangga"), ctx)
    assert housewife.enrollment is None and "Bila ia bekerja" in housewife.errors[0].message
    unknown = validate(make_raw(occupation="other", occupation_other="Tidak dapat diterapkan"), ctx)
    assert unknown.enrollment is None and "Tanyakan pekerjaannya" in unknown.errors[0].message
    # a job to confirm is enrolled with a warning; an unknown code that is no job stays "not a choice"
    big = validate(make_raw(occupation="other", occupation_other="Pedagang Besar"), ctx)
    assert big.enrollment is not None and "pastikan ia pekerja rentan" in big.warnings[0].message
    assert "tidak dikenal" in validate(make_raw(occupation="astronaut"), ctx).errors[0].message


@pytest.mark.parametrize("typed, code", [
    ("Petani/Peternak", "farmer"), ("Peternak/Petani", "livestock_farmer"), ("Nelayan / Petani", "fisher"),
    ("Petani dan Pedagang", "farmer"), ("Buruh (Tani/Pabrik/Bangunan)", "day_labourer"),
    ("Buruh (Tani)", "farm_labourer"), ("Petani (Karet)", "smallholder"), ("buruh sawit harian", "farm_labourer"),
    ("Kurir", "courier"), ("Kurir Paket", "courier"), ("kurir online", "courier"), ("Ekspedisi", "courier"),
    ("Pengantar Barang", "courier"), ("Pertanian Tanaman Pangan", "farmer"), ("Perikanan Tangkap", "fisher"),
])
def test_compound_and_courier_jobs_name_their_occupation(typed, code):
    assert occupation_from_cell(typed) == (code, "")


def test_jobs_to_judge_are_kept_as_written_for_the_rule():
    assert occupation_from_cell("Pedagang Besar") == ("other", "Pedagang Besar")
    assert occupation_from_cell("Tidak dapat diterapkan") == ("other", "Tidak dapat diterapkan")


def test_couriers_have_the_transport_relief_of_pp_50_2025(ctx):
    assert Occupation.parse("Kurir / pengantar barang") is Occupation.COURIER
    assert validate(make_raw(occupation="courier"), ctx).enrollment.occupation == "courier"
    january = dt.date(2026, 1, 1)   # transport sector halved from January 2026, the others from April
    assert monthly_rate(january, "courier") == monthly_rate(january, "motorbike_taxi") == (5_000, 3_400)
    assert monthly_rate(january, "farmer") == (10_000, 6_800)


@pytest.mark.parametrize("written", ["-", "0", "--", "000", "tidak ada", "Tidak Ada", " - "])
def test_a_phone_written_as_none_is_no_phone(written, ctx):
    assert normalize_phone(written) == (None, [])
    result = validate(make_raw(phone=written, heir_phone=written), ctx)
    assert result.enrollment is not None and result.enrollment.phone is None and not result.errors
    assert [p.field for p in result.warnings] == ["phone"]   # "hard to reach for a claim", not refused
    assert normalize_phone("12")[1]     # a number that is wrong is still an error


@pytest.mark.parametrize("cell", [6.10401e15, 6104010101150000, "6.10401E+15", 610401010115.5])
def test_a_no_kk_damaged_by_excel_is_a_warning_and_dropped(cell):
    text, problems = nik_from_cell(cell, "no_kk")
    assert text == "" and len(problems) == 1 and not problems[0].is_error
    assert "tetap didaftarkan" in problems[0].message
    # the NIK damaged the same way stays an error
    assert nik_from_cell(cell)[1][0].is_error


def test_roman_numerals_and_spoken_numbers_in_village_names(regions):
    assert with_numerals("Rasau Jaya II") == with_numerals("Rasau Jaya Dua") == "Rasau Jaya 2"
    assert with_numerals("Tujuh Belas") == "17" and with_numerals("Desa XII") == "Desa 12"
    assert with_numerals("Bersatu") == "Bersatu" and with_numerals("Limau") == "Limau"
    matcher = RegionMatcher(regions)
    for written in ("Rasau Jaya II", "Rasau Jaya 2", "RASAU JAYA DUA", "Desa Rasau Jaya II"):
        codes, problems = matcher.resolve("Kubu Raya", "Rasau Jaya", written)
        assert codes["desa_code"] == "6112072003" and not problems, written
    assert matcher.resolve("Kubu Raya", "Rasau Jaya", "Rasau Jaya I")[0]["desa_code"] == "6112072002"
    # the official list writes some with roman numerals: "Sungai Duri II" found as "Sungai Duri 2"
    codes, problems = matcher.resolve("Mempawah", "Sungai Kunyit", "Sungai Duri Dua")
    assert regions.name(codes["desa_code"]) == "Sungai Duri II" and not problems
