"""A foundation's list in the import window: the schools it names shown before saving, each row under its own."""

from PySide6.QtCore import Qt

from desktop.services import importing
from desktop.services.schools import add_school
from desktop.services.search import count_all
from tests.integration.test_import_foundation import MIS, SDN12, SMPN3, write_list


def test_the_window_shows_each_school_and_saves_each_row_under_its_own(qtbot, window, ws, tmp_path):
    add_school(ws, SDN12, "SD Negeri 12 Pontianak", "SD", "6171")
    add_school(ws, MIS, "MI Swasta Nurul Huda", "MI", "6171")
    add_school(ws, SMPN3, "SMP Negeri 3 Pontianak", "SMP", "6171")
    window._load_schools()
    qtbot.waitUntil(lambda: window.school_filter.count() == 4, timeout=5000)
    with qtbot.waitSignal(window.import_opened, timeout=5000) as opened:
        window.import_button.click()
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000) as shown:
        dialog.load(write_list(tmp_path / "yayasan.xlsx"))
    preview = shown.args[0]
    said = dialog.source_label.text()
    assert dialog.source_label.isVisible()
    assert ("Daftar ini menyebut 4 sekolah; setiap baris masuk ke sekolah yang disebutnya: SD NEGERI 12 PONTIANAK "
            "(NPSN 69800001): 3 orang; MI SWASTA NURUL HUDA (NPSN 69800003): 2 orang; SMP NEGERI 3 PONTIANAK "
            "(NPSN 69800004): 1 orang; \"SMP IT Al Falah\": 1 orang, sekolah belum terdaftar.") in said
    assert "1 baris tidak menyebut sekolahnya" in said
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    school = headers.index("Sekolah")
    rows = [r.number for r in preview.rows]
    assert model.index(rows.index(8), school).data() == "Madrasah Ibtidaiyah Nurul Huda"
    assert not model.flags(model.index(0, school)) & Qt.ItemFlag.ItemIsEditable
    assert dialog.commit_button.text() == "Simpan 6 data valid"
    with qtbot.waitSignal(dialog.committed, timeout=10_000) as done:
        dialog.commit_button.click()
    assert done.args == [6]
    assert count_all(ws) == 6
    saved = importing.read_import(ws, tmp_path / "yayasan.xlsx")   # again: those six are enrolled now
    assert saved.count(importing.DUPLICATE) == 6
    dialog.close()


def test_the_window_reads_an_emis_export_and_says_so(qtbot, window, ws, tmp_path):
    from tests.integration.test_import_emis import write_emis_xlsx

    add_school(ws, MIS, "MI Swasta Nurul Huda", "MI", "6171")
    window._load_schools()
    qtbot.waitUntil(lambda: window.school_filter.count() == 2, timeout=5000)
    with qtbot.waitSignal(window.import_opened, timeout=5000) as opened:
        window.import_button.click()
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000) as shown:
        dialog.load(write_emis_xlsx(tmp_path / "emis.xlsx"))
    preview = shown.args[0]
    assert preview.school_npsn == MIS
    assert dialog.source_label.text().startswith("Berkas EMIS: 3 siswa, 6 orang tua/wali (MIS NURUL HUDA).")
    rows = [(r.number, r.person) for r in preview.rows]
    model = dialog.model
    junaidi = model.index(rows.index((8, "ayah")), 2).data()
    assert junaidi == 'Status ayah di berkas: "Sudah Meninggal" (sudah meninggal); tidak didaftarkan.'
    assert model.index(rows.index((8, "ayah")), 1).data() == "Dilewati"
    assert dialog.commit_button.text() == "Simpan 3 data valid"
    dialog.close()
