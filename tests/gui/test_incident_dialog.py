"""Laporkan kematian/kecelakaan, by keyboard as a field volunteer would: the worker chosen in the list,
Ctrl+Shift+M, the date typed, the judgement shown before anything is saved, Enter saves, Enter again
prints the claim pack; a day not yet come and a death already reported are refused in words."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.services import claims, enrollment
from tests.conftest import make_raw
from tests.gui.test_claims_window import active_since

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_on(qtbot, window, registration_no):
    qtbot.waitUntil(lambda: any(r.registration_no == registration_no for r in window.model.rows), timeout=10_000)
    row = next(i for i, r in enumerate(window.model.rows) if r.registration_no == registration_no)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)   # back from an earlier dialog
    window.table.setFocus()
    window.table.selectionModel().setCurrentIndex(
        window.model.index(row, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    with qtbot.waitSignal(window.dialog_opened, timeout=10_000) as opened:
        qtbot.keyClick(window.table, Qt.Key.Key_M, SHIFT_CTRL)
    dialog = opened.args[0]
    assert dialog.objectName() == "" and dialog.registration_no == registration_no
    return dialog


def test_a_volunteer_reports_a_death_sees_what_is_due_saves_and_prints(qtbot, window, ws, admin, tmp_path):
    record = enrollment.enroll(ws, make_raw(), admin)
    active_since(ws, admin, record.id, "2026-01-01", "26120000001")
    window.run_search()
    dialog = open_on(qtbot, window, record.registration_no)
    assert dialog.reported_by.text() == "Admin Cabang"          # prefilled with the user
    assert dialog.focusWidget() is dialog.day
    with qtbot.waitSignal(dialog.judged, timeout=10_000) as judged:
        qtbot.keyClicks(dialog.day, "03-11-2026")
    assert judged.args[0].claim == ""                           # judged, not saved
    text = dialog.judgement.text()
    assert "Tertanggung. Hak: JKM Rp 42.000.000." in text and "Masa iur" in text
    assert claims.claims(ws, admin) == []                       # nothing recorded before Enter

    # Tab to the place and what happened, typed; the judgement follows, then Enter saves
    qtbot.keyClick(dialog.day, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.at_work
    qtbot.keyClick(dialog.at_work, Qt.Key.Key_Tab)
    with qtbot.waitSignal(dialog.judged, timeout=10_000):
        qtbot.keyClicks(dialog.place, "Sungai Ambawang")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(dialog.place, Qt.Key.Key_Return)
    reported = saved.args[0]
    assert (reported.judgement.benefit, reported.judgement.amount) == ("JKM", 42_000_000)
    [view] = claims.claims(ws, admin)
    assert (view.claim, view.state.incident.day, view.state.incident.place, view.state.incident.reported_by) == (
        reported.claim, dt.date(2026, 11, 3), "Sungai Ambawang", "Admin Cabang")
    assert reported.claim[:8] in dialog.message.text()

    # Enter again: the claim pack
    out = tmp_path / "lembar.pdf"
    dialog.ask_pack_path = lambda: out
    assert dialog.focusWidget() is dialog.pack_button
    with qtbot.waitSignal(dialog.packed, timeout=20_000):
        qtbot.keyClick(dialog.pack_button, Qt.Key.Key_Return)
    page = PdfReader(out).pages[0].extract_text()
    assert record.registration_no in page and "42.000.000" in page
    dialog.reject()

    # the same worker again: the death is already reported, said in words, nothing to save
    again = open_on(qtbot, window, record.registration_no)
    with qtbot.waitSignal(again.judged, timeout=10_000) as refused:
        qtbot.keyClicks(again.day, "04-11-2026")
    assert isinstance(refused.args[0], Exception)
    assert "sudah dilaporkan" in again.judgement.text() and not again.save_button.isEnabled()
    again.reject()


def test_a_day_not_yet_come_is_refused_in_words(qtbot, window, ws, admin):
    record = enrollment.enroll(ws, make_raw(), admin)
    active_since(ws, admin, record.id, "2026-01-01", "26120000001")
    window.run_search()
    dialog = open_on(qtbot, window, record.registration_no)
    qtbot.keyClicks(dialog.day, "03-12")
    assert "HH-BB-TTTT" in dialog.judgement.text() and not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.judged, timeout=10_000):
        qtbot.keyClicks(dialog.day, "-2026")                    # after TODAY (24-11-2026)
    assert "Tanggal kejadian 03-12-2026 belum lewat" in dialog.judgement.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)               # Enter saves nothing
    assert claims.claims(ws, admin) == []
    dialog.reject()
