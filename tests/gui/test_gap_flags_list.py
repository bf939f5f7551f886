"""The worker list marks, on the "Dilindungi s.d." column, coverage about to lapse where the gap would cost
a benefit (``claims.gap_flags``), computed for the rows shown only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import claims, enrollment
from tests.conftest import make_raw
from tests.gui.test_claims_window import active_since


def test_the_list_marks_coverage_whose_lapse_costs_a_benefit(qtbot, window, ws, admin):
    ending = enrollment.enroll(ws, make_raw(), admin)
    safe = enrollment.enroll(ws, make_raw(nik="6171014508800002"), admin)
    active_since(ws, admin, ending.id, "2026-01-01", "26120000001", months=11)     # ends 30-11-2026
    active_since(ws, admin, safe.id, "2026-01-01", "26120000002", months=12)       # ends 31-12-2026
    assert [f.registration_no for f in claims.gap_flags(ws, admin)] == [ending.registration_no]
    with qtbot.waitSignal(window.gaps_shown, timeout=10_000):
        window.run_search()
    model = window.model
    column = model.COLUMNS.index("coverage_end")
    row_of = {r.id: i for i, r in enumerate(model.rows)}
    flagged, fine = model.index(row_of[ending.id], column), model.index(row_of[safe.id], column)
    assert model.data(flagged) == "30-11-2026"          # the date itself unchanged
    tip = model.data(flagged, Qt.ItemDataRole.ToolTipRole)
    assert "Hak manfaat terancam" in tip and "Perpanjang sebelum tanggal itu" in tip
    assert model.data(flagged, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(fine, Qt.ItemDataRole.DecorationRole) is None
    assert "terancam" not in model.data(fine, Qt.ItemDataRole.ToolTipRole)
    assert set(model.gaps) == {ending.id}


def test_only_the_page_shown_is_judged(ws, admin):
    first = enrollment.enroll(ws, make_raw(), admin)
    other = enrollment.enroll(ws, make_raw(nik="6171014508800002"), admin)
    for n, record in enumerate((first, other)):
        active_since(ws, admin, record.id, "2026-01-01", f"2612000000{n}", months=11)
    assert list(claims.gap_flags_of(ws, admin, [first.id])) == [first.id]
    assert claims.gap_flags_of(ws, admin, []) == {}
