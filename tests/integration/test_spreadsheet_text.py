"""Every spreadsheet Lindung writes keeps text as text, whatever it begins with: what a volunteer typed as
an address, a birth place or an occupation, or a payment's transfer reference, reaches the other offices'
Excel as a text cell, never as a formula (``=HYPERLINK(...)``, ``=cmd|...``: formula injection). Run through
the real command line, read back with openpyxl."""

from __future__ import annotations

import csv
import json

import openpyxl

from tests.conftest import make_raw
from tests.integration.test_cli import errors, run

HOSTILE = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)"]
NPSN = "69800001"


def ok(proc):
    assert proc.returncode == 0, errors(proc)
    return proc


def cells(path, sheet=None):
    book = openpyxl.load_workbook(path)
    rows = list((book[sheet] if sheet else book.active).iter_rows())
    header = [c.value for c in rows[0]]
    return header, [{h: c for h, c in zip(header, row)} for row in rows[1:]]


def enroll_hostile(db, tmp_path):
    records = [make_raw(nik=f"617101450880{i + 1:04d}", address=text, birth_place=text, occupation="other",
                        occupation_other=text) for i, text in enumerate(HOSTILE)]
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    ok(run(db, "enroll", str(source), env={"LINDUNG_TODAY": "2026-11-24"}))


def test_bpjs_export_writes_addresses_birth_places_and_occupations_as_text(tmp_path):
    db = tmp_path / "cabang.sqlite3"
    enroll_hostile(db, tmp_path)
    out = tmp_path / "ajuan.xlsx"
    ok(run(db, "bpjs", "export", str(out), "--months", "12", env={"LINDUNG_TODAY": "2026-11-24"}))
    header, rows = cells(out)
    assert len(rows) == len(HOSTILE)
    by_nik = {row["NIK"].value: row for row in rows}
    for i, text in enumerate(HOSTILE):
        row = by_nik[f"617101450880{i + 1:04d}"]
        shown = {column: (row[column].value, row[column].data_type)
                 for column in ("Alamat", "Tempat Lahir", "Jenis Pekerjaan")}
        # The birth place is kept in capitals, as every birth place is.
        assert shown == {"Alamat": (text, "s"), "Tempat Lahir": (text.upper(), "s"),
                         "Jenis Pekerjaan": (text, "s")}, shown
    # Numbers stay numbers.
    assert {(row["Jumlah Bulan Dibayar"].value, row["Jumlah Bulan Dibayar"].data_type) for row in rows} == {(12, "n")}
    assert {row["Penghasilan per Bulan"].data_type for row in rows} == {"n"}


def test_baznas_report_writes_a_transfer_reference_as_text(tmp_path):
    db = tmp_path / "cabang.sqlite3"
    env = {"LINDUNG_TODAY": "2026-11-24"}
    enroll_hostile(db, tmp_path)
    batch = json.loads(ok(run(db, "bpjs", "export", str(tmp_path / "ajuan.xlsx"), "--json", env=env)).stdout)
    reference = '=HYPERLINK("http://x","y")'
    ok(run(db, "payment", "add", "--batch", batch["batch"], "--months", "12", "--reference", reference, env=env))
    out = tmp_path / "penyaluran.xlsx"
    ok(run(db, "report", "baznas", str(out), "--from", "01-11-2026", "--to", "30-11-2026", env=env))
    header, rows = cells(out)
    assert len(rows) == len(HOSTILE)
    assert {(row["Referensi"].value, row["Referensi"].data_type) for row in rows} == {(reference, "s")}
    assert {row["Jumlah (Rp)"].data_type for row in rows} == {"n"} and all(row["Jumlah (Rp)"].value > 0
                                                                          for row in rows)


def test_the_rejected_rows_of_an_import_keep_their_text(tmp_path):
    db = tmp_path / "sekolah.sqlite3"
    ok(run(db, "school", "add", NPSN, "--name", "SD Negeri 12", "--level", "SD", "--kabupaten", "Kota Pontianak"))
    template = tmp_path / "templat.xlsx"
    ok(run(db, "template", str(template)))
    header = [c.value for c in next(openpyxl.load_workbook(template)["Data"].iter_rows(max_row=1))]
    source = tmp_path / "ortu.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i, text in enumerate(HOSTILE):     # a NIK too short: every row is rejected and written back
            writer.writerow([f"6171{i}" if column == header[0] else text for column in header])
    out = tmp_path / "ditolak.xlsx"
    refused = run(db, "import", str(source), "--school", NPSN, "--errors", str(out))
    assert refused.returncode == 1, refused.stderr     # nobody enrolled: a failing status, the rows written back
    written, rows = cells(out, "Data")
    assert written[:-1] == header and len(rows) == len(HOSTILE)
    for row, text in zip(rows, HOSTILE):
        for column in header[1:]:
            assert (row[column].value, row[column].data_type) == (text, "s"), (column, row[column].value)
