"""Issue 30: the impact report from the window's report menu, next to the summary: the file chooser (opening
in Documents), the PDF written and read back (the figures and the ratio), the written file offered to open."""

from __future__ import annotations

import datetime as dt
import re

from pypdf import PdfReader

from desktop.services import claims, enrollment
from tests.conftest import TODAY, make_raw
from tests.gui.test_claims_window import active_since
from tests.gui.test_files import chooser_answers, documents  # noqa: F401 - the fixture


def test_the_report_menu_writes_the_impact_report(qtbot, window, ws, admin, documents, tmp_path, monkeypatch):  # noqa: F811
    dead = enrollment.enroll(ws, make_raw(), admin)
    alive = enrollment.enroll(ws, make_raw(nik="6171014508800002"), admin)
    for n, record in enumerate((dead, alive)):
        active_since(ws, admin, record.id, "2026-01-01", f"2612000000{n}")     # Rp 201.600 of zakat each, 2026
    death = claims.report(ws, admin, dead.registration_no, "death", TODAY - dt.timedelta(days=20))
    claims.report(ws, admin, alive.registration_no, "accident", TODAY - dt.timedelta(days=6), at_work=True)
    claims.update(ws, admin, death.claim, state="paid", amount=42_000_000, paid_on=TODAY)

    from PySide6.QtWidgets import QMenu

    menu = next(o for o in window.impact_action.associatedObjects() if isinstance(o, QMenu))
    entries = [a.text() for a in menu.actions()]
    assert entries.index(window.impact_action.text()) == entries.index("Ringkasan kepesertaan…") + 1
    out = tmp_path / "untuk-baznas" / "dampak.pdf"
    opened = chooser_answers(monkeypatch, out)
    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.impact_action.trigger()
    assert opened == [documents / "laporan-dampak.pdf"]
    assert window.file_offer.isVisible() and window.file_offer.path == out

    flat = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in PdfReader(out).pages))
    assert "Dampak perlindungan" in flat and "Tahun 2026" in flat
    # 42.000.000 paid to the heir for 2 × Rp 201.600 of zakat: 104,17 rupiah for each rupiah; the accident
    # reported today, open 0 days
    assert "Jumlah Rp 403.200 Rp 42.000.000 104,17 1 1 0 hari" in flat
    assert f"{ws.regions.name('6171')} Rp 403.200 Rp 42.000.000 104,17 1 1 0 hari" in flat
