"""Child process: a volunteer half-fills the form, the autosave lands, then the app is killed."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.gui.main_window import MainWindow  # noqa: E402
from desktop.gui.worker import DbWorker  # noqa: E402
from desktop.services import keys  # noqa: E402
from desktop.services.accounts import authenticate  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402

app = QApplication([])
ws = Workspace(sys.argv[1], key=keys.unlock(sys.argv[1], "admin", "kapal-motor-admin-1"))  # the sign-in unlocks it
worker = DbWorker()
window = MainWindow(ws, worker, authenticate(ws, "admin", "kapal-motor-admin-1"))


def opened(form):
    def saved():
        print("DRAFT", flush=True)
        sys.stdin.readline()  # killed here, with the form still open

    form.draft_saved.connect(saved)
    form.fill(nik="6171014508800001", full_name="SITI AMINAH", address="Jl. Tanjungpura No. 5",
              phone="0812-3456-7890")


window.form_opened.connect(opened)
window.ready.connect(window.new_enrollment)
window.show()
app.exec()
