"""The programme's facts in the window, as an admin and a branch clerk use it: the income bracket reported
for JKK in the settings, and BAZNAS's fund chosen when a payment is recorded and shown in the list."""

from __future__ import annotations

from desktop.services import membership
from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers
from tests.gui.test_membership_window import open_membership


def test_admin_sets_the_bracket_reported_for_jkk(qtbot, window, ws):
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.jkk_income.value() == 1_000_000, timeout=5000)
    dialog.jkk_income.setValue(1_050_000)          # not a BPJS bracket
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.property("severity") == "error", timeout=5000)
    assert "kelipatan Rp 100.000" in dialog.message.text() and ws.policy.jkk_income == 1_000_000
    dialog.jkk_income.setValue(1_500_000)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert ws.policy.jkk_income == 1_500_000 and dialog.message.property("severity") == "ok"


def test_the_clerk_chooses_the_fund_of_a_payment_and_the_list_names_it(qtbot, window, ws, tmp_path):
    add_demo_workers(ws, 3, SYSTEM, seed=9)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    kep = open_membership(qtbot, window)
    pay = kep.open_payment()
    qtbot.waitUntil(lambda: pay.quote is not None, timeout=10_000)
    assert [pay.fund.itemText(i) for i in range(pay.fund.count())] == ["Zakat", "Infak", "Sedekah"]
    assert pay.fund.currentData() == "zakat"                   # the programme's usual fund
    pay.fund.setCurrentIndex(pay.fund.findData("sedekah"))
    with qtbot.waitSignal(pay.done, timeout=20_000) as paid:
        pay.record_button.click()
    assert paid.args[0].fund == "sedekah"
    pay.close()
    qtbot.waitUntil(lambda: kep.payment_table.rowCount() == 1, timeout=10_000)
    last = kep.payment_table.columnCount() - 1
    assert kep.payment_table.horizontalHeaderItem(last).text() == "Sumber dana"
    assert kep.payment_table.item(0, last).text() == "Sedekah"
    assert [(p.batch_no, p.fund) for p in membership.payments(ws)] == [(batch, "sedekah")]
