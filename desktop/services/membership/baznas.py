"""BAZNAS's distribution records: per recipient what was paid for them, with their asnaf and the fund
(zakat, infak, sedekah) it came from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain import bounds, lifecycle
from desktop.domain.contributions import Fund
from desktop.domain.enrollment import Asnaf
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import format_date
from desktop.services import audit, permissions
from desktop.services.accounts import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace
from desktop.storage.models import Worker


def baznas_report(ws: Workspace, out: Path, actor: Actor, date_from: dt.date, date_to: dt.date) -> tuple[int, int]:
    """Per recipient (mustahik), what BAZNAS paid for them between two dates (payments recorded then), with
    their asnaf and the funds it came from, for BAZNAS's distribution records. Returns (recipients, total
    rupiah). A payment recorded before funds were recorded was zakat."""
    from desktop.services.spreadsheets import ColumnSpec, write_rows

    permissions.require(actor, permissions.Action.REPORT)
    for day in (date_from, date_to):
        if not bounds.FIRST_DAY <= day <= bounds.LAST_DAY:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tanggal laporan harus antara {first} dan {last}."),
                               first=format_date(bounds.FIRST_DAY), last=format_date(bounds.LAST_DAY))
    lo, hi = date_from.isoformat(), (date_to + dt.timedelta(days=1)).isoformat()
    rows: list[list[Any]] = []
    total = 0
    per_fund: dict[str, int] = {}
    with ws.session() as session:
        found = session.execute(
            select(Worker.registration_no, Worker.kpj_number, Worker.nik, Worker.full_name, Worker.asnaf,
                   Worker.kabupaten_code, Worker.lifecycle)
            .where(Worker.lifecycle.like('%"paid"%')).order_by(Worker.kabupaten_code, Worker.name_key))
        for regno, kpj, nik, name, asnaf, kab, life in found:
            paid = [e for e in lifecycle.loads(life) if e.get("type") == lifecycle.PAID
                    and lo <= str(e.get("at", ""))[:10] < hi]
            if not paid:
                continue
            amount = sum(int(e.get("amount") or 0) for e in paid)
            months = sum(int(e.get("months") or 0) for e in paid)
            total += amount
            label = Asnaf.parse(asnaf)
            for event in paid:
                fund = _fund_label(event)
                per_fund[fund] = per_fund.get(fund, 0) + int(event.get("amount") or 0)
            rows.append([len(rows) + 1, regno, kpj or "", nik, name, label.label if label else asnaf,
                         ws.regions.name(kab), ", ".join(sorted({str(e.get("payment")) for e in paid})), months,
                         amount, ", ".join(sorted({_fund_label(e) for e in paid})),
                         format_date(dt.date.fromisoformat(str(paid[-1]["at"])[:10])),
                         "; ".join(sorted({str(e["reference"]) for e in paid if e.get("reference")}))])
    if not rows:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada pembayaran BAZNAS antara {start} dan {end}."),
                           start=format_date(date_from), end=format_date(date_to))
    columns = [ColumnSpec("No", 6), ColumnSpec("No. Registrasi", 18, text=True), ColumnSpec("No. KPJ", 14, text=True),
               ColumnSpec("NIK", 18, text=True), ColumnSpec("Nama Mustahik", 28), ColumnSpec("Asnaf", 12),
               ColumnSpec("Kabupaten/Kota", 22), ColumnSpec("Pembayaran", 18), ColumnSpec("Bulan", 8),
               ColumnSpec("Jumlah (Rp)", 14), ColumnSpec("Sumber Dana", 12), ColumnSpec("Tanggal Bayar", 13),
               ColumnSpec("Referensi", 24)]
    by_asnaf: dict[str, list[int]] = {}
    for row in rows:
        entry = by_asnaf.setdefault(row[5], [0, 0])
        entry[0] += 1
        entry[1] += row[9]
    write_rows(Path(out), columns, rows, extra_sheets={"Per Asnaf": (
        ["Asnaf", "Mustahik", "Jumlah (Rp)"],
        [[k, str(v[0]), str(v[1])] for k, v in sorted(by_asnaf.items())] + [["Jumlah", str(len(rows)), str(total)]]),
        "Per Sumber Dana": (["Sumber Dana", "Jumlah (Rp)"],
                            [[fund.label, str(per_fund[fund.label])] for fund in Fund if fund.label in per_fund]
                            + [["Jumlah", str(total)]])})
    audit.log(ws, actor, "export", Path(out).name, {"what": "penyaluran BAZNAS", "from": date_from.isoformat(),
                                                   "to": date_to.isoformat(), "rows": len(rows)})
    return len(rows), total


def _fund_label(event: dict[str, Any]) -> str:
    fund = Fund.parse(event.get("fund") or Fund.ZAKAT.value)
    return fund.label if fund else str(event.get("fund"))[:20]
