"""Every reader reads a file whole: each sheet read or named with the reason it was not, merged cells
giving their value to every row and column they span, and files named .xls that are something else
(an HTML table, Excel 2003 XML, text) read as what they are."""

from __future__ import annotations

import datetime as dt

import openpyxl

from desktop.services import sheet_limits
from desktop.services.spreadsheets import SHEET_EMPTY, SHEET_HIDDEN, SHEET_NOT_WANTED, read_rows, read_sheets


def test_merged_cells_give_their_value_to_every_row_and_column_they_span(tmp_path):
    path = tmp_path / "daftar.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"] = "NIK"
    sheet.merge_cells("B2:B3")
    sheet["C2"] = "Kepesertaan"
    sheet.merge_cells("C2:D2")
    sheet["C3"], sheet["D3"] = "KPJ", "TMT"
    sheet["B4"], sheet["C4"], sheet["D4"] = "6171014508800001", "26120000001", dt.datetime(2026, 12, 1)
    book.save(path)
    rows = list(read_rows(path, sheet_limits.ANSWER))
    assert rows[1][1:] == ["NIK", "Kepesertaan", "Kepesertaan"]
    assert rows[2][1:] == ["NIK", "KPJ", "TMT"]
    assert rows[3][1:] == ["6171014508800001", "26120000001", dt.date(2026, 12, 1)]


def test_every_sheet_is_read_or_named_with_the_reason(tmp_path):
    path = tmp_path / "jawaban.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Ringkasan"
    book.active.append(["Jumlah", 3])
    for name in ("Diterima", "Ditolak"):
        sheet = book.create_sheet(name)
        sheet.append(["NIK", "KPJ"])
        sheet.append(["6171014508800001", name])
    book.create_sheet("Kosong")
    hidden = book.create_sheet("Lama")
    hidden.append(["NIK", "KPJ"])
    hidden.sheet_state = "hidden"
    book.save(path)
    sheets = read_sheets(path, sheet_limits.ANSWER, lambda head: any("NIK" in row for row in head))
    assert [s.sheet for s in sheets] == ["Diterima", "Ditolak"]
    assert sheets[0].ignored == (("Ringkasan", SHEET_NOT_WANTED), ("Kosong", SHEET_EMPTY), ("Lama", SHEET_HIDDEN))
    assert [list(s)[1][1] for s in sheets] == ["Diterima", "Ditolak"]
    # A reader that wants no particular sheet reads the first with data and names the others.
    first = read_rows(path, sheet_limits.LIST)
    assert first.sheet == "Ringkasan" and [name for name, _ in first.ignored] == ["Diterima", "Ditolak", "Kosong",
                                                                                  "Lama"]


def test_an_html_table_with_spans_is_read_as_the_browser_shows_it(tmp_path):
    path = tmp_path / "unduhan.xls"
    path.write_text("<html><body><p>Hasil</p><table>"
                    "<tr><th rowspan=2>NIK</th><th colspan=2>Ayah</th></tr>"
                    "<tr><th>Nama</th><th>Pekerjaan<br>Utama</th></tr>"
                    "<tr><td> 6171014508800001 </td><td rowspan=2>BUDI &amp; SANTOSO</td><td>Petani</td></tr>"
                    "<tr><td>6171014508800002</td><td>Nelayan</td></tr>"
                    "</table></body></html>", encoding="cp1252")
    rows = list(read_rows(path, sheet_limits.LIST))
    assert rows == [["NIK", "Ayah", "Ayah"], ["NIK", "Nama", "Pekerjaan Utama"],
                    ["6171014508800001", "BUDI & SANTOSO", "Petani"], ["6171014508800002", "BUDI & SANTOSO", "Nelayan"]]


def test_excel_2003_xml_with_skipped_cells_and_merges(tmp_path):
    path = tmp_path / "ekspor.xls"
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet ss:Name="Data"><Table>'
        '<Row><Cell ss:MergeDown="1"><Data ss:Type="String">NIK</Data></Cell>'
        '<Cell ss:Index="3"><Data ss:Type="Number">12.5</Data></Cell></Row>'
        '<Row ss:Index="3"><Cell><Data ss:Type="DateTime">2026-12-01T00:00:00.000</Data></Cell>'
        '<Cell ss:MergeAcross="1"><Data ss:Type="String">x</Data></Cell></Row>'
        '</Table></Worksheet></Workbook>', encoding="utf-8")
    assert list(read_rows(path, sheet_limits.LIST)) == [["NIK", "", 12.5], ["NIK"], [dt.date(2026, 12, 1), "x", "x"]]


def test_a_web_download_too_large_for_its_limits_is_refused_before_it_is_held(tmp_path):
    import pytest

    from desktop.services.errors import ServiceError

    path = tmp_path / "besar.xls"
    path.write_text("<table>" + "<tr><td>1</td></tr>" * (sheet_limits.LIST.rows + 5) + "</table>")
    with pytest.raises(ServiceError) as caught:
        read_rows(path, sheet_limits.LIST)
    assert "lebih dari 20.000 baris" in caught.value.message.format(**caught.value.params)


def test_a_parent_list_names_the_sheets_it_did_not_read(ws, tmp_path):
    import json

    from tests.integration.test_cli import run

    path = tmp_path / "orang-tua.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Petunjuk"
    book.create_sheet("Kelas 1").append(["NIK", "Nama Lengkap"])
    book["Kelas 1"].append(["6171014508800001", "Siti Aminah"])
    book.create_sheet("Kelas 2").append(["NIK", "Nama Lengkap"])
    book.save(path)
    ws.close()
    proc = run(ws.path, "import", str(path), "--dry-run")
    assert "Lembar dibaca: Kelas 1." in proc.stdout
    assert 'Lembar "Petunjuk" kosong.' in proc.stdout
    assert 'Lembar "Kelas 2" tidak dibaca: hanya lembar pertama yang berisi data yang dibaca.' in proc.stdout
    said = json.loads(run(ws.path, "import", str(path), "--dry-run", "--json").stdout)
    assert said["sheets"]["read"] == "Kelas 1" and [s["sheet"] for s in said["sheets"]["ignored"]] == ["Petunjuk",
                                                                                                     "Kelas 2"]
