"""BPJS's answer in the shapes a branch really receives, applied to a submitted batch of 30: every date
applied is the date BPJS meant, or the row is reported with its value, never a wrong one. Each file is
written here the way the system that makes it writes it (an English-locale Excel's CSV, a web portal's
HTML "xls", Excel 2003 XML, a merged two-row header, a summary sheet before the answer...)."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from desktop.services import enrollment, membership
from desktop.services.accounts import SYSTEM
from desktop.services.errors import ServiceError
from tests.conftest import make_raw

NAMES = ["Siti Aminah", "Budi Santoso", "Ahmad Fauzi", "Rina Marlina", "Yusuf Hamdani", "Dewi Lestari",
         "Hendra Gunawan", "Nurul Hidayah", "Agus Salim", "Fitri Handayani", "Joko Susilo", "Maya Sari",
         "Rudi Hartono", "Sri Wahyuni", "Taufik Hidayat", "Wati Suryani", "Bambang Irawan", "Lina Marlina",
         "Dedi Kurniawan", "Ani Rahmawati", "Eko Prasetyo", "Yanti Kusuma", "Hasan Basri", "Ratna Dewi",
         "Imam Syafii", "Lilis Suryani", "Arif Rahman", "Nani Wijaya", "Zainal Abidin", "Putri Ayu"]
NIKS = [f"61710145088000{n:02d}" for n in range(1, 31)]
KPJS = [f"261200000{n:02d}" for n in range(1, 31)]


@pytest.fixture
def batch(ws, tmp_path):
    """30 workers submitted to BPJS in one batch (written on the test's day, 2026-11-24)."""
    for nik, name in zip(NIKS, NAMES):
        enrollment.enroll(ws, make_raw(nik=nik, full_name=name), SYSTEM)
    membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM)
    return ws


def coverage(ws) -> dict[str, tuple[str, dt.date | None]]:
    from desktop.services.search import SearchQuery, search

    out = {}
    for row in search(ws, SearchQuery()).rows:
        worker = enrollment.get(ws, row.id)
        out[worker.nik] = (worker.status, worker.coverage_start)
    return out


def day(n: int) -> dt.date:
    return dt.date(2026, 12, 1) + dt.timedelta(days=n % 28)


def csv_answer(path, header, rows, encoding="utf-8", sep=";"):
    path.write_text("\r\n".join(sep.join(str(c) for c in r) for r in [header] + rows) + "\r\n", encoding=encoding)
    return path


def started(ws, count=30):
    got = coverage(ws)
    return [got[nik] for nik in NIKS[:count]]


def test_an_english_locale_csv_is_read_month_first_for_the_whole_column(batch, tmp_path):
    # 12/1/2026 … 12/28/2026: the values past the 12th prove the column month-first, so 12/1 is December 1st.
    rows = [[nik, name.upper(), kpj, f"{day(n).month}/{day(n).day}/{day(n).year}"]
            for n, (nik, name, kpj) in enumerate(zip(NIKS, NAMES, KPJS))]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "Nama", "No KPJ", "TMT"], rows, sep=",")
    preview = membership.preview_answer(batch, path, SYSTEM)
    assert (preview.applied, preview.activated, preview.unknown) == (False, 30, [])
    assert (preview.date_order, preview.date_basis) == ("mdy", "proven")
    assert preview.dates[0] == ("12/1/2026", "2026-12-01")
    assert {s for s, _ in started(batch)} == {"submitted"}                       # the preview changed nothing
    result = membership.import_answer(batch, path, SYSTEM, fingerprint=preview.fingerprint)
    assert (result.activated, result.unknown) == (30, [])
    assert started(batch) == [("active", day(n)) for n in range(30)]


def test_dates_that_prove_no_order_are_read_the_way_that_makes_every_one_plausible(batch, tmp_path):
    # An English-locale Excel's first nine days of December: 12/1/2026 … 12/9/2026. Day-first they would be
    # January to September 2026, before the batch was written: month-first is the only plausible reading.
    rows = [[nik, kpj, f"12/{n % 9 + 1}/2026"] for n, (nik, kpj) in enumerate(zip(NIKS, KPJS))]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "KPJ", "Tgl Kepesertaan"], rows, sep=",")
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.unknown, result.date_basis) == (30, [], "plausible")
    assert started(batch) == [("active", dt.date(2026, 12, n % 9 + 1)) for n in range(30)]


def test_a_mixed_column_reports_what_reads_two_ways_and_applies_the_rest(batch, tmp_path):
    rows = [[NIKS[0], KPJS[0], "14/12/2026"], [NIKS[1], KPJS[1], "12/15/2026"], [NIKS[2], KPJS[2], "3/12/2026"]]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "KPJ", "TMT"], rows)
    result = membership.import_answer(batch, path, SYSTEM)
    assert result.date_basis == "mixed" and result.activated == 2
    assert [(u.row, u.value) for u in result.unknown] == [(4, "3/12/2026")]
    assert "dua cara" in result.unknown[0].reason
    assert started(batch, 3) == [("active", dt.date(2026, 12, 14)), ("active", dt.date(2026, 12, 15)),
                                 ("submitted", None)]


@pytest.mark.parametrize("written, meant", [
    ("01-DEC-26", dt.date(2026, 12, 1)), ("2026-12-01 00:00:00", dt.date(2026, 12, 1)),
    ("2026-12-03T00:00:00", dt.date(2026, 12, 3)), ("Selasa, 01 Desember 2026", dt.date(2026, 12, 1)),
    ("1 Des 2026", dt.date(2026, 12, 1)), ("Dec 2, 2026", dt.date(2026, 12, 2)), ("20261204", dt.date(2026, 12, 4)),
    ("46360", dt.date(2026, 12, 4)), ("04.12.2026", dt.date(2026, 12, 4)), ("4-12-26", dt.date(2026, 12, 4)),
])
def test_dates_in_the_forms_real_exports_write(batch, tmp_path, written, meant):
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "Nomor Peserta", "TMT"], [[NIKS[0], KPJS[0], written]])
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.unknown) == (1, [])
    assert started(batch, 1) == [("active", meant)]


def test_an_implausible_date_is_reported_with_its_value_never_applied(batch, tmp_path):
    rows = [[NIKS[0], KPJS[0], "12-01-2026"], [NIKS[1], KPJS[1], "01-06-2027"], [NIKS[2], KPJS[2], "25-10-2026"]]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "KPJ", "TMT"], rows)
    result = membership.import_answer(batch, path, SYSTEM)
    assert result.activated == 1
    said = {u.row: (u.value, u.reason) for u in result.unknown}
    assert said[2][0] == "12-01-2026" and "sebulan sebelum batch" in said[2][1]
    assert said[3][0] == "01-06-2027" and "tiga bulan setelah hari ini" in said[3][1]
    assert started(batch, 3) == [("submitted", None), ("submitted", None), ("active", dt.date(2026, 10, 25))]


def test_a_two_row_merged_header_under_title_rows(batch, tmp_path):
    path = tmp_path / "jawaban.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["HASIL PENDAFTARAN PESERTA BPU"])
    sheet.append(["KANTOR CABANG PONTIANAK"])
    sheet.append([])
    sheet.append(["No", "NIK", "Nama", "Kepesertaan", None, "Keterangan"])
    sheet.append([None, None, None, "Nomor KPJ", "TMT", None])
    for column in "ABCF":
        sheet.merge_cells(f"{column}4:{column}5")
    sheet.merge_cells("D4:E4")
    for n in range(5):
        sheet.append([n + 1, NIKS[n], NAMES[n], KPJS[n], dt.datetime.combine(day(n), dt.time()), "OK"])
    sheet.append([6, NIKS[5], NAMES[5], None, None, "NIK tidak terdaftar di Dukcapil"])
    sheet.append(["JUMLAH", None, None, 5, None, None])
    book.save(path)
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.refused, result.unknown) == (5, 1, [])
    assert ("Kepesertaan / Nomor KPJ", "kpj") in result.columns
    assert started(batch, 6)[:5] == [("active", day(n)) for n in range(5)]
    assert started(batch, 6)[5] == ("refused", None)


def test_the_answer_on_the_second_sheet_after_a_summary(batch, tmp_path):
    path = tmp_path / "jawaban.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Ringkasan"
    book.active.append(["Jumlah diterima", 2])
    data = book.create_sheet("Detail")
    data.append(["NIK", "No KPJ", "TMT"])
    data.append([NIKS[0], KPJS[0], 46357])             # an Excel serial in a number cell: 2026-12-01
    data.append([NIKS[1], KPJS[1], "02/12/2026"])
    book.create_sheet("Catatan")
    book.save(path)
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.sheets) == (2, ("Detail",))
    assert [sheet for sheet, _ in result.ignored_sheets] == ["Ringkasan", "Catatan"]
    assert started(batch, 2) == [("active", dt.date(2026, 12, 1)), ("active", dt.date(2026, 12, 2))]


def test_a_web_portals_html_table_saved_as_xls(batch, tmp_path):
    path = tmp_path / "jawaban.xls"
    rows = "".join(f"<tr><td>{n + 1}</td><td>{NIKS[n]}</td><td>{NAMES[n]}</td><td>{KPJS[n]}</td>"
                   f"<td>{day(n):%d/%m/%Y}</td></tr>" for n in range(4))
    path.write_text("<html><head><meta charset='utf-8'></head><body><table border=1>"
                    "<tr><th rowspan=2>No</th><th rowspan=2>NIK</th><th rowspan=2>Nama</th>"
                    "<th colspan=2>Kepesertaan</th></tr><tr><th>No. KPJ</th><th>Tgl Aktif</th></tr>"
                    f"{rows}</table></body></html>", encoding="utf-8")
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.unknown) == (4, [])
    assert started(batch, 4) == [("active", day(n)) for n in range(4)]


def test_excel_2003_xml_saved_as_xls(batch, tmp_path):
    path = tmp_path / "jawaban.xls"
    cells = "".join(
        f'<Row><Cell><Data ss:Type="String">{NIKS[n]}</Data></Cell><Cell><Data ss:Type="String">{KPJS[n]}</Data>'
        f'</Cell><Cell><Data ss:Type="DateTime">{day(n).isoformat()}T00:00:00.000</Data></Cell></Row>'
        for n in range(3))
    path.write_text('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Hasil"><Table>'
                    '<Row><Cell><Data ss:Type="String">NIK</Data></Cell><Cell><Data ss:Type="String">KPJ</Data></Cell>'
                    '<Cell><Data ss:Type="String">TMT</Data></Cell></Row>'
                    f"{cells}</Table></Worksheet></Workbook>", encoding="utf-8")
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.unknown, result.sheets) == (3, [], ("Hasil",))
    assert started(batch, 3) == [("active", day(n)) for n in range(3)]


def test_tab_separated_text_saved_as_xls(batch, tmp_path):
    path = csv_answer(tmp_path / "jawaban.xls", ["NIK", "No KPJ", "TMT"],
                      [[NIKS[0], KPJS[0], "01-12-2026"]], sep="\t")
    assert membership.import_answer(batch, path, SYSTEM).activated == 1


def test_cells_are_cleaned_of_what_the_eye_cannot_see(batch, tmp_path):
    rows = [[f"\u200b{NIKS[0]}\u00a0", f'="{KPJS[0]}"', "01-12-2026"],
            [f'="{NIKS[1]}"', f"{KPJS[1]}.0", "\ufeff02-12-2026"]]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT"], rows)
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.unknown) == (2, [])


def test_an_answer_without_a_kpj_column_applies_nothing_and_says_what_it_read(batch, tmp_path):
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "Nama", "Keterangan"],
                      [[NIKS[0], NAMES[0], "Data tidak lengkap"], [NIKS[1], NAMES[1], "Sudah terdaftar"]])
    with pytest.raises(ServiceError) as caught:
        membership.import_answer(batch, path, SYSTEM)
    message = caught.value.message.format(**caught.value.params)
    assert "tidak memuat kolom nomor KPJ" in message and "Keterangan → keterangan" in message
    assert {s for s, _ in started(batch)} == {"submitted"}


def test_a_name_that_is_not_the_workers_is_reported_and_titles_and_spelling_are_tolerated(batch, tmp_path):
    rows = [[NIKS[0], "HJ. SITI AMINAH, S.Pd", KPJS[0], "01-12-2026"],
            [NIKS[1], "BUDI SANTOSA", KPJS[1], "01-12-2026"],
            [NIKS[2], "M. FAUZI", KPJS[2], "01-12-2026"],          # Ahmad Fauzi: not an initial of his
            [NIKS[3], "HENDRA GUNAWAN", KPJS[3], "01-12-2026"]]    # Rina Marlina's NIK: another person
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "Nama Peserta", "No KPJ", "TMT"], rows)
    result = membership.import_answer(batch, path, SYSTEM)
    assert result.activated == 2
    assert [u.row for u in result.unknown] == [4, 5]
    assert all("Nama di berkas tidak sama" in u.reason for u in result.unknown)
    assert [s for s, _ in started(batch, 4)] == ["active", "active", "submitted", "submitted"]


def test_within_one_file_a_later_kpj_wins_over_an_earlier_refusal(batch, tmp_path):
    rows = [[NIKS[0], "", "", "DITOLAK - data belum lengkap"], [NIKS[1], KPJS[1], "01-12-2026", ""],
            [NIKS[0], KPJS[0], "02-12-2026", "OK"], [NIKS[1], "", "", "DITOLAK"],
            [NIKS[2], KPJS[2], "01-12-2026", ""], [NIKS[2], "26120000099", "01-12-2026", ""],
            [NIKS[3], "", "", "PROSES"], [NIKS[3], "", "", "PROSES"]]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Keterangan"], rows)
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.refused, result.pending) == (1, 0, 1)
    assert sorted(u.row for u in result.unknown) == [5, 6, 7]         # refused after its KPJ; two KPJs for one
    assert started(batch, 4) == [("active", dt.date(2026, 12, 2)), ("submitted", None), ("submitted", None),
                                 ("submitted", None)]


def test_the_cli_previews_with_dry_run_and_json(batch, tmp_path):
    from tests.integration.test_cli import run

    rows = [[nik, kpj, "12/14/2026", "AKTIF"] for nik, kpj in zip(NIKS[:3], KPJS[:3])] + [[NIKS[3], "", "", "PROSES"]]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Status"], rows)
    batch.close()
    proc = run(batch.path, "bpjs", "import", str(path), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "Kolom dibaca: NIK → NIK; No KPJ → nomor KPJ; TMT → tanggal kepesertaan (TMT); Status → status." \
        in proc.stdout
    assert "Tanggal dibaca sebagai bulan/hari/tahun" in proc.stdout and "12/14/2026 → 14-12-2026" in proc.stdout
    assert "3 akan aktif" in proc.stdout and "1 masih diproses BPJS" in proc.stdout
    assert "Pratinjau saja" in proc.stdout
    proc = run(batch.path, "bpjs", "import", str(path), "--dry-run", "--json")
    said = json.loads(proc.stdout)
    assert (said["applied"], said["activated"], said["pending"]) == (False, 3, 1)
    assert said["columns"][1] == {"header": "No KPJ", "read_as": "kpj"}
    assert said["dates"]["sample"] == [{"written": "12/14/2026", "read": "2026-12-14"}]
    proc = run(batch.path, "bpjs", "import", str(path), "--json")
    said = json.loads(proc.stdout)
    assert (said["applied"], said["activated"]) == (True, 3) and len(said["answer"]) == 32


def test_an_old_xls_workbook_with_a_merged_header_and_date_cells(batch, tmp_path):
    import xlwt

    path = tmp_path / "jawaban.xls"
    book = xlwt.Workbook()
    sheet = book.add_sheet("Hasil")
    sheet.write_merge(0, 0, 0, 3, "DAFTAR PESERTA BPU TERDAFTAR")
    sheet.write_merge(1, 2, 0, 0, "NIK")
    sheet.write_merge(1, 1, 1, 2, "Kepesertaan")
    sheet.write(2, 1, "No. KPJ")
    sheet.write(2, 2, "Tgl Kepesertaan")
    sheet.write_merge(1, 2, 3, 3, "Keterangan")
    dated = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for n in range(3):
        sheet.write(3 + n, 0, NIKS[n])
        sheet.write(3 + n, 1, KPJS[n])
        sheet.write(3 + n, 2, dt.datetime.combine(day(n), dt.time()), dated)
        sheet.write(3 + n, 3, "Terdaftar")
    book.save(str(path))
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.unknown) == (3, [])
    assert started(batch, 3) == [("active", day(n)) for n in range(3)]


def test_an_answer_naming_another_date_for_an_active_worker_is_reported_not_unchanged(batch, tmp_path):
    first = csv_answer(tmp_path / "jawaban-1.csv", ["NIK", "KPJ", "TMT"], [[NIKS[0], KPJS[0], "01-12-2026"]])
    assert membership.import_answer(batch, first, SYSTEM).activated == 1
    again = csv_answer(tmp_path / "jawaban-2.csv", ["NIK", "KPJ", "TMT"],
                       [[NIKS[0], KPJS[0], "01-12-2026"], [NIKS[0], KPJS[0], "01-12-2026"]])
    assert membership.import_answer(batch, again, SYSTEM).unchanged == 1      # the same word twice: one answer
    other = csv_answer(tmp_path / "jawaban-3.csv", ["NIK", "KPJ", "TMT"], [[NIKS[0], KPJS[0], "03-12-2026"]])
    result = membership.import_answer(batch, other, SYSTEM)
    assert (result.unchanged, [(u.row, u.value) for u in result.unknown]) == (0, [(2, "03-12-2026")])
    assert "tanggal kepesertaan (TMT) lain" in result.unknown[0].reason
    assert started(batch, 1) == [("active", dt.date(2026, 12, 1))]


def test_words_where_the_kpj_would_be_are_read_as_bpjs_word(batch, tmp_path):
    rows = [[NIKS[0], "PROSES", "", ""], [NIKS[1], "DITOLAK", "", "NIK tidak terdaftar di Dukcapil"],
            [NIKS[2], "-", "", "Menunggu verifikasi"], [NIKS[3], KPJS[3], "01-12-2026", ""]]
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Keterangan"], rows)
    result = membership.import_answer(batch, path, SYSTEM)
    assert (result.activated, result.refused, result.pending, result.unknown) == (1, 1, 2, [])
    assert [s for s, _ in started(batch, 4)] == ["submitted", "refused", "submitted", "active"]
