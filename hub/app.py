"""The hub's HTTP interface (FastAPI; the OpenAPI description is served at /openapi.json).

Stateless: every request opens its own unit of work on the database, so several processes can
serve one database behind a proxy.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from desktop.domain import lifecycle, sync_limits
from desktop.domain.base64url import b64
from desktop.domain.bundle import raw_public
from desktop.domain.enrollment import SYNCED_KEYS
from hub import service
from hub.db import HubDatabase

log = logging.getLogger("lindung.hub")


@dataclass(frozen=True)
class BodyLimit:
    """The most one request's JSON body may be: its bytes, its objects and arrays, its values (an upper
    bound: the commas between them) and how deep it nests. Parsed JSON costs tens of bytes per value
    whatever its text costs, so a body is bounded by its structure, counted in its bytes before any
    object is built, not by its size alone."""
    size: int
    containers: int
    values: int
    depth: int


_RECORD_VALUES = len(SYNCED_KEYS) + 40     # a record's fields, and commas its texts may hold
_EVENT_VALUES = 12                          # an event's fields (lifecycle: at most 7), with room
SMALL_BODY = BodyLimit(16 * 1024, 8, 64, 2)
_RECORD_BODY = BodyLimit(1024 * 1024, 8 + lifecycle.MAX_EVENTS, 64 + _RECORD_VALUES + lifecycle.MAX_EVENTS * _EVENT_VALUES, 4)
# By route: a push (records, each with its events in one list: body → ops → op → record → lifecycle →
# event), audit entries, one record settled or merged; every other body is small.
BODY_LIMITS: dict[str, BodyLimit] = {
    "/v1/push": BodyLimit(sync_limits.PUSH_MAX_BYTES,
                          1 + 3 * sync_limits.PUSH_MAX_RECORDS + sync_limits.PUSH_MAX_EVENTS + 1000,
                          sync_limits.PUSH_MAX_RECORDS * (3 + _RECORD_VALUES)
                          + sync_limits.PUSH_MAX_EVENTS * _EVENT_VALUES, 6),
    "/v1/audit": BodyLimit(sync_limits.AUDIT_MAX_BYTES, 2 + sync_limits.AUDIT_MAX_ENTRIES + 100,
                           1 + sync_limits.AUDIT_MAX_ENTRIES * 12, 3),
    "/v1/conflicts/*/resolve": _RECORD_BODY,
    "/v1/duplicates/*/merge": BodyLimit(_RECORD_BODY.size, _RECORD_BODY.containers + 2,
                                        _RECORD_BODY.values + 4, _RECORD_BODY.depth),
}
MAX_BODY = max(limit.size for limit in BODY_LIMITS.values())
# Requests that carry a body without a credential (registration): small, as any other unknown body.
OPEN_BODIES = ("/v1/devices/register",)
_ROW_ID = re.compile(r"/[0-9]{1,12}/")


def body_limit(path: str) -> BodyLimit:
    return BODY_LIMITS.get(_ROW_ID.sub("/*/", path, count=1), SMALL_BODY)


_INSIGNIFICANT = bytes(b for b in range(256) if b not in b'"[]{},')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_PAIR = re.compile(rb"\[\]|\{\}")
TOO_BIG = "kiriman terlalu besar"


def shape_refusal(body: bytes, limit: BodyLimit) -> tuple[int, str] | None:
    """Why ``body`` is more than ``limit`` allows (status, Indonesian detail), or None. Counted with
    byte scans at C speed, before the JSON is parsed: brackets and commas in the raw bytes are an
    upper bound; only when it is over the limit are the strings' contents taken out to count exactly."""
    bare: bytes | None = body
    for exact in (False, True):
        if exact:
            bare = _outside_strings(body, limit)
            if bare is None:
                break
        containers = bare.count(b"[") + bare.count(b"{")
        values = bare.count(b",") + containers
        if containers > limit.containers or values > limit.values:
            continue
        if _nesting_within(bare, limit.depth):
            return None
    if bare is None or containers > limit.containers or values > limit.values:
        return 413, (f"{TOO_BIG}: paling banyak {limit.containers} objek/daftar dan {limit.values} nilai "
                     "dalam satu kiriman; kirim dalam beberapa bagian")
    return 422, f"kiriman bersarang lebih dalam dari {limit.depth} tingkat atau bukan JSON yang utuh"


def _outside_strings(body: bytes, limit: BodyLimit) -> bytes | None:
    """The brackets and commas of ``body`` outside its strings (None: more strings than a body within
    ``limit`` holds). Only quotes, brackets and commas are kept; the strings without any of these then
    read ``""`` and go at once, and the few left are cut out between their quotes. Nothing here costs
    more than a copy or two of the body."""
    if b"\\" in body:                       # escapes first: an escaped quote is text
        body = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = body.translate(None, _INSIGNIFICANT).replace(b'""', b"")
    quotes = marks.count(b'"')
    if not quotes:
        return marks
    if quotes > 4 * limit.values:             # every string is a key or a value
        return None
    return b"".join(marks.split(b'"')[::2])


def _nesting_within(bare: bytes, depth: int) -> bool:
    """The brackets of ``bare`` (strings taken out) pair up and nest at most ``depth`` deep: each round
    takes out the innermost pairs (the brackets are already few: their count is bounded first)."""
    brackets = bare.translate(None, _NOT_BRACKETS)
    for _ in range(depth):
        if not brackets:
            return True
        brackets = _PAIR.sub(b"", brackets)
    return not brackets


MAX_ID = 2**31 - 1          # row ids and cursors stay inside what every database integer holds
MAX_CURSOR = 2**62
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


class RegisterIn(BaseModel):
    code: str = Field(max_length=40)
    device_id: str = Field(max_length=36)
    prefix: str = Field(min_length=6, max_length=6)
    name: str = Field(default="", max_length=120)
    public_key: str | None = Field(default=None, max_length=64)   # Ed25519: signs the laptop's bundles


class RegisterOut(BaseModel):
    device_id: str
    token: str
    hub_key: str                                                  # X25519: bundles are sealed for it
    renewed: bool = False      # a renewal code (lindung-hub rotate): the laptop's records and cursor stay


class PushIn(BaseModel):
    ops: list[dict[str, Any]] = Field(max_length=sync_limits.PUSH_MAX_RECORDS)


class ChangeOut(BaseModel):
    seq: int
    record: dict[str, Any]


class ChangesOut(BaseModel):
    """One page of a pull (described for the OpenAPI document; sent as stored, not re-validated)."""
    changes: list[ChangeOut]
    removed: list[str]                      # records that left this laptop's scope: remove them
    cursor: int
    more: bool
    scope: dict[str, Any]                   # {"version", "kind", "codes"} of this laptop's scope
    rescope: bool = False                   # the scope changed: pull the difference (fill_from) first


class AuditIn(BaseModel):
    entries: list[dict[str, Any]] = Field(max_length=sync_limits.AUDIT_MAX_ENTRIES)


class ResolveIn(BaseModel):
    record: dict[str, Any]                  # the version the coordinator settled on
    revision: int                           # the hub revision they were shown
    by: str = Field(min_length=1, max_length=120)


class MergeIn(BaseModel):
    keep: str = Field(max_length=36)        # the record that stays (keeps its registration number)
    record: dict[str, Any]
    revisions: dict[str, int]               # both records' hub revisions as shown
    by: str = Field(min_length=1, max_length=120)


class DismissIn(BaseModel):
    by: str = Field(min_length=1, max_length=120)


class BodyGuard:
    """Bounds what a request body may cost, before the application reads any of it.

    A request with a body is authenticated first (its credential checked without reading the body),
    except the few open ones (registration), which get a small limit. Then the body is read as it
    streams in, chunked or not, and refused with 413 as soon as it passes the limit, so a client that
    sends 300 MB costs the hub no more than the limit, and one without a credential costs nothing."""

    def __init__(self, app, db: HubDatabase):
        self.app, self.db = app, db

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        from starlette.concurrency import run_in_threadpool

        headers = dict(scope["headers"])
        path = scope["path"]
        shape = body_limit(path)
        limit = shape.size
        length = headers.get(b"content-length", b"").decode("latin-1")
        if length and (not length.isdigit() or int(length) > limit):
            return await _answer(send, 413, f"{TOO_BIG}: paling banyak {limit // 1024} KB")
        if path not in OPEN_BODIES:
            refusal = await run_in_threadpool(self._refusal, headers.get(b"authorization", b"").decode("latin-1"))
            if refusal is not None:
                return await _answer(send, *refusal)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                return await _answer(send, 413, f"{TOO_BIG}: paling banyak {limit // 1024} KB")
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        chunks.clear()
        refusal = await run_in_threadpool(shape_refusal, whole, shape)
        if refusal is not None:
            return await _answer(send, *refusal)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _refusal(self, authorization: str) -> tuple[int, str] | None:
        token = authorization[7:].strip() if authorization.lower().startswith("bearer ") else None
        try:
            with self.db.session() as session:
                service.check_credential(session, token)
        except service.HubError as exc:
            return exc.status, exc.message
        return None


class _OrjsonRequest(Request):
    """A request whose JSON body is read by orjson (a push of 1,000 records: a third of Python's time).
    orjson reads JSON strictly: NaN, Infinity and unpaired surrogates, which Python's reader lets
    through, are invalid JSON (answered 422 as any other)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = orjson.loads(await self.body())
        return self._json


class _OrjsonRoute(APIRoute):
    def get_route_handler(self):
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            return await handler(_OrjsonRequest(request.scope, request.receive))
        return route


async def _answer(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def create_app(url: str) -> FastAPI:
    from desktop.domain.regions import RegionCatalog
    from desktop.paths import REGIONS_CSV
    from desktop.services.region_file import read_regions_csv

    db = HubDatabase(url)
    ctx = service.HubContext(RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV)))
    # No interactive pages (/docs, /redoc) for anyone who finds the hub; the API description stays.
    app = FastAPI(title="Lindung hub", version="1", description="Sync for Lindung laptops (BPJS Ketenagakerjaan × BAZNAS).",
                  docs_url=None, redoc_url=None)
    app.router.route_class = _OrjsonRoute
    app.state.db = db
    app.add_middleware(BodyGuard, db=db)

    @app.middleware("http")
    async def unexpected(request: Request, call_next):
        # A bug: answered 500 and logged by type and place only, never with the traceback's message
        # (it may carry a pushed NIK or name); the server's own error log never sees it.
        from desktop.domain.redact import error_summary

        try:
            return await call_next(request)
        except Exception as exc:
            log.error("unexpected error: %s", error_summary(exc))
            return JSONResponse({"detail": "galat internal hub; data laptop tetap aman, kirim ulang nanti"},
                                status_code=500)

    @app.exception_handler(service.HubError)
    async def hub_error(_request: Request, exc: service.HubError):
        return JSONResponse({"detail": exc.message}, status_code=exc.status)

    def bearer(authorization: str | None = Header(default=None)) -> str | None:
        if authorization and authorization.lower().startswith("bearer "):
            return authorization[7:].strip()
        return None

    @app.post("/v1/devices/register", response_model=RegisterOut)
    def register(body: RegisterIn) -> RegisterOut:
        try:
            with db.session() as session:
                token, renewed = service.register_device(session, body.code, body.device_id, body.prefix.upper(), body.name,
                                                body.public_key)
                hub_key = b64(raw_public(service.hub_bundle_key(session).public_key()))
        except IntegrityError as exc:
            raise HTTPException(409, "laptop atau awalan ini sudah terdaftar") from exc
        return RegisterOut(device_id=body.device_id, token=token, hub_key=hub_key, renewed=renewed)

    @app.post("/v1/push")
    def push(body: PushIn, token: str | None = Depends(bearer)) -> dict[str, Any]:
        events = sum(len(op["record"].get("lifecycle") or ()) for op in body.ops
                     if isinstance(op.get("record"), dict) and isinstance(op["record"].get("lifecycle"), list))
        if events > sync_limits.PUSH_MAX_EVENTS:
            raise HTTPException(413, f"{TOO_BIG}: paling banyak {sync_limits.PUSH_MAX_EVENTS} peristiwa kepesertaan "
                                     "dalam satu kiriman; kirim dalam beberapa bagian")
        with db.session() as session:
            device = service.authenticate(session, token)
            return {"results": service.push(session, device, body.ops, ctx)}

    @app.get("/v1/changes", response_model=ChangesOut)
    def changes(after: int = Query(0, ge=0, le=MAX_CURSOR), limit: int = Query(1000, ge=1, le=service.MAX_BATCH),
                own: bool = False,
                scope: int | None = Query(None, ge=-1, le=MAX_ID, description="the scope version the laptop "
                                          "last completed (-1: none yet); another one is answered with rescope"),
                fill_from: int | None = Query(None, ge=0, le=MAX_ID, description="pull the difference from this "
                                              "scope version to the current one (``after`` is its own cursor)"),
                token: str | None = Depends(bearer)) -> Response:
        """The records changed after ``after`` in this laptop's scope, and the ids of those that left it."""
        with db.session(snapshot=True) as session:   # reads only: a snapshot must not write (last seen)
            device = service.check_credential(session, token)
            page = service.changes(session, after, limit, device, own=own, known=scope, fill_from=fill_from)
        # The stored records go out as they are, without being parsed and encoded again.
        return Response(page.json(), media_type="application/json")

    @app.get("/v1/status")
    def status(at: int | None = Query(None, ge=0, le=MAX_CURSOR),
               token: str | None = Depends(bearer)) -> dict[str, Any]:
        """Totals in this laptop's scope; ``at``: as of that cursor (the records created up to it)."""
        with db.session(snapshot=True) as session:
            device = service.check_credential(session, token)
            return service.status(session, at, device)

    @app.get("/v1/records/{record_id}")
    def record(record_id: Annotated[str, Path(max_length=36)], token: str | None = Depends(bearer)) -> dict[str, Any]:
        """The hub's version of one record."""
        with db.session() as session:
            device = service.check_credential(session, token)
            return {"record": service.get_record(session, record_id, device)}

    @app.post("/v1/audit")
    def audit(body: AuditIn, token: str | None = Depends(bearer)) -> dict[str, Any]:
        """The laptop's audit entries, in order; refused (409) when the chain does not hold."""
        with db.session() as session:
            device = service.authenticate(session, token)
            return service.store_audit(session, device, body.entries)

    @app.get("/v1/review")
    def review(limit: int = Query(200, ge=1, le=service.MAX_BATCH), token: str | None = Depends(bearer)) -> dict[str, Any]:
        """Open conflicts and possible duplicates, both versions of each."""
        with db.session() as session:
            device = service.authenticate(session, token)
            service.require_reviewer(device)
            return service.review(session, limit, device)

    @app.post("/v1/conflicts/{conflict_id}/resolve")
    def resolve(conflict_id: RowId, body: ResolveIn, token: str | None = Depends(bearer)) -> dict[str, Any]:
        with db.session() as session:
            device = service.authenticate(session, token)
            service.require_reviewer(device)
            service.visible_conflict(session, device, conflict_id)
            return service.resolve_conflict(session, conflict_id, body.record, body.revision, body.by, ctx, device)

    @app.post("/v1/duplicates/{pair_id}/merge")
    def merge(pair_id: RowId, body: MergeIn, token: str | None = Depends(bearer)) -> dict[str, Any]:
        with db.session() as session:
            device = service.authenticate(session, token)
            service.require_reviewer(device)
            service.visible_pair(session, device, pair_id)
            return service.merge_duplicate(session, pair_id, body.keep, body.record, body.revisions, body.by, ctx,
                                           device)

    @app.post("/v1/duplicates/{pair_id}/dismiss")
    def dismiss(pair_id: RowId, body: DismissIn, token: str | None = Depends(bearer)) -> dict[str, Any]:
        with db.session() as session:
            device = service.authenticate(session, token)
            service.require_reviewer(device)
            service.visible_pair(session, device, pair_id)
            return service.dismiss_duplicate(session, pair_id, body.by, device)

    @app.api_route("/health", methods=["GET", "HEAD"])
    def health() -> Response:
        """For a monitor (no credential): 200 when the database answers and its migration is this hub's,
        else 503 with why (docs/operations.md)."""
        ok, said = db.health()
        return JSONResponse(said, status_code=200 if ok else 503, headers={"Cache-Control": "no-store"})

    return app
