"""What every command shares: errors and exit statuses, opening the database and signing in, and the
lookups several commands make. Only the standard library (and the constants of desktop.domain.bounds) at import:
a command loads what it uses when it runs.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.domain import bounds

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_AUTH, EXIT_FAILURE = 0, 1, 2, 3, 4


class CliError(Exception):
    def __init__(self, message: str, status: int = EXIT_FAILURE):
        super().__init__(message)
        self.status = status


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def bounded(low: int, high: int | Callable[[], int], why: str) -> Callable[[str], int]:
    """An argparse type for a whole number a user types: ``low`` to ``high`` (``high`` may be given as a
    function, read only when the option is used), else a usage error saying the range and ``why``. No
    number reaches a service or the database that a date, a sum or SQLite cannot hold."""
    def whole_number(text: str) -> int:
        top = high() if callable(high) else high
        digits = text.strip()
        if not re.fullmatch(r"[+-]?[0-9]+", digits):
            raise argparse.ArgumentTypeError(
                f"{text[:40]!r} bukan bilangan bulat; tulis angka {_number(low)} sampai {_number(top)} ({why})")
        value = int(digits) if len(digits) <= 18 else None
        if value is None or not low <= value <= top:
            shown = _number(value) if value is not None else digits[:24] + "…"
            raise argparse.ArgumentTypeError(f"{shown} di luar batas {_number(low)} sampai {_number(top)} ({why})")
        return value

    return whole_number


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:60] + "…")


def input_file(text: str) -> str:
    """An argparse type for a file a command reads (``-``: standard input, where a command takes it): a
    name the system can look up. Whether it exists is said by the command."""
    if not text.strip():
        raise argparse.ArgumentTypeError("nama berkas kosong; tulis nama berkasnya")
    if any(len(os.fsencode(part)) > 255 for part in Path(text).parts):
        raise argparse.ArgumentTypeError(f"{_shown(text)}: nama berkas terlalu panjang (paling banyak 255 byte)")
    return text


def output_file(text: str) -> str:
    """An argparse type for a file a command writes: a name, not a folder (missing folders are made)."""
    input_file(text)
    path = Path(text).expanduser()
    try:
        if path.is_dir():
            raise argparse.ArgumentTypeError(f"{_shown(text)} adalah folder; tulis nama berkas di dalamnya")
        above = next((p for p in path.parents if p.exists()), None)
        if above is not None and not above.is_dir():
            raise argparse.ArgumentTypeError(f"{_shown(str(above))} adalah berkas, bukan folder")
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"{_shown(text)} tidak dapat dipakai: {exc.strerror}") from None
    return text


def status_word(text: str) -> str:
    """An argparse type for a record's status: its code (``enrolled``) or the label the list shows
    (``Terdaftar``, ``"Ditolak BPJS"``), any case; the code."""
    from desktop.domain.enrollment import Status   # loaded only when --status is given

    found = Status.parse(text)
    if found is None:
        known = ", ".join(f"{s.value} ({s.label})" for s in Status)
        raise argparse.ArgumentTypeError(f"status {_shown(text)} tidak dikenal; pilih salah satu: {known}")
    return found.value


def _max_months() -> int:
    from desktop.domain.lifecycle import MAX_MONTHS   # read when a --months is given (it loads the dates)

    return MAX_MONTHS


# The numbers the commands take, each with its reason (desktop.domain.bounds).
MONTHS = bounded(1, _max_months, "iuran dibayar di muka paling lama sebanyak itu")
DAYS = bounded(0, bounds.MAX_DAYS, "masa perlindungan paling lama 5 tahun ke depan")
COUNT = bounded(1, bounds.MAX_COUNT, "lebih dari seluruh peserta satu cabang")
WORKERS = bounded(1, 100_000, "data contoh sekali jalan")
SEED = bounded(0, 2**32 - 1, "benih acak 32 bit")
SETTING = bounded(0, bounds.MAX_AMOUNT, "batas tiap pengaturan diperiksa saat disimpan")


# The commands that may make a new database where none is (the first account, data put in, a laptop
# registered, a backup restored, another laptop's card key trusted); every other command opens an existing one only, so that a typo in
# --db is said rather than shown as an empty database (and its folders made).
_CREATING = {"demo", "enroll", "import", "register", "restore", ("user", "add"), ("school", "add"),
             ("settings", "set"), ("regions", "load")}


def _creates(args) -> bool:
    sub = getattr(args, f"{args.command}_command", None)
    return args.command in _CREATING or (args.command, sub) in _CREATING or (
        args.command == "card-key" and bool(args.trust))    # trusting another laptop's key is stored


def _open(args) -> Any:
    from desktop.services.workspace import Workspace
    from desktop.storage.engine import default_db_path

    from desktop.services import keys
    from desktop.services.errors import AuthenticationFailed, ServiceError

    path = Path(args.db).expanduser() if args.db else default_db_path()
    if path.is_dir():
        raise CliError(f"{path} adalah folder; --db menyebut berkas basis data (mis. {path / 'lindung.sqlite3'})",
                       EXIT_USAGE)
    if not path.exists() and not _creates(args):
        first = f"lindung --db {path} user add NAMA" if args.db else "lindung user add NAMA (atau buka jendela Lindung)"
        raise CliError(f"belum ada basis data Lindung di {path}; periksa --db (atau LINDUNG_DB). Yang baru dibuat "
                       f"dengan akun admin pertamanya: {first}")
    try:
        key = None
        if keys.needs_password(path):   # encrypted for its accounts: the sign-in unlocks it
            try:
                key, args._proof = keys.unlock_with_proof(path, *_credentials(args))
            except AuthenticationFailed as exc:
                raise CliError(exc.message, EXIT_AUTH) from None
        return Workspace(path, key=key, today=_today())
    except ServiceError as exc:   # locked without its key file, a damaged key file
        raise CliError(f"basis data {path} tidak dapat dibuka: {exc.message}") from None
    except Exception as exc:  # an unreadable or foreign file: say so plainly
        from desktop.storage.database import DatabaseError

        # The driver's error, or the same wrapped by SQLAlchemy (``orig``) while a migration ran.
        if isinstance(exc, (DatabaseError, OSError)) or isinstance(getattr(exc, "orig", None), DatabaseError):
            raise CliError(f"basis data {path} tidak dapat dibuka: {type(exc).__name__}") from None
        raise


def _today():
    """LINDUNG_TODAY=YYYY-MM-DD sets the day the command works on (tests, and re-running a day's work)."""
    text = os.environ.get("LINDUNG_TODAY")
    if not text:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"LINDUNG_TODAY={text!r} bukan tanggal YYYY-MM-DD", EXIT_USAGE) from None


def _credentials(args) -> tuple[str, str]:
    """``--user`` and its password (LINDUNG_PASSWORD, else asked once on a terminal)."""
    if getattr(args, "_password", None) is not None:
        return args.user, args._password
    if not args.user:
        raise CliError("laptop ini memakai akun: sebutkan --user NAMA (kata sandi dari LINDUNG_PASSWORD)", EXIT_AUTH)
    password = os.environ.get("LINDUNG_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise CliError("kata sandi tidak diberikan: isi LINDUNG_PASSWORD", EXIT_AUTH)
        password = getpass.getpass(f"Kata sandi {args.user}: ")
    args._password = password
    return args.user, password


NO_ACCOUNT_WARNING = ("lindung: peringatan: laptop ini belum memiliki akun, jadi datanya terbuka bagi siapa pun "
                      "yang memegang berkas kuncinya; buat akun admin dulu: lindung user add NAMA")


def _sign_in(ws, args):
    from desktop.domain.actors import SYSTEM
    from desktop.services.accounts import authenticate, has_accounts

    if not has_accounts(ws):
        if (args.command, getattr(args, "user_command", None)) != ("user", "add"):   # that one makes the first
            print(NO_ACCOUNT_WARNING, file=sys.stderr)
        return SYSTEM
    user, password = _credentials(args)
    from desktop.services.errors import AuthenticationFailed

    try:
        actor = authenticate(ws, user, password, proof=getattr(args, "_proof", None))
    except AuthenticationFailed as exc:
        raise CliError(exc.message, EXIT_AUTH) from None
    from desktop.services.accounts import must_change_password

    own_passwd = (args.command, getattr(args, "user_command", None)) == ("user", "passwd") \
        and getattr(args, "username", None) in (None, actor.username)
    if not own_passwd and must_change_password(ws, actor.username):
        raise CliError(f"kata sandi {actor.username} diatur ulang oleh admin: tetapkan kata sandi Anda sendiri dulu "
                       f"dengan `lindung --user {actor.username} user passwd` (kata sandi baru dari "
                       "LINDUNG_NEW_PASSWORD atau ditanya)", EXIT_AUTH)
    return actor


def _warn_outside(ws, out) -> None:
    """A file with personal data written outside the data folder: said on stderr (not blocking scripts)."""
    if out and ws.outside_data_dir(out):
        print(f"lindung: peringatan: {out} berisi data pribadi peserta dan berada di luar folder data Lindung "
              f"({ws.path.parent}), tanpa enkripsi; simpan di tempat aman dan hapus bila tidak diperlukan.",
              file=sys.stderr)


def _resolve_kabupaten(ws, text: str | None) -> str | None:
    """A kabupaten/kota by code (6171, 61.71) or by the names people write (Sambas, Kab. Kubu Raya)."""
    if not text:
        return None
    from desktop.domain.importing import RegionMatcher

    codes, problems = RegionMatcher(ws.regions).resolve(text, "", "")
    if problems or not codes["kabupaten_code"]:
        raise CliError(f"kabupaten/kota {text!r} tidak dikenal (contoh: 6171, 61.71 atau Sambas)", EXIT_USAGE)
    return codes["kabupaten_code"]


def _school_id(ws, npsn: str | None) -> int | None:
    if not npsn:
        return None
    from desktop.services.schools import list_schools

    found = next((s.id for s in list_schools(ws) if s.npsn == npsn.strip()), None)
    if found is None:
        raise CliError(f"sekolah dengan NPSN {npsn} belum terdaftar", EXIT_USAGE)
    return found
