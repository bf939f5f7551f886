"""School parent lists imported from real files in every format, messy as coordinators type them."""

import datetime as dt
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import openpyxl
import pytest

from desktop.services import importing
from desktop.services.accounts import SYSTEM
from desktop.services.demo import make_parent_rows
from desktop.services.importing import _column_specs
from desktop.services.schools import add_school
from desktop.services.search import SearchQuery, search, count_all
from desktop.services.spreadsheets import Cancelled, write_workbook
from tests.integration.test_cli import errors, run

NPSN = "69800001"
DATA = Path(__file__).resolve().parents[1] / "data"

MESSY_HEADERS = ["No", "NIK Orang Tua", "Nama Orang Tua", "Tempat Lahir", "Tgl Lahir", "L/P", "Alamat",
                 "Desa", "Kec.", "Kabupaten", "No HP", "Pekerjaan Orang Tua", "Penghasilan",
                 "Ahli Waris", "Hubungan", "Nama Siswa", "Kelas"]
# A woman from Pontianak Selatan (NIK day 45 = the 5th) written the ways real lists write things.
SITI = ["1", "6171014508800001", "  siti   aminah ", "Pontianak", dt.date(1980, 8, 5), "Perempuan",
        "Jl. Tanjungpura No. 5", "Benua Melayu Laut", "Pontianak Selatan", "KOTA PONTIANAK", "0812-3456-7890",
        "Pedagang Kaki Lima", "Rp 1.500.000", "Ahmad Fauzi", "Suami", "Nur Aminah", "5A"]


def messy_rows():
    """Row 3 is the header (a title and a blank row above it); data from row 4."""
    return [
        SITI,
        ["2", "6101011203850002", "BUDI SANTOSO", "Sambas", "12/03/1985", "L", "Dusun Karya", "Dalam Kaum",
         "Sambas", "Kab. Sambas", "081345678901", "Ojek", "1,5 juta", "Sri Wahyuni", "Istri", "Bayu", "3"],
        ["3", "6101015507900003", "RINA MARLINA", "Sambas", "15-07-1990", "P", "Dusun Karya", "Durian",
         "Sambas", "sambas", "0813 1111 2222", "Penambang emas rakyat", "900000", "Joko", "suami", "Putri", "2B"],
        ["4", "6101012002820004", "AGUS SALIM", "Sambas", "1982-02-20", "Laki-laki", "Dusun Karya", "Gapura",
         "Sambas", "Kabupaten Sambas", "081312345678", "Buruh Harian Lepas", 1200000, "Aisyah", "Anak", "", ""],
        ["5", "6101014408870005", "DEWI SARTIKA", "Sambas", "4 Agustus 1987", "P", "Dusun Karya", "Jagur",
         "Sambas", "Sambas", "081298765432", "Petani", 800000, "Hasan", "Suami", "Andi", "1"],
        # Excel turned this NIK into a number: 15 significant digits, the last one lost.
        ["6", 6101010101900000, "YUSUF", "Sambas", "01/01/1990", "L", "Dusun Karya", "Jagur", "Sambas",
         "Sambas", "081298765400", "Petani", 800000, "Hasan", "Ayah", "", ""],
        # The same person as row 4, typed twice.
        ["7", "6101012002820004", "AGUS SALIM", "Sambas", "20-02-1982", "L", "Dusun Karya", "Gapura",
         "Sambas", "Sambas", "081312345678", "Buruh", 1200000, "Aisyah", "Anak", "", ""],
        # A village that is not in that kecamatan, a date that does not exist, a landline.
        ["8", "6101016909950006", "MARIA", "Sambas", "31/02/1995", "P", "Dusun Karya", "Desa Antah",
         "Sambas", "Sambas", "0561-123456", "Penjahit", 700000, "Yohanes", "Suami", "", ""],
    ]


def write_messy_xlsx(path: Path, rows=None) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Orang Tua"
    sheet.append(["DAFTAR ORANG TUA SISWA SD NEGERI 12 — PEKERJA RENTAN"])
    sheet.append([])
    sheet.append(MESSY_HEADERS)
    for row in rows or messy_rows():
        sheet.append(row)
    for cell in sheet["E"][3:]:
        if isinstance(cell.value, dt.date):
            cell.number_format = "DD/MM/YYYY"
    wb.save(path)
    return path


@pytest.fixture
def school_ws(ws):
    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina")
    return ws


def by_row(preview):
    return {r.number: r for r in preview.rows}


def test_messy_list_is_understood_row_by_row(school_ws, tmp_path):
    preview = importing.read_import(school_ws, write_messy_xlsx(tmp_path / "ortu.xlsx"), NPSN)
    assert preview.header_row == 3
    rows = by_row(preview)
    assert sorted(rows) == list(range(4, 12))
    siti = rows[4]
    assert siti.status == importing.VALID, siti.problems
    e = siti.enrollment
    assert (e.full_name, e.birth_date, e.sex, e.desa_code, e.phone, e.occupation, e.monthly_income,
            e.heir_relationship, e.school_npsn, e.pupil_class) == (
        "SITI AMINAH", dt.date(1980, 8, 5), "P", "6171011002", "+6281234567890", "street_vendor", 1_500_000,
        "spouse", NPSN, "5A")
    assert rows[5].enrollment.monthly_income == 1_500_000 and rows[5].enrollment.occupation == "motorbike_taxi"
    rina = rows[6].enrollment
    assert (rina.occupation, rina.occupation_other) == ("other", "Penambang emas rakyat")
    assert rows[7].enrollment.birth_date == dt.date(1982, 2, 20)
    assert rows[8].enrollment.birth_date == dt.date(1987, 8, 4)      # "4 Agustus 1987"
    assert rows[9].status == importing.ERROR
    assert any("digit terakhirnya hilang" in reason for reason in importing.row_reasons(rows[9]))
    assert rows[10].status == importing.DUPLICATE and "baris 7" in rows[10].duplicate_reason
    maria = " | ".join(importing.row_reasons(rows[11]))
    assert rows[11].status == importing.ERROR
    assert 'Desa/Kelurahan: Desa/kelurahan "Desa Antah" tidak ditemukan di Kecamatan Sambas' in maria
    assert 'Tanggal Lahir: Tanggal "31/02/1995" tidak dapat dibaca' in maria
    assert "No. HP: Nomor ini bukan nomor HP" in maria


def test_commit_is_one_transaction_and_reports_people_already_enrolled(school_ws, tmp_path):
    path = write_messy_xlsx(tmp_path / "ortu.xlsx")
    first = importing.commit_import(school_ws, importing.read_import(school_ws, path, NPSN), SYSTEM)
    assert first.accepted == 5
    assert search(school_ws, SearchQuery("siti am")).total == 1
    assert search(school_ws, SearchQuery(school_id=1)).total == 5
    again = importing.read_import(school_ws, path, NPSN)
    assert again.count(importing.DUPLICATE) == 6
    assert "sudah terdaftar atas nama SITI AMINAH" in by_row(again)[4].duplicate_reason
    assert importing.commit_import(school_ws, again, SYSTEM).accepted == 0
    assert count_all(school_ws) == 5


def test_cancel_leaves_nothing_behind(school_ws, tmp_path):
    path = tmp_path / "big.xlsx"
    write_workbook(path, _column_specs(False), make_parent_rows(school_ws, 1500, seed=2))
    cancel = threading.Event()
    seen = []

    def progress(done, total):
        seen.append(done)
        cancel.set()  # the coordinator presses Batal after the first progress report

    with pytest.raises(Cancelled):
        importing.read_import(school_ws, path, NPSN, progress=progress, cancel=cancel)
    assert seen == [500]
    preview = importing.read_import(school_ws, path, NPSN)
    with pytest.raises(Cancelled):
        importing.commit_import(school_ws, preview, SYSTEM, cancel=cancel)
    assert count_all(school_ws) == 0
    assert importing.saved_mapping(school_ws, NPSN) is None


def test_corrected_cell_is_checked_again_and_duplicates_follow(school_ws, tmp_path):
    preview = importing.read_import(school_ws, write_messy_xlsx(tmp_path / "ortu.xlsx"), NPSN)
    fixed = importing.correct(school_ws, preview, 11, "desa", "Jagur")
    fixed = importing.correct(school_ws, fixed, 11, "birth_date", "29/09/1995")
    fixed = importing.correct(school_ws, fixed, 11, "phone", "0812 7777 8888")
    assert by_row(fixed)[11].status == importing.VALID, by_row(fixed)[11].problems
    # Row 10 was row 7 typed twice; given its own NIK it stands alone ...
    moved = importing.correct(school_ws, fixed, 10, "nik", "6101012002820009")
    assert by_row(moved)[10].status == importing.VALID
    # ... until row 7 is changed to that NIK too: then row 10 is the later copy again.
    moved = importing.correct(school_ws, moved, 7, "nik", "6101012002820009")
    assert by_row(moved)[7].status == importing.VALID
    assert by_row(moved)[10].status == importing.DUPLICATE and "baris 7" in by_row(moved)[10].duplicate_reason


def test_mapping_is_remembered_per_school(school_ws, tmp_path):
    headers = ["Nomor KTP Bapak/Ibu", "Nama Bapak/Ibu", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin",
               "Alamat", "Desa/Kelurahan", "Kecamatan", "Kabupaten/Kota", "No. HP", "Pekerjaan",
               "Penghasilan per Bulan", "Nama Ahli Waris", "Hubungan Ahli Waris"]
    wb = openpyxl.Workbook()
    wb.active.append(headers)
    wb.active.append(SITI[1:15])
    path = tmp_path / "odd.xlsx"
    wb.save(path)
    preview = importing.read_import(school_ws, path, NPSN)
    assert preview.unmapped_required == ["nik", "full_name"]
    mapping = {**preview.mapping, "nik": 0, "full_name": 1}
    preview = importing.remap(school_ws, preview, mapping)
    assert preview.count(importing.VALID) == 1
    importing.commit_import(school_ws, preview, SYSTEM)
    again = importing.read_import(school_ws, path, NPSN)  # the school's own layout, remembered
    assert again.mapping["nik"] == 0 and again.mapping["full_name"] == 1
    assert again.count(importing.DUPLICATE) == 1


def test_template_has_text_nik_dropdowns_and_instructions(school_ws, tmp_path):
    out = tmp_path / "templat.xlsx"
    importing.write_template(school_ws, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Data" and "Petunjuk" in wb.sheetnames and "Wilayah" in wb.sheetnames
    data = wb["Data"]
    headers = [c.value for c in data[1]]
    assert headers[:16] == ["NIK", "Nama Lengkap", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Alamat",
                            "Desa/Kelurahan", "Kecamatan", "Kabupaten/Kota", "No. HP", "Pekerjaan",
                            "Penghasilan per Bulan", "Nama Ahli Waris", "Hubungan Ahli Waris", "Nama Siswa",
                            "Kelas"]
    assert data.column_dimensions["A"].number_format == "@"
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in data.data_validations.dataValidation}
    assert set(lists) == {"E2", "H2", "I2", "K2", "N2"}
    assert wb["Daftar"].sheet_state == "hidden"
    kab_list = [c.value for c in wb["Daftar"]["B"][1:] if c.value]
    assert len(kab_list) == 14 and "Kabupaten Kayong Utara" in kab_list
    assert "15 digit" in " ".join(c.value for c in wb["Petunjuk"]["A"])
    # the template, filled in, imports cleanly
    data.append(SITI[1:])
    wb.save(out)
    assert importing.read_import(school_ws, out, NPSN).count(importing.VALID) == 1


def _same_rows_in(fmt: str, rows, path: Path) -> Path:
    headers = [h for _, h in importing.TEMPLATE_COLUMNS]
    if fmt == "xls":
        import xlwt

        book = xlwt.Workbook()
        sheet = book.add_sheet("Data")
        date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
        for col, header in enumerate(headers):
            sheet.write(0, col, header)
        for r, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                sheet.write(r, col, value, date_style) if isinstance(value, dt.date) else sheet.write(r, col, value)
        book.save(str(path))
    elif fmt == "ods":
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableCell, TableRow
        from odf.text import P

        doc = OpenDocumentSpreadsheet()
        table = Table(name="Data")
        for row in [headers] + rows:
            tr = TableRow()
            for value in row:
                if isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value)
                else:
                    cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
        doc.save(str(path))
    elif fmt in ("csv-semicolon-cp1252", "csv-comma-utf8bom"):
        sep, encoding = (";", "cp1252") if fmt.startswith("csv-semi") else (",", "utf-8-sig")
        lines = [sep.join(headers)]
        for row in rows:
            cells = [v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else str(v) for v in row]
            lines.append(sep.join(f'"{c}"' if sep in c else c for c in cells))
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("fmt, suffix", [("xls", ".xls"), ("ods", ".ods"), ("csv-semicolon-cp1252", ".csv"),
                                         ("csv-comma-utf8bom", ".csv")])
def test_every_supported_format(school_ws, tmp_path, fmt, suffix):
    rows = make_parent_rows(school_ws, 40, seed=8)
    rows[0][1] = "Stéfanus Aloysius D'Cruz"  # accents and an apostrophe survive every encoding
    path = _same_rows_in(fmt, rows, tmp_path / f"ortu{suffix}")
    preview = importing.read_import(school_ws, path, NPSN)
    assert [r.number for r in preview.rows] == list(range(2, 42))
    assert preview.count(importing.ERROR) == 0, [importing.row_reasons(r) for r in preview.rejected]
    assert by_row(preview)[2].enrollment.full_name == "STÉFANUS ALOYSIUS D'CRUZ"
    assert importing.commit_import(school_ws, preview, SYSTEM).accepted == 40


def test_file_saved_by_libreoffice(school_ws, tmp_path):
    """tests/data/parents-libreoffice.ods was saved by LibreOffice Calc 7.4 (headless) from a messy list."""
    preview = importing.read_import(school_ws, DATA / "parents-libreoffice.ods", NPSN)
    assert len(preview.rows) == 30 and preview.count(importing.ERROR) == 0, [
        importing.row_reasons(r) for r in preview.rejected]


@pytest.mark.skipif(shutil.which("soffice") is None and os.environ.get("CI") != "true",
                    reason="LibreOffice (libreoffice-calc-nogui) is not installed; scripts/test.py installs it")
def test_libreoffice_round_trip_now(school_ws, tmp_path):
    source = write_messy_xlsx(tmp_path / "ortu.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", "ods", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    preview = importing.read_import(school_ws, tmp_path / "ortu.ods", NPSN)
    assert {r.number: r.status for r in preview.rows} == {
        r.number: r.status for r in importing.read_import(school_ws, source, NPSN).rows}


# --- the command line ------------------------------------------------------------------------

def test_cli_import_json_rows_and_rejected_round_trip(tmp_path):
    db = tmp_path / "cli.sqlite3"
    assert run(db, "school", "add", NPSN, "--name", "SD Negeri 12", "--level", "SD",
               "--kabupaten", "Kota Pontianak").returncode == 0
    source = write_messy_xlsx(tmp_path / "ortu.xlsx")
    dry = run(db, "import", str(source), "--school", NPSN, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["accepted"] == 0
    assert json.loads(run(db, "list", "--json").stdout) == []

    errors = tmp_path / "ditolak.xlsx"
    proc = run(db, "import", str(source), "--school", NPSN, "--json", "--errors", str(errors))
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["accepted"] == 5
    assert [r["row"] for r in summary["rejected"]] == [9, 11]
    assert summary["duplicates"] == [{"row": 10, "reason": summary["duplicates"][0]["reason"]}]
    assert "baris 7" in summary["duplicates"][0]["reason"]
    assert len(json.loads(run(db, "list", "--json").stdout)) == 5

    # The coordinator fixes the rejected rows in the exported sheet and imports it again.
    wb = openpyxl.load_workbook(errors)
    sheet = wb["Data"]
    headers = [c.value for c in sheet[1]]
    assert headers[-1] == "Keterangan" and sheet.max_row == 4
    reasons = {sheet.cell(r, 2).value: sheet.cell(r, len(headers)).value for r in range(2, 5)}
    assert "digit terakhirnya hilang" in reasons["YUSUF"]
    for r in range(2, 5):
        name = sheet.cell(r, 2).value
        if name == "YUSUF":
            sheet.cell(r, 1).value = "6101010101900007"
        if name == "MARIA":
            sheet.cell(r, 7).value = "Jagur"
            sheet.cell(r, 4).value = "29/09/1995"
            sheet.cell(r, 10).value = "0812 7777 8888"
    wb.save(errors)
    again = json.loads(run(db, "import", str(errors), "--school", NPSN, "--json").stdout)
    assert again["accepted"] == 2 and again["rejected"] == []
    assert len(again["duplicates"]) == 1  # AGUS SALIM's second row: now already enrolled


def test_cli_unreadable_and_unknown_files(tmp_path):
    db = tmp_path / "cli.sqlite3"
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    proc = run(db, "import", str(broken))
    assert proc.returncode != 0 and "tidak dapat dibaca" in proc.stderr
    proc = run(db, "import", str(tmp_path / "tidak-ada.xlsx"))
    assert proc.returncode != 0 and "tidak ditemukan" in proc.stderr
    other = tmp_path / "daftar.pdf"
    other.write_bytes(b"%PDF-1.4")
    proc = run(db, "import", str(other))
    assert proc.returncode != 0 and "tidak didukung" in proc.stderr
    proc = run(db, "import", str(write_messy_xlsx(tmp_path / "o.xlsx")), "--school", "12345678")
    assert proc.returncode != 0 and "belum terdaftar" in proc.stderr
    assert len(errors(proc).strip().splitlines()) == 1


def test_a_birth_date_column_from_an_english_locale_excel_is_read_month_first_as_a_whole(school_ws, tmp_path):
    # 8/17/1980 can only be month-first: so is the whole column, and 8/5/1980 is the 5th of August (the
    # date Siti's NIK gives), not the 8th of May.
    path = tmp_path / "ortu.csv"
    budi = list(SITI)
    budi[1:3], budi[4], budi[5] = ["6171015708800002", "Rina Marlina"], "8/17/1980", "Perempuan"
    siti = list(SITI)
    siti[4] = "8/5/1980"
    path.write_text("\n".join(",".join(f'"{c}"' for c in row) for row in (MESSY_HEADERS, siti, budi)),
                    encoding="utf-8")
    preview = importing.read_import(school_ws, path, NPSN)
    rows = by_row(preview)
    assert rows[2].enrollment.birth_date == dt.date(1980, 8, 5), importing.row_reasons(rows[2])
    assert rows[3].enrollment.birth_date == dt.date(1980, 8, 17), importing.row_reasons(rows[3])
