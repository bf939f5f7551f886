"""``bpjs export|import|template``, ``payment add``, ``renew`` and ``report baznas``: the branch's part of a
record's life, from enrolled to protected (desktop.services.membership)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from desktop.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CliError, _resolve_kabupaten, _school_id, _warn_outside


def _query(ws, args):
    from desktop.services.search import SearchQuery

    return SearchQuery(text=getattr(args, "query", None) or "", kabupaten_code=_resolve_kabupaten(ws, args.kabupaten),
                       school_id=_school_id(ws, args.school), today=ws.today)


def cmd_bpjs(ws, actor, args) -> int:
    from desktop.services import membership

    if args.bpjs_command == "export":
        try:
            result = membership.export_submission(ws, Path(args.out), actor, _query(ws, args), limit=args.limit,
                                                  months=args.months)
        except membership.NothingReady as exc:
            if args.json:
                print(json.dumps({"batch": None, "records": 0, "not_ready": exc.not_ready}))
            raise CliError(exc.message, EXIT_INVALID) from None
        if args.json:
            print(json.dumps({"batch": result.number, "records": result.records}))
        else:
            print(f"Batch {result.number}: {result.records} peserta ditulis ke {args.out}.")
            if result.not_ready:
                held = ", ".join(f"{n} {membership.NOT_READY_LABELS[k]}" for k, n in sorted(result.not_ready.items()))
                print(f"Belum siap diajukan: {held}.")
        _warn_outside(ws, args.out)
        return EXIT_OK
    if args.bpjs_command == "import":
        result = membership.import_answer(ws, Path(args.file), actor, apply=not args.dry_run)
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            for line in _answer_lines(result):
                print(line)
        return EXIT_OK
    if args.bpjs_command in ("answers", "undo"):
        return _answers_or_undo(ws, actor, args)
    if args.bpjs_command == "bill":
        return _bill(ws, actor, args)
    if args.reset:
        membership.reset_template(ws, actor)
        print("Ekspor kembali memakai kolom bawaan Lindung.")
        return EXIT_OK
    if not args.file:
        for header, key in membership.template(ws):
            print(f"{header}\t{key or '(dibiarkan kosong)'}")
        return EXIT_OK
    mapped = membership.load_template(ws, Path(args.file), actor)
    empty = [header for header, key in mapped if key is None]
    print(f"Templat BPJS dimuat: {len(mapped)} kolom, {len(mapped) - len(empty)} diisi Lindung.")
    if empty:
        print("Dibiarkan kosong (tidak dikenal): " + ", ".join(empty))
    return EXIT_OK


def _bill(ws, actor, args) -> int:
    """``bpjs bill FILE --out REKON.xlsx``: BPJS's bill against the months BAZNAS paid for."""
    from desktop.domain.text import format_rupiah
    from desktop.services.membership.bill import reconcile_bill

    result = reconcile_bill(ws, Path(args.file), actor, Path(args.out))
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        period = f" ({result.first:%m-%Y} s/d {result.last:%m-%Y})" if result.first and result.last else ""
        print(f"Tagihan BPJS{period}: {result.rows} baris dibandingkan, {len(result.unread)} tidak terbaca.")
        print(f"Ditagih {format_rupiah(result.charged)}, diharapkan {format_rupiah(result.expected)}, "
              f"selisih {format_rupiah(result.difference)}.")
        print(f"Ditagih tidak diharapkan: {len(result.unexpected)} baris "
              f"({format_rupiah(sum(line.charged or 0 for line in result.unexpected))}); "
              f"diharapkan tidak ditagih: {len(result.missing)} peserta "
              f"({format_rupiah(sum(line.expected or 0 for line in result.missing))}); "
              f"selisih harga: {len(result.price)} baris "
              f"({format_rupiah(sum(line.difference for line in result.price))}).")
        for row in result.unread:
            where = f"lembar {row.sheet} " if row.sheet else ""
            print(f"  {where}baris {row.row}: {row.problem}")
        print(f"Rincian ditulis ke {args.out}.")
    _warn_outside(ws, args.out)
    return EXIT_OK


_ORDER_WORDS = {"dmy": "hari/bulan/tahun", "mdy": "bulan/hari/tahun"}
_BASIS_WORDS = {"proven": "terbukti dari isinya", "assumed": "urutan Indonesia; tidak ada tanggal yang menentukan",
                "mixed": "bercampur: tanggal yang bisa dibaca dua cara dilaporkan",
                "plausible": "hanya urutan ini yang membuat semua tanggal masuk akal"}


def _answer_lines(result) -> list[str]:
    """What the answer did (or, previewed, would do), said as ``lindung import`` says what it read."""
    from desktop.services.membership.answers import ROLE_LABELS

    lines = [f"Lembar dibaca: {', '.join(result.sheets)}."]
    lines += [f"  {reason.format(sheet=sheet)}" for sheet, reason in result.ignored_sheets]
    read = "; ".join(f"{header} → {ROLE_LABELS[key] if key else 'tidak dipakai'}" for header, key in result.columns)
    lines.append(f"Kolom dibaca: {read}.")
    if result.dates:
        sample = ", ".join(f"{written} → {dt.date.fromisoformat(day):%d-%m-%Y}" for written, day in result.dates)
        lines.append(f"Tanggal dibaca sebagai {_ORDER_WORDS[result.date_order]} "
                     f"({_BASIS_WORDS[result.date_basis]}): {sample}.")
    will = "" if result.applied else "akan "
    lines.append(f"{result.activated} {will}aktif, {result.refused} {will}ditolak, {result.unchanged} tidak berubah, "
                 f"{result.pending} masih diproses BPJS, {len(result.unknown)} tidak diterapkan.")
    for item in result.unknown:
        where = f"lembar {item.sheet} " if item.sheet else ""
        lines.append(f"  {where}baris {item.row}: {item.reason}" + (f" (isi: {item.value})" if item.value else ""))
    if not result.applied:
        lines.append("Pratinjau saja: belum ada yang diubah. Jalankan tanpa --dry-run untuk menerapkan.")
    return lines


def _answers_or_undo(ws, actor, args) -> int:
    """``bpjs answers``: the answer files applied here, newest first; ``bpjs undo ID``: take one back."""
    from desktop.services import membership

    if args.bpjs_command == "answers":
        applied = membership.applied_answers(ws, actor)
        if args.json:
            print(json.dumps([a.to_json() for a in applied], ensure_ascii=False))
        elif not applied:
            print("Belum ada jawaban BPJS yang diterapkan di laptop ini.")
        for a in [] if args.json else applied:
            when = a.at.strftime("%d-%m-%Y %H:%M") if a.at else "?"
            state = (f"diurungkan {a.undone_at:%d-%m-%Y %H:%M} oleh {a.undone_by}" if a.undone and a.undone_at
                     else "berlaku")
            print(f"{a.answer}  {when} UTC  {a.by}  {a.file}: {a.activated} aktif, {a.refused} ditolak — {state}")
        return EXIT_OK
    result = membership.undo_answer(ws, args.answer, actor, args.reason)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return EXIT_OK
    from desktop.domain.enrollment import Status

    others = ", ".join(f"{n} {Status(status).label}" for status, n in result.by_status.items() if status != "submitted")
    print(f"Jawaban BPJS {result.file} diurungkan: {result.records} peserta, "
          f"{membership.back_to_submitted(result)} kembali \"Diajukan\" (menunggu jawaban BPJS)"
          + (f", {others} menurut peristiwa lain" if others else "") + ".")
    if result.payments_waiting:
        print(f"{result.payments_waiting} peserta sudah dibayar BAZNAS: bulan yang dibayar menunggu aktivasi "
              f"berikutnya.")
    if result.kpj_freed:
        print(SYNC_FIRST.format(count=result.kpj_freed))
    for regno, reason in result.kept:
        print(f"  {regno}: {reason}")
    return EXIT_OK


SYNC_FIRST = ("{count} nomor KPJ dilepas. Bila laptop ini tersinkron dengan hub, sinkronkan dulu (lindung sync) "
              "sebelum menerapkan berkas yang benar, agar hub menerima nomor yang dilepas lebih dulu.")


def _payment_lines(result) -> list[str]:
    from desktop.domain.text import format_rupiah

    lines = [f"Pembayaran {result.number}: {result.records} peserta × {result.months} bulan, "
             f"kewajiban {format_rupiah(result.amount_owed)}, dana {result.fund}."]
    if result.credit_used:
        transfer = result.amount_paid if result.amount_paid is not None else result.amount_owed - result.credit_used
        lines.append(f"Dipakai kredit BAZNAS {format_rupiah(result.credit_used)}; transfer {format_rupiah(transfer)}.")
    if result.amount_paid is not None and result.difference:
        more = "lebih" if result.difference > 0 else "kurang"
        paid = "Dibayar dengan kredit" if result.credit_used else "Dibayar"
        lines.append(f"{paid} {format_rupiah(result.amount_paid + result.credit_used)}: {more} "
                     f"{format_rupiah(abs(result.difference))} dari kewajiban.")
    if result.skipped:
        from desktop.domain.enrollment import Status

        def said(key: str) -> str:
            member = Status.parse(key)
            return (member.label if member else key).lower()

        lines.append("Tidak dibayar: " + ", ".join(f"{n} {said(k)}" for k, n in sorted(result.skipped.items()))
                     + " (hanya yang diajukan atau aktif).")
    return lines


def _amount(text: str | None) -> int | None:
    if text is None:
        return None
    from desktop.domain.text import parse_rupiah

    value = parse_rupiah(text)
    if value is None:
        raise CliError(f"--amount {text!r} bukan jumlah rupiah (contoh: 59.472.000)", EXIT_USAGE)
    return value


def _payment_json(result) -> str:
    return json.dumps({"payment": result.number, "records": result.records, "months": result.months,
                       "owed": result.amount_owed, "paid": result.amount_paid, "difference": result.difference,
                       "skipped": result.skipped, "fund": result.fund, "credit_used": result.credit_used})


def cmd_payment(ws, actor, args) -> int:
    from desktop.services import membership

    if args.payment_command == "balance":
        return _balance(ws, actor, args)
    if args.payment_command == "refund":
        return _refund(ws, actor, args)
    registration_nos = [r for r in (args.records or "").replace(",", " ").split() if r]
    result = membership.add_payment(ws, actor, args.months, batch=args.batch, registration_nos=registration_nos,
                                    reference=args.reference or "", amount=_amount(args.amount), fund=args.fund,
                                    use_credit=args.use_credit)
    print(_payment_json(result) if args.json else "\n".join(_payment_lines(result)))
    return EXIT_OK


def _refund(ws, actor, args) -> int:
    from desktop.domain.text import format_rupiah
    from desktop.services import membership

    result = membership.refund_credit(ws, actor, _amount(args.amount), args.reference or "")
    if args.json:
        print(json.dumps({"refund": result.number, "amount": result.amount, "records": result.records,
                          "reference": result.reference}))
    else:
        print(f"Pengembalian {result.number}: kredit BAZNAS {format_rupiah(result.amount)} dari {result.records} "
              f"peserta dikembalikan kepada BAZNAS.")
    return EXIT_OK


def _balance(ws, actor, args) -> int:
    from desktop.domain.text import format_rupiah
    from desktop.services.membership.ledger import balances

    found = balances(ws, actor, args.batch)
    if args.json:
        body = found.to_json()
        if args.batch:
            body = {"batch": args.batch, **found.total.to_json(), "payments": body["payments"]}
        print(json.dumps(body, ensure_ascii=False))
        return EXIT_OK

    def line(name: str, b) -> str:
        text = (f"{name}: dibayar {format_rupiah(b.paid)} = dialokasikan {format_rupiah(b.allocated)} "
                f"({b.months} bulan-peserta) + kredit {format_rupiah(b.credit)}")
        if b.held:
            text += f" (menunggu jawaban BPJS {format_rupiah(b.held)})"
        if b.owed:
            text += f"; kurang bayar {format_rupiah(b.owed)}"
        if b.moved:
            text += f"; kredit dipakai pembayaran berikutnya {format_rupiah(b.moved)}"
        if b.refunded:
            text += f"; dikembalikan kepada BAZNAS {format_rupiah(b.refunded)}"
        return text + "."

    if not found.total.workers:
        print("Belum ada pembayaran BAZNAS yang tercatat" + (f" untuk batch {args.batch}." if args.batch else "."))
        return EXIT_OK
    for name, b in sorted(found.batches.items()):
        print(line(f"Batch {name}", b))
    if not args.batch:
        print(line("Seluruhnya", found.total))
        usable = found.total.usable
        if usable:
            print(f"Kredit BAZNAS yang dapat dipakai: {format_rupiah(usable)} (lindung payment add … --use-credit, "
                  f"atau kembalikan: lindung payment refund).")
    return EXIT_OK


def cmd_renew(ws, actor, args) -> int:
    from desktop.services import membership

    result = membership.renew(ws, actor, args.expiring, args.months, _query(ws, args),
                              reference=args.reference or "", amount=_amount(args.amount), fund=args.fund,
                              use_credit=args.use_credit)
    print(_payment_json(result) if args.json else "\n".join(_payment_lines(result)))
    return EXIT_OK


def _date(text: str, option: str) -> dt.date:
    from desktop.domain.text import parse_date

    from desktop.domain import bounds

    value = parse_date(text)
    if value is None:
        raise CliError(f"{option} {text!r} bukan tanggal (contoh: 01-01-2027 atau 2027-01-01)", EXIT_USAGE)
    if not bounds.FIRST_DAY <= value <= bounds.LAST_DAY:
        raise CliError(f"{option} {text!r}: tanggal harus antara {bounds.FIRST_DAY:%d-%m-%Y} dan "
                       f"{bounds.LAST_DAY:%d-%m-%Y}", EXIT_USAGE)
    return value


def cmd_report_baznas(ws, actor, args) -> int:
    from desktop.services import membership

    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if end < start:
        raise CliError("--to sebelum --from", EXIT_USAGE)
    from desktop.domain.text import format_date_long, format_rupiah
    from desktop.services.membership.baznas import issue_baznas_report

    record = issue_baznas_report(ws, Path(args.out), actor, start, end, reissue=args.reissue)
    issued = format_date_long(record.issued_at.date())
    how = ("" if record.issued and not record.refers_to else
           f", menggantikan {record.refers_to}" if record.issued else
           f", terbit {issued}; ditulis ulang dengan angka yang sama")
    print(f"Laporan penyaluran BAZNAS {record.number}: {record.people} mustahik, {format_rupiah(record.total)}{how}, "
          f"ditulis ke {args.out}.")
    if record.changed_since:
        print(f"lindung: perhatian: angka periode ini berubah sejak {record.changed_since} terbit; yang ditulis tetap "
              f"{record.number}. Untuk menerbitkan laporan pengganti: lindung report baznas FILE.xlsx --from "
              f"{args.date_from} --to {args.date_to} --reissue", file=sys.stderr)
    _warn_outside(ws, args.out)
    return EXIT_OK
