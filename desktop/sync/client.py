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
from typing import Any, get_args, get_type_hints

import httpx
import orjson

from desktop.domain import sync_limits
from desktop.domain.clock import utcnow
from desktop.domain.enrollment import FIELDS, Enrollment
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import search_key
from desktop.services.errors import ServiceError
from desktop.services.membership import lifecycle_columns
from desktop.services.schools import ids_for_records
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import settings, workers
from desktop.storage import sync_state as sync_store   # (`sync_state` is this module's own function)
from desktop.storage.database import Error as DriverError
from desktop.storage.database import Tx
from reports.files import replacing

PUSH_BATCH = 1000
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
    to_review: int = 0         # open conflicts and possible duplicates at the hub (in this laptop's scope)
    may_review: bool = True    # this laptop may settle them (the hub counts them only then)
    counts_match: bool = True  # this laptop holds every hub record (or knows why not)
    audit_sent: int = 0        # audit entries the hub took this time
    audit_refused: str = ""    # the hub's reason when it refused this laptop's audit chain
    full_resync: bool = False
    set_aside: int = 0         # pulled records that clash with one here, kept aside for review at the hub
    removed: int = 0           # records that left this laptop's scope, removed from it
    # Registration numbers of records pushed here whose NIK is enrolled outside this laptop's scope:
    # "NIK ini sudah terdaftar di wilayah lain", and nothing more of the other person.
    elsewhere: list[str] = field(default_factory=list)
    seen_duplicates: set[str] = field(default_factory=set, repr=False)  # record ids already counted
    delivered: dict[str, int] = field(default_factory=dict, repr=False)  # held at the hub as a conflict
    seen: set[str] | None = field(default=None, repr=False)   # a full resync: every record the hub sent

    def summary(self) -> str:
        return (f"pushed {self.pushed}, pulled {self.pulled}, conflicts {self.conflicts}, "
                f"duplicates {self.duplicates}" + (f", set aside {self.set_aside}" if self.set_aside else "")
                + (f", removed {self.removed}" if self.removed else ""))

    def merge_page(self, page: SyncReport) -> None:
        """Add the counts of one pulled page (kept apart until its transaction commits)."""
        self.pulled += page.pulled
        self.duplicates += page.duplicates
        self.set_aside += page.set_aside
        self.removed += page.removed
        self.seen_duplicates |= page.seen_duplicates


def _setting(ws: Workspace, key: str) -> str | None:
    with ws.read() as tx:
        return settings.get(tx, key)


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
    return orjson.loads(response.content)


def _json_body(value: Any) -> bytes:
    """A request's JSON, written by orjson (Python's encoder for what it cannot write)."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


_JSON = {"content-type": "application/json"}


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
    # A renewed credential (the hub's `rotate`) for the hub this laptop already syncs with: it carries on
    # where it was; a new registration starts from the hub's first change.
    renewed = bool(body.get("renewed")) and _setting(ws, "sync.hub_url") == hub
    with ws.write() as tx:
        settings.put_many(tx, {"sync.hub_url": hub, "sync.allow_http": "1" if allow_http else "0",
                               "sync.token": body["token"], "sync.hub_key": body["hub_key"]}
                          | ({} if renewed else {"sync.cursor": "0"}))
    return hub


@dataclass(frozen=True)
class HubLink:
    url: str | None             # the hub this laptop is registered with, None before it joins one
    device_prefix: str          # this laptop's registration-number prefix (the hub knows it by it)
    auto_minutes: int           # sync by itself every so many minutes while the window is open (0: never)


AUTO_SYNC_SETTING = "sync.auto_minutes"


def hub_link(ws: Workspace) -> HubLink:
    """What the window says about this laptop's hub (never the credential)."""
    url, token = _setting(ws, "sync.hub_url"), _setting(ws, "sync.token")
    return HubLink(url if url and token else None, ws.device.prefix, int(_setting(ws, AUTO_SYNC_SETTING) or 0))


def set_auto_minutes(ws: Workspace, minutes: int, actor: Any) -> None:
    """How often the window syncs by itself (admin only; 0 turns it off)."""
    from desktop.services import audit, permissions

    permissions.require(actor, permissions.Action.ADMINISTER)
    if not 0 <= minutes <= 1440:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sinkron otomatis: 0 (mati) sampai 1440 menit."))
    with ws.write() as tx:
        old = settings.get(tx, AUTO_SYNC_SETTING)
        settings.put(tx, AUTO_SYNC_SETTING, str(minutes))
        audit.record(tx, ws, actor, "edit", "pengaturan sinkron otomatis",
                     {"auto_minutes": [int(old) if old else 0, minutes]})


def export_bundle(ws: Workspace, out, actor: Any = None) -> int:
    """Write every record the hub has not acknowledged to ``out``, sealed for the hub and signed by
    this laptop; returns how many. The laptop learns the acknowledgements at its next sync (the
    operation ids are the same, so the hub answers them as already done)."""
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
    with replacing(out, fsync=True) as tmp:
        tmp.write_bytes(data)
    return len(ops)


def waiting_count(ws: Workspace) -> int:
    with ws.read() as tx:
        return workers.waiting_count(tx)


def _outbox(ws: Workspace, after: int, limit: int) -> tuple[list[tuple[Any, ...]], dict[int, tuple[str, str]]]:
    """The next rows of the outbox (``storage.workers.outbox``) and the schools they name."""
    with ws.read() as tx:
        rows = workers.outbox(tx, after, limit)
        return rows, workers.names_for(tx, rows)


def _prepare(ws: Workspace, after: int) -> tuple[list[dict[str, Any]], dict[str, int], int]:
    """The next batch of operations after worker id ``after``: (ops, pushed revisions, last id). A
    batch stays within what the hub takes in one push (``sync_limits``): at most so many records,
    events and bytes; the records after the cut go in the next one."""
    rows, schools = _outbox(ws, after, min(PUSH_BATCH, sync_limits.PUSH_MAX_RECORDS))
    if not rows:
        return [], {}, after
    prefix = ws.device.prefix
    ops, pushed = [], {}
    uid_at, revision_at = workers.RECORD_FIELDS.index("id"), workers.RECORD_FIELDS.index("revision")
    size, events, last = len(b'{"ops":[]}'), 0, after
    for row in rows:
        uid, revision = row[uid_at], row[revision_at]
        # The id names the laptop, the record and its revision: a resend is the same operation.
        op = {"op_id": f"{prefix}:{uid}:{revision}", "base_revision": row[-1], "record": workers.record_json(row, schools)}
        size += len(_json_body(op)) + 1
        events += len(op["record"]["lifecycle"])
        if ops and (size > sync_limits.PUSH_MAX_BYTES or events > sync_limits.PUSH_MAX_EVENTS):
            break
        ops.append(op)
        pushed[uid] = revision
        last = row[-2]
    return ops, pushed, last


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
                if answer.get("elsewhere"):   # the same NIK out of this laptop's scope: only that it exists
                    report.elsewhere.append(uid)
        elif status == "conflict":
            report.conflicts += 1
            report.delivered[uid] = pushed[uid]   # the hub holds this edit: the record may leave here
        elif status == "resolved":
            resolved.append((uid, pushed[uid], answer["record"]))
        else:
            reason = "; ".join(answer.get("errors", []))
            report.rejected.append(f"{uid}: {reason}")
            refused[uid] = reason[:500]
        if status != "rejected":
            refused[uid] = None
    if not (resolved or refused or acknowledged):
        return
    # One transaction (one commit) for the whole answer: settled conflicts, refusals, acknowledgements.
    with ws.write() as tx:
        if resolved:
            # A coordinator settled this laptop's conflicting edit at the hub: the settled version wins here.
            held = workers.sync_held(tx, [uid for uid, _r, _rec in resolved])
            schools = ids_for_records(tx, [rec for _u, _r, rec in resolved])
            for uid, revision, record in resolved:
                worker = held.get(uid)
                if worker is not None and worker.revision == revision:  # not edited again meanwhile
                    _take_hub_version(tx, ws, worker, record, schools, {"resolved_conflict": record["updated_by"]})
                    report.pulled += 1
        if refused:
            _note_refused(ws, refused, tx)
        if acknowledged:
            workers.acknowledge(tx, acknowledged)




def _note_refused(ws: Workspace, changes: dict[str, str | None], tx: Tx | None = None) -> None:
    if tx is None:
        with ws.write() as tx:
            return _note_refused(ws, changes, tx)
    held = json.loads(settings.get(tx, sync_store.REFUSED) or "{}")
    if not held and not any(reason is not None for reason in changes.values()):
        return      # nothing refused before, nothing now: nothing to write
    for uid, reason in changes.items():
        if reason is None:
            held.pop(uid, None)
        else:
            held[uid] = reason
    settings.put(tx, sync_store.REFUSED, json.dumps(held))


@dataclass(frozen=True)
class RefusedChange:
    id: str
    registration_no: str
    reason: str           # the hub's words
    on_hub: bool          # the hub holds a version of it: the change can be dropped for that one


def refused_changes(ws: Workspace) -> list[RefusedChange]:
    """Changes the hub refused at the last push and that still wait here, with the hub's reason."""
    held = json.loads(_setting(ws, sync_store.REFUSED) or "{}")
    if not held:
        return []
    with ws.read() as tx:
        waiting = [w for w in workers.sync_held(tx, list(held)).values() if w.waiting]
    return [RefusedChange(w.uuid, w.registration_no, held[w.uuid], (w.hub_revision or 0) > 0)
            for w in sorted(waiting, key=lambda w: w.registration_no)]


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
        if record_id in json.loads(_setting(ws, LEAVING_SETTING) or "[]"):
            # It left this laptop's scope (the hub shows it no more): the change is given up and the
            # record leaves at the next sync.
            with ws.write() as tx:
                worker = workers.sync_held(tx, [record_id]).get(record_id)
                if worker is not None:
                    workers.mark_synced(tx, worker.id)
                    audit.record(tx, ws, actor or audit.SYSTEM, "edit", worker.registration_no,
                                 {"what": "perubahan yang ditolak hub dibatalkan; data keluar dari cakupan laptop"})
            _note_refused(ws, {record_id: None})
            return
        raise SyncFailed(QT_TRANSLATE_NOOP("Service", "Hub tidak memegang data ini; perbaiki datanya lalu kirim ulang."))
    record = _answer(response)["record"]
    with ws.write() as tx:
        worker = workers.sync_held(tx, [record_id]).get(record_id)
        if worker is None:
            raise SyncFailed(QT_TRANSLATE_NOOP("Service", "Data ini tidak ada di laptop."))
        schools = ids_for_records(tx, [record])
        worker.revision += 1      # a step of its own in the record's history
        _take_hub_version(tx, ws, worker, record, schools, {"dropped_refused_change": True})
        audit.record(tx, ws, actor or audit.SYSTEM, "edit", worker.registration_no,
                     {"what": "perubahan yang ditolak hub dibatalkan; versi hub dipakai"})
    _note_refused(ws, {record_id: None})


PUSH_AHEAD = 2              # batches at the hub at once: one is checked there while another is written


def _push(ws: Workspace, client: httpx.Client, report: SyncReport, progress, cancelled) -> None:
    """Send batch after batch, two at the hub at once (it checks one while it writes the other), the
    next prepared here meanwhile; the answers are recorded in the order the batches went."""
    from collections import deque

    def send(body: dict[str, Any]) -> dict[str, Any]:
        return _answer(client.post("/v1/push", content=_json_body(body), headers=_JSON))

    in_flight: deque = deque()
    after, exhausted = 0, False
    with ThreadPoolExecutor(max_workers=PUSH_AHEAD, thread_name_prefix="lindung-push") as sender:
        while True:
            while not exhausted and len(in_flight) < PUSH_AHEAD and not (cancelled is not None and cancelled()):
                ops, pushed, after = _prepare(ws, after)
                if not ops:
                    exhausted = True
                    break
                in_flight.append((sender.submit(send, {"ops": ops}), pushed))
            if not in_flight:
                return
            answer, pushed = in_flight.popleft()
            _acknowledge(ws, answer.result()["results"], pushed, report)
            if progress is not None:
                progress("push", report.pushed)


def _pull(ws: Workspace, client: httpx.Client, report: SyncReport, progress, cancelled,
          own: bool = False) -> None:
    """``own``: also this laptop's own changes (a full resync after a restore or a lost record).

    The hub sends only what this laptop's scope holds, and the ids of records that left it. When the
    scope has changed since the last complete pull, the hub says so and the difference comes first, by a
    cursor of its own (``sync.fill``), so an interrupted fill resumes too."""
    while True:
        if cancelled is not None and cancelled():
            return
        fill = json.loads(_setting(ws, FILL_SETTING) or "null")
        if fill is not None:
            def fill_settings(body, done, fill=fill):
                if done:
                    return {SCOPE_SETTING: json.dumps(body["scope"]), FILL_SETTING: None}
                return {FILL_SETTING: json.dumps(fill | {"after": body["cursor"]})}

            outcome = _read_pages(ws, client, {"fill_from": fill["from"]}, fill["after"], report, progress, cancelled,
                                  fill_settings, lambda body, fill=fill: body["scope"]["version"] != fill["to"])
            if outcome == "changed":       # the scope changed again meanwhile: start the difference over
                fill = {"from": fill["from"], "to": None, "after": 0}
                body = _answer(client.get("/v1/changes", params={"after": 0, "limit": 1, "fill_from": fill["from"]}))
                _store_settings(ws, {FILL_SETTING: json.dumps(fill | {"to": body["scope"]["version"]})})
            elif outcome != "done":
                return
            continue
        cursor = int(_setting(ws, "sync.cursor") or 0)
        held = json.loads(_setting(ws, SCOPE_SETTING) or "null")

        def pull_settings(body, done, held=held):
            moved = {"sync.cursor": str(body["cursor"])}
            if held is None or held != body.get("scope", held):
                moved[SCOPE_SETTING] = json.dumps(body["scope"])
            return moved

        outcome = _read_pages(ws, client, {"scope": held["version"] if held else -1} | ({"own": "true"} if own else {}),
                              cursor, report, progress, cancelled, pull_settings, lambda body: bool(body.get("rescope")))
        if outcome == "changed":
            # The scope changed since the last complete pull (or this laptop holds what it held before
            # scopes existed: every record, version 0): the difference first.
            body = _answer(client.get("/v1/changes", params={"after": cursor, "limit": 1,
                                                              "scope": held["version"] if held else -1}))
            start = held["version"] if held else 0
            _store_settings(ws, {FILL_SETTING: json.dumps({"from": start, "to": body["scope"]["version"], "after": 0})})
            continue
        if outcome == "done":
            _remove_leaving(ws, report)
        return


PULL_AHEAD = 3              # pages fetched ahead while the ones received are written
PULL_GROUP = 5000           # records written in one transaction at most (one fsync for several pages)


class _Reader:
    """Fetches pages in a thread, chaining each page's cursor, a few pages ahead of the writer."""

    def __init__(self, client: httpx.Client, params: dict[str, Any], after: int, stop_at):
        import queue
        import threading

        self._queue: queue.Queue = queue.Queue(maxsize=PULL_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(client, params, after, stop_at), daemon=True,
                                        name="lindung-pull")
        self._thread.start()

    def _run(self, client, params, after, stop_at) -> None:
        try:
            while not self._stop.is_set():
                body = _answer(client.get("/v1/changes", params=params | {"after": after, "limit": PULL_BATCH}))
                try:      # the work on each record alone, here, while the writer's database work runs
                    body["prepared"] = [_own_values(c["record"]) for c in body["changes"]]
                except Exception:   # a broken record: the writer meets it again and sets it aside
                    body["prepared"] = None
                self._put(body)
                if stop_at(body) or not body["more"]:
                    return
                after = body["cursor"]
        except BaseException as exc:      # handed to the writer, which raises it
            self._put(exc)

    def _put(self, item) -> None:
        import queue

        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def next(self, wait: bool = True):
        """The next page (None: none has arrived yet, when not waiting)."""
        import queue

        try:
            item = self._queue.get(block=wait)
        except queue.Empty:
            return None
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)   # a request still under way ends with the client (it is a daemon)


def _read_pages(ws: Workspace, client: httpx.Client, params: dict[str, Any], after: int, report: SyncReport,
                progress, cancelled, settings_for, stop_at) -> str:
    """Pull pages from ``after`` on and write them, several to a transaction when they arrive faster
    than they are written, each transaction moving the cursor (``settings_for``) past its pages.
    Returns "done", "changed" (``stop_at`` said the scope changed: nothing of that page is taken) or
    "cancelled"."""
    reader = _Reader(client, params, after, stop_at)
    try:
        while True:
            group: list[dict[str, Any]] = []
            body = reader.next()
            size = 0
            while body is not None:
                if stop_at(body):
                    _take_pages(ws, group, settings_for(group[-1], False), report) if group else None
                    return "changed"
                group.append(body)
                size += len(body["changes"])
                if not body["more"] or size >= PULL_GROUP:
                    break
                body = reader.next(wait=False)
            done = not group[-1]["more"]
            _take_pages(ws, group, settings_for(group[-1], done), report)
            if progress is not None:
                progress("pull", report.pulled)
            if done:
                return "done"
            if cancelled is not None and cancelled():
                return "cancelled"
    finally:
        reader.close()


FILL_SETTING = "sync.fill"           # {"from", "to", "after"}: pulling the difference after a scope change
SCOPE_SETTING = "sync.scope"         # {"version", "kind", "codes"}: the scope of the last complete pull
LEAVING_SETTING = "sync.leaving"     # ids of records that left the scope but wait for a change to reach the hub


def _store_settings(ws: Workspace, values: dict[str, str | None], tx: Tx | None = None) -> None:
    """Store these settings (None: remove the setting)."""
    if tx is None:
        with ws.write() as tx:
            return _store_settings(ws, values, tx)
    for key, value in values.items():
        if value is None:
            settings.delete(tx, key)
        else:
            settings.put(tx, key, value)


def _take_page(ws: Workspace, records: list[Any], cursor: dict[str, str | None], report: SyncReport,
               removed: list[str] = ()) -> None:
    _take_pages(ws, [{"changes": [{"record": r} for r in records], "removed": list(removed)}], cursor, report)


def _take_pages(ws: Workspace, bodies: list[dict[str, Any]], cursor: dict[str, str | None],
                report: SyncReport) -> None:
    """Apply pulled pages in order, each removing the records that left this laptop's scope, and move
    the cursor past them, in one transaction. No record a peer sent may stop this laptop's sync: when
    the pages as a whole break a rule of this database, they are applied again record by record, each
    in a savepoint, and the ones that still break it are set aside (kept at the hub for review,
    counted here), so the cursor always moves on. ``cursor``: the settings that move the cursor."""
    # A rule of the database refused it (a NIK or number taken), the driver could not store a value (an
    # object where text belongs), or the record is not one (a key missing, a value of the wrong type).
    broken = (DriverError, KeyError, TypeError, ValueError, AttributeError)
    pages = [([c["record"] for c in body["changes"]], body.get("removed") or [], body.get("prepared"))
             for body in bodies]
    page = SyncReport(seen_duplicates=set(report.seen_duplicates), delivered=report.delivered)
    try:
        with bulk_work(), ws.write() as tx:
            for records, removed, prepared in pages:
                _remove(tx, removed, page)   # first: a record arriving may take the NIK of one leaving
                _apply_pulled(ws, tx, records, page, prepared)
                _back_in_scope(tx, records)
            _store_settings(ws, cursor, tx)
    except broken:
        page = SyncReport(seen_duplicates=set(report.seen_duplicates), delivered=report.delivered)
        with bulk_work(), ws.write() as tx:
            for records, removed, _prepared in pages:   # worked out again: the first try used them up
                _remove(tx, removed, page)
                for record in records:
                    try:
                        with tx.savepoint():
                            _apply_pulled(ws, tx, [record], page)
                    except broken:
                        _set_aside(tx, record, page)
                _back_in_scope(tx, records)
            _store_settings(ws, cursor, tx)
    report.merge_page(page)
    if report.seen is not None:
        report.seen.update(str(r.get("id")) for records, _removed, _p in pages for r in records if isinstance(r, dict))


def _remove(tx: Tx, uuids: list[str], report: SyncReport) -> None:
    """Remove records that left this laptop's scope, with their search index entries (a trigger),
    history, card prints and drafts. A record with a change the hub does not hold yet stays until
    the change is pushed (``sync.leaving``); one the hub holds as a conflict may go."""
    if not uuids:
        return
    uuids = list(dict.fromkeys(str(u)[:36] for u in uuids))
    leaving = settings.get(tx, LEAVING_SETTING)
    waiting = set(json.loads(leaving)) if leaving is not None else set()
    going: dict[int, str] = {}
    for uid, worker in workers.sync_held(tx, uuids).items():
        if not worker.waiting or report.delivered.get(uid) == worker.revision:
            going[worker.id] = uid
        else:
            waiting.add(uid)
    waiting -= set(going.values())
    workers.remove(tx, list(going))
    sync_store.forget_left(tx, [u for u in uuids if u not in waiting])
    if waiting or leaving is not None:
        settings.put(tx, LEAVING_SETTING, json.dumps(sorted(waiting)))
    report.removed += len(going)


def _back_in_scope(tx: Tx, records: list[Any]) -> None:
    """Records the hub sends again are in the scope again: they wait to leave no more."""
    leaving = settings.get(tx, LEAVING_SETTING) if records else None
    if leaving is not None and leaving != "[]":
        back = {str(r.get("id")) for r in records if isinstance(r, dict)}
        settings.put(tx, LEAVING_SETTING, json.dumps([u for u in json.loads(leaving) if u not in back]))


def _remove_leaving(ws: Workspace, report: SyncReport) -> None:
    """The records that left the scope earlier and waited for a change of theirs to reach the hub."""
    waiting = json.loads(_setting(ws, LEAVING_SETTING) or "[]")
    if waiting:
        page = SyncReport(delivered=report.delivered)
        with ws.write() as tx:
            _remove(tx, waiting, page)
        report.merge_page(page)


def _set_aside(tx: Tx, record: Any, report: SyncReport) -> None:
    """Keep a pulled record out of this laptop (it stays at the hub, flagged for review there)."""
    uid = str(record.get("id") if isinstance(record, dict) else "")[:36]
    nik = str(record.get("nik") if isinstance(record, dict) else "")[:16]
    if uid:
        sync_store.skip(tx, uid, nik)
        report.set_aside += 1


_COPIED = tuple(name for name in FIELDS if name != "school_npsn")


_DATES = tuple(name for name, kind in get_type_hints(Enrollment).items()
               if name in _COPIED and dt.date in (kind, *get_args(kind)))


def _values(record: dict[str, Any]) -> dict[str, Any]:
    values = {name: record.get(name) for name in _COPIED}
    for name in _DATES:
        if values[name] is not None:
            values[name] = dt.date.fromisoformat(values[name])
    return values


def _stamp(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.rstrip("Z")) if value else None


def _own_values(record: dict[str, Any]) -> dict[str, Any]:
    """The hub's record as the columns of a local worker (its editable fields and deletion), all but
    its school's local id: work on the record alone, done by the pull's reader while the pages before
    are written."""
    values = _values(record)
    values.update(lifecycle_columns(record))
    values.update(name_key=search_key(record["full_name"]),
                  status=record["status"], deleted_at=_stamp(record.get("deleted_at")),
                  deleted_by=record.get("deleted_by"), deleted_reason=record.get("deleted_reason"),
                  updated_by=record["updated_by"], updated_at=_stamp(record["updated_at"]))
    return values


def _pulled_values(record: dict[str, Any], schools: dict[str, int],
                   prepared: dict[str, Any] | None = None) -> dict[str, Any]:
    values = prepared if prepared is not None else _own_values(record)
    values["school_id"] = schools.get(record.get("school_npsn"))
    return values


def _take_hub_version(tx: Tx, ws: Workspace, worker: workers.SyncHeld, record: dict[str, Any],
                      schools: dict[str, int], why: dict[str, Any]) -> None:
    """This laptop's copy becomes the hub's version (a settled conflict, a dropped refused change),
    with a line in the record's history saying why."""
    _overwrite(tx, worker, _pulled_values(record, schools), record["revision"])
    workers.add_changes(tx, [(worker.id, worker.revision, "sync", utcnow(), "hub", ws.device.id, json.dumps(why))])


def _overwrite(tx: Tx, worker: workers.SyncHeld, values: dict[str, Any], hub_revision: int) -> None:
    """Take the hub's version of a record this laptop holds: it is then in step with the hub."""
    workers.take_hub_version(tx, worker.id, values, hub_revision, worker.revision)
    worker.nik, worker.deleted = values["nik"], values["deleted_at"] is not None
    worker.hub_revision, worker.synced_revision = hub_revision, worker.revision


def _apply_pulled(ws: Workspace, tx: Tx, records: list[dict[str, Any]], report: SyncReport,
                  prepared: list[dict[str, Any]] | None = None) -> None:
    """Bring the hub's records in: new ones inserted, clean local copies updated, local edits kept.
    ``prepared``: each record's :func:`_own_values`, already worked out (used up here)."""
    if not records:
        return
    local = workers.sync_held(tx, [r["id"] for r in records])
    live_niks = workers.live_holders(tx, [r["nik"] for r in records])
    regnos = workers.registration_holders(tx, [r["registration_no"] for r in records])
    schools = ids_for_records(tx, records)
    fresh: list[dict[str, Any]] = []
    taken: list[str] = []
    next_id = workers.last_id(tx) + 1
    for number, record in enumerate(records):
        worker = local.get(record["id"])
        values = _pulled_values(record, schools, prepared[number] if prepared is not None else None)
        if worker is not None:
            if worker.hub_revision >= record["revision"]:
                continue  # this laptop's own change coming back, or one it already has
            if worker.waiting:
                continue  # edited here since: the push will meet the hub's version as a conflict
            holder = live_niks.get(record["nik"])
            if values["deleted_at"] is None and holder is not None and holder != worker.uuid:
                # Its NIK was changed to one another record here holds: this laptop keeps its
                # last version; the hub has the pair for review.
                _set_aside(tx, record, report)
                continue
            if live_niks.get(worker.nik) == worker.uuid:
                del live_niks[worker.nik]
            # Written at once: a merge deletes one record and then keeps its twin, in that order.
            _overwrite(tx, worker, values, record["revision"])
            if not worker.deleted:
                live_niks[worker.nik] = worker.uuid
            taken.append(worker.uuid)
            report.pulled += 1
            continue
        if regnos.get(record["registration_no"], record["id"]) != record["id"]:
            _set_aside(tx, record, report)     # a registration number another record here has
            continue
        other = live_niks.get(record["nik"])
        if other is not None and other != record["id"] and values["deleted_at"] is None:
            # Kept on the hub as a possible duplicate for a coordinator to merge; counted once a pair.
            sync_store.skip(tx, record["id"], record["nik"])
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
        following = settings.get(tx, "next_sequence")
        if following is not None and int(following) < max(own) + 1:
            settings.put(tx, "next_sequence", str(max(own) + 1))
    taken += [v["uuid"] for v in fresh]
    if taken:
        # Held back earlier as a possible duplicate of a record here, and now taken (merged or deleted).
        sync_store.unskip(tx, taken)
    if fresh:
        workers.add_pulled(tx, fresh)
        now = utcnow()
        came_from: dict[str, str] = {}      # the same few laptops over and over
        workers.add_changes(tx, [(v["id"], 1, "sync", now, "hub", ws.device.id, came_from.get(v["device_id"]) or came_from.setdefault(
            v["device_id"], json.dumps({"from_device": v["device_id"]}))) for v in fresh])


def _known_here(ws: Workspace) -> int:
    """Hub records this laptop accounts for: those it holds and those it keeps out on purpose (not
    those that left its scope and only wait for a change to reach the hub)."""
    leaving = json.loads(_setting(ws, LEAVING_SETTING) or "[]")
    with ws.read() as tx:
        held = workers.hub_held_count(tx)
        skipped = sync_store.skipped_apart(tx)
        if leaving:
            held -= workers.hub_held_count(tx, leaving)
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
    report.may_review = status.get("may_review", True)
    if _known_here(ws) == report.hub_records:
        return
    report.full_resync = True
    with ws.write() as tx:
        settings.put(tx, "sync.cursor", "0")
    scoped = (json.loads(_setting(ws, SCOPE_SETTING) or "null") or {}).get("kind") is not None
    report.seen = set() if scoped else None
    _pull(ws, client, report, progress, cancelled, own=True)
    if report.seen is not None and (cancelled is None or not cancelled()):
        # Everything the scope holds came again: what this laptop holds beyond it has left the scope.
        with ws.write() as tx:
            stale = [u for u in workers.hub_held_uuids(tx) if u not in report.seen]
            page = SyncReport(delivered=report.delivered)
            _remove(tx, stale, page)
        report.merge_page(page)
    report.seen = None
    report.hub_records = status_here()["records"]
    report.counts_match = _known_here(ws) == report.hub_records


AUDIT_BATCH = 500


def _push_audit(ws: Workspace, client: httpx.Client, report: SyncReport) -> None:
    """Send the audit entries the hub has not taken yet; the hub checks that they continue the
    chain it holds. A refusal (a local entry changed or removed) is reported, records still sync."""
    from desktop.services import audit

    after = int(_setting(ws, audit.SYNCED_SETTING) or 0)
    while batch := _within_audit_limit(audit.pending(ws, after, AUDIT_BATCH)):
        response = client.post("/v1/audit", json={"entries": batch})
        if response.status_code in (400, 409):
            report.audit_refused = response.json().get("detail", "") or str(response.status_code)
            return
        report.audit_sent += _answer(response)["stored"]
        after = batch[-1]["id"]
        with ws.write() as tx:
            settings.put(tx, audit.SYNCED_SETTING, str(after))


def _within_audit_limit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first entries whose request stays within what the hub takes at once (at least one)."""
    size = len(b'{"entries":[]}')
    for count, entry in enumerate(entries):
        size += len(_json_body(entry)) + 1
        if count and size > sync_limits.AUDIT_MAX_BYTES:
            return entries[:count]
    return entries


def sync(ws: Workspace, hub: str | None = None, progress: Callable[[str, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None, actor: Any = None) -> SyncReport:
    """Push, then pull, then compare counts with the hub; the sync is written to the audit log
    (by ``actor``, an Actor or a user name) and the log sent to the hub."""
    from desktop.services import audit

    hub, token = _registered_hub(ws, hub)
    report = SyncReport()
    held: set[str] | None = None
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
                held = _held_for_review(client, report)
    except httpx.HTTPError as exc:
        raise _unreachable(hub, exc) from exc
    report.waiting = waiting_count(ws)
    if report.elsewhere:       # named by registration number, as the volunteer knows them
        with ws.read() as tx:
            found = workers.sync_held(tx, report.elsewhere)
        report.elsewhere = sorted(found[u].registration_no for u in report.elsewhere if u in found)
    if cancelled is None or not cancelled():
        with ws.write() as tx:  # shown in the status bar, also after a restart
            settings.put_many(tx, {"sync.last_at": utcnow().isoformat(timespec="seconds"),
                                   "sync.to_review": str(report.to_review)}
                              | ({} if held is None else {sync_store.REVIEW_HOLD: json.dumps(sorted(held))}))
    return report




def _held_for_review(client: httpx.Client, report: SyncReport) -> set[str] | None:
    """The records of this laptop's scope in an open conflict or possible duplicate at the hub (None when
    this laptop may not read the review: then nothing is known and the last list stays)."""
    if not report.to_review:
        return set() if report.may_review else None
    response = client.get("/v1/review", params={"limit": 1000})
    if response.status_code != 200:
        return None
    body = response.json()
    held = {str(c.get("record_id") or (c.get("hub") or {}).get("id") or "") for c in body.get("conflicts", [])}
    for pair in body.get("duplicates", []):
        held.update(str(r.get("id") or "") for r in (pair.get("records") or []) if isinstance(r, dict))
        held.update(str(pair.get(k) or "") for k in ("record_uuid", "other_uuid"))
    held.discard("")
    return held


@dataclass(frozen=True)
class SyncState:
    waiting: int                      # records the hub has not acknowledged
    last_at: dt.datetime | None       # end of the last complete sync (UTC)
    to_review: int                    # conflicts and possible duplicates open at the hub then


def sync_state(ws: Workspace) -> SyncState:
    last = _setting(ws, "sync.last_at")
    return SyncState(waiting_count(ws), dt.datetime.fromisoformat(last) if last else None,
                     int(_setting(ws, "sync.to_review") or 0))
