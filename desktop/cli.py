"""``lindung [--db PATH] COMMAND`` — the command line over the same services as the window.

With no command it opens the window.  Every error is one clear line and a non-zero exit status;
personal data never appears in an error message except the caller's own input.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.usage import Parser

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_AUTH, EXIT_FAILURE = 0, 1, 2, 3, 4
MAX_WARNINGS_SHOWN = 20


class CliError(Exception):
    def __init__(self, message: str, status: int = EXIT_FAILURE):
        super().__init__(message)
        self.status = status


class _Parser(Parser):
    def error(self, message: str):  # one line, Indonesian (desktop.usage), exit 2
        raise CliError(f"perintah tidak lengkap atau salah: {message} (lihat `lindung --help`)", EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lindung", description="Lindung — pendaftaran pekerja rentan ke JKK + JKM (BAZNAS).")
    parser.add_argument("--db", metavar="PATH", help="berkas basis data (bawaan: LINDUNG_DB atau folder data pengguna)")
    parser.add_argument("--user", metavar="NAME", help="akun untuk masuk (kata sandi dari LINDUNG_PASSWORD atau ditanya)")
    parser.add_argument("--lang", choices=["id", "en"], help="bahasa tampilan jendela (bawaan: id)")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)

    p = sub.add_parser("demo", help="tambah data contoh yang realistis dan valid")
    p.add_argument("--workers", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, metavar="S")

    p = sub.add_parser("enroll", help="daftarkan peserta dari berkas JSON (satu objek atau daftar); semua atau tidak sama sekali")
    p.add_argument("file", metavar="FILE.json", help="berkas JSON, atau - untuk masukan standar")

    p = sub.add_parser("list", help="tampilkan peserta")
    p.add_argument("--json", action="store_true", help="keluaran JSON (NIK lengkap)")
    p.add_argument("--query", metavar="TEXT", default="", help="nama, NIK atau No. Registrasi")
    p.add_argument("--kabupaten", metavar="CODE", help="kode (6171 atau 61.71) atau nama kabupaten/kota")
    p.add_argument("--status", choices=["enrolled", "active", "ended", "deleted"])
    p.add_argument("--limit", type=int, metavar="N", help="paling banyak N baris")

    p = sub.add_parser("show", help="tampilkan satu peserta lengkap")
    p.add_argument("registration_no", metavar="NO_REGISTRASI")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("delete", help="hapus peserta (dapat ditelusuri, dengan alasan)")
    p.add_argument("registration_no", metavar="NO_REGISTRASI")
    p.add_argument("--reason", required=True, metavar="ALASAN")

    p = sub.add_parser(
        "edit", help="ubah satu peserta dari objek JSON (hanya kolom yang disebut); semua atau tidak sama sekali",
        description="Ubah satu peserta: kolom yang disebut dalam objek JSON diganti, kolom lain tetap. Diperiksa "
                    "dengan aturan yang sama seperti jendela; bila ada yang salah, setiap alasan ditulis dan tidak "
                    "ada yang disimpan (kode keluar 1). Contoh: echo '{\"phone\": \"0813 1111 2222\"}' | "
                    "lindung edit NO_REGISTRASI -")
    p.add_argument("registration_no", metavar="NO_REGISTRASI")
    p.add_argument("file", metavar="FILE.json",
                   help="objek JSON berisi kolom yang diubah (nama seperti list --json), atau - untuk masukan standar")

    p = sub.add_parser("user", help="akun pengguna di laptop ini")
    user_sub = p.add_subparsers(dest="user_command", metavar="add|list", required=True, parser_class=_Parser)
    q = user_sub.add_parser("add", help="buat akun (kata sandi dari LINDUNG_NEW_PASSWORD atau ditanya)")
    q.add_argument("username", metavar="NAME")
    q.add_argument("--role", choices=["volunteer", "coordinator", "printer", "admin"],
                   help="bawaan: admin untuk akun pertama, volunteer sesudahnya")
    q.add_argument("--display-name", default="", metavar="NAMA")
    q.add_argument("--school", metavar="NPSN", help="sekolah seorang koordinator (wajib untuk peran coordinator)")
    user_sub.add_parser("list", help="daftar akun")

    p = sub.add_parser("regions", help="data wilayah Kemendagri yang dipakai")
    reg_sub = p.add_subparsers(dest="regions_command", metavar="info|load", required=True, parser_class=_Parser)
    reg_sub.add_parser("info", help="sumber dan jumlah wilayah")
    q = reg_sub.add_parser("load", help="muat daftar wilayah resmi yang lebih baru (CSV kode,nama,tingkat)")
    q.add_argument("file", metavar="FILE.csv")
    q.add_argument("--source", required=True, metavar="SUMBER", help="dasar hukum/sumber, mis. nomor Kepmendagri")

    p = sub.add_parser("import", help="impor daftar orang tua siswa (.xlsx, .xls, .ods, .csv)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--school", metavar="NPSN", help="sekolah asal daftar (NPSN 8 digit)")
    p.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
    p.add_argument("--errors", metavar="OUT.xlsx", help="tulis baris yang ditolak, dengan kolom Keterangan")
    p.add_argument("--json", action="store_true", help="ringkasan sebagai JSON")
    p.add_argument("--map", action="append", default=[], metavar="KOLOM=ISIAN",
                   help="baca kolom berkas KOLOM sebagai ISIAN (mis. \"KTP=nik\" atau \"Bapak/Ibu=Nama Lengkap\"); "
                        "boleh diulang")

    p = sub.add_parser("template", help="tulis templat impor resmi (.xlsx)")
    p.add_argument("out", metavar="OUT.xlsx")

    p = sub.add_parser("cards", help="tulis kartu peserta ke PDF dan catat pencetakannya")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--layout", choices=["a4", "card"], default="a4",
                   help="a4: 10 kartu per lembar dengan tanda potong; card: satu kartu per halaman")
    p.add_argument("--unprinted", action="store_true", help="hanya yang kartunya belum pernah dicetak")
    p.add_argument("--school", metavar="NPSN")
    p.add_argument("--kabupaten", metavar="KODE|NAMA")
    p.add_argument("--query", metavar="TEXT", help="nama, NIK atau No. Registrasi")
    p.add_argument("--reason", metavar="TEXT", help="alasan cetak ulang (wajib bila ada kartu yang sudah dicetak)")

    p = sub.add_parser("verify-card", help="periksa keaslian isi kode QR sebuah kartu")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--public-key", metavar="KEY", help="kunci publik penerbit (ed25519:ID:KUNCI)")

    p = sub.add_parser("card-key", help="kunci publik laptop ini untuk memeriksa kartunya")
    p.add_argument("--trust", metavar="KEY", help="percayai kunci publik laptop lain (ed25519:ID:KUNCI)")

    p = sub.add_parser("report", help="laporan PDF: summary, receipts, contributions")
    report_sub = p.add_subparsers(dest="report_command", metavar="summary|receipts|contributions", required=True, parser_class=_Parser)
    q = report_sub.add_parser("summary", help="ringkasan per kabupaten/kota dan pekerjaan, capaian target")
    q.add_argument("out", metavar="OUT.pdf")
    q.add_argument("--target", type=int, help="target jumlah peserta (bawaan: pengaturan, 3.533)")
    q = report_sub.add_parser("receipts", help="tanda terima kartu per sekolah")
    q.add_argument("out", metavar="OUT.pdf")
    q.add_argument("--school", required=True, metavar="NPSN")
    q = report_sub.add_parser("contributions", help="kewajiban iuran BAZNAS per kabupaten/kota")
    q.add_argument("out", metavar="OUT.pdf")
    q.add_argument("--months", type=int, required=True, metavar="N")

    p = sub.add_parser("register", help="daftarkan laptop ini ke hub cabang dengan kode sekali pakai")
    p.add_argument("--hub", required=True, metavar="URL")
    p.add_argument("--code", required=True, metavar="KODE")
    p.add_argument("--name", default="", help="nama laptop (bawaan: dari kode)")
    p.add_argument("--allow-http", action="store_true",
                   help="izinkan alamat http:// (tanpa enkripsi) di luar laptop ini; hanya untuk jaringan tertutup")

    p = sub.add_parser("sync", help="kirim dan ambil data dari hub cabang")
    p.add_argument("--hub", metavar="URL", help="alamat hub (hanya yang dipakai saat register)")
    p.add_argument("--refused", action="store_true", help="tampilkan perubahan yang ditolak hub, tanpa sinkronisasi")
    p.add_argument("--drop", metavar="REGNO", help="batalkan perubahan yang ditolak hub untuk data ini (pakai versi hub)")

    p = sub.add_parser("bundle", help="bundel untuk hub bila tidak ada sambungan sama sekali")
    bundle_sub = p.add_subparsers(dest="bundle_command", metavar="export", required=True, parser_class=_Parser)
    q = bundle_sub.add_parser("export", help="tulis semua yang belum diterima hub, terenkripsi untuk hub")
    q.add_argument("out", metavar="OUT")

    p = sub.add_parser("backup", help="cadangkan basis data (aman walau aplikasi sedang berjalan)")
    p.add_argument("out", metavar="OUT")
    p = sub.add_parser("restore", help="pulihkan basis data dari cadangan (admin; aplikasi harus ditutup)")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser("audit", help="catatan audit: siapa, kapan, apa (admin)")
    p.add_argument("--action", choices=("create", "edit", "delete", "print", "export", "import", "sync",
                                        "review", "backup", "restore", "signin_failed"), help="hanya tindakan ini")
    p.add_argument("--limit", type=int, default=50, help="berapa catatan terbaru (bawaan 50)")
    p.add_argument("--verify", action="store_true", help="periksa rantai hash; kode keluar 1 bila rusak")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("school", help="sekolah (SD/SMP/SMA/SMK, MI/MTs/MA)")
    school_sub = p.add_subparsers(dest="school_command", metavar="add|list", required=True, parser_class=_Parser)
    q = school_sub.add_parser("add", help="tambah sekolah")
    q.add_argument("npsn", metavar="NPSN")
    q.add_argument("--name", required=True, help="nama sekolah")
    q.add_argument("--level", required=True, help="SD, MI, SMP, MTs, SMA, MA atau SMK")
    q.add_argument("--kabupaten", required=True, metavar="KODE|NAMA", help="kabupaten/kota, mis. 6171 atau Sambas")
    q.add_argument("--coordinator", default="", help="nama koordinator sekolah")
    q = school_sub.add_parser("list", help="daftar sekolah")
    q.add_argument("--json", action="store_true")

    p = sub.add_parser("settings", help="pengaturan program (batas umur, lama perlindungan)")
    set_sub = p.add_subparsers(dest="settings_command", metavar="show|set", required=True, parser_class=_Parser)
    set_sub.add_parser("show")
    q = set_sub.add_parser("set")
    q.add_argument("key", choices=["min_age", "max_age", "coverage_months", "max_plausible_income", "lock_minutes"])
    q.add_argument("value", type=int)
    return parser


# --------------------------------------------------------------------------------------------

def _open(args) -> Any:
    from desktop.services.workspace import Workspace
    from desktop.storage.engine import default_db_path

    from desktop.services import keys
    from desktop.services.errors import AuthenticationFailed, ServiceError

    path = Path(args.db).expanduser() if args.db else default_db_path()
    try:
        key = None
        if keys.needs_password(path):   # encrypted for its accounts: the sign-in unlocks it
            try:
                key = keys.unlock(path, *_credentials(args))
            except AuthenticationFailed as exc:
                raise CliError(exc.message, EXIT_AUTH) from None
        return Workspace(path, key=key)
    except ServiceError as exc:   # locked without its key file, a damaged key file
        raise CliError(f"basis data {path} tidak dapat dibuka: {exc.message}") from None
    except Exception as exc:  # an unreadable or foreign file: say so plainly
        from sqlalchemy.exc import DatabaseError, OperationalError

        if isinstance(exc, (DatabaseError, OperationalError, OSError)):
            raise CliError(f"basis data {path} tidak dapat dibuka: {type(exc).__name__}") from None
        raise


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
    from desktop.services.accounts import SYSTEM, authenticate, has_accounts

    if not has_accounts(ws):
        if (args.command, getattr(args, "user_command", None)) != ("user", "add"):   # that one makes the first
            print(NO_ACCOUNT_WARNING, file=sys.stderr)
        return SYSTEM
    user, password = _credentials(args)
    from desktop.services.errors import AuthenticationFailed

    try:
        return authenticate(ws, user, password)
    except AuthenticationFailed as exc:
        raise CliError(exc.message, EXIT_AUTH) from None


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


def _print_problems(failures: dict[int, list], total: int) -> None:
    for index, problems in failures.items():
        for problem in problems:
            where = f"data ke-{index + 1} (indeks {index})" if total > 1 else "data"
            print(f"{where}, {problem.field}: {problem.message}", file=sys.stderr)


def cmd_demo(ws, actor, args) -> int:
    from desktop.services.demo import add_demo_workers

    if args.workers < 1:
        raise CliError("--workers harus lebih dari 0", EXIT_USAGE)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    count = add_demo_workers(ws, args.workers, actor, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{count} peserta contoh ditambahkan.")
    return EXIT_OK


# What `lindung enroll` reads at most: far beyond a real batch (10,000 records are ~6 MB), and refused
# before parsing, so that a hostile file costs no more than its text (json.loads of 30 MB of
# "[{}, {}, ...]" made 7.5 million records and the enrollment grew past 11 GB).
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_JSON_RECORDS = 100_000
MAX_JSON_VALUES = 40 * MAX_JSON_RECORDS


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _json_values_bound(text: str) -> int:
    """Values in a JSON text are at most its commas and opening brackets plus one (counted outside
    strings when the quick count, which includes those inside strings, is over the limit)."""
    count = text.count(",") + text.count("[") + text.count("{") + 1
    if count > MAX_JSON_VALUES:
        import re

        bare = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
        count = bare.count(",") + bare.count("[") + bare.count("{") + 1
    return count


def _read_json(path: str) -> Any:
    limit = f"{MAX_JSON_BYTES >> 20} MB"
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
        else:
            if Path(path).stat().st_size > MAX_JSON_BYTES:
                raise CliError(f"berkas {path} lebih dari {limit}; bagi menjadi beberapa berkas", EXIT_INVALID)
            data = Path(path).read_bytes()
        if len(data) > MAX_JSON_BYTES:
            raise CliError(f"masukan lebih dari {limit}; bagi menjadi beberapa berkas", EXIT_INVALID)
        text = data.decode("utf-8-sig")
        del data
    except FileNotFoundError:
        raise CliError(f"berkas {path} tidak ada", EXIT_USAGE) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"berkas {path} tidak dapat dibaca: {exc.__class__.__name__}", EXIT_USAGE) from None
    if _json_values_bound(text) > MAX_JSON_VALUES:
        raise CliError(f"berkas {path} berisi lebih dari {_thousands(MAX_JSON_VALUES)} nilai JSON (paling banyak "
                       f"{_thousands(MAX_JSON_RECORDS)} data sekali daftar); bagi menjadi beberapa berkas", EXIT_INVALID)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"berkas {path} bukan JSON yang benar (baris {exc.lineno}, kolom {exc.colno}): {exc.msg}",
                       EXIT_INVALID) from None
    except RecursionError:
        raise CliError(f"berkas {path} bertingkat terlalu dalam; data peserta cukup berupa daftar objek JSON",
                       EXIT_INVALID) from None


def cmd_enroll(ws, actor, args) -> int:
    from desktop.services.enrollment import enroll_many
    from desktop.services.errors import ValidationFailed

    data = _read_json(args.file)
    records = data if isinstance(data, list) else [data]
    if not records:
        raise CliError("berkas tidak berisi data peserta", EXIT_INVALID)
    if len(records) > MAX_JSON_RECORDS:
        raise CliError(f"berkas berisi {_thousands(len(records))} data; paling banyak {_thousands(MAX_JSON_RECORDS)} "
                       "sekali daftar, bagi menjadi beberapa berkas", EXIT_INVALID)
    try:
        outcome = enroll_many(ws, records, actor)
    except ValidationFailed as exc:
        _print_problems(exc.failures, len(records))
        print(f"lindung: {len(exc.failures)} dari {len(records)} data tidak valid; tidak ada yang disimpan.",
              file=sys.stderr)
        return EXIT_INVALID
    shown = 0
    all_warnings = [(i, p) for i, ws_ in outcome.warnings.items() for p in ws_]
    for index, problem in all_warnings[:MAX_WARNINGS_SHOWN]:
        where = f"data ke-{index + 1}" if len(records) > 1 else "data"
        print(f"peringatan: {where}, {problem.field}: {problem.message}", file=sys.stderr)
        shown += 1
    if len(all_warnings) > shown:
        print(f"peringatan: ... dan {len(all_warnings) - shown} peringatan lainnya (data tetap disimpan).",
              file=sys.stderr)
    if len(outcome.records) <= 10:
        for record in outcome.records:
            print(f"{record.registration_no}")
    print(f"{len(outcome.records)} peserta terdaftar.")
    return EXIT_OK


def cmd_list(ws, actor, args) -> int:
    from desktop.domain.enrollment import Occupation, Status
    from desktop.domain.nik import mask_nik
    from desktop.domain.text import format_date
    from desktop.services.search import SearchQuery, iter_records

    query = SearchQuery(text=args.query, kabupaten_code=_resolve_kabupaten(ws, args.kabupaten), status=args.status)
    limit = args.limit
    out = sys.stdout
    count = 0
    if args.json:
        out.write("[")
        for record in iter_records(ws, query):
            if limit is not None and count >= limit:
                break
            out.write(("\n" if count == 0 else ",\n") + json.dumps(record.to_json(), ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
        return EXIT_OK
    header = f"{'No. Registrasi':<16} {'Nama':<32} {'NIK':<16} {'Tgl Lahir':<10} L/P {'Kabupaten/Kota':<22} {'Pekerjaan':<22} Status"
    print(header)
    for record in iter_records(ws, query):
        if limit is not None and count >= limit:
            break
        kab = ws.regions.get(record.kabupaten_code)
        print(f"{record.registration_no:<16} {record.full_name[:32]:<32} {mask_nik(record.nik):<16} "
              f"{format_date(record.birth_date):<10} {record.sex:<3} {(kab.short_name if kab else record.kabupaten_code)[:22]:<22} "
              f"{Occupation(record.occupation).label[:22]:<22} {Status(record.status).label}")
        count += 1
    print(f"{count} peserta.")
    return EXIT_OK


def cmd_show(ws, actor, args) -> int:
    from desktop.services.enrollment import get_by_registration_no

    record = get_by_registration_no(ws, args.registration_no)
    data = record.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        width = max(len(k) for k in data)
        for key, value in data.items():
            print(f"{key:<{width}}  {'' if value is None else value}")
    return EXIT_OK


def cmd_delete(ws, actor, args) -> int:
    from desktop.services.enrollment import delete_worker, get_by_registration_no

    record = get_by_registration_no(ws, args.registration_no)
    delete_worker(ws, record.id, args.reason, actor)
    print(f"{record.registration_no} dihapus.")
    return EXIT_OK


def cmd_edit(ws, actor, args) -> int:
    """Overlay a JSON object's fields on one record and save it through the window's service."""
    from desktop.domain.enrollment import FIELDS, validate
    from desktop.domain.regno import normalize_registration_no
    from desktop.services import permissions
    from desktop.services.enrollment import get_by_registration_no, update_worker
    from desktop.services.errors import PermissionDenied, ValidationFailed

    data = _read_json(args.file)
    if not isinstance(data, dict):
        raise CliError(f"berkas {args.file} harus berisi satu objek JSON {{\"kolom\": nilai}} berisi kolom yang "
                       f"diubah (nama kolom seperti list --json)", EXIT_INVALID)
    record = get_by_registration_no(ws, args.registration_no)
    regno = record.registration_no
    try:   # the service checks this too; first here so a refused role is told before any file problem
        permissions.require_record(actor, record.enrolled_by, record.school_npsn)
    except PermissionDenied as exc:
        raise CliError(f"{regno} tidak diubah: {exc.message}", EXIT_AUTH) from None
    current = record.to_json()
    fixed = {   # what `list --json` shows but an edit cannot change: the same value is fine
        "id": "ID peserta tidak dapat diubah.",
        "registration_no": "No. Registrasi tidak dapat diubah.",
        "device_id": "Laptop pendaftar tidak dapat diubah.",
        "enrolled_by": "Pendaftar tidak dapat diubah.",
        "enrolled_at": "Waktu pendaftaran tidak dapat diubah.",
        "updated_by": "Pengubah terakhir diisi otomatis, tidak dapat diubah.",
        "updated_at": "Waktu perubahan terakhir diisi otomatis, tidak dapat diubah.",
        "kpj_number": "No. KPJ diberikan oleh BPJS Ketenagakerjaan, tidak dapat diubah di sini.",
        "deleted_at": f"Penghapusan hanya lewat `lindung delete {regno} --reason ALASAN`.",
        "deleted_by": f"Penghapusan hanya lewat `lindung delete {regno} --reason ALASAN`.",
        "deleted_reason": f"Penghapusan hanya lewat `lindung delete {regno} --reason ALASAN`.",
        "revision": f"Data ini sudah diubah sejak dibaca (sekarang revisi {record.revision}); ambil ulang dengan "
                    f"`lindung show {regno} --json` lalu ulangi perubahan.",
        "school_name": "Nama sekolah mengikuti school_npsn; ubah school_npsn.",
    }

    def same(name: str, given: Any) -> bool:
        have = current[name]
        if name == "registration_no" and isinstance(given, str):
            return normalize_registration_no(given) == have
        if name == "school_name" and "school_npsn" in data and data["school_npsn"] != current["school_npsn"]:
            return True   # the old school's name beside a new NPSN: the name follows the NPSN
        return ("" if given is None else str(given)) == ("" if have is None else str(have))

    problems: list[tuple[str, str]] = []
    for key, value in data.items():
        if key in FIELDS:
            continue
        if key in fixed:
            if not same(key, value):
                problems.append((key, fixed[key]))
        else:
            problems.append((key, f"Kolom \"{key}\" tidak dikenal (nama kolom seperti lindung list --json)."))
    if any(key == "revision" for key, _ in problems):   # an old `show --json`: its update stamps go with it
        problems = [(key, message) for key, message in problems if key not in ("updated_at", "updated_by")]
    raw = {name: current[name] for name in FIELDS} | {k: v for k, v in data.items() if k in FIELDS}
    result = validate(raw, ws.context(), reference_date=record.enrolled_at.date())   # as the window does
    saved = None
    if problems:   # the file's own faults, and what the rules say about its values too
        problems += [(p.field, p.message) for p in result.errors]
    else:
        try:
            saved = update_worker(ws, record.id, raw, actor, base_revision=record.revision)
        except ValidationFailed as exc:   # the rules, and a NIK another live record holds
            problems = [(p.field, p.message) for found in exc.failures.values() for p in found]
        except PermissionDenied as exc:   # e.g. a coordinator moving a record to another school
            raise CliError(f"{regno} tidak diubah: {exc.message}", EXIT_AUTH) from None
    if saved is None:
        for field_name, message in problems:
            print(f"{regno}, {field_name}: {message}", file=sys.stderr)
        print(f"lindung: {regno} tidak diubah: {len(problems)} masalah; tidak ada yang disimpan.", file=sys.stderr)
        return EXIT_INVALID
    for problem in result.warnings:
        print(f"peringatan: {regno}, {problem.field}: {problem.message}", file=sys.stderr)
    after = saved.to_json()
    changed = [name for name in FIELDS if after[name] != current[name]]
    if changed:   # field names only: the values may identify the person
        print(f"{regno} diubah: {', '.join(changed)}.")
    else:
        print(f"{regno}: tidak ada yang berubah.")
    return EXIT_OK


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


def cmd_regions(ws, actor, args) -> int:
    from desktop.domain.regions import Level

    if args.regions_command == "load":
        if not actor.is_admin:
            raise CliError("hanya admin yang dapat memuat daftar wilayah", EXIT_AUTH)
        ws.load_regions(Path(args.file), args.source)
    source, loaded = ws.regions_source()
    regions = ws.regions
    print(f"sumber: {source}\ndimuat: {loaded}")
    print(f"{regions.count(Level.KABUPATEN)} kabupaten/kota, {regions.count(Level.KECAMATAN)} kecamatan, "
          f"{regions.count(Level.DESA)} desa/kelurahan")
    return EXIT_OK


def cmd_settings(ws, actor, args) -> int:
    from dataclasses import asdict

    if args.settings_command == "set":
        if not actor.is_admin:
            raise CliError("hanya admin yang dapat mengubah pengaturan", EXIT_AUTH)
        if args.value < 0:
            raise CliError("nilai tidak boleh negatif", EXIT_USAGE)
        if args.key == "lock_minutes":
            from desktop.services.accounts import set_lock_minutes

            set_lock_minutes(ws, args.value, actor)
        else:
            _set_policy(ws, args.key, args.value)
    for key, value in asdict(ws.policy).items():
        print(f"{key} = {value}")
    from desktop.services.accounts import lock_minutes

    print(f"lock_minutes = {lock_minutes(ws)}")
    print(f"device_prefix = {ws.device.prefix}")
    return EXIT_OK


def _set_policy(ws, key: str, value: int) -> None:
    before = getattr(ws.policy, key)
    policy = ws.set_policy(**{key: value})
    if policy.min_age >= policy.max_age:
        ws.set_policy(**{key: before})
        raise CliError("umur minimal harus lebih kecil dari umur maksimal", EXIT_USAGE)


def _column_choices(pairs: Sequence[str]) -> dict[str, str]:
    """``--map "Kolom di berkas=field"`` (repeatable) as {file header: field}."""
    columns: dict[str, str] = {}
    for pair in pairs:
        header, sep, wanted = pair.rpartition("=")
        if not sep or not header.strip() or not wanted.strip():
            raise CliError(f"--map \"{pair}\": tulis sebagai \"Kolom di berkas=isian\", mis. \"KTP=nik\"", EXIT_USAGE)
        columns[header.strip()] = wanted.strip()
    return columns


def cmd_import(ws, actor, args) -> int:
    from desktop.services import importing

    columns = _column_choices(args.map)
    try:
        preview = importing.read_import(ws, Path(args.file), school_npsn=args.school, columns=columns or None)
    except importing.SchoolNeeded as exc:
        raise CliError(f"{exc.message} Sebutkan --school NPSN.", EXIT_INVALID) from None
    if preview.unmapped_required:
        missing = ", ".join(importing.column_label(f) for f in preview.unmapped_required)
        raise CliError(f"kolom {missing} tidak ditemukan di baris judul berkas {Path(args.file).name}; "
                       f"pakai templat (lindung template), --map \"Kolom di berkas=nik\", atau petakan kolom di "
                       f"jendela impor", EXIT_INVALID)
    accepted = 0
    if not args.dry_run and preview.committable:
        result = importing.commit_import(ws, preview, actor)
        accepted, preview = result.accepted, result.preview
    written = None
    if args.errors:
        written = importing.export_rejected(ws, preview, Path(args.errors), actor)
        _warn_outside(ws, args.errors)

    def entry(row, **values):
        # A Dapodik row holds up to three people: say whose line it is.
        return {"row": row.number, **({"person": row.person} if row.person else {}), **values}

    rejected = [entry(r, errors=importing.row_reasons(r)) for r in preview.of_status(importing.ERROR)]
    duplicates = [entry(r, reason=r.duplicate_reason) for r in preview.of_status(importing.DUPLICATE)]
    not_eligible = [entry(r, reason=" ".join(importing.row_reasons(r)))
                    for r in preview.of_status(importing.NOT_ELIGIBLE)]
    skipped = [entry(r, reason=" ".join(importing.row_reasons(r))) for r in preview.of_status(importing.SKIPPED)]
    mapped, ignored = preview.column_report()
    if args.json:
        summary = {"accepted": accepted, "rejected": rejected, "duplicates": duplicates,
                   "not_eligible": not_eligible, "skipped": skipped,
                   "columns": {"mapped": [{"column": c, "field": f} for c, f in mapped], "ignored": ignored}}
        if preview.dapodik is not None:
            summary["dapodik"] = {"pupils": preview.dapodik.pupils, "people": preview.dapodik.people,
                                  "school_npsn": preview.school_npsn}
        if args.dry_run:
            summary["valid"] = len(preview.committable)
        print(json.dumps(summary, ensure_ascii=False))
        return EXIT_OK
    source = preview.dapodik
    if source is not None:
        print(f"Berkas Dapodik: {source.pupils} siswa, {source.people} orang tua/wali"
              + (f" ({source.school_name})" if source.school_name else "") + ".")
    print("Kolom dibaca: " + "; ".join(f"{c} → {f}" for c, f in mapped) + ".")
    if ignored:
        print("Kolom diabaikan: " + "; ".join(ignored) + ".")

    def who(item) -> str:
        return f"baris {item['row']}" + (f" ({item['person']})" if "person" in item else "")

    for item in rejected:
        print(f"{who(item)}: " + " ".join(item["errors"]))
    for item in duplicates:
        print(f"{who(item)}: ganda — {item['reason']}")
    for item in not_eligible:
        print(f"{who(item)}: tidak memenuhi syarat — {item['reason']}")
    for item in skipped:
        print(f"{who(item)}: dilewati — {item['reason']}")
    warned = len(preview.of_status(importing.WARNING))
    verb = "siap didaftarkan (uji coba, tidak disimpan)" if args.dry_run else "didaftarkan"
    count = len(preview.committable) if args.dry_run else accepted
    print(f"{count} {verb}, {len(rejected)} ditolak, {len(duplicates)} ganda"
          + (f", {len(not_eligible)} tidak memenuhi syarat" if not_eligible else "")
          + (f", {len(skipped)} dilewati" if skipped else "")
          + (f", {warned} dengan peringatan" if warned else "") + ".")
    if written is not None:
        print(f"{written} baris yang tidak didaftarkan ditulis ke {args.errors}.")
    return EXIT_OK


def _school_id(ws, npsn: str | None) -> int | None:
    if not npsn:
        return None
    from desktop.services.schools import list_schools

    found = next((s.id for s in list_schools(ws) if s.npsn == npsn.strip()), None)
    if found is None:
        raise CliError(f"sekolah dengan NPSN {npsn} belum terdaftar", EXIT_USAGE)
    return found


def cmd_cards(ws, actor, args) -> int:
    from desktop.services import cards
    from desktop.services.search import SearchQuery

    query = SearchQuery(text=args.query or "", kabupaten_code=_resolve_kabupaten(ws, args.kabupaten),
                        school_id=_school_id(ws, args.school), unprinted=args.unprinted)
    try:
        result = cards.print_cards(ws, query, Path(args.out), args.layout, actor, reprint_reason=args.reason)
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

    print(f"Kartu sah: {claim.registration_no} {claim.full_name}, "
          f"berlaku {format_date(claim.coverage_start)} s.d. {format_date(claim.coverage_end)}.")
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
    else:
        total = reporting.contributions_report(ws, Path(args.out), args.months, actor)
        print(f"Kewajiban iuran {format_rupiah(total)} untuk {args.months} bulan ditulis ke {args.out}.")
    return EXIT_OK


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
    for regno in report.elsewhere:   # the same NIK enrolled outside this laptop's scope
        print(f"{regno}: NIK ini sudah terdaftar di wilayah lain; hub menandainya untuk ditinjau.", file=sys.stderr)
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


def cmd_backup(ws, actor, args) -> int:
    from desktop.services.backup import backup_workspace

    info = backup_workspace(ws, Path(args.out), actor)
    print(f"Cadangan {info.workers} peserta ditulis ke {info.path} ({info.size // 1024} KB, keutuhan diperiksa).")
    return EXIT_OK


def cmd_restore(ws, actor, args) -> int:
    from desktop.services.backup import restore_workspace

    if not actor.is_admin:
        raise CliError("hanya admin yang dapat memulihkan cadangan", EXIT_AUTH)
    ws.close()
    info = restore_workspace(ws.path, Path(args.file), ws.key, actor)
    print(f"Basis data dipulihkan dari {args.file}: {info.workers} peserta. Basis data sebelumnya disimpan "
          f"di samping {info.path.name}. Jalankan lindung sync untuk mengambil yang terjadi sesudahnya.")
    return EXIT_OK


def cmd_audit(ws, actor, args) -> int:
    from desktop.services import audit

    if args.verify:
        verdict = audit.verify(ws, actor)
        if args.json:
            print(json.dumps({"entries": verdict.entries, "intact": verdict.intact,
                              "first_broken": verdict.first_broken}))
        elif verdict.intact:
            print(f"Rantai hash utuh: {verdict.entries} catatan.")
        else:
            print(f"PERINGATAN: catatan audit #{verdict.first_broken} telah diubah, dihapus atau dipindah "
                  "sesudah ditulis.", file=sys.stderr)
        return EXIT_OK if verdict.intact else EXIT_INVALID
    items = audit.entries(ws, actor, max(1, args.limit), args.action)
    if args.json:
        print(json.dumps([{"id": e.id, "at": e.at, "actor": e.actor, "device_id": e.device_id, "action": e.action,
                           "subject": e.subject, "details": e.details, "hash": e.hash} for e in items],
                         ensure_ascii=False))
        return EXIT_OK
    for e in reversed(items):
        print(f"{e.id:>6}  {e.at[:19].replace('T', ' ')}  {e.actor:<12.12} {audit.ACTION_LABELS[e.action]:<10} "
              f"{e.subject}  {audit.describe(e.details)}")
    if not items:
        print("Belum ada catatan audit.")
    return EXIT_OK


def cmd_template(ws, actor, args) -> int:
    from desktop.services.importing import write_template

    write_template(ws, Path(args.out))
    print(f"Templat impor ditulis ke {args.out}.")
    return EXIT_OK


def cmd_school(ws, actor, args) -> int:
    from desktop.services.schools import add_school, list_schools

    if args.school_command == "add":
        school = add_school(ws, args.npsn, args.name, args.level, _resolve_kabupaten(ws, args.kabupaten),
                            args.coordinator)
        print(f"Sekolah {school.name} (NPSN {school.npsn}) ditambahkan.")
        return EXIT_OK
    schools = list_schools(ws)
    if args.json:
        print(json.dumps([{"npsn": s.npsn, "name": s.name, "level": s.level, "kabupaten_code": s.kabupaten_code,
                           "coordinator": s.coordinator} for s in schools], ensure_ascii=False))
        return EXIT_OK
    for s in schools:
        print(f"{s.npsn}  {s.level:<4} {s.name:<40} {ws.regions.name(s.kabupaten_code):<22} {s.coordinator}")
    if not schools:
        print("Belum ada sekolah. Tambahkan: lindung school add NPSN --name ... --level SD --kabupaten ...")
    return EXIT_OK


COMMANDS = {
    "demo": cmd_demo, "enroll": cmd_enroll, "list": cmd_list, "show": cmd_show, "delete": cmd_delete, "edit": cmd_edit,
    "user": cmd_user, "regions": cmd_regions, "settings": cmd_settings, "import": cmd_import,
    "template": cmd_template, "school": cmd_school, "cards": cmd_cards, "verify-card": cmd_verify_card,
    "card-key": cmd_card_key, "report": cmd_report, "register": cmd_register, "sync": cmd_sync,
    "bundle": cmd_bundle, "backup": cmd_backup, "restore": cmd_restore, "audit": cmd_audit,
}


NO_DISPLAY = ("jendela Lindung butuh layar, tetapi tidak ada (DISPLAY dan WAYLAND_DISPLAY kosong). "
              "Tanpa layar, pakai baris perintah, misalnya `lindung list` (lihat `lindung --help`), "
              "atau jalankan jendela tanpa layar dengan QT_QPA_PLATFORM=offscreen")


def _require_display() -> None:
    """On Linux without a display Qt aborts with a misleading "xcb-cursor0 is needed": say what is wrong."""
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise CliError(NO_DISPLAY, EXIT_FAILURE)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            _require_display()
            from desktop.gui.app import run_gui

            return run_gui(db=args.db, lang=args.lang)
        from desktop.services.errors import ServiceError

        ws = _open(args)
        try:
            actor = _sign_in(ws, args)
            return COMMANDS[args.command](ws, actor, args)
        except ServiceError as exc:
            raise CliError(exc.message) from None
        finally:
            ws.close()
    except CliError as exc:
        print(f"lindung: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("lindung: dibatalkan", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say where, never the message (it may carry a NIK or a name)
        from desktop.domain.redact import error_summary

        print(f"lindung: galat tak terduga ({error_summary(exc)}); data yang sudah disimpan tetap aman. "
              "Laporkan baris ini ke admin cabang.", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
