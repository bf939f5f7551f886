"""The branch's hub: ``register``, ``sync``, ``bundle export``."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli.common import EXIT_INVALID, EXIT_OK, CliError


def cmd_register(ws, actor, args) -> int:
    from desktop.sync.client import register

    hub = register(ws, args.hub, args.code, args.name, allow_http=args.allow_http)
    print(f"Laptop ini terdaftar di hub {hub}.")
    return EXIT_OK


def cmd_sync(ws, actor, args) -> int:
    from desktop.sync.client import drop_refused_change, refused_changes, sync

    if args.refused or args.drop:
        refused = refused_changes(ws)
        if args.drop:
            from desktop.domain.regno import normalize_registration_no

            wanted = normalize_registration_no(args.drop)
            match = [r for r in refused if r.registration_no == wanted]
            if not match:
                raise CliError(f"tidak ada perubahan yang ditolak hub untuk {wanted}", EXIT_INVALID)
            drop_refused_change(ws, match[0].id, actor)
            print(f"{wanted}: perubahan dibatalkan, versi hub dipakai.")
            return EXIT_OK
        for r in refused:
            print(f"{r.registration_no}\t{r.reason}")
        print(f"{len(refused)} perubahan ditolak hub.")
        return EXIT_OK
    report = sync(ws, args.hub, actor=actor)
    print(report.summary())
    if report.set_aside:
        print(f"{report.set_aside} data dari hub disisihkan: bentrok dengan data di laptop ini (NIK atau nomor "
              "registrasi yang sama); hub menandainya untuk ditinjau.", file=sys.stderr)
    if report.audit_refused:
        print(f"Catatan audit laptop ini ditolak hub: {report.audit_refused}. Hubungi admin cabang.", file=sys.stderr)
    if report.rejected:   # named by registration number, as the user knows them
        refused = refused_changes(ws)
        for change in refused[:20]:
            print(f"ditolak hub: {change.registration_no}: {change.reason}", file=sys.stderr)
        if len(refused) > 20:
            print(f"ditolak hub: … dan {len(refused) - 20} lainnya (lindung sync --refused)", file=sys.stderr)
    if report.waiting:
        print(f"{report.waiting} data masih menunggu dikirim.")
    if report.full_resync:
        print("Jumlah data berbeda dengan hub: semua data hub diambil ulang."
              + ("" if report.counts_match else " Masih berbeda; hubungi admin cabang."))
    return EXIT_OK


def cmd_bundle(ws, actor, args) -> int:
    from desktop.sync.client import export_bundle

    count = export_bundle(ws, Path(args.out), actor)
    print(f"{count} data ditulis ke bundel {args.out} (terenkripsi untuk hub, ditandatangani laptop ini).")
    return EXIT_OK
