"""The branch's Kepesertaan window under pytest-qt, against a real workspace: submit a batch to BPJS,
read BPJS's answer (an openpyxl workbook), record BAZNAS's payment with owed against paid, renew those
ending soon; the main list's KPJ column and status filter; a record's history; a volunteer's view."""

from __future__ import annotations

from desktop.domain.text import format_rupiah

import datetime as dt

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.gui.main_window import MainWindow
from desktop.gui.membership_window import ERROR_STYLE, OK_STYLE, SHORT_STYLE
from desktop.services import membership
from desktop.services.accounts import SYSTEM, Role, create_account
from desktop.services.demo import add_demo_workers
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace
from tests.conftest import TODAY
from tests import ormdb

STATUS, KPJ = 7, 8    # the main list's status and KPJ columns


def open_membership(qtbot, window):
    with qtbot.waitSignal(window.membership.opened, timeout=5000) as opened:
        window.membership.window_action.trigger()
    kep = opened.args[0]
    qtbot.waitUntil(lambda: kep.batch_table is not None and kep.summary.text() != "Menghitung…", timeout=10_000)
    return kep


def reload_done(qtbot, kep):
    return qtbot.waitSignal(kep.loaded, timeout=10_000)


def list_cells(window, column):
    model = window.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def write_answer(path, rows):
    """BPJS's answer as the branch receives it: a title above the header, a footer line below."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DAFTAR HASIL REGISTRASI PESERTA BPU KOLEKTIF"])
    sheet.append([])
    sheet.append(["No", "NIK", "Nama Peserta", "No. KPJ", "TMT Kepesertaan", "Keterangan"])
    for row in rows:
        sheet.append(list(row))
    sheet.append([])
    sheet.append(["", "Pontianak, 24 November 2026"])
    book.save(path)


def exported_niks(path):
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row)))["NIK"] for row in sheet.iter_rows(min_row=2)]


def test_submit_answer_and_pay_through_the_window(qtbot, window, ws, admin, tmp_path):
    add_demo_workers(ws, 12, SYSTEM, seed=15)
    window.run_search()
    qtbot.waitUntil(lambda: window.model.total == 12, timeout=5000)
    assert window.model.headerData(KPJ, Qt.Orientation.Horizontal) == "No. KPJ"
    assert set(list_cells(window, STATUS)) == {"Terdaftar"} and set(list_cells(window, KPJ)) == {""}

    kep = open_membership(qtbot, window)
    assert "<b>12</b> terdaftar belum diajukan" in kep.summary.text()
    assert kep.batch_table.rowCount() == 0 and not kep.payment_button.isEnabled()

    # --- 1. submit: how many are ready first, then the spreadsheet and the batch number ----------------
    submit = kep.open_submit()
    qtbot.waitUntil(lambda: submit.ready == 12, timeout=10_000)
    assert submit.readiness.text() == "12 peserta siap diajukan ke BPJS."
    assert submit.export_button.isEnabled() and "(12 peserta)" in submit.export_button.text()
    out = tmp_path / "ajuan.xlsx"
    with reload_done(qtbot, kep), qtbot.waitSignal(submit.done, timeout=20_000) as done:
        submit.export_to(out)     # what the file dialog would return
    batch = done.args[0].number
    assert batch.startswith("AJ-") and done.args[0].records == 12
    assert f"Batch {batch}: 12 peserta ditulis ke ajuan.xlsx" in submit.message.text()
    niks = exported_niks(out)
    assert len(niks) == 12
    qtbot.waitUntil(lambda: submit.ready == 0, timeout=10_000)     # nobody left to submit
    assert not submit.export_button.isEnabled()
    submit.close()
    row = [kep.batch_table.item(0, c).text() for c in range(kep.batch_table.columnCount())]
    assert row[0] == batch and row[3:] == ["12", "12", "0", "0", "0", "belum dibayar"]
    qtbot.waitUntil(lambda: set(list_cells(window, STATUS)) == {"Diajukan ke BPJS"}, timeout=10_000)

    # --- 2. BPJS's answer: KPJ for most, reasons for two, an unknown NIK, a KPJ already given ----------
    rows = [(i + 1, nik, "", f"2612{i:07d}", dt.date(2026, 11, 20), "") for i, nik in enumerate(niks[:9])]
    rows.append((10, niks[9], "", "26120000000", dt.date(2026, 11, 20), ""))            # the first one's KPJ
    rows += [(11 + j, nik, "", None, None, "NIK tidak terdaftar di Dukcapil") for j, nik in enumerate(niks[10:])]
    rows.append((13, "6171019999990001", "", "26129999999", dt.date(2026, 11, 20), ""))  # never submitted
    answer_file = tmp_path / "jawaban.xlsx"
    write_answer(answer_file, rows)
    answer = kep.open_answer()
    with qtbot.waitSignal(answer.previewed, timeout=20_000):     # first what it would do, nothing changed
        answer.read(answer_file)
    figures = {key: label.text() for key, label in answer.figures.items()}
    assert figures == {"activated": "9", "refused": "2", "unchanged": "0", "pending": "0", "unknown": "2"}
    assert answer.stage.text() == "Pratinjau — belum ada yang diubah." and answer.apply_button.isEnabled()
    assert "Kolom: No → tidak dipakai; NIK → NIK" in answer.reading.text()
    assert set(list_cells(window, STATUS)) == {"Diajukan ke BPJS"}
    with reload_done(qtbot, kep), qtbot.waitSignal(answer.done, timeout=20_000):
        answer.apply_button.click()
    assert figures == {key: label.text() for key, label in answer.figures.items()}
    assert answer.stage.text() == "Diterapkan." and not answer.apply_button.isEnabled()
    problems = [(answer.table.item(r, 0).text(), answer.table.item(r, 3).text())
                for r in range(answer.table.rowCount())]
    assert problems == [("13", "Nomor KPJ ini sudah dipakai peserta lain."),
                        ("16", "NIK tidak ada di antara peserta yang diajukan.")]
    assert "9 peserta aktif, 2 ditolak BPJS, 0 tidak berubah" in answer.message.text()
    with qtbot.waitSignal(answer.previewed, timeout=20_000):      # the same file again changes nothing
        answer.read(answer_file)
    assert (answer.figures["activated"].text(), answer.figures["unchanged"].text()) == ("0", "11")
    assert not answer.apply_button.isEnabled()
    answer.close()
    qtbot.waitUntil(lambda: kep.batch_table.item(0, 5).text() == "9", timeout=10_000)
    assert [kep.batch_table.item(0, c).text() for c in (4, 5, 6)] == ["1", "9", "2"]

    # --- 3. BAZNAS's payment: what it covers and owes first, a short payment stated plainly -------------
    pay = kep.open_payment()
    assert pay.batch.currentData() == batch
    qtbot.waitUntil(lambda: pay.quote is not None, timeout=10_000)
    quote = pay.quote
    assert (quote.records, quote.months, quote.skipped) == (10, 12, {"refused": 2})
    assert pay.figures.covers.text() == "10 peserta × 12 bulan\nTidak ikut dibayar: 2 peserta berstatus Ditolak BPJS."
    assert pay.figures.owed.text() == "Rp " + f"{quote.amount_owed:,}".replace(",", ".")
    assert "belum diisi" in pay.figures.difference.text()

    pay.amount.setText("lima juta")
    pay.record_button.click()
    assert "bukan jumlah rupiah" in pay.message.text() and pay.message.styleSheet() == ERROR_STYLE
    assert membership.payments(ws) == []          # nothing recorded

    short = quote.amount_owed - 10_000
    pay.amount.setText(f"{short:,}".replace(",", "."))
    pay.reference.setText("TRF-BAZNAS-0912")
    assert pay.figures.difference.text() == "KURANG Rp 10.000 dari kewajiban: tagih kekurangannya ke BAZNAS."
    with reload_done(qtbot, kep), qtbot.waitSignal(pay.done, timeout=20_000) as paid:
        pay.record_button.click()
    result = paid.args[0]
    assert (result.records, result.amount_owed, result.amount_paid) == (10, quote.amount_owed, short)
    assert pay.figures.title().startswith("Dicatat: BY-")
    assert pay.figures.difference.styleSheet() == SHORT_STYLE and pay.message.styleSheet() == OK_STYLE
    assert not pay.record_button.isEnabled()          # recorded: a second click cannot pay twice
    pay.close()
    qtbot.waitUntil(lambda: kep.payment_table.rowCount() == 1, timeout=10_000)
    payment_row = [kep.payment_table.item(0, c).text() for c in range(kep.payment_table.columnCount())]
    assert payment_row[0] == result.number and payment_row[2] == batch
    assert payment_row[3:5] == ["10", "12"] and payment_row[7] == "kurang Rp 10.000"
    assert payment_row[8] == "TRF-BAZNAS-0912"
    assert kep.batch_table.item(0, 8).text() == "12 bulan"
    # The zakat ledger in the summary: 9 active workers' months bought, 1 still waiting for BPJS (held),
    # the transfer Rp 10,000 short of what the months cost.
    from desktop.services.membership.ledger import balances

    ledger = balances(ws, admin).total
    assert ledger.paid == short == ledger.allocated + ledger.credit and ledger.held and ledger.owed
    qtbot.waitUntil(lambda: "Dana BAZNAS: dibayar <b>" + format_rupiah(short) in kep.summary.text(), timeout=10_000)
    assert f"kredit <b>{format_rupiah(ledger.credit)}</b>" in kep.summary.text()
    assert f"kurang bayar <b>{format_rupiah(ledger.owed)}</b>" in kep.summary.text()
    again = kep.open_payment()                       # the same batch again: its earlier payment is said first
    qtbot.waitUntil(lambda: again.quote is not None, timeout=10_000)
    assert again.earlier.text().startswith("Batch ini sudah dibayar 12 bulan sebelumnya.")
    again.close()

    # --- the main list: status and KPJ -----------------------------------------------------------------
    qtbot.waitUntil(lambda: list_cells(window, STATUS).count("Aktif") == 9, timeout=10_000)
    by_status = {}
    for status, kpj in zip(list_cells(window, STATUS), list_cells(window, KPJ), strict=True):
        by_status.setdefault(status, set()).add(len(kpj))
    assert by_status == {"Aktif": {11}, "Ditolak BPJS": {0}, "Diajukan ke BPJS": {0}}
    active_row = list_cells(window, STATUS).index("Aktif")
    qtbot.waitUntil(lambda: window.model.index(active_row, STATUS).data(Qt.ItemDataRole.ToolTipRole)
                    == "Dilindungi sampai 19-11-2027", timeout=10_000)     # once the list has the payment


def _protected(ws: Workspace, admin, tmp_path, count=6):
    """``count`` active workers, half covered to 30-11-2026 (ends within 30 days of TODAY), half a year on."""
    add_demo_workers(ws, count, SYSTEM, seed=16)
    out = tmp_path / "ajuan.xlsx"
    batch = membership.export_submission(ws, out, admin, SearchQuery(), months=1)
    niks = exported_niks(out)
    answer = tmp_path / "jawaban.xlsx"
    write_answer(answer, [(i + 1, nik, "", f"2611{i:07d}", dt.date(2026, 11, 1), "") for i, nik in enumerate(niks)])
    assert membership.import_answer(ws, answer, admin).activated == count
    with ormdb.session(ws) as session:
        from desktop.storage.models import Worker

        regnos = sorted(session.query(Worker.registration_no).all())
    membership.add_payment(ws, admin, 1, registration_nos=[r[0] for r in regnos[:count // 2]])
    membership.add_payment(ws, admin, 7, registration_nos=[r[0] for r in regnos[count // 2:]])
    return batch


def test_ending_soon_filter_history_print_and_renew(qtbot, window, ws, admin, tmp_path):
    _protected(ws, admin, tmp_path)
    window.run_search()
    qtbot.waitUntil(lambda: window.model.total == 6, timeout=5000)
    labels = [window.status_filter.itemText(i) for i in range(window.status_filter.count())]
    assert labels[-1] == "Berakhir dalam 30 hari"
    assert {"Terdaftar", "Diajukan ke BPJS", "Aktif", "Ditolak BPJS", "Berakhir"} <= set(labels)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.status_filter.setCurrentIndex(len(labels) - 1)
    assert window.model.total == 3 and "3 peserta cocok" in window.count_label.text()
    assert {window.model.rows[r].coverage_end for r in range(3)} == {dt.date(2026, 11, 30)}

    # Printing takes the cards the list shows: the three ending soon, not all six.
    with qtbot.waitSignal(window.print_opened, timeout=5000) as opened:
        window.print_button.click()
    printing = opened.args[0]
    qtbot.waitUntil(lambda: printing.selected > 0, timeout=5000)
    assert printing.selected == 3
    printing.close()

    # A record's history, from the selected row (Ctrl+H).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.table.setFocus()
    window.table.selectRow(0)
    with qtbot.waitSignal(window.membership.opened, timeout=5000) as opened:
        qtbot.keyClick(window.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = opened.args[0]
    qtbot.waitUntil(lambda: len(history.events) == 3, timeout=5000)
    lines = [history.table.item(r, 2).text() for r in range(3)]
    assert lines[0].startswith("diajukan ke BPJS dalam batch AJ-") and lines[1].startswith("aktif: KPJ 2611")
    assert lines[2].startswith("dibayar BAZNAS 1 bulan (BY-")
    assert "Status: <b>Aktif</b>" in history.header.text() and "dilindungi 01-11-2026 s.d. 30-11-2026" in \
        history.header.text()
    history.close()

    # 4. Renew: the count first, then one step.
    kep = open_membership(qtbot, window)
    assert "<b>6</b> aktif (<b>3</b> berakhir dalam 30 hari)" in kep.summary.text()
    kep.batch_table.setFocus()                   # Enter on a batch: its payment, without the mouse
    kep.batch_table.selectRow(0)
    with qtbot.waitSignal(kep.step_opened, timeout=5000) as opened:
        qtbot.keyClick(kep.batch_table, Qt.Key.Key_Return)
    assert opened.args[0].windowTitle() == "Catat pembayaran BAZNAS"
    assert opened.args[0].batch.currentData() == kep.batch_list[0].number
    opened.args[0].close()
    assert len(membership.payments(ws)) == 2 and kep.isVisible()    # Enter neither paid nor closed anything
    renew = kep.open_renew()
    qtbot.waitUntil(lambda: renew.quote is not None, timeout=10_000)
    assert renew.count_label.text().startswith("3 peserta aktif perlindungannya berakhir dalam 30 hari (sampai "
                                               "24-12-2026)")
    assert renew.renew_button.text() == "&Perpanjang 3 peserta"
    renew.days.setValue(5)
    qtbot.waitUntil(lambda: renew.quote.records == 0, timeout=10_000)
    assert not renew.renew_button.isEnabled()
    assert renew.count_label.text() == "Tidak ada peserta yang perlindungannya berakhir dalam 5 hari."
    renew.days.setValue(30)
    qtbot.waitUntil(lambda: renew.quote.records == 3, timeout=10_000)
    renew.months.setValue(12)
    qtbot.waitUntil(lambda: renew.quote.months == 12, timeout=10_000)
    renew.amount.setText(f"{renew.quote.amount_owed:,}".replace(",", "."))
    assert renew.figures.difference.text() == "Sesuai: dibayar sama dengan kewajiban."
    with qtbot.waitSignal(renew.done, timeout=20_000) as done:
        renew.renew_button.click()
    assert done.args[0].records == 3 and "diperpanjang 12 bulan" in renew.message.text()
    qtbot.waitUntil(lambda: renew.quote is not None and renew.quote.records == 0, timeout=10_000)
    # What was renewed stays said, not the next quote's "0 peserta" (nobody is left to renew).
    assert renew.figures.covers.text() == "3 peserta × 12 bulan" and renew.figures.title().startswith("Dicatat: BY-")
    assert renew.figures.owed.text() == format_rupiah(done.args[0].amount_owed)
    qtbot.waitUntil(lambda: window.model.total == 0, timeout=10_000)     # nobody ends soon any more
    qtbot.waitUntil(lambda: kep.payment_table.rowCount() == 3, timeout=10_000)
    assert kep.payment_table.item(0, 2).text() == "perpanjangan"


def test_refusals_are_said_in_the_window(qtbot, window, ws, admin, tmp_path):
    kep = open_membership(qtbot, window)
    submit = kep.open_submit()
    qtbot.waitUntil(lambda: submit.ready is not None, timeout=10_000)
    assert submit.readiness.text() == "Tidak ada peserta yang siap diajukan dengan saringan ini."
    assert not submit.export_button.isEnabled()
    with qtbot.waitSignal(submit.failed, timeout=10_000) as failed:
        submit.export_to(tmp_path / "kosong.xlsx")
    assert failed.args == ["Tidak ada peserta yang siap diajukan ke BPJS."]
    assert not (tmp_path / "kosong.xlsx").exists()
    submit.close()

    wrong = tmp_path / "bukan-jawaban.csv"
    wrong.write_text("Nama;Alamat\nSiti;Pontianak\n", encoding="utf-8")
    answer = kep.open_answer()
    with qtbot.waitSignal(answer.failed, timeout=10_000) as failed:
        answer.read(wrong)
    assert failed.args[0].startswith("Berkas bukan-jawaban.csv bukan jawaban BPJS yang dikenal")
    assert answer.isVisible() and kep.isVisible()
    answer.close()

    report = kep.open_report()
    with qtbot.waitSignal(report.failed, timeout=10_000) as failed:
        report.save_to(tmp_path / "penyaluran.xlsx")
    assert failed.args[0] == "Tidak ada pembayaran BAZNAS antara 01-11-2026 dan 24-11-2026."
    report.date_from.setDate(report.date_to.date().addDays(1))
    report.save_to(tmp_path / "penyaluran.xlsx")
    assert report.message.text() == "Tanggal akhir sebelum tanggal awal."
    report.close()

    # The branch's template: loaded, shown, and back to Lindung's own columns.
    template = kep.open_template()
    qtbot.waitUntil(lambda: template.table.rowCount() > 0, timeout=10_000)
    assert template.state.text().startswith("Sekarang: kolom bawaan Lindung") and not template.reset_button.isEnabled()
    branch = tmp_path / "templat-cabang.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["No.", "Nomor KTP", "Nama Peserta", "Tgl Lahir", "Kolom Aneh"])
    book.save(branch)
    with qtbot.waitSignal(template.done, timeout=10_000):
        template.load(branch)
    qtbot.waitUntil(lambda: template.table.rowCount() == 5, timeout=10_000)
    assert template.state.text() == "Sekarang: templat cabang, 5 kolom (4 diisi Lindung)."
    assert [template.table.item(r, 1).text() for r in (1, 4)] == ["NIK", "(dibiarkan kosong)"]
    with qtbot.waitSignal(template.done, timeout=10_000):
        template.reset_button.click()
    qtbot.waitUntil(lambda: template.reset_button.isEnabled() is False and template.table.rowCount() > 5,
                    timeout=10_000)


def test_baznas_report_from_the_window(qtbot, window, ws, admin, tmp_path):
    _protected(ws, admin, tmp_path, count=4)
    kep = open_membership(qtbot, window)
    report = kep.open_report()
    out = tmp_path / "penyaluran.xlsx"
    with qtbot.waitSignal(report.done, timeout=20_000) as done:
        report.save_to(out)
    first = done.args[0]
    assert first.people == 4 and first.issued and first.number.startswith("LP-")
    assert report.message.text().startswith(f"Laporan penyaluran BAZNAS {first.number}: 4 mustahik, Rp ")
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == 5 and sheet.cell(1, 6).value == "Asnaf"
    # Paid once more in the period: the record is written as issued and the window says it changed; ticked,
    # a record replacing it is issued.
    membership.renew(ws, admin, 400, 1)
    with qtbot.waitSignal(report.done, timeout=20_000) as done:
        report.save_to(tmp_path / "lagi.xlsx")
    assert done.args[0].number == first.number and done.args[0].changed_since == first.number
    assert "berubah sejak" in report.message.text()
    report.reissue.setChecked(True)
    with qtbot.waitSignal(report.done, timeout=20_000) as done:
        report.save_to(tmp_path / "pengganti.xlsx")
    assert done.args[0].issued and done.args[0].refers_to == first.number
    assert report.message.text().endswith(f"Menggantikan {first.number}.")


def test_a_volunteer_sees_status_and_kpj_but_not_the_window(qtbot, ws, worker, admin, tmp_path):
    _protected(ws, admin, tmp_path, count=2)
    volunteer = create_account(ws, "ani", "Ani", "kapal-motor-ani-1", Role.VOLUNTEER, by=admin)
    win = MainWindow(ws, worker, volunteer)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.show()
    qtbot.waitUntil(lambda: win.model.total == 2, timeout=5000)
    action = win.membership.window_action
    assert not action.isVisible() and not action.isEnabled()
    assert win.membership.open_window() is None
    data_menu = win.menuBar().actions()[0].menu()
    assert "Kepesertaan BPJS/BAZNAS…" not in [a.text() for a in data_menu.actions() if a.isVisible()]
    assert set(list_cells(win, STATUS)) == {"Aktif"}
    assert all(len(kpj) == 11 and kpj.startswith("2611") for kpj in list_cells(win, KPJ))
    # Read-only: the list is not editable, and the history shows what happened without a way to change it.
    assert not win.model.flags(win.model.index(0, KPJ)) & Qt.ItemFlag.ItemIsEditable
    history_action = next(a for a in win.table.actions() if a.objectName() == "historyAction")
    win.table.selectRow(0)
    with qtbot.waitSignal(win.membership.opened, timeout=5000) as opened:
        history_action.trigger()
    history = opened.args[0]
    qtbot.waitUntil(lambda: len(history.events) == 3, timeout=5000)
    assert "No. KPJ: <b>2611" in history.header.text()
    assert [b.text() for b in history.findChildren(QPushButton)] == ["Tutup"]


def test_the_list_judges_ended_on_the_workspace_day(qtbot, ws, worker, admin, tmp_path):
    """Coverage that ran out before the workspace's today is "Berakhir" in the list (the day is injectable)."""
    _protected(ws, admin, tmp_path, count=2)
    later = Workspace(ws.path, today=dt.date(2026, 12, 15), key=ws.key)
    try:
        win = MainWindow(later, worker, admin)
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.ready, timeout=10_000):
            win.show()
        qtbot.waitUntil(lambda: win.model.total == 2, timeout=5000)
        assert sorted(list_cells(win, STATUS)) == ["Aktif", "Berakhir"]
        assert TODAY < later.today
    finally:
        later.close()


def test_filters_typed_quickly_count_once_more_not_once_per_key(qtbot, window, ws, monkeypatch):
    """Counting the ready checks every record: typing in the filter must not queue a count per key."""
    add_demo_workers(ws, 3, SYSTEM, seed=17)
    calls = []
    real = membership.count_ready
    monkeypatch.setattr(membership, "count_ready", lambda ws_, query: (calls.append(query.text), real(ws_, query))[1])
    kep = open_membership(qtbot, window)
    submit = kep.open_submit()                       # its first count is on its way
    for typed in ("z", "zz", "zzz", "zzzq"):
        submit.text.setText(typed)
        submit.recount()
    qtbot.waitUntil(lambda: submit.ready == 0 and window.worker.pending == 0, timeout=10_000)
    assert calls == ["", "zzzq"]                     # the first count, then one for what was typed last
    assert submit.readiness.text() == "Tidak ada peserta yang siap diajukan dengan saringan ini."


def test_credit_pays_the_next_payment_and_the_rest_is_refunded_from_the_window(qtbot, window, ws, admin, tmp_path):
    from desktop.services.membership.ledger import balances

    add_demo_workers(ws, 4, SYSTEM, seed=17)
    out = tmp_path / "ajuan.xlsx"
    batch = membership.export_submission(ws, out, admin, SearchQuery()).number
    first = membership.add_payment(ws, admin, 12, batch=batch, reference="TRF-1")     # before BPJS's answer
    niks = exported_niks(out)
    write_answer(tmp_path / "jawaban.xlsx", [(i + 1, nik, "", f"2613{i:07d}", dt.date(2026, 11, 20), "")
                                             for i, nik in enumerate(niks[:3])]
                 + [(4, niks[3], "", None, None, "NIK tidak terdaftar di Dukcapil")])
    membership.import_answer(ws, tmp_path / "jawaban.xlsx", admin)
    credit = balances(ws, admin).total.credit
    assert 0 < credit < first.amount_owed

    kep = open_membership(qtbot, window)
    qtbot.waitUntil(lambda: f"Kredit <b>{format_rupiah(credit)}</b> dapat dipakai" in kep.summary.text(),
                    timeout=10_000)
    pay = kep.open_payment()
    pay.months.setValue(1)
    qtbot.waitUntil(lambda: pay.quote is not None and pay.quote.months == 1 and pay.use_credit.isEnabled(),
                    timeout=10_000)
    assert pay.use_credit.text() == f"Pakai &kredit BAZNAS (dapat dipakai {format_rupiah(credit)})"
    owed = pay.quote.amount_owed
    assert pay.figures.credit.text() == "tidak dipakai"
    pay.use_credit.setChecked(True)
    used = min(credit, owed)
    assert pay.figures.credit.text() == format_rupiah(used)
    assert used == owed and pay.figures.difference.text() == (
        f"Kredit BAZNAS membayar seluruh kewajiban {format_rupiah(used)}: tidak ada yang perlu ditransfer.")
    pay.amount.setText("1.000")              # BAZNAS sent a little: the credit pays the rest
    assert pay.figures.credit.text() == format_rupiah(owed - 1_000)
    assert pay.figures.difference.text() == "Sesuai: dibayar sama dengan kewajiban."
    pay.amount.clear()
    with reload_done(qtbot, kep), qtbot.waitSignal(pay.done, timeout=20_000) as paid:
        pay.record_button.click()
    assert paid.args[0].credit_used == used
    pay.close()
    qtbot.waitUntil(lambda: kep.payment_table.rowCount() == 2, timeout=10_000)
    assert kep.payment_table.item(0, 6).text() == f"(tidak diisi) + kredit {format_rupiah(used)}"

    refund = kep.open_refund()
    qtbot.waitUntil(lambda: refund.refund_button.isEnabled(), timeout=10_000)
    assert refund.available.text() == f"Kredit yang dapat dikembalikan: {format_rupiah(credit - used)}"
    refund.reference.setText("RTR-7")
    with reload_done(qtbot, kep), qtbot.waitSignal(refund.done, timeout=20_000) as done:
        refund.refund_button.click()
    assert done.args[0].amount == credit - used and done.args[0].number.startswith("RF-")
    assert refund.message.text().startswith(f"Pengembalian {done.args[0].number} dicatat")
    qtbot.waitUntil(lambda: not refund.refund_button.isEnabled(), timeout=10_000)
    total = balances(ws, admin).total
    assert (total.credit, total.moved, total.refunded) == (0, used, credit - used)
    assert "dapat dipakai" not in kep.summary.text() and f"dikembalikan {format_rupiah(credit - used)}" in kep.summary.text()


def test_bpjs_bill_reconciled_from_the_window(qtbot, worker, tmp_path):
    """BPJS's bill held against the months paid, from the Kepesertaan window (as ``lindung bpjs bill``)."""
    from desktop.gui.membership_window import MembershipWindow, SHORT_STYLE
    from tests.integration.test_bpjs_bill import FULL, ONE, RELIEF, paid_workspace, write_bill

    ws = paid_workspace(tmp_path)
    try:
        kep = MembershipWindow(ws, worker, SYSTEM)
        qtbot.addWidget(kep)
        with qtbot.waitSignal(kep.loaded, timeout=10_000):
            kep.show()
        with qtbot.waitSignal(kep.step_opened, timeout=5000) as opened:
            kep.bill_button.click()
        bill = opened.args[0]
        assert bill.windowTitle() == "Rekonsiliasi tagihan BPJS"
        out = tmp_path / "rekon.xlsx"
        with qtbot.waitSignal(bill.done, timeout=20_000):
            bill.reconcile(write_bill(tmp_path / "tagihan.xlsx"), out)
        figures = {key: label.text() for key, label in bill.figures.items()}
        assert figures["period"] == "12-2026 s.d. 12-2027" and figures["expected"] == format_rupiah(9 * ONE)
        assert figures["unexpected"] == f"3 ({format_rupiah(2 * RELIEF + FULL)})"
        assert figures["missing"] == f"1 ({format_rupiah(FULL)})" and figures["price"] == "1 (Rp 200)"
        assert figures["difference"] == f"{format_rupiah(2 * RELIEF + 200)} lebih banyak ditagih"
        assert bill.figures["difference"].styleSheet() == SHORT_STYLE
        assert out.exists() and f"Rincian ditulis ke {out}." == bill.message.text()
        kep.close()
    finally:
        ws.close()


def test_counts_in_the_window_are_grouped_as_the_language_writes_them(qtbot, worker, tmp_path):
    """A branch's counts run to tens of thousands: "20.015", not "20015" (issue 28)."""
    from desktop.gui.membership_window import MembershipWindow
    from tests.integration.test_bpjs_bill import paid_workspace

    ws = paid_workspace(tmp_path)
    try:
        kep = MembershipWindow(ws, worker, SYSTEM)
        qtbot.addWidget(kep)
        kep._show_summary({"6171": {"enrolled": 20_015, "submitted": 1_234, "active": 57_543}})
        assert "<b>20.015</b> terdaftar" in kep.summary.text() and "<b>57.543</b> aktif" in kep.summary.text()
        assert "<b>1.234</b> menunggu" in kep.summary.text()
    finally:
        ws.close()
