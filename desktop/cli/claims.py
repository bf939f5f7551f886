"""Claims: ``claim report|update|list|pack``."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli.common import EXIT_OK, _warn_outside
from desktop.cli.membership import _amount, _date


def cmd_claim(ws, actor, args) -> int:
    return {"report": _report, "update": _update, "list": _list, "pack": _pack,
            "impact": _impact, "gaps": _gaps}[args.claim_command](ws, actor, args)


def _report(ws, actor, args) -> int:
    from desktop.domain.text import format_rupiah
    from desktop.services import claims

    result = claims.report(ws, actor, args.registration_no, args.kind, _date(args.date, "--date"), args.at_work,
                           args.place, args.what, args.reported_by)
    if args.json:
        print(json.dumps(result.report(), ensure_ascii=False))
        return EXIT_OK
    judgement = result.judgement
    print(f"Klaim {result.claim} dicatat untuk {result.registration_no}.")
    due = (f"{judgement.benefit} {format_rupiah(judgement.amount)}" if judgement.amount is not None
           else judgement.benefit or "tidak ada manfaat")
    print(f"{'Tertanggung' if judgement.covered else 'Tidak tertanggung'}: {due}. {judgement.why}")
    for deadline in judgement.deadlines:
        print(f"Batas waktu: {deadline.message}")
    for warning in judgement.warnings:
        print(f"Perhatian: {warning.message}")
    print(f"Cetak lembar untuk ahli waris: lindung claim pack {result.claim[:8]} KLAIM.pdf")
    return EXIT_OK


def _update(ws, actor, args) -> int:
    from desktop.services import claims

    view = claims.update(ws, actor, args.claim, args.state, _amount(args.amount),
                         _date(args.date, "--date") if args.date else None, args.reason, args.document)
    if args.json:
        print(json.dumps(view.to_json(ws.today), ensure_ascii=False))
        return EXIT_OK
    from desktop.domain import claims as rules

    print(f"Klaim {view.claim[:8]} ({view.registration_no}): {rules.STATE_LABELS[view.state.state]}.")
    if view.state.open and view.missing:
        print("Dokumen belum dilihat: " + ", ".join(d.key for d in view.missing))
    return EXIT_OK


def _list(ws, actor, args) -> int:
    from desktop.domain import claims as rules
    from desktop.domain.text import format_date, format_rupiah
    from desktop.services import claims

    views = claims.claims(ws, actor, open_only=args.open)
    if args.json:
        print(json.dumps([v.to_json(ws.today) for v in views], ensure_ascii=False))
        return EXIT_OK
    if not views:
        print("Belum ada klaim." if not args.open else "Tidak ada klaim yang belum selesai.")
        return EXIT_OK
    for v in views:
        waited = f"{(ws.today - v.state.since).days} hari" if v.state.since else "-"
        due = format_rupiah(v.judgement.amount) if v.judgement.amount is not None else (v.judgement.benefit or "-")
        print(f"{v.claim[:8]}  {v.registration_no}  {rules.KIND_LABELS[v.state.incident.kind]:<22} "
              f"{format_date(v.state.incident.day)}  {rules.STATE_LABELS[v.state.state]:<16} {waited:>9}  {due}  "
              f"{v.waits_on or ''}")
    return EXIT_OK


def _pack(ws, actor, args) -> int:
    from desktop.services import claims

    pages = claims.pack(ws, actor, args.claim, Path(args.out))
    print(f"Lembar klaim ({pages} halaman) ditulis ke {args.out}.")
    _warn_outside(ws, args.out)
    return EXIT_OK


def _impact(ws, actor, args) -> int:
    from dataclasses import asdict

    from desktop.domain.text import format_rupiah
    from desktop.services import claims

    rows = claims.impact(ws, actor)
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False))
        return EXIT_OK
    names = {k.code: k.name for k in ws.regions.kabupaten()}
    print(f"{'Kabupaten/Kota':<26} {'Tahun':>5} {'Iuran dari zakat':>18} {'Manfaat dibayar':>18} {'Klaim dibayar':>13} "
          f"{'Klaim terbuka':>13} {'Terlama':>8}")
    for r in rows:
        wait = f"{r.longest_wait} hari" if r.longest_wait is not None else "-"
        print(f"{names.get(r.kabupaten_code, r.kabupaten_code):<26} {r.year:>5} {format_rupiah(r.contributions):>18} "
              f"{format_rupiah(r.benefits):>18} {r.claims_paid:>13} {r.claims_open:>13} {wait:>8}")
    total_in, total_out = sum(r.contributions for r in rows), sum(r.benefits for r in rows)
    print(f"Jumlah: iuran {format_rupiah(total_in)}, manfaat {format_rupiah(total_out)}.")
    return EXIT_OK


def _gaps(ws, actor, args) -> int:
    from desktop.services import claims

    flags = claims.gap_flags(ws, actor, args.days)
    if args.json:
        print(json.dumps([{"registration_no": f.registration_no, "kabupaten_code": f.kabupaten_code,
                           "risks": [{"condition": r.field, "message": r.message} for r in f.risks]} for f in flags],
                         ensure_ascii=False))
        return EXIT_OK
    for f in flags:
        print(f"{f.registration_no}  {f.full_name}")
        for risk in f.risks:
            print(f"    {risk.message}")
    print(f"{len(flags)} peserta berisiko kehilangan manfaat karena jeda perlindungan.")
    return EXIT_OK
