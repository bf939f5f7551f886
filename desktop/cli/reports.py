"""``report summary|receipts|contributions|impact|documents``: the PDF reports, and the documents issued."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, _warn_outside


def cmd_report(ws, actor, args) -> int:
    from desktop.domain.text import format_rupiah
    from desktop.services import reporting

    if args.report_command == "summary":
        if args.target is not None and args.target <= 0:
            raise CliError("--target harus lebih dari 0", EXIT_USAGE)
        total = reporting.summary_report(ws, Path(args.out), actor, args.target)
        print(f"Ringkasan {total} peserta ditulis ke {args.out}.")
    elif args.report_command == "receipts":
        count = reporting.receipts_report(ws, Path(args.out), args.school, actor)
        _warn_outside(ws, args.out)
        print(f"Tanda terima {count} peserta ditulis ke {args.out}.")
    elif args.report_command == "baznas":
        from desktop.cli.membership import cmd_report_baznas

        return cmd_report_baznas(ws, actor, args)
    elif args.report_command == "impact":
        from desktop.services import claims

        rows = claims.impact_report(ws, actor, Path(args.out))
        print(f"Laporan dampak ditulis ke {args.out}: iuran dari zakat {format_rupiah(sum(r.contributions for r in rows))}, "
              f"manfaat dibayar {format_rupiah(sum(r.benefits for r in rows))}.")
    elif args.report_command == "documents":
        return _documents(ws, actor, args)
    elif args.batch:
        return _batch_invoice(ws, actor, args)
    else:
        if args.months is None:
            raise CliError("sebutkan --months N (atau --batch NOMOR untuk tagihan satu batch)", EXIT_USAGE)
        if args.reissue:
            raise CliError("--reissue hanya bersama --batch NOMOR (koreksi tagihan satu batch)", EXIT_USAGE)
        total = reporting.contributions_report(ws, Path(args.out), args.months, actor)
        print(f"Kewajiban iuran {format_rupiah(total)} untuk {args.months} bulan ditulis ke {args.out}.")
    return EXIT_OK


KIND_NAMES = {"invoice": "tagihan", "supplementary": "tagihan tambahan", "credit_note": "nota kredit",
              "refund": "pengembalian kredit BAZNAS", "baznas": "laporan penyaluran BAZNAS"}



def _subject(document) -> str:
    from desktop.services import reporting

    template, values = reporting.document_subject(document)
    return template.format(**values)


def _signed(amount: int) -> str:
    from desktop.domain.text import format_rupiah

    return ("+" if amount > 0 else "−" if amount < 0 else "") + format_rupiah(abs(amount))


def _batch_invoice(ws, actor, args) -> int:
    """``report contributions OUT --batch B [--reissue]``: the batch's numbered invoice (a correction with
    ``--reissue`` when its figures have changed since)."""
    from desktop.domain.text import format_date_long, format_rupiah
    from desktop.services import reporting

    result = reporting.batch_invoice(ws, Path(args.out), actor, args.batch, args.months, reissue=args.reissue)
    printed = result.printed
    total = printed.figures["total"]
    if printed.kind == "invoice":
        said = (f"Tagihan {printed.number} untuk batch {args.batch}: {format_rupiah(total)}"
                + ("" if result.issued else
                   f" (terbit {format_date_long(reporting.issued_local(printed).date())}; dicetak ulang dengan angka yang sama)"))
    else:
        said = (f"{KIND_NAMES[printed.kind].capitalize()} {printed.number} untuk batch {args.batch}, mengoreksi "
                f"{printed.refers_to}: {_signed(total)}")
    print(f"{said} ditulis ke {args.out}.")
    if result.changed_since:
        print(f"lindung: perhatian: angka batch {args.batch} berubah sejak {result.changed_since} "
              f"(selisih {_signed(result.difference)}); yang dicetak tetap {printed.number} seperti saat terbit. "
              f"Untuk menerbitkan koreksinya (tagihan tambahan atau nota kredit): lindung report contributions "
              f"FILE.pdf --batch {args.batch} --reissue", file=sys.stderr)
    elif args.reissue and not result.issued:
        print(f"Angka batch {args.batch} tidak berubah sejak dokumen terakhir: tidak ada koreksi yang perlu "
              f"diterbitkan.")
    return EXIT_OK


def _documents(ws, actor, args) -> int:
    """``report documents [--batch B] [--json]``: the documents issued, oldest first."""
    from desktop.domain.text import format_date_long
    from desktop.services import reporting

    issued = reporting.issued_documents(ws, actor, args.batch)
    if args.json:
        print(json.dumps([{"number": d.number, "kind": d.kind, "batch": d.batch_no, "refers_to": d.refers_to,
                           "issued_at": d.issued_at.isoformat(timespec="seconds"), "issued_by": d.issued_by,
                           "months": d.figures["months"], "first_month": d.figures["first_month"],
                           "workers": d.figures["workers"], "total": d.figures["total"]} for d in issued]))
        return EXIT_OK
    if not issued:
        print("Belum ada dokumen yang terbit." if not args.batch else
              f"Belum ada dokumen yang terbit untuk batch {args.batch}.")
        return EXIT_OK
    for d in issued:
        print(f"{d.number}\t{KIND_NAMES[d.kind]}\t{_subject(d)}\t{format_date_long(reporting.issued_local(d).date())}\t"
              f"{_signed(d.figures['total']) if d.refers_to else _signed(d.figures['total']).lstrip('+')}"
              + (f"\t{'menggantikan' if d.kind == 'baznas' else 'mengoreksi'} {d.refers_to}" if d.refers_to else ""))
    return EXIT_OK
