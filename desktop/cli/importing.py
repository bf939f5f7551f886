"""``import`` of a list of parents and the ``template`` to fill in."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CliError, _warn_outside


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
        # The window's path: read and check, then (unless a dry run, or the NIK or name column is
        # missing) enroll every valid row in one transaction.
        preview = importing.read_import(ws, Path(args.file), school_npsn=args.school, columns=columns or None)
        accepted = 0
        if not args.dry_run and not preview.unmapped_required:
            result = importing.commit_import(ws, preview, actor)
            accepted, preview = result.accepted, result.preview
    except importing.SchoolNeeded as exc:
        raise CliError(f"{exc.message} Sebutkan --school NPSN.", EXIT_INVALID) from None
    if preview.unmapped_required:
        missing = ", ".join(importing.column_label(f) for f in preview.unmapped_required)
        raise CliError(f"kolom {missing} tidak ditemukan di baris judul berkas {Path(args.file).name}; "
                       f"pakai templat (lindung template), --map \"Kolom di berkas=nik\", atau petakan kolom di "
                       f"jendela impor", EXIT_INVALID)
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
    known, unknown, no_school = preview.by_school()
    if args.json:
        summary = {"accepted": accepted, "rejected": rejected, "duplicates": duplicates,
                   "not_eligible": not_eligible, "skipped": skipped,
                   "columns": {"mapped": [{"column": c, "field": f} for c, f in mapped], "ignored": ignored},
                   "sheets": {"read": preview.sheet, "ignored": [{"sheet": name, "reason": reason.format(sheet=name)}
                                                                 for name, reason in preview.ignored_sheets]}}
        if preview.dapodik is not None:
            summary["dapodik"] = {"pupils": preview.dapodik.pupils, "people": preview.dapodik.people,
                                  "school_npsn": preview.school_npsn, "kind": preview.dapodik.kind}
        if preview.split is not None:
            summary["schools"] = [{"npsn": npsn, "name": name, "people": people, "valid": ready}
                                  for npsn, name, people, ready in known]
            summary["unknown_schools"] = [{"school": named, "people": people} for named, people in unknown]
            summary["no_school"] = [entry(r) for r in no_school]
        if args.dry_run:
            summary["valid"] = len(preview.committable)
        print(json.dumps(summary, ensure_ascii=False))
        return _status(len(preview.committable) if args.dry_run else accepted, rejected, not_eligible)
    source = preview.dapodik
    if source is not None:
        print(f"Berkas {source.kind}: {source.pupils} siswa, {source.people} orang tua/wali"
              + (f" ({source.school_name})" if source.school_name else "") + ".")
    if preview.split is not None:
        print(school_split_line(known, unknown, no_school, bool(args.school)))
    if preview.ignored_sheets:
        print(f"Lembar dibaca: {preview.sheet}.")
        for note in preview.sheet_notes():
            print(f"  {note}")
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
    return _status(count, rejected, not_eligible)


def _status(enrolled: int, rejected: list, not_eligible: list) -> int:
    """Nothing enrolled though rows were refused: said on stderr, and a failing exit status for scripts."""
    refused = len(rejected) + len(not_eligible)
    if enrolled or not refused:
        return EXIT_OK
    print(f"lindung: tidak ada yang didaftarkan: {refused} baris ditolak atau tidak memenuhi syarat; perbaiki "
          "berkasnya (alasannya di atas, atau tulis ke lembar dengan --errors OUT.xlsx) lalu impor lagi",
          file=sys.stderr)
    return EXIT_INVALID


def school_split_line(known, unknown, no_school, school_chosen: bool) -> str:
    """``Daftar menyebut 3 sekolah: A (NPSN …): 4 orang; …`` for a list naming each row's school."""
    parts = [f"{name} (NPSN {npsn}): {people} orang" for npsn, name, people, _ready in known]
    parts += [f"\"{named}\": {people} orang, sekolah belum terdaftar" for named, people in unknown]
    line = f"Daftar menyebut {len(known) + len(unknown)} sekolah: " + "; ".join(parts) + "."
    if unknown:
        line += (" Sekolah yang belum terdaftar: admin menambahkannya dulu (lindung school add), lalu impor "
                 "berkas ini lagi; yang sudah terdaftar tetap didaftarkan.")
    if no_school:
        line += f" {len(no_school)} baris tidak menyebut sekolahnya (baris " + ", ".join(
            str(r.number) for r in no_school[:20]) + (", …" if len(no_school) > 20 else "") + "): tidak didaftarkan."
    if school_chosen:
        line += " --school tidak dipakai: setiap baris masuk ke sekolah yang disebutnya."
    return line


def cmd_template(ws, actor, args) -> int:
    from desktop.services.importing import write_template

    write_template(ws, Path(args.out))
    print(f"Templat impor ditulis ke {args.out}.")
    return EXIT_OK
