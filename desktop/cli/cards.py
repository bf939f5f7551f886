"""Membership cards: ``cards``, ``verify-card``, ``card-key``."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli.common import EXIT_AUTH, EXIT_INVALID, EXIT_OK, CliError, _resolve_kabupaten, _school_id, _warn_outside


def cmd_cards(ws, actor, args) -> int:
    from desktop.services import cards
    from desktop.services.search import SearchQuery

    query = SearchQuery(text=args.query or "", kabupaten_code=_resolve_kabupaten(ws, args.kabupaten),
                        school_id=_school_id(ws, args.school), unprinted=args.unprinted, reprint_kpj=args.new_kpj)
    reason = args.reason or (cards.NEW_KPJ_REASON if args.new_kpj else None)
    try:
        result = cards.print_cards(ws, query, Path(args.out), args.layout, actor, reprint_reason=reason)
    except cards.ReprintNeedsReason as exc:
        raise CliError(f"{exc.count} kartu sudah pernah dicetak: sebutkan --reason \"alasan cetak ulang\" "
                       f"atau pakai --unprinted", EXIT_INVALID) from None
    again = f" ({result.reprinted} cetak ulang)" if result.reprinted else ""
    print(f"{result.count} kartu ditulis ke {args.out}{again}.")
    _warn_outside(ws, args.out)
    return EXIT_OK


def cmd_verify_card(ws, actor, args) -> int:
    from desktop.services.cards import verify_card

    check = verify_card(ws, args.text, args.public_key)
    if not check.genuine:
        print(f"lindung: kartu TIDAK sah: {check.reason}", file=sys.stderr)
        return EXIT_INVALID
    claim = check.claim
    from desktop.domain.text import format_date

    who = f"KPJ {claim.kpj_number} (No. Registrasi {claim.registration_no})" if claim.kpj_number else claim.registration_no
    if claim.coverage_start and claim.coverage_end:
        period = f"berlaku {format_date(claim.coverage_start)} s.d. {format_date(claim.coverage_end)}"
    else:
        period = "belum ada nomor KPJ saat dicetak"
    print(f"Kartu sah: {who} {claim.full_name}, {period}.")
    return EXIT_OK


def cmd_card_key(ws, actor, args) -> int:
    from desktop.services.cards import public_key_text, trust_key

    if args.trust:
        if not actor.is_admin:
            raise CliError("hanya admin yang dapat menambah kunci tepercaya", EXIT_AUTH)
        print(f"Kunci {trust_key(ws, args.trust)} dipercaya untuk memeriksa kartu.")
        return EXIT_OK
    print(public_key_text(ws))
    return EXIT_OK
