"""The window draws Indonesian text with the DejaVu fonts shipped in resources/fonts, also on a
machine that has no DejaVu (or no font at all)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel

from desktop.gui.app import SAMPLE_TEXT, draws, install_fonts

ROOT = Path(__file__).resolve().parents[2]

NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{empty}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def test_the_shipped_fonts_are_registered_at_start(qtbot, qapp):
    install_fonts(qapp)
    assert "DejaVu Sans" in QFontDatabase.families()
    label = QLabel(SAMPLE_TEXT)
    qtbot.addWidget(label)
    label.show()
    assert draws(label.font())


def test_without_any_system_font_the_window_uses_dejavu(tmp_path):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_FONTS.format(empty=empty, cache=tmp_path / "cache"), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(conf),
           "QT_QPA_FONTDIR": str(empty), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("fonts_child.py"))], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not any("DejaVu" in family for family in result["system_families"])   # really no DejaVu there
    assert result["family"] == "DejaVu Sans"
    assert result["draws"]
    assert result["words_differ"]
