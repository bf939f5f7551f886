"""What a request may cost the hub is bounded by its structure, not only by its bytes (issue 24): a body
of tiny JSON arrays, deep nesting or countless small values is refused before any object of it is
built, and the whole hub process stays small while several come at once. A laptop's push batches stay
within those bounds: a laptop whose records carry many events still syncs."""

from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from desktop.domain import sync_limits
from hub.app import body_limit, shape_refusal
from tests.hub.test_sync import _token_and_ops, laptop, run, sync

PEAK_LIMIT = 300 * 1024 * 1024


def peak_rss(pid: int) -> int:
    """The process's resident memory high-water mark since it started (Linux: VmHWM), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


def tiny_arrays(size: int) -> bytes:
    head = b'{"ops":[{"op_id":"x","base_revision":0,"record":{"lifecycle":['
    count = (size - len(head) - 8) // 3
    return head + b",".join([b"[]"] * count) + b"]}}]}"


def chunked(body: bytes, piece: int = 1 << 20):
    """Sent without a length (chunked): the hub learns the size only as it reads."""
    for start in range(0, len(body), piece):
        yield body[start:start + piece]


def registered(hub, role: str) -> str:
    answer = httpx.post(hub.url + "/v1/devices/register", json={
        "code": hub.code(role, role=role), "device_id": str(uuid.uuid4()),
        "prefix": {"printer": "PRN001", "admin": "ADM001"}[role]})
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def test_bodies_of_tiny_values_are_refused_before_they_cost_the_hub_memory(sqlite_hub):
    """Before: one 31 MB push of tiny arrays took the hub process to 1.12 GB, three at once 2.08 GB."""
    hub = sqlite_hub
    headers = {"Authorization": f"Bearer {registered(hub, 'printer')}", "Content-Type": "application/json"}
    big = tiny_arrays(31 * 1024 * 1024)
    near = sync_limits.PUSH_MAX_BYTES - 1024             # just inside the push's byte limit, sent chunked
    bodies = [
        big,
        tiny_arrays(near),
        b'{"ops":[{"op_id":"x","base_revision":0,"record":{"lifecycle":' + b"[" * (near // 2) + b"]" * (near // 2 - 64)
        + b"}}]}",
        b'{"ops":[{"op_id":"x","base_revision":0,"record":{"lifecycle":["' + b'","'.join([b"a"] * (near // 4 - 40))
        + b'"]}}]}',
        b'{"ops":[{"op_id":"x","base_revision":0,"record":{"lifecycle":[' + b",".join([b"{}"] * (near // 3 - 40))
        + b"]}}]}",
    ]

    def send(body: bytes, stream: bool) -> httpx.Response:
        return httpx.post(hub.url + "/v1/push", content=chunked(body) if stream else body, headers=headers,
                          timeout=120)

    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = [send(big, False)]                                   # one alone, with its length
        answers += list(pool.map(lambda body: send(body, False), [big] * 3))     # three at once
        answers += list(pool.map(lambda body: send(body, True), bodies))         # without lengths
        answers += list(pool.map(lambda body: send(body, True), bodies[1:4]))    # the worst three at once
    for answer in answers:
        assert answer.status_code in (413, 422), answer.text[:200]
        detail = answer.json()["detail"]
        assert "kiriman" in detail and "Traceback" not in detail
    peak = peak_rss(hub.proc.pid)
    print(f"\nhub peak RSS after the tiny-value pushes: {peak / 2**20:.0f} MB")
    assert peak < PEAK_LIMIT, f"{peak / 2**20:.0f} MB"
    assert httpx.get(hub.url + "/health").status_code == 200


def test_structure_limits_take_what_a_real_push_sends_and_refuse_more():
    limit = body_limit("/v1/push")
    record = {"id": "x", "lifecycle": [{"type": "paid", "at": "2026-12-01T00:00:00Z", "by": "admin", "months": 12,
                                        "payment": "BZ-1", "amount": 201600, "from": "2026-12-01"}] * 20,
              **{f"field{i}": "Jl. Merdeka, RT 1, RW 2 [blok C]" for i in range(50)}}
    real = json.dumps({"ops": [{"op_id": f"o{i}", "base_revision": 0, "record": record}
                               for i in range(sync_limits.PUSH_MAX_RECORDS)]}).encode()
    assert len(real) < limit.size and shape_refusal(real, limit) is None
    assert shape_refusal(b'{"ops":[' + b"[" * 7 + b"]" * 7 + b"]}", limit)[0] == 422      # deeper than a push
    assert shape_refusal(b'{"ops":[}', limit)[0] == 422
    assert shape_refusal(b'{"a":"' + b"[" * 100000 + b'"}', limit) is None      # brackets in a string: text
    assert shape_refusal(b"[" + b"1," * 400000 + b"1]", limit)[0] == 413
    assert body_limit("/v1/conflicts/12/resolve") == body_limit("/v1/conflicts/99/resolve") != body_limit("/v1/x")


def many_events(n: int) -> list[dict]:
    """``n`` events a record may really carry: submitted to BPJS and refused, again and again."""
    events = []
    for i in range(n // 2):
        events.append({"type": "submitted", "at": f"2026-01-{1 + i % 28:02d}T08:00:00Z", "by": "admin",
                       "batch": f"AJ-2026-{i:04d}", "months": 12})
        events.append({"type": "refused", "at": f"2026-01-{1 + i % 28:02d}T09:00:00Z", "by": "admin",
                       "reason": "NIK tidak terdaftar di Dukcapil", "data": "0" * 64})
    return events + [{"type": "submitted", "at": "2026-02-01T08:00:00Z", "by": "admin", "batch": "AJ-2026-9999",
                      "months": 12}][: n % 2]


def _all_ops(db):
    """Every operation the laptop has to push, in one list (its own batches stop short of the hub's limits)."""
    from desktop.services.workspace import Workspace
    from desktop.sync.client import _prepare

    token, _first = _token_and_ops(db)
    ws = Workspace(db)
    ops, after = [], 0
    try:
        while batch := _prepare(ws, after):
            more, _pushed, after = batch
            if not more:
                break
            ops += more
    finally:
        ws.close()
    return token, ops


def test_a_laptop_whose_records_carry_many_events_still_syncs(hub, tmp_path):
    """Every record with 25 events: a thousand records are more events than one push may carry; the
    hub refuses such a push, and the laptop's batches stay within it."""
    from tests.rawdb import connect

    branch = laptop(tmp_path, "cabang", hub, workers=1000, seed=83)
    events = many_events(25)
    with connect(branch) as db:
        db.execute("UPDATE workers SET lifecycle = ?, status = 'submitted', batch_no = ?",
                   (json.dumps(events), events[-1]["batch"]))
    token, ops = _all_ops(branch)
    assert len(ops) == 1000 and sum(len(op["record"]["lifecycle"]) for op in ops) > sync_limits.PUSH_MAX_EVENTS
    whole = httpx.post(hub.url + "/v1/push", json={"ops": ops}, headers={"Authorization": f"Bearer {token}"},
                       timeout=120)
    assert whole.status_code == 413 and "kiriman terlalu besar" in whole.json()["detail"]
    assert sync(branch) == "pushed 1000, pulled 0, conflicts 0, duplicates 0"
    records = hub.records()
    assert len(records) == 1000 and {len(r["lifecycle"]) for r in records} == {25}
    assert {r["status"] for r in records} == {"submitted"}
    assert run(branch, "sync").returncode == 0
