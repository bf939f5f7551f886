"""Riwayat jawaban BPJS under pytest-qt, as a clerk would use it: a wrong answer file read in the Kepesertaan
window, found in the history, "Urungkan" asked and first declined, then confirmed (the question says how
many go back to "Diajukan ke BPJS"); the list, the batch counts and the main list follow; the right file
then applies."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from desktop.gui.membership_window import OK_STYLE
from desktop.services import audit, membership
from desktop.services.demo import add_demo_workers
from desktop.services.accounts import SYSTEM
from tests.gui.test_membership_window import (
    STATUS, exported_niks, list_cells, open_membership, reload_done, write_answer,
)


def answered(qtbot, dialog, button_role):
    """Open the question "Urungkan" asks and press the button with that role."""
    with qtbot.waitSignal(dialog.confirming, timeout=10_000) as asked:
        dialog.undo_button.click()
    box = asked.args[0]
    text = box.text()
    [button] = [b for b in box.buttons() if box.buttonRole(b) == button_role]
    button.click()
    return text


def test_a_wrong_answer_is_undone_from_the_history_and_the_right_one_applies(qtbot, window, ws, admin, tmp_path):
    add_demo_workers(ws, 4, SYSTEM, seed=25)
    window.run_search()
    qtbot.waitUntil(lambda: window.model.total == 4, timeout=5000)
    kep = open_membership(qtbot, window)
    submit = kep.open_submit()
    qtbot.waitUntil(lambda: submit.ready == 4, timeout=10_000)
    out = tmp_path / "ajuan.xlsx"
    with qtbot.waitSignal(submit.done, timeout=20_000):
        submit.export_to(out)
    submit.close()
    niks = exported_niks(out)
    wrong = tmp_path / "jawaban-salah.xlsx"           # the day and the month read the wrong way round
    write_answer(wrong, [(i + 1, nik, "", f"2612000005{i}", dt.date(2027, 1, 12), "") for i, nik in enumerate(niks[:3])]
                 + [(4, niks[3], "", None, None, "NIK tidak terdaftar")])
    answer = kep.open_answer()
    with qtbot.waitSignal(answer.previewed, timeout=20_000):
        answer.read(wrong)
    with reload_done(qtbot, kep), qtbot.waitSignal(answer.done, timeout=20_000):
        answer.apply_button.click()
    answer.close()
    qtbot.waitUntil(lambda: sorted(list_cells(window, STATUS)) == ["Aktif"] * 3 + ["Ditolak BPJS"], timeout=10_000)

    assert kep.answer_history_button.isVisible()
    with qtbot.waitSignal(kep.step_opened, timeout=5000) as opened:
        kep.answer_history_button.click()
    history = opened.args[0]
    qtbot.waitUntil(lambda: bool(history.answers), timeout=10_000)
    assert history.windowTitle() == "Riwayat jawaban BPJS"
    row = [history.table.item(0, c).text() for c in range(history.table.columnCount())]
    assert row[1:6] == ["admin", "jawaban-salah.xlsx", "3", "1", "berlaku"]
    assert history.undo_button.isEnabled()

    # Declined: nothing changes.
    question = answered(qtbot, history, QMessageBox.ButtonRole.RejectRole)
    assert "4 peserta kembali \"Diajukan ke BPJS\"" in question and "jawaban-salah.xlsx" in question
    assert [a.undone for a in membership.applied_answers(ws, admin)] == [False]
    assert audit.entries(ws, admin, action="answer_undo") == []

    history.reason.setText("tanggal terbalik")
    with reload_done(qtbot, kep), qtbot.waitSignal(history.done, timeout=20_000) as done:
        answered(qtbot, history, QMessageBox.ButtonRole.DestructiveRole)
    assert done.args[0].by_status == {"submitted": 4}
    assert "4 peserta kembali \"Diajukan ke BPJS\"" in history.message.text()
    assert "3 nomor KPJ dilepas" in history.message.text() and history.message.styleSheet() == OK_STYLE
    qtbot.waitUntil(lambda: history.table.item(0, 5).text().startswith("diurungkan"), timeout=10_000)
    assert not history.undo_button.isEnabled()                      # undone once
    assert [kep.batch_table.item(0, c).text() for c in (4, 5, 6)] == ["4", "0", "0"]
    qtbot.waitUntil(lambda: set(list_cells(window, STATUS)) == {"Diajukan ke BPJS"}, timeout=10_000)
    [entry] = audit.entries(ws, admin, action="answer_undo")
    assert entry.details["reason"] == "tanggal terbalik" and entry.actor == "admin"
    history.close()

    right = tmp_path / "jawaban-benar.xlsx"
    write_answer(right, [(i + 1, nik, "", f"2612000005{i}", dt.date(2026, 12, 1), "") for i, nik in enumerate(niks)])
    answer = kep.open_answer()
    with qtbot.waitSignal(answer.previewed, timeout=20_000):
        answer.read(right)
    with qtbot.waitSignal(answer.done, timeout=20_000) as applied:
        answer.apply_button.click()
    assert applied.args[0].activated == 4
    qtbot.waitUntil(lambda: set(list_cells(window, STATUS)) == {"Aktif"}, timeout=10_000)
