"""The main window: the enrolled workers, search as you type, filters, counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QMainWindow, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from desktop.domain.enrollment import Status
from desktop.gui.accounts_dialog import AccountsDialog
from desktop.gui.enrollment_form import EnrollmentForm
from desktop.gui.files import FileOffer, choose_open, choose_save
from desktop.gui.i18n import LANGUAGES, error_text, label, number, running_language
from desktop.domain.text import format_date_long, format_rupiah
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker
from desktop.gui.worker_model import EXPIRING_SOON, WorkerTableModel, status_filter
from desktop.services import accounts, claims, enrollment, permissions, reporting, schools, search
from desktop.domain.actors import ROLE_LABELS, Actor
from desktop.services.errors import CONTEXT as SERVICE_CONTEXT
from desktop.domain.records import Page, SchoolInfo, WorkerRecord
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace
from desktop.sync import client

SEARCH_DELAY_MS = 120
SMALL_SCREEN = (1400, 860)    # below this (a 1366x768 laptop) the window opens maximized
FIND_PAGE = 2000              # rows fetched at a time while looking for a record just saved


class MainWindow(QMainWindow):
    ready = Signal()           # the first page is on screen
    results_shown = Signal()   # a search's results are on screen
    form_opened = Signal(object)
    import_opened = Signal(object)
    print_opened = Signal(object)
    review_opened = Signal(object)
    locked_changed = Signal(bool)
    report_written = Signal(object)
    record_selected = Signal(str)        # a record just saved is selected in the list (its id)
    dialog_opened = Signal(object)       # any other dialog (hub, schools, settings, accounts …)
    signed_out = Signal()                # the user signs out: the sign-in comes back
    restore_requested = Signal(object)   # an admin chose a backup to restore (Path): the app reopens
    backup_written = Signal(object)      # BackupInfo
    gaps_shown = Signal()                # coverage gaps that threaten a benefit are marked on a page of the list

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor):
        super().__init__()
        self.ws, self.worker, self.actor = ws, worker, actor
        self.schools: list[SchoolInfo] = []
        self._generation = 0
        self._ready = False
        self._own_school_shown = False
        self.form: EnrollmentForm | None = None
        self.invoice_box: QMessageBox | None = None   # "the invoice's figures changed": its correction button
        self._select_id: str | None = None   # a record just saved, to select once it is in the list
        self._ending = False                  # signing out or restoring: closing asks nothing
        # The app's name is added to every title by Qt (application display name): not repeated here.
        self.setWindowTitle(self.tr("Peserta JKK + JKM (BAZNAS Kalimantan Barat)"))
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

    def show_on_screen(self) -> None:
        """Maximized on a small screen (a 1366x768 laptop), else at its own size."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and (screen.width() < SMALL_SCREEN[0] or screen.height() < SMALL_SCREEN[1]):
            self.showMaximized()
        else:
            self.show()

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

        self.kabupaten_filter = SearchCombo(objectName="kabupatenFilter", hint=self.tr("Semua kabupaten/kota"))
        self.kabupaten_filter.addItem(self.tr("Semua kabupaten/kota"), None)
        self.kabupaten_filter.add_kabupaten(self.ws.regions.kabupaten(), short=True)
        self.school_filter = SearchCombo(objectName="schoolFilter", hint=self.tr("Semua sekolah"))
        self.school_filter.addItem(self.tr("Semua sekolah"), None)
        self.school_filter.setMinimumContentsLength(28)
        self.kabupaten_filter.setMinimumContentsLength(len(self.kabupaten_filter.itemText(0)) + 1)   # not cut off
        self.status_filter = SearchCombo(objectName="statusFilter", hint=self.tr("Semua status"))
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
        for button, action in ((self.new_button, permissions.Action.ENROLL),
                               (self.import_button, permissions.Action.IMPORT),
                               (self.print_button, permissions.Action.PRINT)):
            allowed = permissions.may(self.actor, action)
            button.setEnabled(allowed)
            button.setVisible(allowed)

        self.count_label = QLabel(objectName="countLabel")
        self.file_offer = FileOffer()      # the report or backup just written: open it, or its folder
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.file_offer)
        layout.addLayout(count_row)

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
        for column, width in enumerate((140, 240, 150, 90, 40, 140, 170, 130, 110, 110)):
            self.table.setColumnWidth(column, width)
        self.table.setTabKeyNavigation(False)     # Tab leaves the list; the arrows move in it
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
        self.sync.finished.connect(self._show_link)

    def _show_link(self, _report, error) -> None:
        """"(luring)" while this laptop has not reached the hub; after a sync that did, that it is joined."""
        self.db_label.setText(self.tr("Data tersimpan di laptop ini (luring)") if error is not None
                              else self.tr("Data tersimpan di laptop ini dan di hub"))

    def _build_menu(self) -> None:
        """Every menu entry this role may use; the others are not shown (nor their shortcuts)."""
        may = lambda action: permissions.may(self.actor, action)  # noqa: E731
        admin = may(permissions.Action.ADMINISTER)
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
        quit_ = QAction(self.tr("Keluar dari Lindung"), self, shortcut=QKeySequence.StandardKey.Quit,
                        triggered=self.close)
        print_ = QAction(self.tr("Cetak kartu…"), self, shortcut=QKeySequence.StandardKey.Print,
                         triggered=self.open_print)
        sync_now = QAction(self.tr("Sinkronkan dengan hub"), self, shortcut=QKeySequence("F9"),
                           triggered=self.start_sync)
        refused_ = QAction(self.tr("Perubahan yang ditolak hub…"), self, triggered=self.open_refused)
        review_ = QAction(self.tr("Tinjau konflik dan data ganda…"), self, triggered=self.open_review)
        review_.setEnabled(self.sync.show_review)
        review_.setVisible(self.sync.show_review)
        for action, allowed in ((new, may(permissions.Action.ENROLL)), (import_, may(permissions.Action.IMPORT)),
                                (print_, may(permissions.Action.PRINT))):
            action.setEnabled(allowed)
            action.setVisible(allowed)
        for action in (new, import_, print_, sync_now, refused_, review_, find, refresh):
            data.addAction(action)
            self.addAction(action)
        from desktop.gui.membership_window import MembershipLinks

        self.membership = MembershipLinks(self, data)    # Kepesertaan window (admins); a record's history
        from desktop.gui.claims_window import claims_action

        data.addAction(claims_action(self))               # Klaim window (Ctrl+Shift+K)
        from desktop.gui.incident_dialog import incident_action

        self.incident_action = incident_action(self)      # on the chosen worker (Ctrl+Shift+M, right-click)
        data.addAction(self.incident_action)
        self.table.addAction(self.incident_action)
        reports = data.addMenu(self.tr("Laporan"))
        reports.setEnabled(may(permissions.Action.REPORT))
        reports.menuAction().setVisible(may(permissions.Action.REPORT))
        reports.addAction(QAction(self.tr("Ringkasan kepesertaan…"), self, triggered=self.report_summary))
        self.impact_action = QAction(self.tr("Dampak: iuran zakat dan manfaat BPJS…"), self,
                                     triggered=lambda: self.report_impact())
        reports.addAction(self.impact_action)
        reports.addAction(QAction(self.tr("Tanda terima kartu sekolah terpilih…"), self,
                                  triggered=self.report_receipts))
        reports.addAction(QAction(self.tr("Kewajiban iuran BAZNAS…"), self, triggered=self.report_contributions))
        reports.addAction(QAction(self.tr("Tagihan iuran satu batch…"), self, triggered=lambda: self.report_invoice()))
        reports.addAction(QAction(self.tr("Dokumen yang terbit…"), self, triggered=self.show_documents))
        data.addSeparator()
        data.addAction(quit_)
        self.addAction(quit_)

        settings_menu = menu.addMenu(self.tr("&Pengaturan"))
        settings_menu.menuAction().setVisible(admin)
        settings_menu.setEnabled(admin)
        self.hub_action = QAction(self.tr("Hub dan sinkronisasi…"), self, triggered=self.open_hub)
        self.schools_action = QAction(self.tr("Sekolah…"), self, triggered=self.open_schools)
        self.settings_action = QAction(self.tr("Pengaturan program…"), self, triggered=self.open_settings)
        # triggered(bool) would arrive as the path: the slots are called without it.
        self.backup_action = QAction(self.tr("Cadangkan data…"), self, triggered=lambda: self.backup())
        self.restore_action = QAction(self.tr("Pulihkan dari cadangan…"), self, triggered=lambda: self.restore())
        for action in (self.hub_action, self.schools_action, self.settings_action):
            settings_menu.addAction(action)
        settings_menu.addSeparator()
        settings_menu.addAction(self.backup_action)
        settings_menu.addAction(self.restore_action)
        for action in settings_menu.actions():
            action.setEnabled(admin)

        accounts_menu = menu.addMenu(self.tr("&Akun"))
        manage = QAction(self.tr("Kelola akun…"), self, triggered=self.manage_accounts)
        audit_log = QAction(self.tr("Catatan audit…"), self, triggered=self.open_audit)
        for action in (manage, audit_log):
            action.setEnabled(admin)
            action.setVisible(admin)
            accounts_menu.addAction(action)
        self.recovery_action = QAction(self.tr("Kode pemulihan baru…"), self, triggered=lambda: self.new_recovery_code())
        self.recovery_action.setEnabled(admin)
        self.recovery_action.setVisible(admin)
        accounts_menu.addAction(self.recovery_action)
        accounts_menu.addSeparator()
        self.password_action = QAction(self.tr("Ganti kata sandi…"), self, triggered=lambda: self.change_password())
        accounts_menu.addAction(self.password_action)
        self.sign_out_action = QAction(self.tr("Keluar akun / ganti pengguna"), self,
                                       shortcut=QKeySequence("Ctrl+Shift+L"), triggered=self.sign_out)
        accounts_menu.addAction(self.sign_out_action)
        self.addAction(self.sign_out_action)
        language = menu.addMenu(self.tr("&Bahasa"))
        # The language in use is marked; choosing another marks it (it applies when Lindung opens again).
        self.language_actions = QActionGroup(self, exclusive=True)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True, checked=code == running_language(),
                             triggered=lambda _c=False, c=code: self._choose_language(c))
            self.language_actions.addAction(action)
            language.addAction(action)

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
        self._flag_gaps(generation, page)
        locale = QLocale()
        total = locale.toString(page.total or 0)
        if self.query() == SearchQuery(today=self.ws.today):
            self.count_label.setText(self.tr("{n} peserta terdaftar").format(n=total))
        else:
            self.count_label.setText(self.tr("{n} peserta cocok dengan pencarian").format(n=total))
        if page.rows:
            self.table.scrollToTop()
        self.results_shown.emit()
        self._find_saved()
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _fetch_more(self) -> None:
        generation, query, cursor = self._generation, self.query(), self.model.cursor()

        def appended(page: Page) -> None:
            if generation == self._generation:
                self.model.append(page)
                self._flag_gaps(generation, page)
                self._find_saved()

        limit = FIND_PAGE if self._select_id else search.PAGE_SIZE
        self.worker.submit(search.search, self.ws, query, after=cursor, with_total=False, limit=limit,
                           on_success=appended, on_failure=self._failed)

    def _flag_gaps(self, generation: int, page: Page) -> None:
        """Mark, on the rows just shown, coverage gaps that threaten a benefit (``claims.gap_flags_of``:
        this page's workers only, so a large database costs no more than one page)."""
        if not page.rows or not permissions.may(self.actor, permissions.Action.EDIT):
            return

        def shown(flags) -> None:
            if generation == self._generation:
                self.model.set_gaps(flags)
                self.gaps_shown.emit()

        self.worker.submit(claims.gap_flags_of, self.ws, self.actor, [row.id for row in page.rows],
                           on_success=shown, on_failure=self._failed)

    def _find_saved(self) -> None:
        """Select the record just saved once its row is in the list, fetching further pages for it
        (the list is in name order: a new name can be anywhere); given up when the filters hide it."""
        wanted = self._select_id
        if wanted is None:
            return
        row = next((i for i, r in enumerate(self.model.rows) if r.id == wanted), None)
        if row is not None:
            self._select_id = None
            index = self.model.index(row, 1)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.table.setFocus()
            self.record_selected.emit(wanted)
        elif self.model.has_more:
            if not self.model.fetching:
                self.model.fetching = True
                self._fetch_more()
        else:
            self._select_id = None

    def _data_changed(self, what: str) -> None:
        if what == "workers":
            self.run_search()
            self.sync.refresh()
        elif what == "schools":
            self._load_schools()
        elif what == "settings":
            self.worker.submit(accounts.lock_minutes, self.ws, on_success=self.idle.set_minutes)
        elif what == "sync":
            self.sync.load_link()

    def _load_schools(self) -> None:
        self.worker.submit(schools.list_schools, self.ws, on_success=self._schools_loaded, on_failure=self._failed)

    def _schools_loaded(self, items: list[SchoolInfo]) -> None:
        self.schools = items
        current = self.school_filter.currentData()
        self.school_filter.blockSignals(True)
        while self.school_filter.count() > 1:
            self.school_filter.removeItem(1)
        self.school_filter.add_schools(items)
        self.school_filter.setCurrentIndex(max(self.school_filter.findData(current), 0))
        self.school_filter.blockSignals(False)
        self.school_filter.select_data(current)
        own = next((s.id for s in items if s.npsn == self.actor.school_npsn), None)
        if own is not None and not self._own_school_shown:
            # A coordinator starts on their own school's parents (the filter can be cleared).
            self._own_school_shown = True
            self.school_filter.setCurrentIndex(self.school_filter.findData(own))

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Memproses…") if busy else "")

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Tidak berhasil"), error_text(error))

    # ------------------------------------------------------------------ records
    def _open_current_or_first(self) -> None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        if self.model.rows:
            self.open_record(self.model.rows[row].id)

    def new_enrollment(self) -> None:
        self._show_form(None)

    def open_record(self, worker_id: str) -> None:
        if self.form is not None:
            return      # one form at a time (a double-click is also an activation)
        self.worker.submit(enrollment.get, self.ws, worker_id, on_success=self._show_form, on_failure=self._failed)

    def _show_form(self, record: WorkerRecord | None) -> None:
        if self.form is not None and self.form.isVisible():
            return
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
        """The record is selected in the list (once the refreshed list holds it) and the next worker
        is one key away."""
        self._select_id = record.id       # the list refreshes after a save; the row is selected then
        message = self.tr("Tersimpan: {name} ({regno}).").format(name=record.full_name, regno=record.registration_no)
        if permissions.may(self.actor, permissions.Action.ENROLL):
            message += " " + self.tr("Ctrl+N: peserta berikutnya.")
        self.statusBar().showMessage(message, 15000)

    def open_import(self) -> None:
        from desktop.gui.import_dialog import ImportDialog

        npsn = next((s.npsn for s in self.schools if s.id == self.school_filter.currentData()),
                    self.actor.school_npsn)
        dialog = ImportDialog(self.ws, self.worker, self.actor, self.schools, default_school=npsn, parent=self)
        dialog.committed.connect(lambda n: self.statusBar().showMessage(
            self.tr("{count} peserta diimpor.").format(count=number(n)), 8000))
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
        return choose_save(self, "report", self.tr("Simpan laporan"), default, "PDF (*.pdf)")

    def _report_written(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Laporan disimpan: {path}").format(path=path.name), 10000)
        self.file_offer.offer(path)
        self.report_written.emit(path)

    def report_summary(self, path: Path | None = None) -> None:
        path = path or self._report_path("ringkasan-kepesertaan.pdf")
        if path:
            self.worker.submit(reporting.summary_report, self.ws, path, self.actor,
                               on_success=lambda _n: self._report_written(path), on_failure=self._failed)

    def report_impact(self, path: Path | None = None) -> None:
        """The impact report for BAZNAS and BPJS (``claims.impact_report``)."""
        path = path or self._report_path("laporan-dampak.pdf")
        if path:
            self.worker.submit(claims.impact_report, self.ws, self.actor, path,
                               on_success=lambda _rows: self._report_written(path), on_failure=self._failed)

    def report_receipts(self, path: Path | None = None) -> None:
        school = next((s for s in self.schools if s.id == self.school_filter.currentData()), None)
        if school is None:
            QMessageBox.information(self, self.tr("Tanda terima kartu"),
                                    self.tr("Pilih dulu sekolahnya di saringan sekolah."))
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

    def report_invoice(self, batch: str | None = None, path: Path | None = None, reissue: bool = False) -> None:
        """A batch's invoice, a numbered document: printed as issued; when its figures have changed since,
        a box says so with a button that issues the correction (a supplementary invoice or credit note)."""
        if batch is None:
            from desktop.services import membership

            self.worker.submit(membership.batches, self.ws, on_success=self._choose_invoice_batch,
                               on_failure=self._failed)
            return
        default = f"koreksi-tagihan-{batch}.pdf" if reissue else f"tagihan-{batch}.pdf"
        path = path or self._report_path(default)
        if path:
            self.worker.submit(reporting.batch_invoice, self.ws, path, self.actor, batch, reissue=reissue,
                               on_success=lambda result: self._invoice_written(path, result, reissue),
                               on_failure=self._failed)

    def _choose_invoice_batch(self, infos) -> None:
        if not infos:
            QMessageBox.information(self, self.tr("Tagihan iuran"),
                                    self.tr("Belum ada batch pengajuan: ajukan peserta ke BPJS dulu."))
            return
        batch, ok = QInputDialog.getItem(self, self.tr("Tagihan iuran"), self.tr("Tagihan untuk batch:"),
                                         [info.number for info in infos], 0, False)
        if ok and batch:
            self.report_invoice(batch)

    def _invoice_written(self, path: Path, result: reporting.Invoice, reissue: bool) -> None:
        printed = result.printed
        self._report_written(path)
        if printed.refers_to:
            said = self.tr("{number} diterbitkan, mengoreksi {invoice}: {path}")
        elif result.issued:
            said = self.tr("Tagihan {number} diterbitkan: {path}")
        else:
            said = self.tr("Tagihan {number} dicetak ulang seperti saat terbit: {path}")
        self.statusBar().showMessage(said.format(number=printed.number, invoice=printed.refers_to, path=path), 15000)
        if reissue and not result.issued:
            QMessageBox.information(self, self.tr("Tagihan iuran"), self.tr(
                "Angka batch {batch} tidak berubah sejak dokumen terakhir: tidak ada koreksi yang perlu "
                "diterbitkan.").format(batch=printed.batch_no))
        if result.changed_since:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Angka tagihan berubah"), self.tr(
                "Angka batch {batch} berubah sejak {since} (selisih {difference}). Yang disimpan tetap {number} "
                "seperti saat terbit. Terbitkan koreksinya: tagihan tambahan bila kewajiban bertambah, nota kredit "
                "bila berkurang.").format(batch=printed.batch_no, since=result.changed_since, number=printed.number,
                                          difference=("+" if result.difference > 0 else "−")
                                          + format_rupiah(abs(result.difference))), parent=self)
            box.setObjectName("invoiceChanged")
            reissue_button = box.addButton(self.tr("Terbitkan koreksi…"), QMessageBox.ButtonRole.AcceptRole)
            reissue_button.setObjectName("reissueButton")
            box.addButton(self.tr("Nanti saja"), QMessageBox.ButtonRole.RejectRole)
            reissue_button.clicked.connect(lambda: self.report_invoice(printed.batch_no, reissue=True))
            self.invoice_box = box
            box.open()

    def show_documents(self) -> None:
        self.worker.submit(reporting.issued_documents, self.ws, self.actor, on_success=self._documents_shown,
                           on_failure=self._failed)

    def _documents_shown(self, issued) -> None:
        kinds = {"invoice": self.tr("tagihan"), "supplementary": self.tr("tagihan tambahan"),
                 "credit_note": self.tr("nota kredit"), "refund": self.tr("pengembalian kredit BAZNAS"),
                 "baznas": self.tr("laporan penyaluran BAZNAS")}

        def subject(document) -> str:
            template, values = reporting.document_subject(document)
            return QCoreApplication.translate(SERVICE_CONTEXT, template).format(**values)

        lines = [self.tr("{number} · {kind} · {batch} · {date} · {total}").format(
            number=d.number, kind=kinds[d.kind], batch=subject(d),
            date=format_date_long(reporting.issued_local(d).date()),
            total=format_rupiah(d.figures["total"]) if d.figures["total"] >= 0
            else "−" + format_rupiah(-d.figures["total"]))
            + (self.tr(" · mengoreksi {number}").format(number=d.refers_to) if d.refers_to else "")
            for d in issued]
        QMessageBox.information(self, self.tr("Dokumen yang terbit"),
                                "\n".join(lines) or self.tr("Belum ada dokumen yang terbit."))

    # ------------------------------------------------------------------ hub, schools, settings, backups
    def start_sync(self) -> None:
        """F9: sync; a laptop not yet registered opens the join dialog (for an admin) or says who can
        register it, instead of a command-line hint."""
        self.worker.submit(client.hub_link, self.ws, on_success=self._sync_or_join, on_failure=self._failed)

    def _sync_or_join(self, link: client.HubLink) -> None:
        if link.url:
            self.sync.start()
        elif permissions.may(self.actor, permissions.Action.ADMINISTER):
            self.open_hub()
        else:
            QMessageBox.information(self, self.tr("Belum terdaftar di hub"), self.tr(
                "Laptop ini belum terdaftar di hub cabang, jadi belum bisa sinkron. Data tetap tersimpan di laptop "
                "ini. Minta admin mendaftarkannya: menu Pengaturan → Hub dan sinkronisasi."))

    def _open(self, dialog) -> None:
        self.current_dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def open_hub(self):
        from desktop.gui.hub_dialog import HubDialog

        dialog = HubDialog(self.ws, self.worker, self.actor, self)
        dialog.joined.connect(lambda _url: (self.sync.load_link(), self.sync.start()))
        self._open(dialog)
        return dialog

    def open_schools(self):
        from desktop.gui.schools_dialog import SchoolsDialog

        dialog = SchoolsDialog(self.ws, self.worker, self.actor, self)
        self._open(dialog)
        return dialog

    def open_settings(self):
        from desktop.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ws, self.worker, self.actor, self)
        self._open(dialog)
        return dialog

    def backup(self, path: Path | None = None) -> None:
        """A checked copy of the database, encrypted like it (it opens only with this laptop's key)."""
        from desktop.services.backup import backup_workspace

        if path is None:
            folder = self.ws.path.parent / "cadangan"
            folder.mkdir(parents=True, exist_ok=True)
            default = folder / f"lindung-cadangan-{self.ws.today:%Y-%m-%d}.sqlite3"
            path = choose_save(self, "backup", self.tr("Simpan cadangan"), default.name,
                               self.tr("Cadangan Lindung (*.sqlite3)"), fallback=folder)
            if path is None:
                return
        self.statusBar().showMessage(self.tr("Mencadangkan…"))
        self.worker.submit(backup_workspace, self.ws, path, self.actor, on_success=self._backed_up,
                           on_failure=self._failed)

    def _backed_up(self, info) -> None:
        self.statusBar().showMessage(self.tr("Cadangan {count} peserta disimpan di {path} (keutuhan diperiksa).").format(
            count=QLocale().toString(info.workers), path=info.path), 15000)
        self.file_offer.offer(info.path)
        self.backup_written.emit(info)

    def restore(self, path: Path | None = None, confirmed: bool = False) -> None:
        """Replace the data on this laptop by a backup: asked twice, then Lindung closes the database,
        restores it (the current one is kept beside it) and asks for a sign-in again."""
        if self.sync.running:
            QMessageBox.information(self, self.tr("Pulihkan dari cadangan"),
                                    self.tr("Tunggu sinkronisasi selesai, lalu coba lagi."))
            return
        if path is None:
            path = choose_open(self, "backup", self.tr("Pilih cadangan"), self.tr("Cadangan Lindung (*.sqlite3)"),
                               fallback=self.ws.path.parent / "cadangan")
            if path is None:
                return
        if not confirmed:
            answer = QMessageBox.question(self, self.tr("Pulihkan dari cadangan"), self.tr(
                "Semua data di laptop ini diganti dengan isi cadangan {name}. Data sekarang disimpan di samping "
                "basis data, dan yang terjadi sesudah cadangan dibuat diambil lagi dari hub saat sinkron. "
                "Lanjutkan?").format(name=path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._ending = True
        self.restore_requested.emit(path)

    # ------------------------------------------------------------------ accounts, language
    def manage_accounts(self):
        dialog = AccountsDialog(self.ws, self.worker, self.actor, self)
        self._open(dialog)
        return dialog

    def change_password(self):
        """The user's own password: the old one, the new one twice."""
        from desktop.gui.password_dialog import PasswordDialog

        dialog = PasswordDialog(
            self.worker, lambda v: accounts.change_password(self.ws, self.actor, v["password"], v["old"]),
            self.tr("Ganti kata sandi"), self.tr("Ganti kata sandi akun {name}. Kata sandi baru dipakai mulai saat "
                                                 "masuk berikutnya.").format(name=self.actor.username),
            self.tr("Ganti kata sandi"), self.actor.username, self.actor.display_name, old=True, parent=self)
        dialog.completed.connect(lambda _r: self.statusBar().showMessage(self.tr("Kata sandi diganti."), 10000))
        self._open(dialog)
        return dialog

    def new_recovery_code(self) -> None:
        """A new recovery code for this laptop, shown once (the one before stops working)."""
        from desktop.gui.password_dialog import RecoveryCodeDialog
        from desktop.services import recovery

        answer = QMessageBox.question(self, self.tr("Kode pemulihan baru"), self.tr(
            "Buat kode pemulihan baru? Kode yang lama tidak berlaku lagi; kode baru hanya ditampilkan sekali."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.worker.submit(recovery.new_code, self.ws, self.actor, on_failure=self._failed,
                           on_success=lambda code: self._open(RecoveryCodeDialog(code, self.ws.device.prefix, self)))

    def open_audit(self):
        from desktop.gui.audit_dialog import AuditDialog

        dialog = AuditDialog(self.ws, self.worker, self.actor, self)
        self._open(dialog)
        return dialog

    def sign_out(self) -> None:
        """Back to the sign-in, for this user or another; an open form keeps its draft."""
        if self.form is not None and self.form.isVisible():
            self.form.reject()
            if self.form is not None and self.form.isVisible():
                return        # the volunteer chose to go back to the form
        self._ending = True
        self.sync.cancel()
        self.idle.stop()
        self.signed_out.emit()

    def _choose_language(self, code: str) -> None:
        QSettings().setValue("ui/language", code)
        QMessageBox.information(self, self.tr("Bahasa"), self.tr(
            "Bahasa akan berganti ke {language} saat Lindung dibuka lagi.").format(language=LANGUAGES[code]))
