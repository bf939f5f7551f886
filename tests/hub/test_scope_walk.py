"""Every read operation of the hub's OpenAPI description, walked with out-of-scope ids and cursors by
laptops of each role (and one moved from one area to another), and a hypothesis pass over the hub's
operations with each role's credential against a hub holding records in and out of each laptop's
scope, some active with KPJ and coverage set by the branch through ``bpjs export``/``bpjs import``/
``payment add``: no answer carries an out-of-scope record (id, NIK or registration number), and no
request from a laptop other than the branch's changes a lifecycle field of any stored record.

The operations are read from ``/openapi.json``: a new GET route is walked without a word here; a new
route of another method fails the walk until it says what it answers."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from dataclasses import dataclass, field

import httpx
import pytest

from desktop.domain import lifecycle
from tests.hub.test_membership import as_json, write_answer
from tests.hub.test_scope import Laptop, hub_records
from tests.hub.test_scope_reads import X, Y, Z, enroll, people, token
from tests.hub.test_sync import BACKENDS, Hub, _token_and_ops, hub_cli, run

SCHOOL = "69800001"
EXAMPLES = int(os.environ.get("LINDUNG_SCOPE_FUZZ_EXAMPLES", "8"))   # per operation and role


@dataclass
class Seat:
    """A laptop, its credential, and what it must never be told."""
    laptop: Laptop
    key: str
    secret: set[str] = field(default_factory=set)     # ids, NIKs and registration numbers
    role: str = "volunteer"

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


@dataclass
class World:
    hub: Hub
    seats: dict[str, Seat]
    conflicts: dict[str, int]      # "outside"/"inside" the walkers' area X
    pairs: dict[str, int]
    outside: list[str]             # record ids outside area X
    branch: str = ""               # the branch's credential (every record, any change)
    settles: dict[tuple[str, int], str] = field(default_factory=dict)   # a conflict's / pair's (first) record
    stored: list = field(default_factory=list)    # forged requests the hub took: (laptop, url, how, status, answer)


def _school(laptop: Laptop) -> None:
    from desktop.services.schools import add_school

    ws = laptop.open()
    try:
        add_school(ws, SCHOOL, "SD Negeri 12 Pontianak", "SD", "6171")
    finally:
        ws.close()


def _secrets(records: dict[str, dict], ids) -> set[str]:
    return {v for i in ids for v in (i, records[i]["nik"], records[i]["registration_no"])}


def build_world(tmp_path, hub: Hub) -> World:
    branch = Laptop(tmp_path, hub, "kantor", "--review")
    other = Laptop(tmp_path, hub, "kantor-2")
    _school(branch)
    xs = enroll(branch, people(1, 4, X))
    enroll(branch, people(5, 2, Y))
    zs = enroll(branch, people(7, 3, Z))
    enroll(branch, [dict(people(10, 1, Z)[0], school_npsn=SCHOOL, pupil_name="Rina", pupil_class="3")])
    branch.sync()
    # The branch's membership work: submitted to BPJS, answered with KPJ numbers, paid by BAZNAS.
    out = tmp_path / "ajuan.xlsx"
    batch = as_json(run(branch.path, "bpjs", "export", str(out), "--months", "12", "--json"))
    import openpyxl

    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    niks = [dict(zip(header, (c.value for c in row)))["NIK"] for row in sheet.iter_rows(min_row=2)]
    answer = tmp_path / "jawaban.xlsx"
    write_answer(answer, [(i + 1, nik, "", f"2612{i:07d}", dt.date(2026, 12, 5), "OK")
                          for i, nik in enumerate(niks[: len(niks) - 2])])
    as_json(run(branch.path, "bpjs", "import", str(answer), "--json"))
    as_json(run(branch.path, "payment", "add", "--batch", batch["batch"], "--months", "12", "--reference",
                "TRF-1", "--amount", "5.000.000", "--json"))
    branch.sync()
    other.sync()
    # Open review items inside and outside area X: a conflict and a possible duplicate each.
    for rid in (xs[0], zs[0]):
        other.edit(rid, phone="0812 1111 2222")
        branch.edit(rid, phone="0813 3333 4444")
    branch.sync()
    other.sync()
    twin = Laptop(tmp_path, hub, "kembar")                # enrolls two of them again, before it pulls
    enroll(twin, [dict(people(1, 1, X)[0], full_name="Siti Warga Kembar"),
                  dict(people(7, 1, Z)[0], full_name="Siti Warga Kembar Dua")])
    twin.sync()
    shown = httpx.get(hub.url + "/v1/review", headers={"Authorization": f"Bearer {token(branch)}"}).json()
    records = hub_records(hub)
    where = {c["id"]: records[c["record_id"]]["kecamatan_code"] for c in shown["conflicts"]}
    conflicts = {("inside" if k == X["kecamatan_code"] else "outside"): i for i, k in where.items()}
    settles = {("conflict", c["id"]): c["record_id"] for c in shown["conflicts"]} | {
        ("pair", p["id"]): p["records"][0]["id"] for p in shown["duplicates"]}
    pairs = {("inside" if records[p["records"][0]["id"]]["kecamatan_code"] == X["kecamatan_code"] else "outside"):
             p["id"] for p in shown["duplicates"]}
    assert set(conflicts) == set(pairs) == {"inside", "outside"}, (shown, where)

    seats = {
        "volunteer": Seat(Laptop(tmp_path, hub, "relawan", "--area", X["kecamatan_code"], "--review",
                                 role="volunteer"), "", role="volunteer"),
        "coordinator": Seat(Laptop(tmp_path, hub, "sekolah", "--school", SCHOOL, role="coordinator"), "",
                            role="coordinator"),
        "printer": Seat(Laptop(tmp_path, hub, "cetak", "--kabupaten", Y["kabupaten_code"], role="printer"), "",
                        role="printer"),
        "admin": Seat(Laptop(tmp_path, hub, "cabang-x", "--area", X["kecamatan_code"], "--review"), "", role="admin"),
        "moved": Seat(Laptop(tmp_path, hub, "pindah", "--area", X["kecamatan_code"], "--review", role="volunteer"),
                      "", role="volunteer"),
    }
    for seat in seats.values():
        _school(seat.laptop)
        seat.laptop.sync()
        seat.key = token(seat.laptop)
    # The volunteer enrolls one of its own out of its area (its own: in its scope), the moved laptop is moved.
    assert hub_cli(hub.db, "scope", seats["moved"].laptop.device_id, "--area", Y["kecamatan_code"], "--yes").returncode == 0
    late = enroll(branch, people(11, 3, X))              # in the moved laptop's old area, after it moved
    branch.sync()
    records = hub_records(hub)
    scoped = {
        "volunteer": {i for i, r in records.items() if r["kecamatan_code"] == X["kecamatan_code"]},
        "coordinator": {i for i, r in records.items() if r.get("school_npsn") == SCHOOL},
        "printer": {i for i, r in records.items() if r["kabupaten_code"] == Y["kabupaten_code"]},
        "admin": {i for i, r in records.items() if r["kecamatan_code"] == X["kecamatan_code"]},
        "moved": {i for i, r in records.items() if r["kecamatan_code"] == Y["kecamatan_code"]},
    }
    for name, seat in seats.items():
        seat.secret = _secrets(records, set(records) - scoped[name])
        assert seat.secret and scoped[name]
    # The moved laptop held area X's records of before: their ids may come as removals, nothing else of them.
    held_before = scoped["volunteer"] - set(late)
    seats["moved"].secret -= held_before
    outside = sorted(set(records) - scoped["volunteer"])
    return World(hub, seats, conflicts, pairs, outside, token(branch), settles)


@pytest.fixture(scope="module", params=BACKENDS)
def world(tmp_path_factory, request):
    hub = Hub(tmp_path_factory.mktemp("walk"), request.param).start()
    try:
        yield build_world(tmp_path_factory.mktemp("laptops"), hub)
    finally:
        hub.stop()


def leaked(seat: Seat, response: httpx.Response) -> list[str]:
    assert response.status_code < 500, response.text[:300]
    return sorted(s for s in seat.secret if s in response.text)


# --- the walk -----------------------------------------------------------------------------------

# Operations that are not reads, with what they answer: (method, path) → how to call them with
# out-of-scope ids. A route missing here and not a GET fails the walk.
def _post_bodies(world: World, seat: Seat) -> dict[tuple[str, str], list[tuple[str, dict]]]:
    records = hub_records(world.hub)
    z = records[world.outside[0]]
    _key, own_ops = _token_and_ops(seat.laptop.path)
    stale = {"op_id": "walk:stale", "base_revision": 1, "record": z | {"phone": "+6281299990000"}}
    same = {"op_id": "walk:same", "base_revision": z["revision"], "record": z}
    conflict, pair = world.conflicts["outside"], world.pairs["outside"]
    return {
        ("post", "/v1/push"): [("/v1/push", {"ops": [stale, same, *own_ops]})],
        ("post", "/v1/conflicts/{conflict_id}/resolve"): [
            (f"/v1/conflicts/{conflict}/resolve", {"record": z, "revision": z["revision"], "by": "walk"})],
        ("post", "/v1/duplicates/{pair_id}/merge"): [
            (f"/v1/duplicates/{pair}/merge", {"keep": z["id"], "record": z, "revisions": {z["id"]: z["revision"]},
                                              "by": "walk"})],
        ("post", "/v1/duplicates/{pair_id}/dismiss"): [(f"/v1/duplicates/{pair}/dismiss", {"by": "walk"})],
        ("post", "/v1/audit"): [("/v1/audit", {"entries": []})],                 # answers counts only
        ("post", "/v1/devices/register"): [],                                    # no credential, no record
    }


def _values(world: World, name: str, schema: dict) -> list:
    """Out-of-scope values for one parameter: record ids, review item ids, cursors, flags."""
    kind = schema.get("type") or next((s.get("type") for s in schema.get("anyOf", []) if s.get("type") != "null"))
    if kind == "string":
        return world.outside[:4] + ["00000000-0000-4000-8000-000000000000"]
    if kind == "integer":
        low, high = schema.get("minimum", 0), schema.get("maximum", 2**31)
        ids = [*world.conflicts.values(), *world.pairs.values()] if name.endswith("_id") else []
        return sorted({v for v in (low, 0, 1, 2, 3, 5, 8, 13, 10**6, *ids) if low <= v <= high})
    if kind == "boolean":
        return [False, True]
    raise AssertionError(f"parameter {name} of an unknown type: the walk does not know what to send")


def test_every_read_operation_answers_nothing_out_of_scope(world):
    spec = httpx.get(world.hub.url + "/openapi.json").json()
    walked = 0
    for name, seat in world.seats.items():
        bodies = _post_bodies(world, seat)
        for path, item in spec["paths"].items():
            for method, operation in item.items():
                parameters = operation.get("parameters", [])
                if method == "head":          # a monitor's probe: answered without a body, so nothing leaks
                    response = httpx.head(world.hub.url + path, headers=seat.headers(), timeout=60)
                    assert response.content == b"", (name, path)
                    walked += 1
                    continue
                if method != "get":
                    assert (method, path) in bodies, f"{method.upper()} {path}: add it to the walk"
                    for url, body in bodies[(method, path)]:
                        response = httpx.post(world.hub.url + url, json=body, headers=seat.headers(), timeout=60)
                        assert not leaked(seat, response), (name, url, leaked(seat, response))
                        walked += 1
                    continue
                in_path = [p for p in parameters if p["in"] == "path"]
                query = [p for p in parameters if p["in"] == "query"]
                paths = [path] if not in_path else [
                    path.replace("{" + in_path[0]["name"] + "}", str(v))
                    for v in _values(world, in_path[0]["name"], in_path[0]["schema"])]
                # Each query parameter through its values, the others left out; then all of them at once.
                variants = [{}] + [{p["name"]: v} for p in query for v in _values(world, p["name"], p["schema"])]
                combos = list(itertools.product(*(_values(world, p["name"], p["schema"]) for p in query)))
                variants += [dict(zip([p["name"] for p in query], combo))
                             for combo in combos[::max(1, len(combos) // 12)]] if query else []
                for url, params in itertools.product(paths, variants):
                    response = httpx.get(world.hub.url + url, params=params, headers=seat.headers(), timeout=60)
                    assert not leaked(seat, response), (name, url, params, leaked(seat, response))
                    walked += 1
    assert walked > 200


# --- the hypothesis pass ------------------------------------------------------------------------

LIFECYCLE = lifecycle.LIFECYCLE_KEYS


def _lifecycle_of(records: dict[str, dict]) -> dict[str, tuple]:
    return {i: tuple(json.dumps(r.get(k), sort_keys=True) for k in LIFECYCLE) for i, r in records.items()}


def _forged(record: dict, how: str, months: int) -> dict:
    """A record with its membership changed as a laptop might try: events added, removed or rewritten,
    or a derived field alone (then it no longer follows from the events)."""
    events = list(record.get("lifecycle") or [])
    if how == "paid":
        events.append({"type": "paid", "at": "2026-12-10T00:00:00Z", "by": "x", "payment": "P-FORGED",
                       "months": months, "amount": 16800 * months})
    elif how == "dropped":
        events = events[:-1]
    elif how == "activated":
        events += [{"type": "submitted", "at": "2026-12-10T00:00:00Z", "by": "x", "batch": "AJ-X", "months": 12},
                   {"type": "activated", "at": "2026-12-11T00:00:00Z", "by": "x", "kpj": "26199999999",
                    "start": "2026-12-11"}]
    if how == "coverage":
        return record | {"coverage_end": "2099-12-31"}
    return record | {"lifecycle": events} | lifecycle.derive(events).values()


def test_no_role_is_answered_anything_out_of_scope(world):
    """Schemathesis' generated requests for every operation, with each role's credential."""
    from hypothesis import HealthCheck, given, settings
    import schemathesis
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_url(world.hub.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    tried = 0
    for name, seat in world.seats.items():
        for operation in operations:
            @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
            @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                      derandomize=True, database=None)
            def generated(case):
                nonlocal tried
                response = case.call(headers=seat.headers(), timeout=30)
                tried += 1
                assert not leaked(seat, response), (name, case.path, leaked(seat, response))

            generated()
    assert tried > 100


def _forge(world: World, routes: list[str]) -> dict[str, tuple]:
    """Hypothesis' forged memberships sent by every laptop but the branch's, through ``routes``; each
    answer checked for what is out of the laptop's scope. Returns the records whose membership changed."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    hub = world.hub
    before = hub_records(hub)
    ids = sorted(before)
    for name in ("volunteer", "coordinator", "printer", "moved"):
        seat = world.seats[name]

        @given(rid=st.sampled_from(ids), how=st.sampled_from(["paid", "dropped", "activated", "coverage"]),
               months=st.integers(1, 60), stale=st.booleans(), route=st.sampled_from(routes))
        @settings(max_examples=EXAMPLES * 2, deadline=None, suppress_health_check=list(HealthCheck),
                  derandomize=True, database=None)
        def forged(rid, how, months, stale, route):
            if route == "resolve":
                rid = world.settles[("conflict", world.conflicts["inside"])]
            elif route == "merge":
                rid = world.settles[("pair", world.pairs["inside"])]
            current = httpx.get(f"{hub.url}/v1/records/{rid}", headers={"Authorization": f"Bearer {world.branch}"},
                                timeout=30).json()["record"]
            record = _forged(current, how, months)
            if route == "push":
                url = "/v1/push"
                body = {"ops": [{"op_id": f"forged:{name}:{ids.index(rid)}:{how}:{months}:{stale}",
                                 "base_revision": 0 if stale else current["revision"], "record": record}]}
            elif route == "resolve":
                url = f"/v1/conflicts/{world.conflicts['inside']}/resolve"
                body = {"record": record, "revision": current["revision"], "by": "fuzz"}
            else:
                url = f"/v1/duplicates/{world.pairs['inside']}/merge"
                body = {"keep": rid, "record": record, "revisions": {rid: current["revision"]}, "by": "fuzz"}
            response = httpx.post(hub.url + url, json=body, headers=seat.headers(), timeout=30)
            assert not leaked(seat, response), (name, url, leaked(seat, response))
            if response.status_code == 200 and route != "push" or '"accepted"' in response.text:
                world.stored.append((name, url, how, response.status_code, response.text[:300]))

        forged()
    after = hub_records(hub)
    return {i: (before[i].get("lifecycle"), after[i].get("lifecycle")) for i in before
            if _lifecycle_of({i: before[i]})[i] != _lifecycle_of({i: after[i]})[i]}


def test_no_push_but_the_branchs_changes_membership(world):
    changed = _forge(world, ["push"])
    assert not changed, (changed, world.stored)


def test_no_review_but_the_branchs_changes_membership(world):
    changed = _forge(world, ["resolve", "merge"])
    assert not changed, (changed, world.stored)
