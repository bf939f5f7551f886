"""The import window on a 1,000-pupil Dapodik export: it recognises the file, asks for the school
before checking a row, lists people with their pupil row and ayah/ibu/wali, filters, corrects, saves."""

from PySide6.QtCore import Qt

from desktop.services import importing
from desktop.services.schools import add_school
from desktop.services.search import count_all
from tests.dapodik import make_pupils, write_dapodik_xlsx

NPSN = "69800001"


def column_of(dialog, header):
    model = dialog.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(header)


def test_dapodik_export_in_the_window(qtbot, window, ws, tmp_path):
    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina")
    window._load_schools()
    qtbot.waitUntil(lambda: window.school_filter.count() == 2, timeout=5000)
    path = write_dapodik_xlsx(tmp_path / "daftar-pd.xlsx", make_pupils(ws.regions, 1000, seed=5), school="")
    with qtbot.waitSignal(window.import_opened, timeout=5000) as opened:
        window.import_button.click()
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.school_combo.currentData() is None

    # The file names no school: the window asks for it before checking any row.
    with qtbot.waitSignal(dialog.school_needed, timeout=20_000) as asked:
        dialog.load(path)
    assert asked.args[0].startswith("Berkas Dapodik: 1000 siswa, ")
    assert dialog.source_label.isVisible() and "pilih sekolahnya" in dialog.source_label.text()
    assert dialog.school_combo.property("invalid") is True
    assert dialog.preview is None and dialog.model.rowCount() == 0 and not dialog.commit_button.isEnabled()

    with qtbot.waitSignal(dialog.preview_shown, timeout=30_000) as shown:
        dialog.school_combo.setCurrentIndex(dialog.school_combo.findData(NPSN))
    preview = shown.args[0]
    source = preview.dapodik
    grouped = lambda n: f"{n:,}".replace(",", ".")   # noqa: E731 (the window groups digits as Indonesian does)
    assert dialog.source_label.text().startswith(
        f"Berkas Dapodik: 1.000 siswa, {grouped(source.people)} orang tua/wali. Setiap siswa memberi ayah, ibu dan wali")
    assert dialog.school_combo.property("invalid") is False
    assert not dialog.mapping_box.isVisible()          # Dapodik's columns are recognised, not mapped
    summary = dialog.summary.text()
    assert summary.startswith(f"{grouped(len(preview.rows))} orang: {grouped(preview.count(importing.VALID))} siap "
                              "disimpan")
    assert f"{grouped(preview.count(importing.NOT_ELIGIBLE))} tidak memenuhi syarat" in summary

    # Each line says which pupil row it came from and whose data it is.
    origin = column_of(dialog, "Asal Data")
    assert dialog.model.index(0, origin).data() == "Dapodik baris 7, ayah"
    assert dialog.model.index(0, origin).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags

    filters = {dialog.status_filter.itemText(i): i for i in range(dialog.status_filter.count())}
    for name, status in (("Tidak memenuhi syarat", importing.NOT_ELIGIBLE), ("Dilewati", importing.SKIPPED),
                         ("Ditolak", importing.ERROR), ("Valid", importing.VALID), ("Ganda", importing.DUPLICATE),
                         ("Dengan peringatan", importing.WARNING)):
        dialog.status_filter.setCurrentIndex(filters[name])
        assert dialog.model.rowCount() == preview.count(status), name
    dialog.status_filter.setCurrentIndex(filters["Tidak memenuhi syarat"])
    status_text = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
    assert status_text == {"Tidak memenuhi syarat"}
    assert "penerima upah" in dialog.model.index(0, 2).data()

    # A guardian waits for an heir: typed into the preview, that line alone is checked again.
    dialog.status_filter.setCurrentIndex(filters["Ditolak"])
    wali = preview.of_status(importing.ERROR)[0]
    assert wali.person == "wali"
    row = dialog.model.view_row([r.key for r in dialog.model.preview.rows].index(wali.key))
    for header, text in (("Nama Ahli Waris", "Rahmawati"), ("Hubungan Ahli Waris", "Saudara kandung")):
        with qtbot.waitSignal(dialog.preview_shown, timeout=5000):
            dialog.model.setData(dialog.model.index(row, column_of(dialog, header)), text)
    fixed = {r.key: r for r in dialog.preview.rows}[wali.key]
    assert fixed.status == importing.VALID, importing.row_reasons(fixed)
    ready = len(dialog.preview.committable)
    assert ready == len(preview.committable) + 1
    assert dialog.commit_button.text() == f"Simpan {grouped(ready)} data valid"

    with qtbot.waitSignal(dialog.committed, timeout=30_000) as done:
        dialog.commit_button.click()
    assert done.args == [ready] and count_all(ws) == ready
