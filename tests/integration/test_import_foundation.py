"""A foundation's (yayasan's) parent list naming each row's school: split by school, never filed under one."""

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.importing import TEMPLATE_COLUMNS
from desktop.services import importing
from desktop.services.accounts import SYSTEM, Actor, Role
from desktop.services.errors import PermissionDenied, ServiceError
from desktop.services.schools import add_school
from desktop.services.search import SearchQuery, search
from tests.dapodik import KEC, nik
from tests.integration.test_cli import run

SDN12, MIS, SMPN3 = "69800001", "69800003", "69800004"


def person(name: str, born: dt.date, female: bool, serial: int, school: str) -> list:
    cells = {"nik": nik(KEC, born, female, serial), "full_name": name, "birth_place": "Pontianak",
             "birth_date": born.strftime("%d/%m/%Y"), "sex": "P" if female else "L", "address": "Jl. Tanjungpura No. 5",
             "desa": "Benua Melayu Laut", "kecamatan": "Pontianak Selatan", "kabupaten": "Kota Pontianak",
             "phone": f"0812345600{serial:02d}", "occupation": "Petani", "monthly_income": "1500000",
             "heir_name": "ANAK " + name, "heir_relationship": "Anak", "pupil_name": "ANAK " + name,
             "pupil_class": "3A"}
    return [school] + [cells[f] for f, _ in TEMPLATE_COLUMNS]


# The schools as the foundation's clerk types them, not as they are registered.
ROWS = [
    person("AHMAD", dt.date(1980, 3, 12), False, 1, "SDN 12 Pontianak"),
    person("SITI AMINAH", dt.date(1985, 8, 5), True, 2, "MIS Nurul Huda"),
    person("JUNAIDI", dt.date(1979, 1, 9), False, 3, "SD Negeri 012 Pontianak"),
    person("NURHAYATI", dt.date(1988, 4, 20), True, 4, "SMP IT Al Falah"),          # not registered
    person("HERMAN", dt.date(1975, 7, 7), False, 5, ""),                           # no school written
    person("MARIA", dt.date(1990, 2, 2), True, 6, "Madrasah Ibtidaiyah Nurul Huda"),
    person("TOMAS", dt.date(1982, 9, 9), False, 7, "SD N 12 PONTIANAK"),
    person("ROSMINI", dt.date(1983, 3, 3), True, 8, "SMPN 3 Pontianak"),
]


def write_list(path: Path, header: str = "Nama Sekolah", rows=ROWS) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["DAFTAR ORANG TUA SISWA — YAYASAN PENDIDIKAN KHATULISTIWA"])
    sheet.append([header] + [h for _f, h in TEMPLATE_COLUMNS])
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


@pytest.fixture
def foundation_ws(ws):
    add_school(ws, SDN12, "SD Negeri 12 Pontianak", "SD", "6171")
    add_school(ws, MIS, "MI Swasta Nurul Huda", "MI", "6171")
    add_school(ws, SMPN3, "SMP Negeri 3 Pontianak", "SMP", "6171")
    return ws


def by_row(preview):
    return {r.number: r for r in preview.rows}


def test_each_row_goes_under_the_school_it_names(foundation_ws, tmp_path):
    preview = importing.read_import(foundation_ws, write_list(tmp_path / "yayasan.xlsx"))
    assert preview.school_npsn is None and preview.split is not None
    known, unknown, missing = preview.by_school()
    assert known == [(SDN12, "SD NEGERI 12 PONTIANAK", 3, 3), (MIS, "MI SWASTA NURUL HUDA", 2, 2),
                     (SMPN3, "SMP NEGERI 3 PONTIANAK", 1, 1)]
    assert unknown == [("SMP IT Al Falah", 1)]
    assert [r.number for r in missing] == [7]
    rows = by_row(preview)
    assert {n: r.enrollment.school_npsn for n, r in rows.items() if r.enrollment} == {
        3: SDN12, 4: MIS, 5: SDN12, 8: MIS, 9: SDN12, 10: SMPN3}
    assert rows[6].status == importing.ERROR
    assert 'Sekolah "SMP IT Al Falah" belum terdaftar' in " ".join(importing.row_reasons(rows[6]))
    assert rows[7].status == importing.ERROR
    assert "tidak menyebut sekolahnya" in " ".join(importing.row_reasons(rows[7]))
    assert "Nama Sekolah" in " ".join(importing.row_reasons(rows[7]))
    mapped, ignored = preview.column_report()
    assert ("Nama Sekolah", "Sekolah") in mapped and "Nama Sekolah" not in ignored

    result = importing.commit_import(foundation_ws, preview, SYSTEM)
    assert result.accepted == 6
    # school ids 1, 2, 3 in the order they were added
    assert [search(foundation_ws, SearchQuery(school_id=i)).total for i in (1, 2, 3)] == [3, 2, 1]


def test_schools_by_npsn_column(foundation_ws, tmp_path):
    rows = [[{"SDN 12 Pontianak": SDN12, "MIS Nurul Huda": MIS}.get(r[0], "12345678" if r[0] else "")] + r[1:]
            for r in ROWS[:5]]
    preview = importing.read_import(foundation_ws, write_list(tmp_path / "npsn.xlsx", "NPSN", rows))
    known, unknown, missing = preview.by_school()
    assert [(npsn, people) for npsn, _n, people, _r in known] == [(SDN12, 1), (MIS, 1)]
    assert unknown == [("12345678", 2)] and [r.number for r in missing] == [7]


def test_a_list_of_one_school_goes_under_the_school_chosen_or_is_refused(foundation_ws, tmp_path):
    one = write_list(tmp_path / "satu.xlsx", rows=[ROWS[0], ROWS[2], ROWS[6]])
    preview = importing.read_import(foundation_ws, one, SDN12)
    assert preview.split is None and preview.school_npsn == SDN12
    assert preview.count(importing.VALID) == 3
    assert importing.read_import(foundation_ws, one).school_npsn == SDN12     # named in the file
    with pytest.raises(ServiceError) as refused:
        importing.read_import(foundation_ws, one, MIS)
    assert "bukan daftar sekolah yang dipilih" in refused.value.message
    # Several schools and one chosen: the rows still go under their own.
    split = importing.read_import(foundation_ws, write_list(tmp_path / "semua.xlsx"), SDN12)
    assert split.split is not None and by_row(split)[4].enrollment.school_npsn == MIS


def test_a_coordinator_may_not_import_a_foundation_list(foundation_ws, tmp_path):
    coordinator = Actor("rina", "Rina", Role.COORDINATOR, SDN12)
    preview = importing.read_import(foundation_ws, write_list(tmp_path / "yayasan.xlsx"))
    with pytest.raises(PermissionDenied) as denied:
        importing.commit_import(foundation_ws, preview, coordinator)
    assert "beberapa sekolah" in denied.value.message


def test_command_line_says_how_many_per_school(foundation_ws, tmp_path):
    path = write_list(tmp_path / "yayasan.xlsx")
    db = foundation_ws.path
    foundation_ws.close()
    dry = run(db, "import", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert ("Daftar menyebut 4 sekolah: SD NEGERI 12 PONTIANAK (NPSN 69800001): 3 orang; MI SWASTA NURUL HUDA "
            "(NPSN 69800003): 2 orang; SMP NEGERI 3 PONTIANAK (NPSN 69800004): 1 orang; \"SMP IT Al Falah\": "
            "1 orang, sekolah belum terdaftar.") in dry.stdout
    assert "1 baris tidak menyebut sekolahnya (baris 7)" in dry.stdout
    assert "6 siap didaftarkan" in dry.stdout
    done = run(db, "import", str(path), "--json", "--school", SDN12)
    summary = json.loads(done.stdout)
    assert summary["accepted"] == 6
    assert [(s["npsn"], s["people"]) for s in summary["schools"]] == [(SDN12, 3), (MIS, 2), (SMPN3, 1)]
    assert summary["unknown_schools"] == [{"school": "SMP IT Al Falah", "people": 1}]
    assert summary["no_school"] == [{"row": 7}]
    listed = json.loads(run(db, "list", "--json").stdout)
    assert sorted(w["school_npsn"] for w in listed) == sorted([MIS, MIS, SDN12, SDN12, SDN12, SMPN3])


def test_rows_not_enrolled_keep_their_school_in_the_error_sheet(foundation_ws, tmp_path):
    preview = importing.read_import(foundation_ws, write_list(tmp_path / "yayasan.xlsx"))
    out = importing.export_rejected(foundation_ws, preview, tmp_path / "ditolak.xlsx", SYSTEM)
    assert out == 2
    sheet = openpyxl.load_workbook(tmp_path / "ditolak.xlsx").worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Nama Sekolah" and values[0][-1] == "Keterangan"
    assert [(v[0] or "", v[2]) for v in values[1:3]] == [("SMP IT Al Falah", "NURHAYATI"), ("", "HERMAN")]
    # Corrected (the school written, the school registered), the sheet imports again, split as before.
    add_school(foundation_ws, "69800009", "SMP IT Al Falah", "SMP", "6171")
    wb = openpyxl.load_workbook(tmp_path / "ditolak.xlsx")
    wb.worksheets[0]["A3"] = "SMPN 3 Pontianak"
    wb.save(tmp_path / "ditolak.xlsx")
    again = importing.read_import(foundation_ws, tmp_path / "ditolak.xlsx")
    assert [(npsn, people) for npsn, _n, people, _r in again.by_school()[0]] == [("69800009", 1), (SMPN3, 1)]
    assert again.count(importing.VALID) + again.count(importing.WARNING) == 2


def test_columns_mapped_again_keep_each_row_under_its_school(foundation_ws, tmp_path):
    preview = importing.read_import(foundation_ws, write_list(tmp_path / "yayasan.xlsx"))
    mapping = dict(preview.mapping)
    del mapping["pupil_class"]                     # the coordinator unmaps a column in the window
    again = importing.remap(foundation_ws, preview, mapping)
    assert again.by_school()[:2] == preview.by_school()[:2]
    assert [r.number for r in again.by_school()[2]] == [7]
    assert {r.number: r.enrollment.school_npsn for r in again.rows if r.enrollment} == {
        3: SDN12, 4: MIS, 5: SDN12, 8: MIS, 9: SDN12, 10: SMPN3}
    corrected = importing.correct(foundation_ws, again, 7, "full_name", "HERMAN S")
    assert by_row(corrected)[7].status == importing.ERROR      # still no school: a name does not give one
