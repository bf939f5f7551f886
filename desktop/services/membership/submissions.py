"""Submissions to BPJS: who is ready, the collective registration spreadsheet, the branch's template."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain import bpjs, lifecycle
from desktop.domain.enrollment import Funding, Occupation, Relationship, Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import format_date
from desktop.services import audit
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError, write_failed
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import lifecycle_rows, membership_batches, settings, sync_state
from desktop.storage.database import Tx
from desktop.storage.lifecycle_rows import Candidate
from desktop.services.membership.events import (
    TEMPLATE_SETTING, MAX_MONTHS, Progress, _append, _next_number,
    _stamp, require_branch,
)


def _held(tx: Tx) -> set[str]:
    """Records that may not go to BPJS now: open at the hub's review, or a change the hub refused."""
    held: set[str] = set()
    for value in settings.get_many(tx, (sync_state.REVIEW_HOLD, sync_state.REFUSED)).values():
        try:
            held.update(json.loads(value))
        except ValueError:
            pass
    return held


@dataclass(frozen=True)
class Readiness:
    ready: list[Candidate]                                     # the workers' rows
    not_ready: dict[str, int] = field(default_factory=dict)    # reason -> count


def _complete(row: Candidate, ws: Workspace) -> bool:
    """What a submission needs, checked again at the branch: every record was validated in full when it was
    saved (here or at the hub), so what can have changed since is the region list and a school not known here
    (every rule again would cost a batch of a branch's records half its time: benchmarks/bench_membership.py)."""
    regions = ws.regions
    return bool(len(row.nik) == 16 and row.nik.isdigit() and row.full_name and row.birth_place and row.address
                and row.heir_name and row.heir_relationship and row.occupation and row.birth_date
                and regions.get(row.desa_code) is not None and regions.get(row.kecamatan_code) is not None
                and regions.get(row.kabupaten_code) is not None
                and (not row.pupil_name or row.school_known))


def _ready(tx: Tx, ws: Workspace, query: SearchQuery, limit: int | None) -> Readiness:
    held = _held(tx)
    skipped_niks = lifecycle_rows.skipped_niks(tx)
    ready: list[Candidate] = []
    not_ready: dict[str, int] = {}
    for row in lifecycle_rows.candidates(tx, SearchQuery(query.text, query.kabupaten_code,
                                                                       query.school_id),
                                         (Status.ENROLLED.value, Status.REFUSED.value)):
        reason = None
        if row.uuid in held:
            reason = "review"
        elif row.nik in skipped_niks:
            reason = "duplicate"
        elif row.status == Status.REFUSED.value:
            if not lifecycle.fixed_since_refusal(lifecycle.derive(lifecycle.loads(row.lifecycle)), row._asdict()):
                reason = "refused"
        if reason is None and not _complete(row, ws):
            reason = "invalid"
        if reason is not None:
            not_ready[reason] = not_ready.get(reason, 0) + 1
            continue
        ready.append(row)
        if limit is not None and len(ready) >= limit:
            break
    return Readiness(ready, not_ready)


NOT_READY_LABELS = {
    "review": QT_TRANSLATE_NOOP("Service", "menunggu tinjauan di hub (konflik atau data ganda)"),
    "duplicate": QT_TRANSLATE_NOOP("Service", "kemungkinan data ganda di hub"),
    "refused": QT_TRANSLATE_NOOP("Service", "ditolak BPJS dan belum diperbaiki"),
    "invalid": QT_TRANSLATE_NOOP("Service", "data belum lengkap atau tidak sah"),
}


def count_ready(ws: Workspace, query: SearchQuery = SearchQuery()) -> Readiness:
    with ws.read() as tx:
        found = _ready(tx, ws, query, None)
        return Readiness([], {**found.not_ready, "ready": len(found.ready)})


def template(ws: Workspace) -> list[tuple[str, str | None]]:
    """The upload's columns: the branch's template when loaded, else Lindung's own."""
    with ws.read() as tx:
        value = settings.get(tx, TEMPLATE_SETTING)
    if value is None:
        return [(bpjs.DEFAULT_HEADERS[key], key) for key in bpjs.EXPORT_KEYS]
    return [(header, key) for header, key in json.loads(value)]


def load_template(ws: Workspace, path: Path, actor: Actor) -> list[tuple[str, str | None]]:
    """Follow the branch's own upload template (its header row): names and order are remembered."""
    from desktop.services.spreadsheets import read_table

    require_branch(actor)
    table = read_table(Path(path))
    index = bpjs.find_template_header(table.rows)
    if index is None:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Baris judul templat BPJS tidak ditemukan di {name}: "
                                                        "tidak ada kolom NIK, Nama, Tanggal Lahir dan sejenisnya."),
                           name=Path(path).name)
    mapped = bpjs.map_template(table.rows[index])
    if not any(key == "nik" for _, key in mapped):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Templat BPJS harus memiliki kolom NIK."))
    with ws.write() as tx:
        settings.put(tx, TEMPLATE_SETTING, json.dumps(mapped, ensure_ascii=False))
        audit.record(tx, ws, actor, "edit", "templat BPJS", {"columns": len(mapped),
                                                                   "file": Path(path).name})
    return mapped


def reset_template(ws: Workspace, actor: Actor) -> None:
    require_branch(actor)
    with ws.write() as tx:
        if settings.get(tx, TEMPLATE_SETTING) is not None:
            settings.delete(tx, TEMPLATE_SETTING)
            audit.record(tx, ws, actor, "edit", "templat BPJS", {"reset": True})


def _export_row(worker: Any, index: int, ws: Workspace, batch: str, months: int, bracket: int) -> dict[str, Any]:
    """One worker's row of the upload. The income column carries the bracket the programme pays for
    (``bracket``), not the worker's own declared income: BPJS bills JKK at 1 % of what it is sent."""
    regions = ws.regions
    occupation = Occupation.parse(worker.occupation)
    relationship = Relationship.parse(worker.heir_relationship)
    funding = Funding.parse(worker.funding_source)
    return {
        "row": index, "nik": worker.nik, "full_name": worker.full_name, "birth_place": worker.birth_place,
        "birth_date": format_date(worker.birth_date), "sex": worker.sex,
        "address": worker.address, "desa_code": worker.desa_code, "desa": regions.name(worker.desa_code),
        "kecamatan_code": worker.kecamatan_code, "kecamatan": regions.name(worker.kecamatan_code),
        "kabupaten_code": worker.kabupaten_code, "kabupaten": regions.name(worker.kabupaten_code),
        "province_code": worker.kabupaten_code[:2], "phone": worker.phone or "",
        "occupation": worker.occupation_other if occupation is Occupation.OTHER else (
            occupation.label if occupation else worker.occupation),
        "monthly_income": bracket, "programmes": "JKK, JKM", "months": months,
        "payer": "BAZNAS" if funding in (None, Funding.BAZNAS_ZAKAT) else funding.label,
        "heir_name": worker.heir_name,
        "heir_relationship": relationship.label if relationship else worker.heir_relationship,
        "registration_no": worker.registration_no, "batch": batch,
    }


_TEXT_KEYS = {"nik", "phone", "desa_code", "kecamatan_code", "kabupaten_code", "province_code", "registration_no",
              "birth_date"}


@dataclass(frozen=True)
class BatchResult:
    number: str
    records: int
    path: Path
    not_ready: dict[str, int]


def export_submission(ws: Workspace, out: Path, actor: Actor, query: SearchQuery = SearchQuery(),
                      limit: int | None = None, months: int | None = None,
                      progress: Progress | None = None) -> BatchResult:
    """Write the collective registration spreadsheet for the records ready for BPJS (filtered like the
    list) and record them as one submission batch. Nothing ready: ``ServiceError``."""
    from desktop.services.spreadsheets import ColumnSpec

    require_branch(actor)
    months = months or ws.policy.coverage_months
    if not 1 <= months <= MAX_MONTHS:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah bulan harus 1 sampai {max}."), max=MAX_MONTHS)
    if limit is not None and limit < 1:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Batas jumlah peserta harus 1 atau lebih."))
    out = Path(out)
    columns = template(ws)
    with bulk_work(), ws.write() as tx:
        found = _ready(tx, ws, query, limit)
        if not found.ready:
            raise NothingReady(found.not_ready)
        now = ws.now()
        number = _next_number(tx, ws, "batch")
        specs = [ColumnSpec(header, width=24 if key in ("full_name", "address") else 16,
                            text=key in _TEXT_KEYS) for header, key in columns]
        bracket = ws.policy.jkk_income      # sent, recorded on each worker's event and priced from
        event = {"type": lifecycle.SUBMITTED, "at": _stamp(now), "by": actor.username, "batch": number,
                 "months": months, "income": bracket}
        _append(tx, ws, actor, {w.id: dict(event) for w in found.ready}, now)
        filters = {k: v for k, v in (("kabupaten", query.kabupaten_code), ("school_id", query.school_id),
                                     ("query", query.text or None), ("limit", limit)) if v}
        membership_batches.add(tx, membership_batches.BatchRecord(
            number, now, actor.username, ws.device.id, months, len(found.ready), json.dumps(filters), out.name))
        audit.record(tx, ws, actor, "submit", number, {"records": len(found.ready), "months": months,
                                                        "file": out.name, "jkk_income": bracket, **filters})
        try:     # the file is whole before the batch commits; a failure records nothing
            _write_upload(out, specs, columns, found.ready, ws, number, months, bracket)
        except OSError as exc:   # full, read-only, open in Excel: said as such (services.errors)
            raise write_failed(exc, out) from exc
    return BatchResult(number, len(found.ready), out, found.not_ready)


def _write_upload(out: Path, specs, columns, ready: list[Candidate], ws: Workspace, number: str, months: int,
                  bracket: int) -> None:
    from desktop.services.spreadsheets import write_rows

    rows = (_export_row(w, i, ws, number, months, bracket) for i, w in enumerate(ready, start=1))
    write_rows(out, specs, ([row.get(key) if key else None for _, key in columns] for row in rows))


class NothingReady(ServiceError):
    def __init__(self, not_ready: Mapping[str, int]):
        super().__init__(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta yang siap diajukan ke BPJS{detail}."),
                         detail=(" (" + ", ".join(f"{n} {key}" for key, n in sorted(not_ready.items())) + ")")
                         if not_ready else "")
        self.not_ready = dict(not_ready)


