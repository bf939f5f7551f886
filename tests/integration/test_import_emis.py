"""A madrasah's pupil list exported from EMIS (Kemenag), read as a Dapodik export is: title rows, the
madrasah's NSM and NPSN on every row, the parents' columns named per parent (``Nama Ayah Kandung``,
``Status Ayah Kandung``, ``NIK Ayah`` …), a parent's death recorded in the status column while the job
column still names the job."""

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from desktop.domain import dapodik
from desktop.services import importing
from desktop.services.accounts import SYSTEM
from desktop.services.schools import add_school
from desktop.services.search import count_all
from tests.dapodik import INCOME, KEC, nik, no_kk
from tests.integration.test_cli import run

MIS, NSM = "69800003", "111261710003"
PARENT = ("Nama {role} Kandung", "Status {role} Kandung", "NIK {role}", "Tempat Lahir {role}", "Tanggal Lahir {role}",
          "Pendidikan {role}", "Pekerjaan {role}", "Penghasilan {role}")
HEADERS = (("No", "NSM", "NPSN", "NISN", "NIK", "Nama Siswa", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin",
            "Tingkat/Kelas", "Rombel", "No KK", "Alamat", "RT", "RW", "Desa/Kelurahan", "Kecamatan", "Kab./Kota",
            "Provinsi", "Nomor HP")
           + tuple(h.format(role="Ayah") for h in PARENT) + tuple(h.format(role="Ibu") for h in PARENT)
           + ("Nama Wali", "NIK Wali", "Pekerjaan Wali", "Penghasilan Wali"))


def emis_parent(name: str, born: dt.date, female: bool, serial: int, status: str = "Masih Hidup",
                job: str = "Petani") -> list:
    return [name, status, nik(KEC, born, female, serial), "Pontianak", born.strftime("%d-%m-%Y"), "SD/Sederajat", job,
            INCOME[2]]


def pupil(number: int, name: str, ayah: list, ibu: list, npsn: str = MIS) -> list:
    return ([number, NSM, npsn, f"01{number:08d}", f"61710143051500{number:02d}", name, "Pontianak", "03-05-2015",
             "L", "3", "3A", no_kk(KEC, dt.date(2015, 3, 9), number), "Jl. Tanjungpura No. 5", "001", "002",
             "Benua Melayu Laut", "Pontianak Selatan", "Kota Pontianak", "Kalimantan Barat", f"08123456780{number}"]
            + ayah + ibu + ["", "", "", ""])


PUPILS = [
    pupil(1, "RIZKI", emis_parent("AHMAD", dt.date(1980, 3, 12), False, 1),
          emis_parent("SITI AMINAH", dt.date(1985, 8, 5), True, 2, job="Pedagang Kecil")),
    # The father has died: EMIS keeps his job and says so in the status column.
    pupil(2, "FAJAR", emis_parent("JUNAIDI", dt.date(1970, 1, 1), False, 3, status="Sudah Meninggal"),
          emis_parent("NURHAYATI", dt.date(1988, 4, 20), True, 4, job="Buruh")),
    pupil(3, "NABILA", emis_parent("HERMAN", dt.date(1975, 7, 7), False, 5, status="Almarhum"),
          emis_parent("MARIA", dt.date(1990, 2, 2), True, 6, status="Wafat")),
]


def write_emis_xlsx(path: Path, pupils=PUPILS) -> Path:
    """A flat export, as EMIS 4.0 downloads its pupil list: title lines, then one header row."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Data Siswa"
    sheet.append(["DATA SISWA"])
    sheet.append(["MIS NURUL HUDA"])
    sheet.append([f"NSM: {NSM}  NPSN: {MIS}"])
    sheet.append(["Tahun Pelajaran 2026/2027 Semester Ganjil"])
    sheet.append([])
    sheet.append(list(HEADERS))
    for row in pupils:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=7):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.isdigit():
                cell.number_format = "@"
    wb.save(path)
    return path


GROUP = ("Nama", "Status", "NIK", "Tanggal Lahir", "Pendidikan", "Pekerjaan", "Penghasilan")
SINGLE = ("No", "NSM", "NPSN", "NISN", "Nama Siswa", "Tingkat/Kelas", "No KK", "Alamat", "Desa/Kelurahan",
          "Kecamatan", "Kab./Kota", "Nomor HP")


def write_emis_two_rows(path: Path) -> Path:
    """The same facts under a two-row header: single headers merged over both rows, each parent's
    columns under a merged ``Data Ayah Kandung`` / ``Data Ibu Kandung`` group."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet["A1"] = "DATA PESERTA DIDIK"
    sheet["A2"] = "MI Swasta Nurul Huda"
    column = 1
    for header in SINGLE:
        sheet.cell(4, column, header)
        sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
        column += 1
    for group in ("Data Ayah Kandung", "Data Ibu Kandung"):
        sheet.cell(4, column, group)
        sheet.merge_cells(start_row=4, start_column=column, end_row=4, end_column=column + len(GROUP) - 1)
        for offset, sub in enumerate(GROUP):
            sheet.cell(5, column + offset, sub)
        column += len(GROUP)
    for number, row in enumerate(PUPILS, start=1):
        flat = dict(zip(HEADERS, row))
        values = [flat[h] for h in SINGLE]
        for role in ("Ayah", "Ibu"):
            values += [flat[h.format(role=role)] for h in PARENT if "Tempat" not in h]
        for col, value in enumerate(values, start=1):
            sheet.cell(5 + number, col, value).number_format = "@"
    wb.save(path)
    return path


@pytest.fixture
def emis_ws(ws):
    add_school(ws, MIS, "MI Swasta Nurul Huda", "MI", "6171")
    return ws


def people(preview):
    return {(r.number, r.person): r for r in preview.rows}


def reasons(row):
    return " | ".join(importing.row_reasons(row))


@pytest.mark.parametrize("write", [write_emis_xlsx, write_emis_two_rows], ids=["flat", "two-row header"])
def test_an_emis_export_is_read_as_a_dapodik_file(emis_ws, tmp_path, write):
    path = write(tmp_path / "emis.xlsx")
    preview = importing.read_import(emis_ws, path)           # no school chosen: the file names it
    assert preview.school_npsn == MIS
    source = preview.dapodik
    assert source is not None and source.kind == "EMIS"
    assert (source.pupils, source.people) == (3, 6)
    first = 7 if write is write_emis_xlsx else 6
    found = people(preview)
    assert {key: row.status for key, row in found.items()} == {
        (first, "ayah"): importing.VALID, (first, "ibu"): importing.VALID,
        (first + 1, "ayah"): importing.SKIPPED, (first + 1, "ibu"): importing.VALID,
        (first + 2, "ayah"): importing.SKIPPED, (first + 2, "ibu"): importing.SKIPPED,
    }
    ahmad = found[first, "ayah"].enrollment
    assert (ahmad.full_name, ahmad.nik, ahmad.birth_date, ahmad.sex, ahmad.desa_code, ahmad.school_npsn,
            ahmad.heir_name, ahmad.pupil_name, ahmad.pupil_class) == (
        "AHMAD", nik(KEC, dt.date(1980, 3, 12), False, 1), dt.date(1980, 3, 12), "L", "6171011002", MIS,
        "SITI AMINAH", "RIZKI", "3")
    assert 'Status ayah di berkas: "Sudah Meninggal" (sudah meninggal); tidak didaftarkan.' in reasons(
        found[first + 1, "ayah"])
    assert '"Almarhum"' in reasons(found[first + 2, "ayah"]) and '"Wafat"' in reasons(found[first + 2, "ibu"])
    # A widow's heir is her child, not her husband who has died.
    nurhayati = found[first + 1, "ibu"].enrollment
    assert (nurhayati.heir_name, nurhayati.heir_relationship) == ("FAJAR", "child")
    mapped = dict(preview.column_report()[0])
    assert mapped["Status Ayah Kandung" if write is write_emis_xlsx else "Data Ayah Kandung: Status"] == \
        "Ayah: Status (hidup/meninggal)"
    result = importing.commit_import(emis_ws, preview, SYSTEM)
    assert result.accepted == 3 and count_all(emis_ws) == 3


def test_status_words_of_death_and_of_life():
    for word in ("Meninggal", "Sudah Meninggal", "MENINGGAL DUNIA", "Wafat", "Almarhum", "Almarhumah", "Alm.",
                 "Telah Meninggal"):
        assert dapodik.died(word), word
    for word in ("Masih Hidup", "Hidup", "Tidak Diketahui", "", None, "1"):
        assert not dapodik.died(word), word


def test_an_emis_export_of_a_madrasah_not_registered_asks_for_it(ws, tmp_path):
    path = write_emis_xlsx(tmp_path / "emis.xlsx")
    with pytest.raises(importing.SchoolNeeded) as needed:
        importing.read_import(ws, path)
    assert needed.value.school_name == MIS and needed.value.pupils == 3
    add_school(ws, "69800099", "MI Lain", "MI", "6171")
    chosen = importing.read_import(ws, path, "69800099")     # chosen by the clerk: the rows go under it
    assert {r.enrollment.school_npsn for r in chosen.rows if r.enrollment} == {"69800099"}


def test_an_emis_list_of_several_madrasahs_is_split(emis_ws, tmp_path):
    add_school(emis_ws, "69800010", "MTs Swasta Nurul Huda", "MTs", "6171")
    rows = [*PUPILS[:2], pupil(3, "NABILA", emis_parent("HERMAN", dt.date(1975, 7, 7), False, 5),
                               emis_parent("MARIA", dt.date(1990, 2, 2), True, 6), npsn="69800010")]
    preview = importing.read_import(emis_ws, write_emis_xlsx(tmp_path / "emis.xlsx", rows))
    known, unknown, missing = preview.by_school()
    assert [(npsn, n) for npsn, _name, n, _r in known] == [(MIS, 4), ("69800010", 2)] and not unknown
    assert {r.number: r.enrollment.school_npsn for r in preview.rows if r.enrollment} == {
        7: MIS, 8: MIS, 9: "69800010"}


def test_command_line_reads_an_emis_export(emis_ws, tmp_path):
    path = write_emis_xlsx(tmp_path / "emis.xlsx")
    db = emis_ws.path
    emis_ws.close()
    proc = run(db, "import", str(path), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "Berkas EMIS: 3 siswa, 6 orang tua/wali" in proc.stdout
    assert 'baris 8 (ayah): dilewati — Status ayah di berkas: "Sudah Meninggal"' in proc.stdout
    assert "3 siap didaftarkan" in proc.stdout
    summary = json.loads(run(db, "import", str(path), "--json").stdout)
    assert summary["accepted"] == 3 and summary["dapodik"]["kind"] == "EMIS"
    assert summary["dapodik"]["school_npsn"] == MIS
