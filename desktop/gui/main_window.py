"""The main window: the enrolled workers, search as you type, filters, counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QMainWindow, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from desktop.domain.enrollment import Status
from desktop.gui.accounts_dialog import AccountsDialog
from desktop.gui.enrollment_form import EnrollmentForm
from desktop.gui.i18n import LANGUAGES, error_text, label
from desktop.gui.worker import DbWorker
from desktop.gui.worker_model import EXPIRING_SOON, WorkerTableModel, status_filter
from desktop.services import accounts, enrollment, permissions, reporting, schools, search
from desktop.services.accounts import ROLE_LABELS, Actor
from desktop.services.records import Page, SchoolInfo, WorkerRecord
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace

SEARCH_DELAY_MS = 120


class MainWindow(QMainWindow):
    ready = Signal()           # the first page is on screen
    results_shown = Signal()   # a search's results are on screen
    form_opened = Signal(object)
    import_opened = Signal(object)
    print_opened = Signal(object)
    review_opened = Signal(object)
    locked_changed = Signal(bool)
    report_written = Signal(object)

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor):
        super().__init__()
        self.ws, self.worker, self.actor = ws, worker, actor
        self.schools: list[SchoolInfo] = []
        self._generation = 0
        self._ready = False
        self._own_school_shown = False
        self.form: EnrollmentForm | None = None
        self.setWindowTitle(self.tr("Lindung — Peserta JKK + JKM (BAZNAS Kalimantan Barat)"))
        self.resize(1280, 720)
        self._build()
        self._build_menu()
        self.worker.changed.connect(self._data_changed)
        self.worker.busy_changed.connect(self._busy)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.run_search)
        self.run_search()
        self._load_schools()
        from desktop.gui.lock import IdleWatch

        self.locked = False
        self._hidden_dialogs: list[QWidget] = []
        self.idle = IdleWatch(accounts.DEFAULT_LOCK_MINUTES, self)
        self.idle.idle.connect(self.lock)
        self.worker.submit(accounts.lock_minutes, self.ws, on_success=self.idle.set_minutes)

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        bar = QHBoxLayout()
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setPlaceholderText(self.tr("Cari nama, NIK, atau No. Registrasi…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self._open_current_or_first)
        bar.addWidget(self.search_box, 3)

        self.kabupaten_filter = QComboBox(objectName="kabupatenFilter")
        self.kabupaten_filter.addItem(self.tr("Semua kabupaten/kota"), None)
        for region in self.ws.regions.kabupaten():
            self.kabupaten_filter.addItem(region.short_name, region.code)
        self.school_filter = QComboBox(objectName="schoolFilter")
        self.school_filter.addItem(self.tr("Semua sekolah"), None)
        self.school_filter.setMinimumContentsLength(18)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem(self.tr("Semua status"), None)
        for status in Status:
            self.status_filter.addItem(label(status.label), status.value)
        self.status_filter.addItem(self.tr("Berakhir dalam 30 hari"), EXPIRING_SOON)
        for combo in (self.kabupaten_filter, self.school_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
            bar.addWidget(combo, 1)
        self.new_button = QPushButton(self.tr("+ Peserta baru"), objectName="newButton", clicked=self.new_enrollment)
        self.new_button.setToolTip(self.tr("Daftarkan pekerja baru (Ctrl+N)"))
        bar.addWidget(self.new_button)
        self.import_button = QPushButton(self.tr("Impor…"), objectName="importButton", clicked=self.open_import)
        self.import_button.setToolTip(self.tr("Impor daftar orang tua siswa dari Excel/LibreOffice/CSV (Ctrl+I)"))
        bar.addWidget(self.import_button)
        self.print_button = QPushButton(self.tr("Cetak kartu…"), objectName="printButton", clicked=self.open_print)
        self.print_button.setToolTip(self.tr("Cetak kartu peserta yang tampil di daftar (Ctrl+P)"))
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        # What this role may not do is not offered (the services refuse it anyway).
        self.new_button.setEnabled(permissions.may(self.actor, permissions.Action.ENROLL))
        self.import_button.setEnabled(permissions.may(self.actor, permissions.Action.IMPORT))
        self.print_button.setEnabled(permissions.may(self.actor, permissions.Action.PRINT))

        self.count_label = QLabel(objectName="countLabel")
        layout.addWidget(self.count_label)

        self.model = WorkerTableModel(self.ws.regions, self)
        self.model.more_wanted.connect(self._fetch_more)
        self.table = QTableView(objectName="workerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 240, 150, 90, 40, 140, 170, 130, 110)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.open_record(self.model.rows[index.row()].id))
        self.table.activated.connect(lambda index: self.open_record(self.model.rows[index.row()].id))
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        status = self.statusBar()
        self.user_label = QLabel(self.tr("Masuk sebagai {name} ({role})").format(
            name=self.actor.display_name, role=label(ROLE_LABELS[self.actor.role])))
        self.busy_label = QLabel()
        self.db_label = QLabel(self.tr("Data tersimpan di laptop ini (luring)"))
        self.db_label.setToolTip(str(self.ws.path))
        status.addWidget(self.user_label)
        status.addWidget(self.busy_label)
        from desktop.gui.sync_control import SyncControl

        self.sync = SyncControl(self.ws, self.worker, self, self.actor)
        from desktop.sync.review import may_review

        self.sync.show_review = may_review(self.actor)
        for widget in self.sync.widgets():
            status.addPermanentWidget(widget)
        status.addPermanentWidget(self.db_label)

    def _build_menu(self) -> None:
        menu = self.menuBar()
        data = menu.addMenu(self.tr("&Data"))
        new = QAction(self.tr("Peserta baru…"), self, shortcut=QKeySequence.StandardKey.New,
                      triggered=self.new_enrollment)
        find = QAction(self.tr("Cari"), self, shortcut=QKeySequence.StandardKey.Find,
                       triggered=lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        refresh = QAction(self.tr("Muat ulang"), self, shortcut=QKeySequence.StandardKey.Refresh,
                          triggered=self.run_search)
        import_ = QAction(self.tr("Impor daftar orang tua…"), self, shortcut=QKeySequence("Ctrl+I"),
                          triggered=self.open_import)
        quit_ = QAction(self.tr("Keluar"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        print_ = QAction(self.tr("Cetak kartu…"), self, shortcut=QKeySequence.StandardKey.Print,
                         triggered=self.open_print)
        sync_now = QAction(self.tr("Sinkronkan dengan hub"), self, shortcut=QKeySequence("F9"),
                           triggered=lambda: self.sync.start())
        refused_ = QAction(self.tr("Perubahan yang ditolak hub…"), self, triggered=self.open_refused)
        review_ = QAction(self.tr("Tinjau konflik dan data ganda…"), self, triggered=self.open_review)
        review_.setEnabled(self.sync.show_review)
        review_.setToolTip(self.tr("Untuk koordinator sekolah dan admin"))
        new.setEnabled(self.new_button.isEnabled())
        import_.setEnabled(self.import_button.isEnabled())
        print_.setEnabled(self.print_button.isEnabled())
        for action in (new, import_, print_, sync_now, refused_, review_, find, refresh):
            data.addAction(action)
            self.addAction(action)
        from desktop.gui.membership_window import MembershipLinks

        self.membership = MembershipLinks(self, data)    # Kepesertaan window (admins); a record's history
        reports = data.addMenu(self.tr("Laporan"))
        reports.setEnabled(permissions.may(self.actor, permissions.Action.REPORT))
        reports.addAction(QAction(self.tr("Ringkasan kepesertaan…"), self, triggered=self.report_summary))
        reports.addAction(QAction(self.tr("Tanda terima kartu sekolah terpilih…"), self,
                                  triggered=self.report_receipts))
        reports.addAction(QAction(self.tr("Kewajiban iuran BAZNAS…"), self, triggered=self.report_contributions))
        data.addSeparator()
        data.addAction(quit_)
        accounts = menu.addMenu(self.tr("&Akun"))
        manage = QAction(self.tr("Kelola akun…"), self, triggered=self.manage_accounts)
        manage.setEnabled(self.actor.is_admin)
        accounts.addAction(manage)
        audit_log = QAction(self.tr("Catatan audit…"), self, triggered=self.open_audit)
        audit_log.setEnabled(self.actor.is_admin)
        accounts.addAction(audit_log)
        language = menu.addMenu(self.tr("&Bahasa"))
        for code, name in LANGUAGES.items():
            language.addAction(QAction(name, self, triggered=lambda _c=False, c=code: self._choose_language(c)))

    # ------------------------------------------------------------------ search
    def query(self) -> SearchQuery:
        return SearchQuery(text=self.search_box.text(), kabupaten_code=self.kabupaten_filter.currentData(),
                           school_id=self.school_filter.currentData(), today=self.ws.today,
                           **status_filter(self.status_filter.currentData()))

    def run_search(self) -> None:
        self._search_timer.stop()
        self._generation += 1
        generation, query = self._generation, self.query()
        self.worker.submit(search.search, self.ws, query,
                           on_success=lambda page: self._show_page(generation, page),
                           on_failure=self._failed)

    def _show_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        self.model.reset(page)
        locale = QLocale()
        total = locale.toString(page.total or 0)
        if self.query() == SearchQuery(today=self.ws.today):
            self.count_label.setText(self.tr("{n} peserta terdaftar").format(n=total))
        else:
            self.count_label.setText(self.tr("{n} peserta cocok dengan pencarian").format(n=total))
        if page.rows:
            self.table.scrollToTop()
        self.results_shown.emit()
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _fetch_more(self) -> None:
        generation, query, cursor = self._generation, self.query(), self.model.cursor()

        def appended(page: Page) -> None:
            if generation == self._generation:
                self.model.append(page)

        self.worker.submit(search.search, self.ws, query, after=cursor, with_total=False,
                           on_success=appended, on_failure=self._failed)

    def _data_changed(self, what: str) -> None:
        if what == "workers":
            self.run_search()
            self.sync.refresh()
        elif what == "schools":
            self._load_schools()

    def _load_schools(self) -> None:
        self.worker.submit(schools.list_schools, self.ws, on_success=self._schools_loaded, on_failure=self._failed)

    def _schools_loaded(self, items: list[SchoolInfo]) -> None:
        self.schools = items
        current = self.school_filter.currentData()
        self.school_filter.blockSignals(True)
        while self.school_filter.count() > 1:
            self.school_filter.removeItem(1)
        for info in items:
            self.school_filter.addItem(info.name, info.id)
        self.school_filter.setCurrentIndex(max(self.school_filter.findData(current), 0))
        self.school_filter.blockSignals(False)
        own = next((s.id for s in items if s.npsn == self.actor.school_npsn), None)
        if own is not None and not self._own_school_shown:
            # A coordinator starts on their own school's parents (the filter can be cleared).
            self._own_school_shown = True
            self.school_filter.setCurrentIndex(self.school_filter.findData(own))

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Memproses…") if busy else "")

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Lindung"), error_text(error))

    # ------------------------------------------------------------------ records
    def _open_current_or_first(self) -> None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        if self.model.rows:
            self.open_record(self.model.rows[row].id)

    def new_enrollment(self) -> None:
        self._show_form(None)

    def open_record(self, worker_id: str) -> None:
        self.worker.submit(enrollment.get, self.ws, worker_id, on_success=self._show_form, on_failure=self._failed)

    def _show_form(self, record: WorkerRecord | None) -> None:
        form = EnrollmentForm(self.ws, self.worker, self.actor, record, self.schools, parent=self)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1180, 700
        if screen is not None:
            width, height = min(width, screen.width() - 20), min(height, screen.height() - 40)
        form.resize(width, height)
        form.saved.connect(self._record_saved)
        form.finished.connect(lambda _r: setattr(self, "form", None))
        self.form = form
        form.open()
        self.form_opened.emit(form)

    def _record_saved(self, record: WorkerRecord) -> None:
        self.statusBar().showMessage(self.tr("Tersimpan: {regno}").format(regno=record.registration_no), 8000)

    def open_import(self) -> None:
        from desktop.gui.import_dialog import ImportDialog

        npsn = next((s.npsn for s in self.schools if s.id == self.school_filter.currentData()),
                    self.actor.school_npsn)
        dialog = ImportDialog(self.ws, self.worker, self.actor, self.schools, default_school=npsn, parent=self)
        dialog.committed.connect(lambda n: self.statusBar().showMessage(
            self.tr("{count} peserta diimpor.").format(count=n), 8000))
        self.import_dialog = dialog
        dialog.open()
        self.import_opened.emit(dialog)

    def open_print(self) -> None:
        from desktop.gui.print_dialog import PrintDialog

        dialog = PrintDialog(self.ws, self.worker, self.actor, self.query(), parent=self)
        self.print_dialog = dialog
        dialog.open()
        self.print_opened.emit(dialog)

    def open_refused(self) -> None:
        from desktop.gui.refused_dialog import RefusedDialog

        dialog = RefusedDialog(self.ws, self.actor, parent=self)
        dialog.dropped.connect(self.sync.refresh)
        dialog.dropped.connect(lambda: self.worker.changed.emit("workers"))
        self.refused_dialog = dialog
        dialog.open()

    def open_review(self) -> None:
        from desktop.gui.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.ws, self.actor, parent=self)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1200, 660
        if screen is not None:
            width, height = min(width, screen.width() - 20), min(height, screen.height() - 40)
        dialog.resize(width, height)
        dialog.settled.connect(self.sync.start)   # bring the settled versions here at once
        self.review_dialog = dialog
        dialog.open()
        self.review_opened.emit(dialog)

    # ------------------------------------------------------------------ auto-lock
    def lock(self) -> None:
        """Hide every person's data until the signed-in user gives their password again."""
        from PySide6.QtWidgets import QDialog

        from desktop.gui.lock import LockDialog

        if self.locked:
            return
        self.locked = True
        self.idle.pause()
        self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for widget in self._hidden_dialogs:
            widget.hide()
        self.centralWidget().hide()
        self.menuBar().setEnabled(False)
        dialog = LockDialog(self.ws, self.worker, self.actor, self.idle.minutes, parent=self)
        dialog.unlocked.connect(self._unlock)
        dialog.rejected.connect(self.close)
        self.lock_dialog = dialog
        dialog.open()
        self.locked_changed.emit(True)

    def _unlock(self) -> None:
        self.locked = False
        self.centralWidget().show()
        self.menuBar().setEnabled(True)
        for widget in self._hidden_dialogs:
            widget.show()
        self._hidden_dialogs = []
        self.idle.restart()
        self.locked_changed.emit(False)

    # ------------------------------------------------------------------ reports
    def _report_path(self, default: str, personal: bool = False) -> Path | None:
        """``personal``: the report names people (receipts), so a folder outside the data folder is warned of."""
        if personal:
            from desktop.gui.privacy import save_path

            return save_path(self, self.ws, self.tr("Simpan laporan"), default, "PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan"), default, "PDF (*.pdf)")
        return Path(path) if path else None

    def _report_written(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Laporan disimpan: {path}").format(path=path), 10000)
        self.report_written.emit(path)

    def report_summary(self, path: Path | None = None) -> None:
        path = path or self._report_path("ringkasan-kepesertaan.pdf")
        if path:
            self.worker.submit(reporting.summary_report, self.ws, path, self.actor,
                               on_success=lambda _n: self._report_written(path), on_failure=self._failed)

    def report_receipts(self, path: Path | None = None) -> None:
        school = next((s for s in self.schools if s.id == self.school_filter.currentData()), None)
        if school is None:
            QMessageBox.information(self, "Lindung", self.tr("Pilih dulu sekolahnya di saringan sekolah."))
            return
        path = path or self._report_path(f"tanda-terima-{school.npsn}.pdf", personal=True)
        if path:
            self.worker.submit(reporting.receipts_report, self.ws, path, school.npsn, self.actor,
                               on_success=lambda _n: self._report_written(path), on_failure=self._failed)

    def report_contributions(self, path: Path | None = None, months: int | None = None) -> None:
        if months is None:
            months, ok = QInputDialog.getInt(self, self.tr("Kewajiban iuran"), self.tr("Untuk berapa bulan?"),
                                             12, 1, 60)
            if not ok:
                return
        path = path or self._report_path(f"kewajiban-iuran-{months}-bulan.pdf")
        if path:
            self.worker.submit(reporting.contributions_report, self.ws, path, months, self.actor,
                               on_success=lambda _n: self._report_written(path), on_failure=self._failed)

    # ------------------------------------------------------------------ accounts, language
    def manage_accounts(self) -> None:
        AccountsDialog(self.ws, self.worker, self.actor, self).open()

    def open_audit(self):
        from desktop.gui.audit_dialog import AuditDialog

        dialog = AuditDialog(self.ws, self.worker, self.actor, self)
        dialog.open()
        return dialog

    def _choose_language(self, code: str) -> None:
        QSettings().setValue("ui/language", code)
        QMessageBox.information(self, "Lindung", self.tr(
            "Bahasa akan berganti ke {language} saat Lindung dibuka lagi.").format(language=LANGUAGES[code]))
