"""Issue 28, what the window still said badly: what a sync did and why it failed, in words; English left in
the Indonesian window; counts and dates a volunteer needs."""

from PySide6.QtCore import Qt

from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers
from desktop.sync import client
from tests.hub.test_sync import Hub, hub_cli


def test_sync_says_what_it_did_and_why_it_failed(qtbot, window, ws, tmp_path):
    assert "(luring)" in window.db_label.text()
    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("jendela"))
        add_demo_workers(ws, 12, SYSTEM, seed=13)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as done:
            window.sync.start()
        assert done.args[1] is None
        said = window.sync.label.text()
        assert "terkirim 12, diterima 0, konflik 0" in said, said
        assert "luring" not in window.db_label.text() and "hub" in window.db_label.text()
        qtbot.waitUntil(lambda: "belum terdaftar" not in window.sync.label.text(), timeout=5000)

        device = ws.device.id
        assert hub_cli(hub.db, "revoke", device).returncode == 0
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as refused:
            window.sync.start()
        assert isinstance(refused.args[1], client.Refused)
        said = window.sync.label.text()
        assert "gagal: Hub menolak laptop ini: laptop ini sudah dicabut" in said, said
        assert not window.sync.retry_timer.isActive()
        assert "(luring)" in window.db_label.text()
    finally:
        hub.stop()


def test_a_dropped_link_is_said_in_words_not_by_a_class_name(qtbot, window, ws, tmp_path):
    hub = Hub(tmp_path).start()
    client.register(ws, hub.url, hub.code("jendela"))
    hub.stop()
    with qtbot.waitSignal(window.sync.finished, timeout=30_000) as failed:
        window.sync.start()
    assert isinstance(failed.args[1], client.SyncFailed)
    said, detail = window.sync.label.text(), window.sync.label.toolTip()
    assert "gagal: hub tidak dapat dihubungi; dicoba lagi dalam 30 detik" in said, said
    assert "ConnectError" not in said + detail and "tidak dapat dihubungi (jaringan putus atau hub mati)" in detail, detail
    assert "(luring)" in window.db_label.text()


def test_an_unexpected_error_names_no_python_class():
    from desktop.gui.i18n import error_text

    said = error_text(TypeError("x"))
    assert "kesalahan tak terduga" in said and "TypeError" not in said and "admin cabang" in said


def test_the_audit_log_says_payment_and_answer_details_in_indonesian(qtbot, window, ws, admin, tmp_path):
    from tests.gui.test_membership_window import _protected

    _protected(ws, admin, tmp_path)                  # a submission, BPJS's answer, two payments
    dialog = window.open_audit()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    details = " | ".join(dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount()))
    for english in ("owed", "paid:", "reference", "activated", "refused", "unknown", "renewal", "credit_"):
        assert english not in details, (english, details)
    assert "diaktifkan: 6" in details and "kewajiban (Rp): " in details and "sumber dana: Zakat" in details
    dialog.done(0)


def test_the_list_shows_coverage_end_and_printing_says_who_has_no_kpj(qtbot, window, ws, admin, tmp_path):
    import datetime as dt

    from desktop.domain.text import format_date
    from desktop.services.demo import add_demo_workers
    from tests.gui.test_membership_window import _protected
    from tests.gui.test_print_dialog import open_print

    _protected(ws, admin, tmp_path)                  # six active: three to 30-11-2026, three half a year on
    add_demo_workers(ws, 1234, SYSTEM, seed=3)       # and many with no KPJ yet
    window.run_search()
    qtbot.waitUntil(lambda: window.model.total == 1240, timeout=10_000)
    model = window.model
    column = model.COLUMNS.index("coverage_end")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Dilindungi s.d."
    ends = {model.index(r, column).data() for r in range(len(model.rows))}
    assert format_date(dt.date(2026, 11, 30)) in ends and "" in ends
    assert "1.240" in window.count_label.text()

    dialog = open_print(qtbot, window)
    said = dialog.count_label.text()
    assert said.startswith("1.240 kartu dipilih. 1.234 di antaranya belum punya nomor KPJ"), said
    dialog.close()


def test_a_long_school_name_shows_its_start_once_chosen(qtbot, window, ws):
    from desktop.services.schools import add_school

    long_name = "SD Negeri 12 Pontianak Selatan Kecamatan Pontianak Selatan Kota Pontianak"
    add_school(ws, "69800001", long_name, "SD", "6171")
    window._load_schools()
    qtbot.waitUntil(lambda: len(window.schools) == 1, timeout=10_000)
    combo = window.school_filter
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "sdn 12")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentText().upper() == long_name.upper()
    assert combo.lineEdit().cursorPosition() == 0 and not combo.lineEdit().hasSelectedText()


def test_the_printer_properties_pages_speak_indonesian(qapp):
    """Qt's printer Properti dialog (Page, Advanced, Job Control …) from resources/i18n/qtbase_id."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from desktop.gui.i18n import install_translator

    before = QLocale()
    translator = install_translator(qapp, "id")
    try:
        said = {(context, text): QCoreApplication.translate(context, text, comment) for context, text, comment in (
            ("QPrintPropertiesWidget", "Page", None), ("QPrintPropertiesWidget", "Advanced", None),
            ("QCupsJobWidget", "Job Control", None), ("QCupsJobWidget", "Scheduled printing:", None),
            ("QCupsJobWidget", "Print Immediately", None), ("QCupsJobWidget", "None", "CUPS Banner page"),
            ("QPrintPropertiesDialog", "Job Options", None), ("QPPDOptionsModel", "Value", None))}
        assert said == {("QPrintPropertiesWidget", "Page"): "Halaman", ("QPrintPropertiesWidget", "Advanced"): "Lanjutan",
                        ("QCupsJobWidget", "Job Control"): "Pengaturan pekerjaan cetak",
                        ("QCupsJobWidget", "Scheduled printing:"): "Jadwal cetak:",
                        ("QCupsJobWidget", "Print Immediately"): "Cetak sekarang",
                        ("QCupsJobWidget", "None"): "Tidak ada",
                        ("QPrintPropertiesDialog", "Job Options"): "Pilihan pekerjaan cetak",
                        ("QPPDOptionsModel", "Value"): "Nilai"}
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)


def test_a_renewal_keeps_saying_what_it_renewed_when_the_credit_is_counted_again(qtbot, window, ws, admin, tmp_path):
    from desktop.domain.text import format_rupiah
    from tests.gui.test_membership_window import _protected, open_membership

    _protected(ws, admin, tmp_path)
    kep = open_membership(qtbot, window)
    renew = kep.open_renew()
    qtbot.waitUntil(lambda: renew.quote is not None and renew.quote.records == 3, timeout=10_000)
    renew.amount.setText(f"{renew.quote.amount_owed:,}".replace(",", "."))
    with qtbot.waitSignal(renew.done, timeout=20_000) as done:
        renew.renew_button.click()
    qtbot.waitUntil(lambda: renew.quote is not None and renew.quote.records == 0, timeout=10_000)
    renew._credit_known(15_000)          # BAZNAS's credit counted again (as after a renewal that used some)
    assert renew.figures.covers.text() == f"3 peserta × {done.args[0].months} bulan"
    assert renew.figures.owed.text() == format_rupiah(done.args[0].amount_owed)
    renew.amount.setText("1.000")        # a change: the next quote is shown again
    assert renew.figures.covers.text().startswith("0 peserta")
    kep.close()


def test_a_damaged_key_file_is_said_in_words(tmp_path):
    from desktop.gui.i18n import error_text
    from desktop.services import keys
    from desktop.services.errors import ServiceError

    db = tmp_path / "lindung.sqlite3"
    keys.key_path(db).write_text("{ bukan json", encoding="utf-8")
    try:
        keys.load(db)
    except ServiceError as exc:
        said = error_text(exc)
    assert "isinya tidak sah" in said and "Error" not in said, said
