"""Sync in the window: runs beside the database worker, shows progress and a status-bar indicator
(last sync, records waiting), can be cancelled, and retries with backoff when the link drops."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QLocale, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget

from desktop.gui.i18n import error_text, link_words, number
from desktop.gui.worker import DbWorker
from desktop.services.workspace import Workspace
from desktop.sync import client

RETRY_DELAYS_S = (30, 60, 120, 300, 600, 900)


def failure_reason(error: BaseException) -> str:
    """Why a sync failed, in a few words for the status bar (the whole message is its tooltip)."""
    words = link_words(error)
    if words:
        return words
    text = error_text(error)
    return text if len(text) <= 90 else text[:88].rstrip() + "…"


class _Signals(QObject):
    progressed = Signal(str, int)
    finished = Signal(object, object)   # SyncReport or None, error or None


class _SyncJob(QRunnable):
    def __init__(self, ws: Workspace, cancel: threading.Event, actor):
        super().__init__()
        self.ws, self.cancel, self.actor, self.signals = ws, cancel, actor, _Signals()

    def run(self) -> None:
        try:
            report = client.sync(self.ws, progress=self.signals.progressed.emit, cancelled=self.cancel.is_set,
                                 actor=self.actor)
        except Exception as exc:  # handed to the window, which says it plainly and retries
            self.signals.finished.emit(None, exc)
            return
        self.signals.finished.emit(report, None)


class SyncControl(QObject):
    """Owns the status-bar widgets and the sync runs of one window."""

    finished = Signal(object, object)   # report, error
    waiting_changed = Signal(int)

    def __init__(self, ws: Workspace, worker: DbWorker, parent: QWidget, actor=None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.label = QLabel(objectName="syncStatus")
        self.progress = QProgressBar(objectName="syncProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Batal"), clicked=self.cancel)
        self.cancel_button.setVisible(False)
        self.retry_timer = QTimer(self, singleShot=True, timeout=self.start)
        self.auto_timer = QTimer(self, timeout=self._auto)     # the admin's "sync every N minutes"
        self.link: client.HubLink | None = None
        self.failures = 0
        self.last_sync: dt.datetime | None = None
        self.waiting = 0
        self.to_review = 0   # shown to those who may settle them
        self.show_review = False
        self.problem = ""    # why the last sync failed, until one succeeds
        self.result = ""     # what the last sync of this window did: "terkirim 12, diterima 3, konflik 0"
        self.detail = ""     # the longer reason behind it (tooltip)
        self._cancel: threading.Event | None = None
        self._job: _SyncJob | None = None
        self.refresh()
        self.load_link()

    def load_link(self) -> None:
        self.worker.submit(client.hub_link, self.ws, on_success=self._link_loaded)

    def _link_loaded(self, link: client.HubLink) -> None:
        self.link = link
        if link.url and link.auto_minutes:
            self.auto_timer.start(link.auto_minutes * 60_000)
        else:
            self.auto_timer.stop()
        if not self.running:
            self._render()

    def _auto(self) -> None:
        if not self.running and not self.retry_timer.isActive():
            self.start()

    @property
    def running(self) -> bool:
        return self._job is not None

    def widgets(self) -> list[QWidget]:
        return [self.progress, self.cancel_button, self.label]

    def refresh(self) -> None:
        self.worker.submit(client.sync_state, self.ws, on_success=self._show_state)

    def _show_state(self, state: client.SyncState) -> None:
        self.waiting, self.to_review = state.waiting, state.to_review
        if state.last_at is not None:
            self.last_sync = state.last_at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
        self.waiting_changed.emit(state.waiting)
        if not self.running:
            self._render()

    def _render(self, problem: str | None = None) -> None:
        if problem is not None:
            self.problem = problem
        problem = self.problem
        last = self.tr("belum pernah") if self.last_sync is None else self.last_sync.strftime("%d-%m %H:%M")
        if self.result and not problem:
            last += f" ({self.result})"
        text = self.tr("Sinkron terakhir: {last} · {count} menunggu dikirim").format(
            last=last, count=QLocale().toString(self.waiting))
        if self.show_review and self.to_review:
            text += " · " + self.tr("{count} perlu ditinjau").format(count=QLocale().toString(self.to_review))
        if problem:
            text += " · " + problem
        elif self.link is not None and not self.link.url:
            text += " · " + self.tr("belum terdaftar di hub")
        self.label.setText(text)
        self.label.setToolTip(self.detail if problem else "")   # the hub's reason, too long for the bar

    def start(self) -> None:
        if self.running:
            return
        self.retry_timer.stop()
        self._cancel = threading.Event()
        self._job = _SyncJob(self.ws, self._cancel, self.actor)
        self._job.signals.progressed.connect(self._progressed)
        self._job.signals.finished.connect(self._finished)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.label.setText(self.tr("Menyinkronkan…"))
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _progressed(self, phase: str, count: int) -> None:
        what = self.tr("mengirim") if phase == "push" else self.tr("mengambil")
        self.label.setText(self.tr("Menyinkronkan: {what} {count}…").format(what=what, count=number(count)))

    def _finished(self, report, error) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if error is None:
            self.failures = 0
            self.last_sync = dt.datetime.now()
            self.waiting = report.waiting
            self.to_review = report.to_review
            problem, self.detail = "", ""
            self.result = self.tr("terkirim {pushed}, diterima {pulled}, konflik {conflicts}").format(
                pushed=number(report.pushed), pulled=number(report.pulled), conflicts=number(report.conflicts))
            if report.set_aside:   # pulled records that clash with one here: kept at the hub for review
                problem = self.tr("{count} data dari hub disisihkan").format(count=number(report.set_aside))
                self.detail = self.tr("Data dari hub dengan NIK atau nomor registrasi yang sama dengan data di "
                                      "laptop ini disisihkan; hub menandainya untuk ditinjau.")
            if report.elsewhere:   # the same NIK enrolled outside this laptop's scope: only that it is
                problem = self.tr("{count} NIK sudah terdaftar di wilayah lain").format(count=len(report.elsewhere))
                self.detail = self.tr("NIK ini sudah terdaftar di wilayah lain: {numbers}. Hub menandainya untuk "
                                      "ditinjau.").format(numbers=", ".join(report.elsewhere[:10]))
            if report.rejected:   # records stay here, waiting; the hub's first reason says why
                problem = self.tr("{count} data ditolak hub (Data → Perubahan yang ditolak hub)").format(
                    count=number(len(report.rejected)))
                self.detail = self.tr("Alasan hub: {reason}").format(reason=report.rejected[0].split(": ", 1)[-1])
            if report.audit_refused:   # somebody changed or removed audit entries on this laptop
                problem = self.tr("catatan audit ditolak hub, hubungi admin cabang")
            if self.link is None or not self.link.url:   # joined since the window opened (or the command line)
                self.load_link()
            self._render(problem)
            self.worker.changed.emit("workers")  # pulled records appear in the list
        else:
            delay = RETRY_DELAYS_S[min(self.failures, len(RETRY_DELAYS_S) - 1)]
            self.failures += 1
            if isinstance(error, client.NotRegistered):   # said for the window, not as a command
                self.detail = self.tr("Admin mendaftarkan laptop ini di menu Pengaturan → Hub dan sinkronisasi.")
                self._render(self.tr("belum terdaftar di hub"))
            elif not isinstance(error, client.Refused):  # the link dropped: try again
                self.retry_timer.start(delay * 1000)
                self.detail = error_text(error)
                self._render(self.tr("gagal: {reason}; dicoba lagi dalam {s} detik").format(
                    reason=failure_reason(error), s=delay))
            else:
                self.detail = error_text(error)
                self._render(self.tr("gagal: {reason}").format(reason=failure_reason(error)))
        self.finished.emit(report, error)
