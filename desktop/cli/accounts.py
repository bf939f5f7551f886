"""``user add|list|passwd|recovery-code`` and ``recover``: the accounts of this laptop."""

from __future__ import annotations

import getpass
import os
import sys

from desktop.cli.common import EXIT_AUTH, EXIT_OK, EXIT_USAGE, CliError

RECOVERY_ADVICE = ("Tulis kode ini di kertas dan simpan di kantor cabang, terpisah dari laptop. Kode ini hanya "
                   "ditampilkan sekali; dengan kode ini kata sandi admin yang terlupa dapat diatur ulang tanpa "
                   "kehilangan data (lindung recover NAMA).")


def _new_password(username: str, display_name: str = "") -> str:
    """The new password: LINDUNG_NEW_PASSWORD, else asked twice on a terminal (judged after the first)."""
    from desktop.services.accounts import check_password

    password = os.environ.get("LINDUNG_NEW_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise CliError("kata sandi baru tidak diberikan: isi LINDUNG_NEW_PASSWORD", EXIT_USAGE)
        password = getpass.getpass("Kata sandi baru: ")
        check_password(password, username, display_name)   # the reason at once, before it is typed again
        if getpass.getpass("Ulangi kata sandi: ") != password:
            raise CliError("kedua kata sandi tidak sama", EXIT_USAGE)
    return password


def _print_recovery_code(ws, code: str) -> None:
    print(f"Kode pemulihan laptop ini: {code}  (laptop {ws.device.prefix}, awalan No. Registrasi)")
    print(RECOVERY_ADVICE)


def cmd_user(ws, actor, args) -> int:
    from desktop.domain.actors import ROLE_LABELS, Role
    from desktop.services.accounts import create_account, list_accounts

    if args.user_command == "list":
        found = list_accounts(ws)
        for account in found:
            school = f"  sekolah {account.school_npsn}" if account.school_npsn else ""
            print(f"{account.username:<24} {ROLE_LABELS[account.role]:<22} {account.display_name}{school}")
        if not found:
            print("Belum ada akun: perintah berjalan tanpa masuk sampai akun pertama dibuat.")
        return EXIT_OK
    if args.user_command == "passwd":
        return _passwd(ws, actor, args)
    if args.user_command == "recovery-code":
        from desktop.services.recovery import new_code

        _print_recovery_code(ws, new_code(ws, actor))
        return EXIT_OK
    password = _new_password(args.username, args.display_name)
    from desktop.domain.actors import SYSTEM

    first = actor is SYSTEM
    role = Role(args.role or ("admin" if first else "volunteer"))
    created = create_account(ws, args.username, args.display_name, password, role,
                             by=None if first else actor, school_npsn=args.school)
    print(f"akun {created.username} ({ROLE_LABELS[created.role]}) dibuat.")
    if first:
        from desktop.services.recovery import new_code

        _print_recovery_code(ws, new_code(ws, created))
        print(f"Basis data kini terkunci: perintah berikutnya perlu --user {created.username} (kata sandi dari "
              "LINDUNG_PASSWORD atau ditanya).")
    return EXIT_OK


def _passwd(ws, actor, args) -> int:
    from desktop.domain.actors import SYSTEM
    from desktop.services.accounts import change_password, must_change_password, reset_password

    if actor is SYSTEM:
        raise CliError("laptop ini belum memiliki akun: buat dulu dengan lindung user add NAMA", EXIT_USAGE)
    target = (args.username or actor.username).strip().lower()
    if target != actor.username:
        reset_password(ws, target, _new_password(target), actor)
        print(f"Kata sandi {target} diatur ulang. Berikan kata sandi sementara ini kepadanya; ia wajib "
              "menggantinya saat masuk berikutnya.")
        return EXIT_OK
    old = None if must_change_password(ws, actor.username) else getattr(args, "_password", None)
    change_password(ws, actor, _new_password(actor.username, actor.display_name), old)
    print(f"Kata sandi {actor.username} diganti. Pakai kata sandi baru saat masuk berikutnya.")
    return EXIT_OK


def cmd_recover(args) -> int:
    """No sign-in: the recovery code opens the database and sets the admin's new password."""
    from pathlib import Path

    from desktop.services.errors import AuthenticationFailed
    from desktop.services.recovery import recover
    from desktop.storage.engine import default_db_path

    path = Path(args.db).expanduser() if args.db else default_db_path()
    if not path.exists():
        raise CliError(f"basis data {path} tidak ada", EXIT_USAGE)
    code = os.environ.get("LINDUNG_RECOVERY_CODE")
    if code is None:
        if not sys.stdin.isatty():
            raise CliError("kode pemulihan tidak diberikan: isi LINDUNG_RECOVERY_CODE", EXIT_USAGE)
        code = getpass.getpass("Kode pemulihan: ")
    password = _new_password(args.username)
    try:
        ws, admin, fresh = recover(path, code, args.username, password)
    except AuthenticationFailed as exc:
        raise CliError(exc.message, EXIT_AUTH) from None
    try:
        print(f"Kata sandi admin {admin.username} diatur ulang; data laptop ini utuh. Kode pemulihan lama sudah "
              "terpakai dan tidak berlaku lagi.")
        _print_recovery_code(ws, fresh)
    finally:
        ws.close()
    return EXIT_OK
