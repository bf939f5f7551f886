"""``lindung-hub``: run the hub and administer it. Every command takes ``--db URL`` (or LINDUNG_HUB_DB)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from desktop.usage import Parser


class _Parser(Parser):  # Indonesian usage errors and help (desktop.usage)
    def error(self, message: str):
        print(f"lindung-hub: perintah tidak lengkap atau salah: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lindung-hub", description="Hub cabang Lindung: sinkronisasi laptop relawan.")
    parser.add_argument("--db", metavar="URL", help="sqlite:///berkas atau postgresql+psycopg://… (bawaan: LINDUNG_HUB_DB)")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", required=True, parser_class=_Parser)
    sub.add_parser("init", help="buat basis data hub yang baru (atau perbarui skemanya); perintah lain hanya "
                                "membuka basis data yang sudah ada")
    p = sub.add_parser("serve", help="jalankan hub (HTTP)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8750)
    p.add_argument("--workers", type=int, default=1, help="jumlah proses (untuk PostgreSQL)")
    p = sub.add_parser("device-code", help="kode sekali pakai untuk mendaftarkan laptop")
    p.add_argument("--name", required=True)
    p.add_argument("--hours", type=int, default=72)
    p.add_argument("--role", choices=("volunteer", "coordinator", "printer", "admin"), default="volunteer",
                   help="paling banyak yang boleh dilakukan laptop ini (bawaan volunteer: hanya data buatannya)")
    _scope_options(p, school_help="sekolah laptop koordinator (cakupannya: data sekolah itu)")
    p.add_argument("--review", action="store_true",
                   help="boleh menyelesaikan semua konflik dan data ganda (koordinator: yang sekolahnya)")
    p = sub.add_parser("scope", help="ubah cakupan data sebuah laptop (berlaku pada sinkronisasi berikutnya)")
    p.add_argument("device_id")
    _scope_options(p, school_help="data sekolah ini (laptop koordinator: sekolahnya menjadi yang ini)",
                   required=True)
    p.add_argument("--yes", action="store_true",
                   help="tanpa bertanya, walau laptop itu akan menghapus data yang tidak lagi dalam cakupannya")
    sub.add_parser("migrate", help="bawa skema basis data ke revisi terbaru (serve juga melakukannya saat mulai)")
    p = sub.add_parser("devices", help="daftar laptop")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("revoke", help="cabut akses sebuah laptop")
    p.add_argument("device_id")
    p = sub.add_parser("rotate", help="ganti kredensial sebuah laptop: yang lama berhenti, kode sekali pakai "
                                      "untuk yang baru (data laptop tetap)")
    p.add_argument("device_id")
    p.add_argument("--hours", type=int, default=72, help="masa berlaku kode (jam)")
    p = sub.add_parser("bundle", help="bundel dari laptop tanpa sambungan")
    bundle_sub = p.add_subparsers(dest="bundle_command", metavar="import", required=True, parser_class=_Parser)
    q = bundle_sub.add_parser("import", help="terapkan bundel (mengimpor dua kali tidak mengubah apa pun)")
    q.add_argument("file")
    p = sub.add_parser("audit", help="catatan audit dari laptop (siapa, kapan, apa)")
    p.add_argument("--device", help="hanya laptop ini")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--verify", action="store_true", help="periksa ulang rantai hash semua catatan")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("list", help="data peserta di hub")
    p.add_argument("--json", action="store_true")
    return parser


def _scope_options(p: argparse.ArgumentParser, school_help: str, required: bool = False) -> None:
    """Which records a laptop holds; without one of these, every record (as before scopes)."""
    group = p.add_mutually_exclusive_group(required=required)
    group.add_argument("--area", metavar="KODE[,KODE…]",
                       help="kecamatan atau desa/kelurahan (laptop relawan): data di sana dan data buatannya")
    group.add_argument("--kabupaten", metavar="KODE[,KODE…]",
                       help="kabupaten/kota (laptop pencetak, kantor cabang)")
    group.add_argument("--school", metavar="NPSN", help=school_help)
    if required:
        group.add_argument("--all", action="store_true", help="semua data (tanpa cakupan)")


def _scope_of(args, regions=None) -> tuple[str | None, tuple[str, ...]]:
    from hub import scope

    for kind, value in (("area", args.area), ("kabupaten", args.kabupaten), ("school", args.school)):
        if value is not None:
            return kind, scope.parse_codes(kind, value, regions)
    return None, ()


def _regions():
    from desktop.domain.regions import RegionCatalog
    from desktop.paths import REGIONS_CSV
    from desktop.services.region_file import read_regions_csv

    return RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV))


def _host_for_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _describe_db(url: str) -> str:
    """The database as the operator should see it: a SQLite file's absolute place, a URL without its password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        from pathlib import Path

        return f"berkas SQLite {Path(parsed.database).expanduser().resolve()}"
    return parsed.render_as_string(hide_password=True)


def main(argv: Sequence[str] | None = None) -> int:
    """The command; its output cut short by a reader that stopped reading (``lindung-hub list --json |
    head``) ends it quietly with status 141, as a Unix tool killed by SIGPIPE."""
    try:
        status = _main(argv)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # nothing left to flush at exit
        return 141


def _open(url: str, create: bool = False):
    """The hub's database, or None after one line saying why not (unreachable, missing, unsupported)."""
    from hub.db import HubDatabase, HubDatabaseError

    try:
        return HubDatabase(url, create=create)
    except HubDatabaseError as exc:
        print(f"lindung-hub: {exc}", file=sys.stderr)
    except Exception as exc:  # a database the hub cannot use: one line, no traceback
        print(f"lindung-hub: basis data hub tidak dapat dibuka: {type(exc).__name__}", file=sys.stderr)
    return None


def _confirmed(device_id: str, leaving: int, yes: bool) -> bool:
    """A scope change that takes records off a laptop: said, and asked (``--yes`` for scripts)."""
    if not leaving or yes:
        return True
    said = (f"laptop {device_id} akan menghapus {leaving} data yang tidak lagi dalam cakupan barunya pada "
            "sinkronisasi berikutnya")
    if not sys.stdin.isatty():
        print(f"lindung-hub: {said}; tidak diubah. Ulangi dengan --yes bila memang demikian", file=sys.stderr)
        return False
    answer = input(f"{said[0].upper()}{said[1:]}. Lanjutkan? [y/T] ").strip().lower()
    if answer in ("y", "ya"):
        return True
    print("lindung-hub: dibatalkan; cakupan tidak diubah", file=sys.stderr)
    return False


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    from hub import service
    from hub.db import database_url
    from hub.scope import ScopeError

    url = database_url(args.db)
    db = _open(url, create=args.command == "init")
    if db is None:
        return 4
    if args.command == "init":
        db.close()
        print(f"lindung-hub: basis data hub siap: {_describe_db(url)}")
        return 0
    if args.command == "serve":
        import os

        db.close()   # there, reachable and at the newest schema: the worker processes open it again
        os.environ["LINDUNG_HUB_DB"] = url  # the worker processes build the app from it
        from hub.server import serve

        def listening() -> None:
            print(f"lindung-hub: melayani di http://{_host_for_url(args.host)}:{args.port} "
                  f"({args.workers} proses), basis data: {_describe_db(url)}", flush=True)

        serve(args.host, args.port, args.workers, listening)
        return 0
    try:
        if args.command == "scope":
            kind, codes = _scope_of(args, _regions())
            with db.session() as session:
                leaving = service.records_leaving(session, args.device_id, kind, codes)
            if not _confirmed(args.device_id, leaving, args.yes):
                return 1
        with db.session() as session:
            if args.command == "device-code":
                kind, codes = _scope_of(args, _regions())
                if args.role == "coordinator" and kind == "school" and len(codes) != 1:
                    raise service.HubError("laptop koordinator bekerja untuk satu sekolah: --school NPSN")
                code = service.new_device_code(session, args.name, args.hours, args.review, args.role,
                                               codes[0] if kind == "school" else None,
                                               (None, ()) if kind == "school" and args.role == "coordinator"
                                               else (kind, codes))
                rights = f", peran {args.role}" + (f" sekolah {args.school}" if args.role == "coordinator" else "")
                if args.review or args.role == "coordinator":
                    rights += ", boleh meninjau konflik dan data ganda"
                from hub.scope import Scope

                rights += f", cakupan {Scope('', kind, codes).describe()}"
                print(f"Kode untuk {args.name} (berlaku {args.hours} jam, sekali pakai{rights}):")
                print(code)
            elif args.command == "scope":
                changed = service.change_scope(session, args.device_id, kind, codes)
                print(f"Cakupan laptop {args.device_id}: {changed['text']} (versi {changed['version']}); "
                      "berlaku pada sinkronisasi berikutnya.")
            elif args.command == "migrate":       # HubDatabase(url) has brought it to the newest revision
                print(f"Basis data hub pada revisi {db.head}: {_describe_db(url)}")
            elif args.command == "devices":
                devices = service.list_devices(session)
                if args.json:
                    print(json.dumps(devices, ensure_ascii=False))
                for d in devices if not args.json else []:
                    print(f"{d['id']}  {d['prefix'] or '-':<6}  {'DICABUT' if d['revoked'] else 'DIGANTI' if d['awaiting_new_credential'] else 'aktif':<7}  "
                          f"{d['role']:<11}  {d['name']}  [cakupan {d['scope']['text']}]")
            elif args.command == "revoke":
                service.revoke_device(session, args.device_id)
                print(f"Akses laptop {args.device_id} dicabut.")
            elif args.command == "rotate":
                code = service.rotate_credential(session, args.device_id, args.hours)
                print(f"Kredensial lama laptop {args.device_id} tidak berlaku lagi. Di laptop itu jalankan "
                      f"(berlaku {args.hours} jam, sekali pakai): lindung register --hub ALAMAT --code {code}")
                print(code)
            elif args.command == "bundle":
                from pathlib import Path

                from desktop.domain.regions import RegionCatalog
                from desktop.paths import REGIONS_CSV
                from desktop.services.region_file import read_regions_csv

                try:
                    data = Path(args.file).read_bytes()
                except OSError as exc:
                    raise service.HubError(f"berkas {args.file} tidak dapat dibaca: {type(exc).__name__}") from exc
                ctx = service.HubContext(RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV)))
                c = service.import_bundle(session, data, ctx)
                print(f"Bundel diterapkan: {c['accepted']} baru, {c['duplicate']} kemungkinan ganda, "
                      f"{c['conflict']} konflik, {c['rejected']} ditolak, {c['already']} sudah pernah diterima.")
            elif args.command == "audit":
                if args.verify:
                    verdict = service.verify_audit(session)
                    if args.json:
                        print(json.dumps(verdict))
                    elif verdict["broken"]:
                        for b in verdict["broken"][:20]:
                            print(f"RUSAK: laptop {b['device_id']} catatan #{b['id']}")
                    else:
                        print(f"Rantai utuh: {verdict['entries']} catatan dari {verdict['devices']} laptop.")
                    return 3 if verdict["broken"] else 0
                entries = service.audit_entries(session, args.device, args.limit)
                if args.json:
                    print(json.dumps(entries, ensure_ascii=False))
                for e in [] if args.json else entries:
                    print(f"{e['at'][:19].replace('T', ' ')}  {e['device']:<16.16} {e['actor']:<12.12} "
                          f"{e['action']:<8} {e['subject']}")
            elif args.command == "list":
                records = service.list_records(session)
                if args.json:
                    print(json.dumps(records, ensure_ascii=False))
                else:
                    for r in records:
                        print(f"{r['registration_no']}  {r['full_name']}")
                    print(f"{len(records)} peserta.")
    except service.HubError as exc:
        print(f"lindung-hub: {exc.message}", file=sys.stderr)
        return 1
    except ScopeError as exc:   # a code that cannot be one
        print(f"lindung-hub: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
