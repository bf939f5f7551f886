"""``user add`` and ``user list``: the accounts of this laptop."""

from __future__ import annotations

import getpass
import os
import sys

from desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError


def cmd_user(ws, actor, args) -> int:
    from desktop.services.accounts import ROLE_LABELS, Role, check_password, create_account, list_accounts

    if args.user_command == "list":
        found = list_accounts(ws)
        for account in found:
            school = f"  sekolah {account.school_npsn}" if account.school_npsn else ""
            print(f"{account.username:<24} {ROLE_LABELS[account.role]:<22} {account.display_name}{school}")
        if not found:
            print("Belum ada akun: perintah berjalan tanpa masuk sampai akun pertama dibuat.")
        return EXIT_OK
    password = os.environ.get("LINDUNG_NEW_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise CliError("kata sandi akun baru tidak diberikan: isi LINDUNG_NEW_PASSWORD", EXIT_USAGE)
        password = getpass.getpass("Kata sandi baru: ")
        check_password(password, args.username)   # the reason at once, before it is typed again
        if getpass.getpass("Ulangi kata sandi: ") != password:
            raise CliError("kedua kata sandi tidak sama", EXIT_USAGE)
    from desktop.services.accounts import SYSTEM

    first = actor is SYSTEM
    role = Role(args.role or ("admin" if first else "volunteer"))
    created = create_account(ws, args.username, args.display_name, password, role,
                             by=None if first else actor, school_npsn=args.school)
    print(f"akun {created.username} ({ROLE_LABELS[created.role]}) dibuat.")
    if first:
        print(f"Basis data kini terkunci: perintah berikutnya perlu --user {created.username} (kata sandi dari "
              "LINDUNG_PASSWORD atau ditanya).")
    return EXIT_OK
