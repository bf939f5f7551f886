"""The coordinator's import screen under pytest-qt: preview, correct a cell, commit, find the people."""

import openpyxl
from PySide6.QtCore import Qt

from desktop.services import importing
from desktop.services.schools import add_school
from desktop.services.search import count_all
from tests.integration.test_import import NPSN, SITI, write_messy_xlsx


def open_import(qtbot, window, ws):
    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina")
    window._load_schools()
    qtbot.waitUntil(lambda: window.school_filter.count() == 2, timeout=5000)
    window.school_filter.setCurrentIndex(1)  # a coordinator looking at their school
    with qtbot.waitSignal(window.import_opened, timeout=5000) as opened:
        window.import_button.click()
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.school_combo.currentData() == NPSN
    return dialog


def load(qtbot, dialog, path):
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000) as shown:
        dialog.load(path)
    return shown.args[0]


def cell(dialog, row_number, header):
    model = dialog.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(header)
    row = [r.number for r in model.preview.rows].index(row_number)
    return model.index(model.view_row(row), column)   # the table's line (a status filter may hide some)


def test_preview_correct_commit_and_find(qtbot, window, ws, tmp_path):
    dialog = open_import(qtbot, window, ws)
    preview = load(qtbot, dialog, write_messy_xlsx(tmp_path / "ortu.xlsx"))
    assert preview.count(importing.VALID) + preview.count(importing.WARNING) == 5
    assert "8 baris: 5 siap disimpan" in dialog.summary.text()
    assert dialog.commit_button.text() == "Simpan 5 data valid"
    reasons = cell(dialog, 11, "Keterangan").data()
    assert 'Desa/kelurahan "Desa Antah" tidak ditemukan di Kecamatan Sambas' in reasons
    assert cell(dialog, 11, "Status").data() == "Ditolak"

    # Only the rows that need work, then fix row 11 in place, cell by cell, as the coordinator types.
    dialog.status_filter.setCurrentIndex(1)
    assert dialog.model.rowCount() == 3
    for header, text in (("Desa/Kelurahan", "Jagur"), ("Tanggal Lahir", "29/09/1995"), ("No. HP", "0812 7777 8888")):
        with qtbot.waitSignal(dialog.preview_shown, timeout=5000):
            dialog.model.setData(cell(dialog, 11, header), text)
    assert next(r for r in dialog.preview.rows if r.number == 11).status == importing.VALID
    assert dialog.model.rowCount() == 2   # valid now: no longer among the rows that need work
    assert dialog.commit_button.text() == "Simpan 6 data valid"

    with qtbot.waitSignal(dialog.committed, timeout=10_000) as done:
        dialog.commit_button.click()
    assert done.args == [6]
    assert "6 peserta didaftarkan" in dialog.summary.text()
    assert not dialog.commit_button.isEnabled()
    assert count_all(ws) == 6

    # The rejected rows go to a spreadsheet with the reason beside each.
    out = tmp_path / "ditolak.xlsx"
    assert dialog.export_button.isEnabled()
    dialog.export_to(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=5000)
    sheet = openpyxl.load_workbook(out)["Data"]
    assert sheet.cell(1, sheet.max_column).value == "Keterangan"
    assert sorted(sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)) == ["AGUS SALIM", "YUSUF"]

    dialog.close()
    window.school_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.model.total == 6, timeout=5000)  # the list refreshed after the import
    window.search_box.setText("siti am")
    qtbot.waitUntil(lambda: [r.full_name for r in window.model.rows] == ["SITI AMINAH"], timeout=5000)


def test_unknown_headers_open_the_mapping_and_remapping_fixes_them(qtbot, window, ws, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["KTP", "Bapak/Ibu", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Alamat",
                      "Desa/Kelurahan", "Kecamatan", "Kabupaten/Kota", "No. HP", "Pekerjaan",
                      "Penghasilan per Bulan", "Nama Ahli Waris", "Hubungan Ahli Waris"])
    wb.active.append(SITI[1:15])
    path = tmp_path / "aneh.xlsx"
    wb.save(path)
    dialog = open_import(qtbot, window, ws)
    preview = load(qtbot, dialog, path)
    assert preview.unmapped_required == ["nik", "full_name"]
    assert dialog.mapping_box.isChecked() and dialog.mapping_combos["nik"].isVisible()
    assert "Kolom NIK, Nama Lengkap tidak dikenali" in dialog.summary.text()
    assert not dialog.commit_button.isEnabled()
    for field, header in (("nik", "KTP"), ("full_name", "Bapak/Ibu")):
        combo = dialog.mapping_combos[field]
        combo.setCurrentIndex(combo.findText(header))
        with qtbot.waitSignal(dialog.preview_shown, timeout=10_000) as shown:
            combo.activated.emit(combo.currentIndex())
    assert shown.args[0].count(importing.VALID) == 1
    assert dialog.commit_button.isEnabled()


def test_cancel_while_reading_a_large_file_leaves_nothing(qtbot, window, ws, tmp_path):
    from desktop.services.demo import make_parent_rows
    from desktop.services.importing import _column_specs
    from desktop.services.spreadsheets import write_workbook

    path = tmp_path / "besar.xlsx"
    write_workbook(path, _column_specs(False), make_parent_rows(ws, 3000, seed=4))
    dialog = open_import(qtbot, window, ws)
    # Cancel as soon as the first progress report reaches the window.
    dialog._relay.progressed.connect(lambda done, total: dialog.cancel_button.click())
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        dialog.load(path)
    assert failed.args == ["Dibatalkan; tidak ada yang disimpan."]
    assert dialog.preview is None and not dialog.commit_button.isEnabled()
    assert not dialog.progress.isVisible()
    assert count_all(ws) == 0


def test_a_coordinator_starts_on_their_own_school(qtbot, ws, worker, admin, tmp_path):
    from desktop.gui.main_window import MainWindow
    from desktop.services.accounts import Role, create_account

    add_school(ws, "69800002", "SMP Negeri 3 Sambas", "SMP", "6101")
    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171")
    rina = create_account(ws, "rina", "Rina", "kapal-motor-admin-1", Role.COORDINATOR, by=admin, school_npsn=NPSN)
    win = MainWindow(ws, worker, rina)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.school_filter.currentText() == "SD NEGERI 12 PONTIANAK", timeout=5000)
    win.school_filter.setCurrentIndex(0)  # not locked: a coordinator may look at everyone
    with qtbot.waitSignal(win.import_opened, timeout=5000) as opened:
        win.open_import()
    assert opened.args[0].school_combo.currentData() == NPSN


def test_a_hostile_workbook_is_refused_in_one_line_and_the_dialog_stays_usable(qtbot, window, ws, tmp_path):
    """A 1.5 KB workbook with a cell at XFD1048576 used to abort the whole app (calamine asking for
    512 GB); now the window says why in one line and the next file reads as usual."""
    from pathlib import Path

    hostile = Path(__file__).resolve().parents[1] / "data" / "hostile"
    dialog = open_import(qtbot, window, ws)
    for name, reason in (("xfd1048576.xlsx", "lebih dari 20.000 baris"),
                         ("zip-bomb.xlsx", "membengkak menjadi lebih dari 256 MB")):
        with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
            dialog.load(hostile / name)
        message = failed.args[0]
        assert message.startswith(f"Berkas {name} tidak dapat dibaca: ") and reason in message
        assert "\n" not in message
        assert dialog.summary.text() == message and dialog.summary.property("severity") == "error"
        assert dialog.isVisible() and not dialog.progress.isVisible()
        assert dialog.browse_button.isEnabled() and dialog.school_combo.isEnabled()
        assert dialog.preview is None and not dialog.commit_button.isEnabled()
    preview = load(qtbot, dialog, write_messy_xlsx(tmp_path / "ortu.xlsx"))
    assert preview.count(importing.VALID) + preview.count(importing.WARNING) == 5
    assert "8 baris: 5 siap disimpan" in dialog.summary.text()


def test_the_school_comes_first_footer_lines_are_not_rows_reasons_wrap_and_values_show_how_read(
        qtbot, window, ws, tmp_path):
    from tests.integration.test_import import messy_rows

    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina")
    window._load_schools()
    qtbot.waitUntil(lambda: window.school_filter.count() == 2, timeout=5000)
    with qtbot.waitSignal(window.import_opened, timeout=5000) as opened:
        window.import_button.click()
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    school = dialog.school_combo
    assert school.hasFocus()                                   # the school is asked first …
    layout = dialog.layout().itemAt(0).layout()
    assert layout.indexOf(school) < layout.indexOf(dialog.path_edit)   # … and stands before the file
    qtbot.keyClicks(school, "sdn 12")                          # found as people write it
    qtbot.keyClick(school, Qt.Key.Key_Return)
    assert school.currentData() == NPSN

    footer = [[], ["Pontianak, 12 Januari 2026"], ["Mengetahui,"], ["Kepala Sekolah"], [], ["Drs. H. Abdul Rahman"],
              ["NIP. 19650101 199003 1 005"]]
    preview = load(qtbot, dialog, write_messy_xlsx(tmp_path / "ortu.xlsx", messy_rows() + footer))
    assert sorted(r.number for r in preview.rows) == list(range(4, 12))    # the signature block is not rows

    siti = cell(dialog, 4, "No. HP")
    assert siti.data() == "0812-3456-7890"                      # read as typed: shown once
    job = cell(dialog, 4, "Pekerjaan").data()
    assert job == "Pedagang Kaki Lima → Pedagang kecil / kaki lima"
    budi_income = cell(dialog, 5, "Penghasilan per Bulan").data()
    assert budi_income == "1,5 juta → 1.500.000"
    assert cell(dialog, 5, "Penghasilan per Bulan").data(Qt.ItemDataRole.EditRole) == "1,5 juta"   # edits the typed

    reasons = cell(dialog, 11, "Keterangan")
    view_row = reasons.row()   # no filter: the table shows every row
    qtbot.waitUntil(lambda: dialog.table.rowHeight(view_row) > 24, timeout=5000)   # wrapped whole
    needed = dialog.table.sizeHintForRow(view_row)
    assert dialog.table.rowHeight(view_row) >= needed


def test_rows_appear_as_they_are_checked_while_the_window_goes_on(qtbot, window, ws, tmp_path, monkeypatch):
    """The preview fills as rows are checked, with their final verdicts and the count so far, while the
    worker goes on checking: the window has shown the first chunk before the second is checked."""
    import threading

    from desktop.services.demo import make_parent_rows
    from desktop.services.importing import _column_specs
    from desktop.services.spreadsheets import write_workbook

    monkeypatch.setattr(importing, "_CHUNK_ROWS", 20)
    path = tmp_path / "ortu.xlsx"
    write_workbook(path, _column_specs(False), make_parent_rows(ws, 100, seed=4))
    dialog = open_import(qtbot, window, ws)
    first_shown = threading.Event()
    real_check = importing._check_one
    held = []

    def check(row, *args):
        if row.number == 22 and not held:   # the second chunk's first row: only once the window shows the first
            held.append(first_shown.wait(timeout=20))
        return real_check(row, *args)

    monkeypatch.setattr(importing, "_check_one", check)
    seen = []

    def on_checked(done, total):
        model = dialog.model
        seen.append((model.rowCount(), done, total, dialog.summary.text(), dialog.commit_button.isEnabled(),
                     bool(model.flags(model.index(0, 4)) & Qt.ItemFlag.ItemIsEditable),
                     model.index(0, 1).data()))
        first_shown.set()

    dialog.rows_checked.connect(on_checked)
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000) as shown:
        dialog.load(path)
    assert held == [True]
    # The first chunk at once; later ones as the table takes them (the latest, a few times a second).
    assert seen[0][:3] == (20, 20, 100)
    assert all(rows == done and total == 100 and done % 20 == 0 for rows, done, total, *_ in seen)
    assert [done for _rows, done, *_ in seen] == sorted({done for _rows, done, *_ in seen})
    assert seen[0][3].startswith("Memeriksa 20 dari 100 baris: ")
    assert all(not enabled and not editable for *_, enabled, editable, _status in seen)
    assert seen[0][6] == cell(dialog, 2, "Status").data()   # a verdict shown while checking is the final one
    preview = shown.args[0]
    assert dialog.model.rowCount() == 100 and "100 baris: " in dialog.summary.text()
    assert bool(dialog.model.flags(dialog.model.index(0, 4)) & Qt.ItemFlag.ItemIsEditable)
    assert dialog.commit_button.text() == f"Simpan {len(preview.committable)} data valid"


def test_a_check_cancelled_midway_leaves_the_preview_before_it(qtbot, window, ws, tmp_path, monkeypatch):
    """Rows of a check cancelled midway were on the table: they go, the preview checked before comes back."""
    import threading

    from desktop.services.demo import make_parent_rows
    from desktop.services.importing import _column_specs
    from desktop.services.spreadsheets import write_workbook

    monkeypatch.setattr(importing, "_CHUNK_ROWS", 20)
    path = tmp_path / "ortu.xlsx"
    write_workbook(path, _column_specs(False), make_parent_rows(ws, 100, seed=4))
    dialog = open_import(qtbot, window, ws)
    before = load(qtbot, dialog, path)
    cancelled = threading.Event()
    real_check = importing._check_one

    def check(row, *args):
        if row.number == 42:        # the third chunk waits for the coordinator's Batal
            cancelled.wait(timeout=20)
        return real_check(row, *args)

    def on_checked(done, total):
        if done == 40:
            dialog.cancel_button.click()
            cancelled.set()

    monkeypatch.setattr(importing, "_check_one", check)
    dialog.rows_checked.connect(on_checked)
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        dialog.reload()
    assert cancelled.is_set() and failed.args == ["Dibatalkan; tidak ada yang disimpan."]
    assert dialog.preview is before and dialog.model.preview is before and dialog.model.rowCount() == 100
    assert dialog.commit_button.isEnabled()


def test_the_status_filter_follows_rows_as_they_come_and_as_they_change(qtbot, window, ws, tmp_path):
    """The table's filter is the preview model's own: rows checked later join it when their status is
    wanted, a row corrected into or out of a wanted status comes or goes, and a row filtered out has
    no line on the table."""
    from dataclasses import replace

    dialog = open_import(qtbot, window, ws)
    preview = load(qtbot, dialog, write_messy_xlsx(tmp_path / "ortu.xlsx"))
    model = dialog.model
    rejected = [i for i, row in enumerate(preview.rows) if row.status == importing.ERROR]
    assert rejected and len(rejected) < len(preview.rows)

    model.set_wanted({importing.ERROR})
    assert model.rowCount() == len(rejected)
    assert [model.row_at(line).status for line in range(model.rowCount())] == [importing.ERROR] * len(rejected)
    assert model.view_row(rejected[0]) == 0
    kept = next(i for i in range(len(preview.rows)) if i not in rejected)
    assert model.view_row(kept) == -1 and not model.index(len(rejected), 0).isValid()

    # Rows checked later: only the wanted ones are added, below those shown.
    model.set_preview(replace(preview, rows=preview.rows[:rejected[0]]))
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.rowsInserted, timeout=1000):
        model.grow(preview)
    assert model.rowCount() == len(rejected)

    # A rejected row corrected into a valid one leaves the filter; changed in place, it stays and is redrawn.
    fixed = list(preview.rows)
    fixed[rejected[0]] = replace(fixed[rejected[0]], status=importing.VALID)
    model.replace_preview(replace(preview, rows=tuple(fixed)))
    assert model.rowCount() == len(rejected) - 1
    again = list(fixed)
    again[rejected[-1]] = replace(again[rejected[-1]], problems=())
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as changed:
        model.replace_preview(replace(preview, rows=tuple(again)))
    line = model.view_row(rejected[-1])
    assert changed.args[0].row() == line == changed.args[1].row() and model.rowCount() == len(rejected) - 1

    model.set_wanted(None)
    assert model.rowCount() == len(preview.rows) and model.view_row(kept) == kept


def test_the_table_is_sized_without_asking_the_model_cell_by_cell(qtbot, window, ws, tmp_path, monkeypatch):
    """Columns and rows are sized from the texts in a table of Qt's own (desktop.gui.cell_sizes): while
    the worker thread checks the rest of a file, every call Qt makes into the model waits for the
    interpreter. The widths and heights are those Qt gives the same texts."""
    from desktop.gui import import_dialog

    dialog = open_import(qtbot, window, ws)
    load(qtbot, dialog, write_messy_xlsx(tmp_path / "ortu.xlsx"))
    asked = []
    real_data = import_dialog.PreviewModel.data
    monkeypatch.setattr(import_dialog.PreviewModel, "data", lambda self, *a: asked.append(a) or real_data(self, *a))
    dialog._size_columns()
    dialog._fit_rows()
    assert asked == []

    # What Qt's own measuring gives the same texts, every one of them (the model asked cell by cell).
    widths = [dialog.table.columnWidth(c) for c in range(dialog.model.columnCount())]
    heights = [dialog.table.rowHeight(r) for r in range(dialog.model.rowCount())]
    monkeypatch.undo()
    for column in (0, 1, *range(3, dialog.model.columnCount())):
        dialog.table.resizeColumnToContents(column)
        own = dialog.table.columnWidth(column)
        assert widths[column] == (own if column < 2 else min(own + 8, 240)), column
    assert widths[2] == 380
    for column, width in enumerate(widths):
        dialog.table.setColumnWidth(column, width)
    for row in range(dialog.model.rowCount()):
        dialog.table.resizeRowToContents(row)
    assert heights == [dialog.table.rowHeight(r) for r in range(dialog.model.rowCount())]
    assert max(heights) > min(heights)   # some rows wrap: the heights are measured, not one default
