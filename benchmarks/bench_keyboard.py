"""Keys to enroll one worker with the keyboard alone, from Ctrl+N in the main window to the saved record.

Every key goes to the widget with the focus (QTest), and is counted as a key that types data or a key
that only moves (Tab, Enter, arrows, shortcuts); the time is at 3 keys a second. The worker's NIK says
where she lives (Kota Pontianak, Kecamatan Pontianak Selatan), so the NIK fills the birth date, sex,
kabupaten and kecamatan.

- ``tab``: a Tab after every field, filled or not, and lists picked by the first word of an entry
  (what the window allowed before lists could be typed into; runs on older versions too);
- ``enter``: Enter after each field, which goes to the next field still to fill, lists picked by any
  words (``benua darat``, ``kaki lima``).

Three kinds of worker (issue 28): ``same`` (she lives where her NIK was issued), ``other`` (she lives in
another kecamatan, Pontianak Barat: its desa is typed, the kecamatan follows), ``pupil`` (a pupil's parent:
school, pupil, class). ``--phone`` counts editing a phone: find her (Ctrl+F, a name, Enter), Alt+H to the
phone, the new number, Ctrl+S.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_keyboard.py [--flow tab|enter|both]
        [--kind same|other|pupil|all] [--phone]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

KEYS_PER_SECOND = 3


class Keys:
    def __init__(self):
        self.data = self.moves = 0
        self.log: list[str] = []

    def focus(self):
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()

    def type(self, text: str) -> None:
        from PySide6.QtTest import QTest

        for char in text:
            QTest.keyClicks(self.focus(), char)
        self.data += len(text)
        self.log.append(repr(text))

    def press(self, key, modifier=None, name: str = "") -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.focus(), key, modifier or Qt.KeyboardModifier.NoModifier)
        self.moves += 1
        self.log.append(name or getattr(key, "name", str(key)).removeprefix("Key_"))

    def line(self, flow: str) -> str:
        total = self.data + self.moves
        return (f"{flow:13} {self.data:4} data keys + {self.moves:3} moving keys = {total:4} keys, "
                f"{total / KEYS_PER_SECOND:5.1f} s at {KEYS_PER_SECOND} keys/s\n       {' '.join(self.log)}")


def wait(condition, timeout: float = 10.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        QApplication.processEvents()
        time.sleep(0.005)


def enroll(window, flow: str, school: bool, other: bool = False) -> Keys:
    from PySide6.QtCore import Qt

    tab, enter = Qt.Key.Key_Tab, Qt.Key.Key_Return
    keys = Keys()
    forms = []
    window.form_opened.connect(forms.append)
    window.activateWindow()
    window.table.setFocus()
    wait(window.isActiveWindow)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "Ctrl+N")
    wait(lambda: forms and forms[-1].isVisible())
    form = forms[-1]
    form.activateWindow()
    wait(lambda: form.fields["nik"].hasFocus())
    saved = []
    form.saved.connect(saved.append)
    if flow == "tab":
        # (data, then Tabs to the next field to type into); lists by the first word of an entry
        steps = [("6171014508800001", 2), ("siti aminah", 1), ("Pontianak", 3), ("Jl. Tanjungpura No. 5 RT 1/2", 3),
                 ("benuamelayu", 1), ("Ahmad Fauzi", 1), ("suami", 2), ("081234567890", 1), ("pedagang", 1),
                 ("1500000", 0)]
        for text, tabs in steps:
            keys.type(text)
            for _ in range(tabs):
                keys.press(tab)
        if school:
            for text in ("sd", "Nur Aini", "5"):
                keys.press(tab)
                keys.type(text)
    else:
        address, desa = ("Jl. Komyos Sudarso 9", "pallima") if other else ("Jl. Tanjungpura No. 5 RT 1/2",
                                                                             "benua darat")
        steps = ["6171014508800001", "siti aminah", "Pontianak", address, desa,
                 "Ahmad Fauzi", "suami", "081234567890", "kaki lima"]
        for text in steps:
            keys.type(text)
            keys.press(enter)
        keys.type("1500000")
        if school:                      # optional: Tab (not Enter) goes there
            for text in ("sdn 12", "Nur Aini", "5"):
                keys.press(tab)
                keys.type(text)
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, "Ctrl+S")
    wait(lambda: bool(saved))
    record = saved[0]
    where = ("617103", "6171031001") if other else ("617101", "6171011003")
    assert (record.kecamatan_code, record.desa_code, record.occupation) == (*where, "street_vendor"), \
        (record.kecamatan_code, record.desa_code, record.occupation)
    assert record.school_npsn == ("69800001" if school else None), record.school_npsn
    return keys


def edit_phone(window) -> Keys:
    """From the main list: Ctrl+F, her name, Enter opens her record, Alt+H to the phone, the number, Ctrl+S."""
    from PySide6.QtCore import Qt

    keys = Keys()
    forms = []
    window.form_opened.connect(forms.append)
    window.activateWindow()
    window.table.setFocus()
    wait(window.isActiveWindow)
    keys.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier, "Ctrl+F")
    keys.type("siti")
    wait(lambda: window.model.total == 1 and not window.worker.pending)
    keys.press(Qt.Key.Key_Return)
    wait(lambda: forms and forms[-1].isVisible())
    form = forms[-1]
    form.activateWindow()
    wait(form.isActiveWindow)
    keys.press(Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier, "Alt+H")
    keys.type("081298765432")
    saved = []
    form.saved.connect(saved.append)
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, "Ctrl+S")
    wait(lambda: bool(saved))
    assert saved[0].phone == "+6281298765432", saved[0].phone
    return keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flow", choices=("tab", "enter", "both"), default="both")
    parser.add_argument("--school", action="store_true", help="the worker is a pupil's parent (as --kind pupil)")
    parser.add_argument("--kind", choices=("same", "other", "pupil", "all"), default="same",
                        help="same region as the NIK, other domicile, or with a pupil")
    parser.add_argument("--phone", action="store_true", help="also count editing the enrolled worker's phone")
    args = parser.parse_args()
    kinds = ("same", "other", "pupil") if args.kind == "all" else ("pupil",) if args.school else (args.kind,)
    from desktop.gui.app import make_app
    from desktop.gui.main_window import MainWindow
    from desktop.gui.worker import DbWorker
    from desktop.services.accounts import Role, create_account
    from desktop.services.schools import add_school
    from desktop.services.workspace import Workspace

    app = make_app(["bench"], language="id")
    flows = ("tab", "enter") if args.flow == "both" else (args.flow,)
    for flow, kind in [(f, k) for f in flows for k in kinds if not (f == "tab" and k == "other")]:
        with tempfile.TemporaryDirectory() as folder:
            ws = Workspace(Path(folder) / "lindung.sqlite3")
            admin = create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
            add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
            worker = DbWorker()
            window = MainWindow(ws, worker, admin)
            window.show()
            wait(lambda: len(window.schools) == 1 and not worker.pending)
            try:
                print(enroll(window, flow, kind == "pupil", kind == "other").line(f"{flow} {kind}"))
                if args.phone:
                    print(edit_phone(window).line("phone edit"))
            finally:
                window.close()
                wait(lambda: not worker.pending)
                worker.shutdown()
                ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
