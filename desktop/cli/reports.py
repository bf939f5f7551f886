"""``report summary|receipts|contributions``: the PDF reports."""

from __future__ import annotations

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
    else:
        if args.months is None and not args.batch:
            raise CliError("sebutkan --months N (atau --batch NOMOR untuk tagihan satu batch)", EXIT_USAGE)
        total = reporting.contributions_report(ws, Path(args.out), args.months, actor, batch=args.batch)
        what = f"batch {args.batch}" if args.batch else f"{args.months} bulan"
        print(f"Kewajiban iuran {format_rupiah(total)} untuk {what} ditulis ke {args.out}.")
    return EXIT_OK
