"""Two-way sync with the branch hub: push what the hub has not acknowledged, pull what others did.

The outbox is the records themselves: a record waits while the hub has not acknowledged its current
revision (``synced_revision``), so nothing is lost when a link drops, a resend is harmless (the
operation id is ``<uuid>:<revision>``, answered once by the hub), and a record edited during an upload
is sent again. Pulling goes by the hub's change cursor, stored with the records it brought in the same
transaction, so an interrupted pull resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import func, or_, select, text

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import search_key
from desktop.services.enrollment import (
    FIELDS,
    _bulk_insert,
    _record_from_values,
    _school_names,
)
from desktop.services.errors import ServiceError
from desktop.services.membership import lifecycle_columns
from desktop.services.schools import ids_for_records
from desktop.services.workspace import Workspace, bulk_work, utcnow
from desktop.storage.models import Setting, SyncSkipped, Worker, WorkerChange

PUSH_BATCH = 500
PULL_BATCH = 1000
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class SyncFailed(ServiceError):
    pass


class Refused(SyncFailed):
    """The hub refuses this laptop (unknown or revoked credential): retrying will not help."""


class NotRegistered(SyncFailed):
    """This laptop has no hub yet."""


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    duplicates: int = 0
    rejected: list[str] = field(default_factory=list)
    waiting: int = 0          # still not acknowledged after this sync
    hub_records: int = 0
    to_review: int = 0         # open conflicts and possible duplicates at the hub (for everyone)
    counts_match: bool = True  # this laptop holds every hub record (or knows why not)
    audit_sent: int = 0        # audit entries the hub took this time
    audit_refused: str = ""    # the hub's reason when it refused this laptop's audit chain
    full_resync: bool = False
    set_aside: int = 0         # pulled records that clash with one here, kept aside for review at the hub
    seen_duplicates: set[str] = field(default_factory=set, repr=False)  # record ids already counted

    def summary(self) -> str:
        return (f"pushed {self.pushed}, pulled {self.pulled}, conflicts {self.conflicts}, "
                f"duplicates {self.duplicates}" + (f", set aside {self.set_aside}" if self.set_aside else ""))

    def merge_page(self, page: SyncReport) -> None:
        """Add the counts of one pulled page (kept apart until its transaction commits)."""
        self.pulled += page.pulled
        self.duplicates += page.duplicates
        self.set_aside += page.set_aside
        self.seen_duplicates |= page.seen_duplicates


def _setting(ws: Workspace, key: str) -> str | None:
    with ws.session() as session:
        row = session.get(Setting, key)
        return row.value if row is not None else None


def _unreachable(hub: str, exc: Exception) -> SyncFailed:
    return SyncFailed(QT_TRANSLATE_NOOP("Service", "Hub {hub} tidak dapat dihubungi ({reason}); data tetap aman "
                                                   "di laptop dan dikirim pada sinkronisasi berikutnya."),
                      hub=hub, reason=type(exc).__name__)


def _answer(response: httpx.Response) -> dict[str, Any]:
    if response.status_code in (401, 403):
        detail = response.json().get("detail", "") if response.headers.get("content-type", "").startswith(
            "application/json") else ""
        raise Refused(QT_TRANSLATE_NOOP("Service", "Hub menolak laptop ini: {detail}"), detail=detail or response.status_code)
    if response.status_code >= 400:
        raise SyncFailed(QT_TRANSLATE_NOOP("Service", "Hub menjawab dengan galat {status}."), status=response.status_code)
    return response.json()


def _loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_hub_url(hub: str, allow_http: bool = False) -> str:
    """The hub's address as used: ``https://…``, or ``http://`` only on this machine (loopback) or
    when told explicitly (``allow_http``) — over plain HTTP the laptop's credential travels in clear."""
    hub = (hub or "").strip().rstrip("/")
    parsed = httpx.URL(hub) if "://" in hub else None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise SyncFailed(QT_TRANSLATE_NOOP("Service", "Alamat hub {hub} tidak sah; contoh: https://hub.cabang.id"), hub=hub)
    if parsed.scheme == "http" and not allow_http and not _loopback(parsed.host):
        raise SyncFailed(QT_TRANSLATE_NOOP(
            "Service", "Alamat hub {hub} memakai http:// tanpa enkripsi: kredensial laptop akan terkirim terbuka. "
                       "Gunakan https:// (hub di balik proxy TLS), atau --allow-http bila jaringannya memang tertutup."),
            hub=hub)
    return hub


def _registered_hub(ws: Workspace, hub: str | None) -> tuple[str, str]:
    """The hub this laptop's credential belongs to, and the credential. It is only ever sent there:
    another address is refused, not tried."""
    registered, token = _setting(ws, "sync.hub_url"), _setting(ws, "sync.token")
    if not registered or not token:
        raise NotRegistered(QT_TRANSLATE_NOOP("Service", "Laptop ini belum terdaftar di hub: lindung register --hub URL --code KODE."))
    if hub and hub.strip().rstrip("/") != registered:
        raise SyncFailed(QT_TRANSLATE_NOOP(
            "Service", "Laptop ini terdaftar di hub {registered}; kredensialnya tidak dikirim ke {hub}. "
                       "Untuk pindah hub, daftarkan ulang laptop dengan kode baru."), registered=registered, hub=hub)
    return checked_hub_url(registered, _setting(ws, "sync.allow_http") == "1"), token


def register(ws: Workspace, hub: str, code: str, name: str = "", allow_http: bool = False) -> str:
    """Exchange a one-time code for this laptop's credential, kept in its database (never printed)."""
    from desktop.domain.base64url import b64
    from desktop.domain.bundle import raw_public
    from desktop.services.cards import signing_key

    hub = checked_hub_url(hub, allow_http)
    public = b64(raw_public(signing_key(ws).public_key()))  # the installation's key signs its bundles
    try:
        response = httpx.post(f"{hub}/v1/devices/register", timeout=TIMEOUT, json={
            "code": code, "device_id": ws.device.id, "prefix": ws.device.prefix, "name": name,
            "public_key": public})
    except httpx.HTTPError as exc:
        raise _unreachable(hub, exc) from exc
    if response.status_code in (401, 409):
        raise SyncFailed(QT_TRANSLATE_NOOP("Service", "Pendaftaran ke hub ditolak: {detail}"),
                         detail=response.json().get("detail", ""))
    body = _answer(response)
    with ws.session(write=True) as session:
        session.merge(Setting(key="sync.hub_url", value=hub))
        session.merge(Setting(key="sync.allow_http", value="1" if allow_http else "0"))
        session.merge(Setting(key="sync.token", value=body["token"]))
        session.merge(Setting(key="sync.hub_key", value=body["hub_key"]))
        session.merge(Setting(key="sync.cursor", value="0"))
    return hub


def export_bundle(ws: Workspace, out, actor: Any = None) -> int:
    """Write every record the hub has not acknowledged to ``out``, sealed for the hub and signed by
    this laptop; returns how many. The laptop learns the acknowledgements at its next sync (the
    operation ids are the same, so the hub answers them as already done)."""
    import os
    from pathlib import Path

    from desktop.domain.base64url import unb64
    from desktop.domain.bundle import seal
    from desktop.services import audit
    from desktop.services.cards import signing_key

    hub_key = _setting(ws, "sync.hub_key")
    if not hub_key:
        raise NotRegistered(QT_TRANSLATE_NOOP("Service", "Laptop ini belum terdaftar di hub: lindung register --hub URL --code KODE."))
    out = Path(out)
    ops: list[dict[str, Any]] = []
    after = 0
    with bulk_work():
        while True:
            batch, _pushed, after = _prepare(ws, after)
            if not batch:
                break
            ops += batch
        audit.log(ws, actor or audit.SYSTEM, "export", out.name, {"what": "bundel sinkronisasi", "records": len(ops)})
        entries, after = [], int(_setting(ws, audit.SYNCED_SETTING) or 0)
        while batch := audit.pending(ws, after, 5000):   # the hub skips those it already has
            entries += batch
            after = batch[-1]["id"]
        data = seal({"ops": ops, "audit": entries, "created_at": utcnow().isoformat(timespec="seconds") + "Z"},
                    ws.device.id, unb64(hub_key), signing_key(ws))
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(out)
    return len(ops)


def _dirty(session, limit: int, after_id: int) -> list[Worker]:
    return list(session.scalars(
        select(Worker).where(or_(Worker.synced_revision.is_(None), Worker.synced_revision < Worker.revision),
                             Worker.id > after_id).order_by(Worker.id).limit(limit)))


def waiting_count(ws: Workspace) -> int:
    with ws.session() as session:
        return session.scalar(select(func.count()).select_from(Worker).where(
            or_(Worker.synced_revision.is_(None), Worker.synced_revision < Worker.revision))) or 0


def _prepare(ws: Workspace, after: int) -> tuple[list[dict[str, Any]], dict[str, int], int]:
    """The next batch of operations after worker id ``after``: (ops, pushed revisions, last id)."""
    with ws.session() as session:
        workers = _dirty(session, PUSH_BATCH, after)
        schools = _school_names(session, {w.school_id for w in workers if w.school_id})
        # The id names the laptop, the record and its revision: a resend is the same operation.
        ops = [{"op_id": f"{ws.device.prefix}:{w.uuid}:{w.revision}", "base_revision": w.hub_revision,
                "record": _record_from_values({c.key: getattr(w, c.key) for c in Worker.__table__.columns},
                                              w.id, schools).to_json()} for w in workers]
        return ops, {w.uuid: w.revision for w in workers}, (workers[-1].id if workers else after)


def _acknowledge(ws: Workspace, answers: list[dict[str, Any]], pushed: dict[str, int], report: SyncReport) -> None:
    acknowledged = []
    resolved: list[tuple[str, int, dict[str, Any]]] = []
    refused: dict[str, str | None] = {}
    for answer in answers:
        uid = answer["op_id"].split(":")[1]
        status = answer["status"]
        if status in ("accepted", "duplicate"):
            # Acknowledged: clean unless it was edited meanwhile (then it goes again).
            acknowledged.append((pushed[uid], answer["revision"], uid))
            report.pushed += 1
            if status == "duplicate":
                report.duplicates += 1
                report.seen_duplicates.update(answer.get("duplicates", []))
        elif status == "conflict":
            report.conflicts += 1
        elif status == "resolved":
            resolved.append((uid, pushed[uid], answer["record"]))
        else:
            reason = "; ".join(answer.get("errors", []))
            report.rejected.append(f"{uid}: {reason}")
            refused[uid] = reason[:500]
        if status != "rejected":
            refused[uid] = None
    if resolved:
        # A coordinator settled this laptop's conflicting edit at the hub: the settled version wins here.
        with ws.session(write=True) as session:
            workers = {w.uuid: w for w in session.scalars(select(Worker).where(
                Worker.uuid.in_([uid for uid, _r, _rec in resolved])))}
            schools = ids_for_records(session, [rec for _u, _r, rec in resolved])
            for uid, revision, record in resolved:
                worker = workers.get(uid)
                if worker is not None and worker.revision == revision:  # not edited again meanwhile
                    _take_hub_version(session, ws, worker, record, schools, {"resolved_conflict": record["updated_by"]})
                    report.pulled += 1
    if refused:
        _note_refused(ws, refused)
    if acknowledged:
        with ws.session(write=True) as session:
            cursor = session.connection().connection.driver_connection.cursor()
            try:
                cursor.executemany("UPDATE workers SET synced_revision = ?, hub_revision = ? WHERE uuid = ?",
                                   acknowledged)
            finally:
                cursor.close()


REFUSED_SETTING = "sync.refused"     # {record uuid: the hub's reason} for changes the hub refused


def _note_refused(ws: Workspace, changes: dict[str, str | None]) -> None:
    with ws.session(write=True) as session:
        row = session.get(Setting, REFUSED_SETTING)
        held = json.loads(row.value) if row is not None else {}
        for uid, reason in changes.items():
            if reason is None:
                held.pop(uid, None)
            else:
                held[uid] = reason
        session.merge(Setting(key=REFUSED_SETTING, value=json.dumps(held)))


@dataclass(frozen=True)
class RefusedChange:
    id: str
    registration_no: str
    reason: str           # the hub's words
    on_hub: bool          # the hub holds a version of it: the change can be dropped for that one


def refused_changes(ws: Workspace) -> list[RefusedChange]:
    """Changes the hub refused at the last push and that still wait here, with the hub's reason."""
    held = json.loads(_setting(ws, REFUSED_SETTING) or "{}")
    if not held:
        return []
    with ws.session() as session:
        workers = session.scalars(select(Worker).where(Worker.uuid.in_(list(held)), or_(
            Worker.synced_revision.is_(None), Worker.synced_revision < Worker.revision))).all()
        return [RefusedChange(w.uuid, w.registration_no, held[w.uuid], (w.hub_revision or 0) > 0)
                for w in sorted(workers, key=lambda w: w.registration_no)]


def drop_refused_change(ws: Workspace, record_id: str, actor: Any = None) -> None:
    """Give up a change the hub refused (for instance beyond this laptop's role): the record takes
    the hub's version again and waits no more. Written to the audit log."""
    from desktop.services import audit

    hub, token = _registered_hub(ws, None)
    try:
        response = httpx.get(f"{hub}/v1/records/{record_id}", timeout=TIMEOUT,
                             headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        raise _unreachable(hub, exc) from exc
    if response.status_code == 404:
        raise SyncFailed(QT_TRANSLATE_NOOP("Service", "Hub tidak memegang data ini; perbaiki datanya lalu kirim ulang."))
    record = _answer(response)["record"]
    with ws.session(write=True) as session:
        worker = session.scalar(select(Worker).where(Worker.uuid == record_id))
        if worker is None:
            raise SyncFailed(QT_TRANSLATE_NOOP("Service", "Data ini tidak ada di laptop."))
        schools = ids_for_records(session, [record])
        worker.revision += 1      # a step of its own in the record's history
        _take_hub_version(session, ws, worker, record, schools, {"dropped_refused_change": True})
        audit.record(session, ws, actor or audit.SYSTEM, "edit", worker.registration_no,
                     {"what": "perubahan yang ditolak hub dibatalkan; versi hub dipakai"})
    _note_refused(ws, {record_id: None})


def _push(ws: Workspace, client: httpx.Client, report: SyncReport, progress, cancelled) -> None:
    """Send batch after batch; the next batch is prepared while the hub works on the current one."""
    ops, pushed, after = _prepare(ws, 0)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="lindung-push") as sender:
        while ops:
            if cancelled is not None and cancelled():
                return
            in_flight = sender.submit(lambda body: _answer(client.post("/v1/push", json=body)), {"ops": ops})
            next_ops, next_pushed, next_after = _prepare(ws, after)
            _acknowledge(ws, in_flight.result()["results"], pushed, report)
            ops, pushed, after = next_ops, next_pushed, next_after
            if progress is not None:
                progress("push", report.pushed)


def _pull(ws: Workspace, client: httpx.Client, report: SyncReport, progress, cancelled,
          own: bool = False) -> None:
    """``own``: also this laptop's own changes (a full resync after a restore or a lost record)."""
    while True:
        if cancelled is not None and cancelled():
            return
        cursor = int(_setting(ws, "sync.cursor") or 0)
        params = {"after": cursor, "limit": PULL_BATCH} | ({"own": "true"} if own else {})
        body = _answer(client.get("/v1/changes", params=params))
        _take_page(ws, [c["record"] for c in body["changes"]], str(body["cursor"]), report)
        if progress is not None:
            progress("pull", report.pulled)
        if not body["more"]:
            return


def _take_page(ws: Workspace, records: list[Any], cursor: str, report: SyncReport) -> None:
    """Apply one pulled page and move the cursor past it, in one transaction. No record a peer sent
    may stop this laptop's sync: when the page as a whole breaks a rule of this database, it is applied
    again record by record, each in a savepoint, and the ones that still break it are set aside (kept
    at the hub for review, counted here), so the cursor always moves on."""
    from sqlalchemy.exc import IntegrityError, StatementError

    # The bulk insert runs on the driver's own cursor: its errors come unwrapped.
    broken = (IntegrityError, StatementError, ws.engine.dialect.dbapi.Error, KeyError, TypeError, ValueError,
              AttributeError)
    page = SyncReport(seen_duplicates=set(report.seen_duplicates))
    try:
        with bulk_work(), ws.session(write=True) as session:
            _apply_pulled(ws, session, records, page)
            session.merge(Setting(key="sync.cursor", value=cursor))
    except broken:
        page = SyncReport(seen_duplicates=set(report.seen_duplicates))
        with bulk_work(), ws.session(write=True) as session:
            for record in records:
                try:
                    with session.begin_nested():
                        _apply_pulled(ws, session, [record], page)
                except broken:
                    _set_aside(session, record, page)
            session.merge(Setting(key="sync.cursor", value=cursor))
    report.merge_page(page)


def _set_aside(session, record: Any, report: SyncReport) -> None:
    """Keep a pulled record out of this laptop (it stays at the hub, flagged for review there)."""
    uid = str(record.get("id") if isinstance(record, dict) else "")[:36]
    nik = str(record.get("nik") if isinstance(record, dict) else "")[:16]
    if uid:
        session.merge(SyncSkipped(uuid=uid, nik=nik))
        report.set_aside += 1


_COPIED = tuple(name for name in FIELDS if name != "school_npsn")


def _values(record: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in _COPIED:
        value = record.get(name)
        column = Worker.__table__.c[name]
        if value is not None and column.type.python_type is dt.date:
            value = dt.date.fromisoformat(value)
        values[name] = value
    return values


def _stamp(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.rstrip("Z")) if value else None


def _pulled_values(record: dict[str, Any], schools: dict[str, int]) -> dict[str, Any]:
    """The hub's record as the columns of a local worker (its editable fields and deletion)."""
    values = _values(record)
    values.update(lifecycle_columns(record))
    values.update(school_id=schools.get(record.get("school_npsn")), name_key=search_key(record["full_name"]),
                  status=record["status"], deleted_at=_stamp(record.get("deleted_at")),
                  deleted_by=record.get("deleted_by"), deleted_reason=record.get("deleted_reason"),
                  updated_by=record["updated_by"], updated_at=_stamp(record["updated_at"]))
    return values


def _take_hub_version(session, ws: Workspace, worker: Worker, record: dict[str, Any], schools: dict[str, int],
                      why: dict[str, Any]) -> None:
    """This laptop's copy becomes the hub's version (a settled conflict, a dropped refused change),
    with a line in the record's history saying why."""
    _overwrite(worker, _pulled_values(record, schools), record["revision"])
    session.add(WorkerChange(worker_id=worker.id, revision=worker.revision, action="sync", changed_at=utcnow(),
                             changed_by="hub", device_id=ws.device.id, changes=json.dumps(why)))


def _overwrite(worker: Worker, values: dict[str, Any], hub_revision: int) -> None:
    """Take the hub's version of a record this laptop holds: it is then in step with the hub."""
    for key, value in values.items():
        setattr(worker, key, value)
    worker.hub_revision = hub_revision
    worker.synced_revision = worker.revision


def _apply_pulled(ws: Workspace, session, records: list[dict[str, Any]], report: SyncReport) -> None:
    """Bring the hub's records in: new ones inserted, clean local copies updated, local edits kept."""
    if not records:
        return
    uuids = [r["id"] for r in records]
    local = {w.uuid: w for w in session.scalars(select(Worker).where(Worker.uuid.in_(uuids)))}
    live_niks = dict(session.execute(select(Worker.nik, Worker.uuid).where(
        Worker.nik.in_([r["nik"] for r in records]), Worker.deleted_at.is_(None))).all())
    regnos = dict(session.execute(select(Worker.registration_no, Worker.uuid).where(
        Worker.registration_no.in_([r["registration_no"] for r in records]))).all())
    schools = ids_for_records(session, records)
    fresh: list[dict[str, Any]] = []
    taken: list[str] = []
    next_id = (session.execute(text("SELECT COALESCE(MAX(id), 0) FROM workers")).scalar() or 0) + 1
    for record in records:
        worker = local.get(record["id"])
        values = _pulled_values(record, schools)
        if worker is not None:
            if worker.hub_revision >= record["revision"]:
                continue  # this laptop's own change coming back, or one it already has
            if worker.synced_revision is None or worker.synced_revision < worker.revision:
                continue  # edited here since: the push will meet the hub's version as a conflict
            holder = live_niks.get(record["nik"])
            if values["deleted_at"] is None and holder is not None and holder != worker.uuid:
                # Its NIK was changed to one another record here holds: this laptop keeps its
                # last version; the hub has the pair for review.
                _set_aside(session, record, report)
                continue
            if live_niks.get(worker.nik) == worker.uuid:
                del live_niks[worker.nik]
            _overwrite(worker, values, record["revision"])
            if worker.deleted_at is None:
                live_niks[worker.nik] = worker.uuid
            session.flush()  # a merge deletes one record and then keeps its twin: in that order
            taken.append(worker.uuid)
            report.pulled += 1
            continue
        if regnos.get(record["registration_no"], record["id"]) != record["id"]:
            _set_aside(session, record, report)     # a registration number another record here has
            continue
        other = live_niks.get(record["nik"])
        if other is not None and other != record["id"] and values["deleted_at"] is None:
            # Kept on the hub as a possible duplicate for a coordinator to merge; counted once a pair.
            session.merge(SyncSkipped(uuid=record["id"], nik=record["nik"]))
            if record["id"] not in report.seen_duplicates:
                report.duplicates += 1
                report.seen_duplicates.add(record["id"])
            continue
        values.update(id=next_id, uuid=record["id"], revision=1, synced_revision=1, hub_revision=record["revision"],
                      registration_no=record["registration_no"],
                      enrolled_by=record["enrolled_by"], device_id=record["device_id"],
                      enrolled_at=_stamp(record["enrolled_at"]))
        fresh.append(values)
        regnos[record["registration_no"]] = record["id"]
        if values["deleted_at"] is None:
            live_niks[record["nik"]] = record["id"]
        next_id += 1
        report.pulled += 1
    own = [int(v["registration_no"].split("-")[1]) for v in fresh
           if v["registration_no"].startswith(ws.device.prefix + "-")]
    if own:
        # This laptop's own records coming back (after a restore): never issue their numbers again.
        session.execute(text("UPDATE settings SET value = CAST(MAX(CAST(value AS INTEGER), :n) AS TEXT) "
                             "WHERE key = 'next_sequence'"), {"n": max(own) + 1})
    taken += [v["uuid"] for v in fresh]
    if taken:
        # Held back earlier as a possible duplicate of a record here, and now taken (merged or deleted).
        session.execute(SyncSkipped.__table__.delete().where(SyncSkipped.uuid.in_(taken)))
    if fresh:
        names = tuple(fresh[0])
        _bulk_insert(session, Worker.__table__, names, [tuple(v[n] for n in names) for v in fresh])
        session.execute(text("INSERT INTO workers_fts(rowid, full_name) SELECT id, full_name FROM workers "
                             "WHERE id BETWEEN :a AND :b"), {"a": fresh[0]["id"], "b": fresh[-1]["id"]})
        now = utcnow()
        session.execute(WorkerChange.__table__.insert(), [
            {"worker_id": v["id"], "revision": 1, "action": "sync", "changed_at": now, "changed_by": "hub",
             "device_id": ws.device.id, "changes": json.dumps({"from_device": v["device_id"]})} for v in fresh])


def _known_here(ws: Workspace) -> int:
    """Hub records this laptop accounts for: those it holds and those it keeps out on purpose."""
    with ws.session() as session:
        held = session.scalar(select(func.count()).select_from(Worker).where(Worker.hub_revision > 0)) or 0
        skipped = session.scalar(select(func.count()).select_from(SyncSkipped).where(
            SyncSkipped.uuid.not_in(select(Worker.uuid).where(Worker.hub_revision > 0)))) or 0
    return held + skipped


def _check_counts(ws: Workspace, client: httpx.Client, report: SyncReport, progress, cancelled) -> None:
    """End with a count check; when the sides disagree, pull everything again from the start (pulling
    is idempotent: what is already here is skipped) and check once more."""
    def status_here() -> dict[str, Any]:
        # As of this laptop's cursor: records other laptops push meanwhile are not a mismatch.
        return _answer(client.get("/v1/status", params={"at": int(_setting(ws, "sync.cursor") or 0)}))

    status = status_here()
    report.hub_records = status["records"]
    report.to_review = status.get("conflicts", 0) + status.get("duplicates", 0)
    if _known_here(ws) == report.hub_records:
        return
    report.full_resync = True
    with ws.session(write=True) as session:
        session.merge(Setting(key="sync.cursor", value="0"))
    _pull(ws, client, report, progress, cancelled, own=True)
    report.hub_records = status_here()["records"]
    report.counts_match = _known_here(ws) == report.hub_records


AUDIT_BATCH = 500


def _push_audit(ws: Workspace, client: httpx.Client, report: SyncReport) -> None:
    """Send the audit entries the hub has not taken yet; the hub checks that they continue the
    chain it holds. A refusal (a local entry changed or removed) is reported, records still sync."""
    from desktop.services import audit

    after = int(_setting(ws, audit.SYNCED_SETTING) or 0)
    while batch := audit.pending(ws, after, AUDIT_BATCH):
        response = client.post("/v1/audit", json={"entries": batch})
        if response.status_code in (400, 409):
            report.audit_refused = response.json().get("detail", "") or str(response.status_code)
            return
        report.audit_sent += _answer(response)["stored"]
        after = batch[-1]["id"]
        with ws.session(write=True) as session:
            session.merge(Setting(key=audit.SYNCED_SETTING, value=str(after)))


def sync(ws: Workspace, hub: str | None = None, progress: Callable[[str, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None, actor: Any = None) -> SyncReport:
    """Push, then pull, then compare counts with the hub; the sync is written to the audit log
    (by ``actor``, an Actor or a user name) and the log sent to the hub."""
    from desktop.services import audit

    hub, token = _registered_hub(ws, hub)
    report = SyncReport()
    try:
        with httpx.Client(base_url=hub, timeout=TIMEOUT, headers={"Authorization": f"Bearer {token}"}) as client:
            _push(ws, client, report, progress, cancelled)
            _pull(ws, client, report, progress, cancelled)
            audit.log(ws, actor or audit.SYSTEM, "sync", hub, {
                "pushed": report.pushed, "pulled": report.pulled, "conflicts": report.conflicts,
                "duplicates": report.duplicates, "rejected": len(report.rejected),
                "cancelled": bool(cancelled and cancelled())})
            _push_audit(ws, client, report)
            if cancelled is None or not cancelled():
                _check_counts(ws, client, report, progress, cancelled)
    except httpx.HTTPError as exc:
        raise _unreachable(hub, exc) from exc
    report.waiting = waiting_count(ws)
    if cancelled is None or not cancelled():
        with ws.session(write=True) as session:  # shown in the status bar, also after a restart
            session.merge(Setting(key="sync.last_at", value=utcnow().isoformat(timespec="seconds")))
            session.merge(Setting(key="sync.to_review", value=str(report.to_review)))
    return report


@dataclass(frozen=True)
class SyncState:
    waiting: int                      # records the hub has not acknowledged
    last_at: dt.datetime | None       # end of the last complete sync (UTC)
    to_review: int                    # conflicts and possible duplicates open at the hub then


def sync_state(ws: Workspace) -> SyncState:
    last = _setting(ws, "sync.last_at")
    return SyncState(waiting_count(ws), dt.datetime.fromisoformat(last) if last else None,
                     int(_setting(ws, "sync.to_review") or 0))
