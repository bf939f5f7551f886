"""LINDUNG_QUIT_WHEN_SHOWN (used to check a built bundle): `lindung` with no command opens the
window, saves the first window shown to a PNG, says so on standard error and exits 0."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_opens_draws_and_quits(tmp_path):
    picture = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LINDUNG_QUIT_WHEN_SHOWN": str(picture),
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(tmp_path / "baru.sqlite3")], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "window shown: FirstRunDialog" in proc.stderr       # a new database asks for the admin account
    image = QImage(str(picture))
    assert not image.isNull() and image.width() > 200 and image.height() > 100
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 10                                    # text and widgets drawn, not a blank area
