"""Workers' records: ``demo``, ``enroll``, ``list``, ``show``, ``delete``, ``edit``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (EXIT_AUTH, EXIT_INVALID, EXIT_OK, EXIT_USAGE, CliError, _resolve_kabupaten,
                                _school_id)

MAX_WARNINGS_SHOWN = 20


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

    if args.expiring is not None and args.expiring < 0:
        raise CliError("--expiring harus 0 atau lebih", EXIT_USAGE)
    query = SearchQuery(text=args.query, kabupaten_code=_resolve_kabupaten(ws, args.kabupaten), status=args.status,
                        expiring_days=args.expiring, batch=args.batch, school_id=_school_id(ws, args.school),
                        today=ws.today)
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
    header = (f"{'No. Registrasi':<16} {'Nama':<32} {'NIK':<16} {'Tgl Lahir':<10} L/P {'Kabupaten/Kota':<22} "
              f"{'Pekerjaan':<22} {'No. KPJ':<11} {'Berlaku s.d.':<12} Status")
    print(header)
    for record in iter_records(ws, query):
        if limit is not None and count >= limit:
            break
        kab = ws.regions.get(record.kabupaten_code)
        print(f"{record.registration_no:<16} {record.full_name[:32]:<32} {mask_nik(record.nik):<16} "
              f"{format_date(record.birth_date):<10} {record.sex:<3} {(kab.short_name if kab else record.kabupaten_code)[:22]:<22} "
              f"{Occupation(record.occupation).label[:22]:<22} {record.kpj_number or '-':<11} "
              f"{format_date(record.coverage_end) or '-':<12} {Status(record.status_on(ws.today)).label}")
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
        from desktop.services.membership import describe_event

        events = data.pop("lifecycle")
        data["status"] = record.status_on(ws.today)
        width = max(len(k) for k in data)
        for key, value in data.items():
            print(f"{key:<{width}}  {'' if value is None else value}")
        if events:
            print("riwayat kepesertaan:")
            for event in events:
                print(f"  {str(event.get('at', ''))[:10]}  {describe_event(event)}  ({event.get('by', '')})")
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
    follows = ("Status, No. KPJ dan masa perlindungan mengikuti pengajuan ke BPJS, jawaban BPJS dan pembayaran "
               "BAZNAS (lindung bpjs, lindung payment); tidak diketik.")
    fixed.update(dict.fromkeys(("status", "coverage_start", "coverage_end", "lifecycle"), follows))

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
