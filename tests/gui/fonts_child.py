"""Child process: the window's fonts on a machine whose fontconfig knows no font at all (set up by
the parent); prints what the application font resolves to and whether text is really drawn."""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFontDatabase, QFontInfo  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from desktop.gui.app import SAMPLE_TEXT, draws, make_app  # noqa: E402


def picture(text: str):
    label = QLabel(text)
    label.resize(420, 40)
    return label.grab().toImage()


app = make_app([sys.argv[0]])
system = [f for f in QFontDatabase.families() if f not in ("DejaVu Sans", "DejaVu Sans Condensed")]
print(json.dumps({
    "family": QFontInfo(app.font()).family(),
    "draws": draws(app.font(), SAMPLE_TEXT),
    # Glyphless text is drawn as the same box for every letter: two different words of the same
    # length then give the same picture.
    "words_differ": picture("Kabupaten Sambas") != picture("Kabupaten Kapuas"),
    "system_families": system,
}), flush=True)
