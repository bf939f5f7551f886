"""Running the laptop: ``regions``, ``settings``, ``school``, ``audit``, ``backup``, ``restore``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.cli.common import EXIT_AUTH, EXIT_INVALID, EXIT_OK, EXIT_USAGE, CliError, _resolve_kabupaten


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
        from dataclasses import replace

        from desktop.services.settings import programme_settings, save_programme_settings

        # Checked and logged as the window's settings are (the bounds of each setting are there).
        save_programme_settings(ws, actor, replace(programme_settings(ws), **{args.key: args.value}))
    for key, value in asdict(ws.policy).items():
        print(f"{key} = {value}")
    from desktop.services.accounts import lock_minutes

    print(f"lock_minutes = {lock_minutes(ws)}")
    print(f"device_prefix = {ws.device.prefix}")
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
