"""Schools as lists write them, found among the registered ones: tolerant of spelling, never another school."""

import pytest

from desktop.domain.school_names import SchoolMatcher, name_key, npsn_of, school_columns

REGISTERED = [("69800001", "SD NEGERI 12 PONTIANAK"), ("69800002", "SD NEGERI 13 PONTIANAK"),
              ("69800003", "MI SWASTA NURUL HUDA"), ("69800004", "MTS NEGERI 1 SAMBAS"),
              ("69800005", "SD SWASTA 12 PONTIANAK")]


@pytest.mark.parametrize("written, npsn", [
    ("SDN 12 Pontianak", "69800001"), ("SD Negeri 012 Pontianak", "69800001"), ("SD Neg. 12 Pontianak", "69800001"),
    ("SD N 12 PONTINAK", "69800001"), ("SD Negeri No. 12 Pontianak", "69800001"), ("sdn 13 pontianak", "69800002"),
    ("MIS Nurul Huda", "69800003"), ("Madrasah Ibtidaiyah Nurul Huda", "69800003"), ("MTsN 1 Sambas", "69800004"),
    ("SDS 12 Pontianak", "69800005"),
    ("SDN 14 Pontianak", ""),            # another number is another school, however alike the rest
    ("SD 12 Pontianak", ""),             # Negeri or Swasta? not guessed
    ("MIS Nurul Hidayah", ""), ("", ""), ("-", ""),
])
def test_a_school_is_found_by_its_name_however_written(written, npsn):
    assert SchoolMatcher(REGISTERED).match("", written) == npsn


def test_a_school_is_found_by_its_npsn_first():
    matcher = SchoolMatcher(REGISTERED)
    assert matcher.match("69800002", "SDN 12 Pontianak") == "69800002"
    assert matcher.match("69800009", "SDN 12 Pontianak") == ""        # an NPSN not registered is not overridden
    assert matcher.match("", "69800003") == "69800003"                 # an NPSN in the name column
    assert matcher.match("69800004.0") == "69800004" and npsn_of("6980 0004") == "69800004"


def test_the_columns_naming_a_school():
    assert school_columns(["No", "NIK", "Nama Sekolah", "NPSN"]) == (3, 2)
    assert school_columns(["Satuan Pendidikan", "Nama"]) == (None, 0)
    assert school_columns(["Unit", "Madrasah"]) == (None, 0)
    assert school_columns(["Sekolah Asal", "Nama"]) == (None, None)   # a pupil's previous school is not theirs
    assert name_key("SMPN 3 Pontianak") == ("SMP", "NEGERI", "3", "PONTIANAK")
