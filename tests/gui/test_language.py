import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from desktop.domain.nik import parse_nik
from desktop.gui.i18n import install_translator, label, problem_text
from desktop.paths import TRANSLATIONS


@pytest.fixture
def english(qapp):
    from PySide6.QtCore import QLocale

    before = QLocale()
    translator = install_translator(qapp, "en")
    assert translator is not None, "lindung_en.qm is missing: run scripts/update-translations"
    yield
    QCoreApplication.removeTranslator(translator)
    qapp.setProperty("lindung_language", "id")
    QLocale.setDefault(before)


def test_indonesian_is_the_default(qtbot, window):
    assert window.search_box.placeholderText() == "Cari nama, NIK, atau No. Registrasi…"
    assert problem_text(parse_nik("123")[1][0]) == "NIK harus 16 digit (sekarang 3 digit)."


def test_english_through_qt_translations(qtbot, english, ws, worker, admin):
    from desktop.gui.main_window import MainWindow

    window = MainWindow(ws, worker, admin)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.search_box.placeholderText() == "Search name, NIK or registration number…"
    assert problem_text(parse_nik("123")[1][0]) == "A NIK has 16 digits (this one has 3)."
    assert label("Nelayan") == "Fisher"
    assert [a.text() for a in window.language_actions.actions() if a.isChecked()] == ["English"]


def test_the_english_window_says_m_f_and_groups_digits_the_english_way(qtbot, english, ws, worker, admin):
    from desktop.gui.main_window import MainWindow
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import add_demo_workers

    add_demo_workers(ws, 1200, SYSTEM, seed=4)
    window = MainWindow(ws, worker, admin)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.count_label.text() == "1,200 participants enrolled"
    sex = window.model.COLUMNS.index("sex")
    assert window.model.headerData(sex, Qt.Orientation.Horizontal) == "M/F"
    shown = {window.model.index(r, sex).data() for r in range(window.model.rowCount())}
    assert shown == {"M", "F"}


def test_qt_own_dialogs_speak_indonesian(qtbot, qapp):
    """Qt ships no Indonesian for its own dialogs: resources/i18n/qtbase_id carries their texts."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    before = QLocale()
    translator = install_translator(qapp, "id")
    try:
        assert translator is not None, "qtbase_id.qm is missing: run scripts/update-translations"
        box = QMessageBox(QMessageBox.Icon.Question, "Hapus", "Yakin?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        qtbot.addWidget(box)
        texts = {box.button(b).text() for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)}
        assert texts == {"&Ya", "&Tidak"}
        chooser = QFileDialog(None, "Simpan", "", "PDF (*.pdf)")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(chooser)
        labels = {w.text() for w in chooser.findChildren(QLabel)}
        assert "&Cari di:" in labels and "&Nama berkas:" in labels
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)


def test_every_source_text_is_translated():
    tree = ET.parse(TRANSLATIONS / "lindung_en.ts")
    unfinished = [m.find("source").text for m in tree.getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.find("translation").text]
    assert unfinished == []


def test_translation_file_covers_every_string_in_the_code(tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6-Essentials"
    root = TRANSLATIONS.parents[1]
    sources = sorted(str(p) for p in (root / "desktop").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sources, "-ts", str(fresh), "-source-language", "id", "-target-language", "en"],
                   check=True, capture_output=True)

    def texts(path):
        return {(c.find("name").text, m.find("source").text)
                for c in ET.parse(path).getroot().iter("context") for m in c.iter("message")}

    assert texts(fresh) <= texts(TRANSLATIONS / "lindung_en.ts")


def test_the_language_menu_marks_the_language_in_use(qtbot, window):
    """Pengaturan → Bahasa shows which language the window speaks (issue 28)."""
    marked = {action.text(): action.isChecked() for action in window.language_actions.actions()}
    assert marked == {"Bahasa Indonesia": True, "English": False}
    assert window.language_actions.isExclusive()
