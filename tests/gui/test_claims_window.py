"""The Klaim window, used by keyboard as a branch clerk would: Ctrl+Shift+K opens it on the claim waiting
longest, Space ticks a paper seen, the state is chosen with the arrows, the amount and date typed, Enter
records; the claim leaves the open list once paid, and the record's events say so."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.services import claims, enrollment
from desktop.services.membership import events as membership_events
from tests.conftest import TODAY, make_raw

ANSWER = "0123456789abcdef0123456789abcdef"


def active_since(ws, admin, worker_id: str, start: str, kpj: str, months: int = 12) -> None:
    """Submitted, paid and answered through the membership append path."""
    with ws.write() as tx:
        wid = tx.scalar("SELECT id FROM workers WHERE uuid = ?", (worker_id,))
        for n, event in enumerate(({"type": "submitted", "batch": "AJ-ABCDEF-0001", "months": months, "income": 1_000_000},
                                   {"type": "paid", "payment": "BY-ABCDEF-0001", "months": months, "amount": 16_800 * months},
                                   {"type": "activated", "kpj": kpj, "start": start, "answer": ANSWER})):
            event.update(at=f"2026-0{n + 1}-01T08:00:00Z", by="admin")
            membership_events._append(tx, ws, admin, {wid: event}, dt.datetime(2026, n + 1, 1, 8))


def test_a_clerk_carries_a_claim_to_paid_by_keyboard(qtbot, window, ws, admin):
    older = enrollment.enroll(ws, make_raw(), admin)
    newer = enrollment.enroll(ws, make_raw(nik="6171014508800002"), admin)
    for n, record in enumerate((older, newer)):
        active_since(ws, admin, record.id, "2026-01-01", f"2612000000{n}")
    first = claims.report(ws, admin, older.registration_no, "death", TODAY - dt.timedelta(days=20))
    second = claims.report(ws, admin, newer.registration_no, "accident", TODAY, at_work=True)

    with qtbot.waitSignal(window.dialog_opened, timeout=10_000) as opened:
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    assert [dialog.table.item(r, 0).text() for r in range(2)] == [first.claim[:8], second.claim[:8]]
    assert dialog.current().claim == first.claim
    assert "Rp 42.000.000" in dialog.table.item(0, 7).text()
    assert dialog.table.item(0, 8).text().startswith("keluarga dan relawan")

    # tick the first two papers by keyboard: Space, Down, Space
    dialog.documents.setFocus()
    qtbot.keyClick(dialog.documents, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.documents, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.documents, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.recorded, timeout=10_000):
        qtbot.keyClick(dialog.record_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.current() is not None and len(dialog.current().state.documents) == 2, timeout=10_000)
    assert dialog.current().claim == first.claim          # the same claim stays chosen

    # the state by the arrows: submitted (second below "documents complete"), then paid with amount and date
    for downs, fields in ((2, ()), (3, (("amount", "42.000.000"), ("paid_on", "14-11-2026")))):
        dialog.state.setFocus()
        for _ in range(downs):
            qtbot.keyClick(dialog.state, Qt.Key.Key_Down)
        for name, text in fields:
            qtbot.keyClicks(getattr(dialog, name), text)
        target = getattr(dialog, fields[-1][0]) if fields else dialog.record_button
        with qtbot.waitSignal(dialog.recorded, timeout=10_000):
            qtbot.keyClick(target, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.message.text() == "Tercatat." and dialog.record_button.isEnabled(),
                        timeout=10_000)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)   # paid: no longer open
    assert dialog.table.item(0, 0).text() == second.claim[:8]
    paid = claims.claim(ws, admin, first.claim)
    assert (paid.state.state, paid.state.amount, paid.state.paid_on) == ("paid", 42_000_000, dt.date(2026, 11, 14))
    events = enrollment.get(ws, older.id).lifecycle
    assert [e.get("state") for e in events if e["type"] == "claim"] == [None, "submitted", "paid"]
