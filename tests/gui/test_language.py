import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.domain.nik import parse_nik
from desktop.gui.i18n import install_translator, label, problem_text
from desktop.paths import TRANSLATIONS


@pytest.fixture
def english(qapp):
    translator = install_translator(qapp, "en")
    assert translator is not None, "lindung_en.qm is missing: run scripts/update-translations"
    yield
    QCoreApplication.removeTranslator(translator)


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
