import datetime as dt

from desktop.domain.enrollment import Context, Policy, validate
from tests.conftest import TODAY, make_raw


def fields_of(result, errors_only=True):
    return {p.field for p in (result.errors if errors_only else result.problems)}


def test_a_valid_record_is_cleaned(ctx):
    result = validate(make_raw(full_name="  siti   aminah "), ctx)
    assert result.ok, [p.message for p in result.problems]
    e = result.enrollment
    assert e.full_name == "SITI AMINAH"
    assert e.phone == "+6281234567890"
    assert e.birth_date == dt.date(1980, 8, 5)
    assert e.monthly_income == 1_500_000
    assert (e.programme, e.funding_source, e.asnaf) == ("JKK+JKM", "baznas_zakat", "miskin")
    # Status and coverage follow from BPJS's answer and BAZNAS's payments, never from what is typed.
    assert not hasattr(e, "status") and not hasattr(e, "coverage_start")


def test_birth_date_must_agree_with_the_nik(ctx):
    result = validate(make_raw(birth_date="06-08-1980"), ctx)
    assert fields_of(result) == {"birth_date"}
    assert "tidak cocok dengan NIK" in result.errors[0].message


def test_sex_must_agree_with_the_nik(ctx):
    result = validate(make_raw(sex="L"), ctx)
    assert fields_of(result) == {"sex"}
    assert "perempuan" in result.errors[0].message


def test_age_limits_are_settings(regions):
    young = make_raw(nik="6171011708120001", birth_date="17-08-2012", sex="L")
    assert "birth_date" in fields_of(validate(young, Context(regions, TODAY)))
    assert validate(young, Context(regions, TODAY, Policy(min_age=14))).ok
    old = make_raw(nik="6171011708600001", birth_date="17-08-1960", sex="L")
    result = validate(old, Context(regions, TODAY))
    assert "di bawah 65" in result.errors[0].message
    assert validate(old, Context(regions, TODAY, Policy(max_age=70))).ok


def test_other_province_nik_only_warns(ctx):
    result = validate(make_raw(nik="3273014508800001"), ctx)
    assert result.ok
    assert fields_of(result, errors_only=False) == {"nik"}


def test_region_cascade_must_hold_together(ctx):
    result = validate(make_raw(kecamatan_code="610101"), ctx)  # Sambas kecamatan under Kota Pontianak
    assert "kecamatan_code" in fields_of(result)
    # A village code alone names its kecamatan and kabupaten.
    result = validate(make_raw(kabupaten_code="", kecamatan_code="", desa_code="61.71.01.1002"), ctx)
    assert result.ok and result.enrollment.kabupaten_code == "6171"


def test_everything_missing_is_named(ctx):
    result = validate({}, ctx)
    assert {"nik", "full_name", "birth_place", "birth_date", "sex", "address", "kabupaten_code",
            "kecamatan_code", "desa_code", "occupation", "monthly_income", "heir_name",
            "heir_relationship"} <= fields_of(result)


def test_other_occupation_needs_its_name(ctx):
    assert "occupation_other" in fields_of(validate(make_raw(occupation="other"), ctx))
    result = validate(make_raw(occupation="other", occupation_other="Penyadap karet"), ctx)
    assert result.ok and result.enrollment.occupation_other == "Penyadap karet"


def test_indonesian_labels_are_accepted_for_choices(ctx):
    result = validate(make_raw(sex="Perempuan", occupation="Nelayan", heir_relationship="Anak"), ctx)
    assert result.ok
    assert (result.enrollment.occupation, result.enrollment.heir_relationship) == ("fisher", "child")


def test_names_with_digits_are_refused(ctx):
    result = validate(make_raw(full_name="SITI 2"), ctx)
    assert "angka" in result.errors[0].message


def test_names_with_titles_and_apostrophes_pass(ctx):
    result = validate(make_raw(full_name="hj. nur'aini", heir_name="H. MA'RUF"), ctx)
    assert result.ok and result.enrollment.full_name == "HJ. NUR'AINI"


def test_missing_phone_warns_but_a_bad_one_is_an_error(ctx):
    assert validate(make_raw(phone=""), ctx).ok
    assert "phone" in fields_of(validate(make_raw(phone="0812"), ctx))


def test_pupil_without_school_is_refused(ctx):
    assert "school_npsn" in fields_of(validate(make_raw(pupil_name="Rina"), ctx))
    assert validate(make_raw(school_npsn="30100001", pupil_name="rina", pupil_class="5"), ctx).ok


def test_status_and_coverage_typed_by_hand_are_not_taken(ctx):
    result = validate(make_raw(status="active", coverage_start="01-12-2026", coverage_end="01-11-2026"), ctx)
    assert result.ok
    assert "status" not in result.enrollment.as_dict() and "coverage_end" not in result.enrollment.as_dict()


def test_an_unknown_asnaf_is_refused(ctx):
    assert "asnaf" in fields_of(validate(make_raw(asnaf="kaya"), ctx))
    assert validate(make_raw(asnaf="Fakir"), ctx).enrollment.asnaf == "fakir"
