"""Laptops syncing with the real hub process on loopback (SQLite hub)."""

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.serving import wait_healthy
from tests.integration.test_cli import errors, run
from tests import ormdb


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hub_cli(db, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    proc = subprocess.run([sys.executable, "-m", "hub.cli", "--db", str(db), *args], capture_output=True,
                          text=True, env=env, timeout=60)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def postgres_database() -> str:
    """A fresh database on the test PostgreSQL server (started by scripts/test)."""
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    if not os.environ.get("LINDUNG_TEST_PG"):
        pytest.fail("no PostgreSQL server for the hub tests (LINDUNG_TEST_PG is not set): in CI they fail "
                    "rather than skip; scripts/test installs and starts one", pytrace=False)
    base = make_url(os.environ["LINDUNG_TEST_PG"])
    name = "hub_" + uuid.uuid4().hex[:12]
    with psycopg.connect(host=base.host, port=base.port, user=base.username, dbname=base.database,
                         autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return base.set(database=name).render_as_string(hide_password=False)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


# Without a server the PostgreSQL runs are skipped on a developer's machine, but fail in CI (CI=true), so a
# green CI run never hides them.
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        not os.environ.get("LINDUNG_TEST_PG") and not in_ci(),
        reason="no PostgreSQL server (scripts/test installs and starts one)")),
]


class Hub:
    def __init__(self, tmp_path, backend="sqlite"):
        self.db = tmp_path / "hub.sqlite3" if backend == "sqlite" else postgres_database()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self):
        made = hub_cli(self.db, "init")   # a new hub database only where asked for (issue 29)
        assert made.returncode == 0, made.stderr
        env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
        self.proc = subprocess.Popen([sys.executable, "-m", "hub.cli", "--db", str(self.db), "serve", "--port",
                                      str(self.port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_healthy(self.url, self.proc, 30)
        return self

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)

    def code(self, name="laptop", review=False, role="admin", school=None):
        """Laptops here act for the branch (any change) unless a test gives a narrower role."""
        proc = hub_cli(self.db, "device-code", "--name", name, "--role", role, *(["--review"] if review else []),
                       *(["--school", school] if school else []))
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip().splitlines()[-1]

    def records(self):
        return json.loads(hub_cli(self.db, "list", "--json").stdout)


def laptop(tmp_path, name, hub, workers=0, seed=0, review=False, role="admin", school=None):
    db = tmp_path / f"{name}.sqlite3"
    if workers:
        assert run(db, "demo", "--workers", str(workers), "--seed", str(seed)).returncode == 0
    proc = run(db, "register", "--hub", hub.url, "--code", hub.code(name, review, role, school))
    assert proc.returncode == 0, proc.stderr
    return db


def sync(db):
    proc = run(db, "sync")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[0]


def listed(db):
    return {r["id"]: r for r in json.loads(run(db, "list", "--json").stdout)}


def test_two_laptops_converge_and_numbers_stay_valid(hub, tmp_path):
    a = laptop(tmp_path, "sambas", hub, workers=40, seed=1)
    b = laptop(tmp_path, "ketapang", hub, workers=25, seed=2)
    assert sync(a) == "pushed 40, pulled 0, conflicts 0, duplicates 0"
    assert sync(b) == "pushed 25, pulled 40, conflicts 0, duplicates 0"
    assert sync(a) == "pushed 0, pulled 25, conflicts 0, duplicates 0"
    assert sync(a) == "pushed 0, pulled 0, conflicts 0, duplicates 0"
    on_a, on_b, on_hub = listed(a), listed(b), {r["id"]: r for r in hub.records()}
    assert set(on_a) == set(on_b) == set(on_hub) and len(on_hub) == 65
    for rid, record in on_hub.items():  # offline registration numbers survive, same on every side
        assert on_a[rid]["registration_no"] == on_b[rid]["registration_no"] == record["registration_no"]
        assert on_a[rid]["nik"] == record["nik"]
    # Pulled records are searchable like local ones.
    some = next(iter(on_hub.values()))
    found = run(a, "list", "--json", "--query", some["registration_no"]).stdout
    assert some["id"] in found


def test_parallel_edits_become_a_conflict_and_nothing_is_lost(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=5, seed=3)
    b = laptop(tmp_path, "b", hub)
    sync(a)
    sync(b)
    target = next(iter(listed(a).values()))
    for db, phone in ((a, "0812 1111 2222"), (b, "0813 3333 4444")):
        record = listed(db)[target["id"]]
        edit = {k: record[k] for k in ("nik", "full_name", "birth_place", "birth_date", "sex", "address",
                                       "kabupaten_code", "kecamatan_code", "desa_code", "occupation",
                                       "occupation_other", "monthly_income", "heir_name", "heir_relationship")}
        edit["phone"] = phone
        from desktop.services import enrollment
        from desktop.services.accounts import SYSTEM
        from desktop.services.workspace import Workspace

        ws = Workspace(db)
        enrollment.update_worker(ws, target["id"], edit, SYSTEM)
        ws.close()
    assert sync(a).startswith("pushed 1, pulled 0, conflicts 0")
    assert "conflicts 1" in sync(b)             # the hub kept a's edit and flagged b's
    hub_record = next(r for r in hub.records() if r["id"] == target["id"])
    assert hub_record["phone"] == "+6281211112222"
    assert listed(b)[target["id"]]["phone"] == "+6281333334444"  # b's edit is kept, still waiting
    status = httpx.get(hub.url + "/v1/status", headers={"Authorization": "Bearer x.y"})
    assert status.status_code == 401


def test_resent_batch_changes_nothing_and_reused_ids_are_refused(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=3, seed=4)
    from desktop.services.search import SearchQuery, iter_records
    from desktop.services.workspace import Workspace
    from desktop.storage.models import Setting

    ws = Workspace(a)
    with ormdb.session(ws) as session:
        token = session.get(Setting, "sync.token").value
    records = [r.to_json() for r in iter_records(ws, SearchQuery())]
    ws.close()
    prefix = records[0]["registration_no"][:6]
    ops = [{"op_id": f"{prefix}:{r['id']}:1", "base_revision": 0, "record": r} for r in records]
    headers = {"Authorization": f"Bearer {token}"}
    first = httpx.post(hub.url + "/v1/push", json={"ops": ops}, headers=headers).json()["results"]
    again = httpx.post(hub.url + "/v1/push", json={"ops": ops}, headers=headers).json()["results"]
    assert first == again and {r["status"] for r in first} == {"accepted"}
    assert len(hub.records()) == 3
    changed = dict(ops[0], record=dict(ops[0]["record"], address="Jl. Lain No. 9"))
    refused = httpx.post(hub.url + "/v1/push", json={"ops": [changed]}, headers=headers).json()["results"]
    assert refused[0]["status"] == "rejected" and "sudah dipakai" in refused[0]["errors"][0]
    assert sync(a) == "pushed 3, pulled 0, conflicts 0, duplicates 0"  # the laptop learns its acks
    assert len(hub.records()) == 3


def test_same_nik_on_two_laptops_is_a_possible_duplicate(hub, tmp_path):
    from tests.conftest import make_raw

    a = laptop(tmp_path, "a", hub)
    b = laptop(tmp_path, "b", hub)
    for db in (a, b):
        source = tmp_path / f"{db.stem}.json"
        source.write_text(json.dumps(make_raw()), encoding="utf-8")
        assert run(db, "enroll", str(source)).returncode == 0
    sync(a)
    assert sync(b) == "pushed 1, pulled 0, conflicts 0, duplicates 1"
    assert len(hub.records()) == 2                                  # both kept for a coordinator
    assert len(listed(a)) == len(listed(b)) == 1


def test_revoked_device_and_unreachable_hub_lose_nothing(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=4, seed=5)
    sync(a)
    assert run(a, "demo", "--workers", "2", "--seed", "6").returncode == 0
    device = json.loads(hub_cli(hub.db, "devices", "--json").stdout)[0]["id"]
    assert hub_cli(hub.db, "revoke", device).returncode == 0
    refused = run(a, "sync")
    assert refused.returncode != 0 and "dicabut" in refused.stderr
    hub.stop()
    down = run(a, "sync")
    assert down.returncode != 0 and "tidak dapat dihubungi" in down.stderr
    assert len(listed(a)) == 6 and len(errors(down).strip().splitlines()) == 1


def test_hub_refuses_malformed_oversized_and_foreign_pushes(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=1, seed=7)
    from desktop.services.search import SearchQuery, iter_records
    from desktop.services.workspace import Workspace
    from desktop.storage.models import Setting

    ws = Workspace(a)
    with ormdb.session(ws) as session:
        token = session.get(Setting, "sync.token").value
    record = next(iter_records(ws, SearchQuery())).to_json()
    ws.close()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    assert httpx.post(hub.url + "/v1/push", content=b'{"ops": [', headers=headers).status_code == 422
    assert httpx.post(hub.url + "/v1/push", content=b" " * (33 << 20), headers=headers).status_code == 413
    foreign = dict(record, device_id="00000000-0000-0000-0000-000000000000")
    answer = httpx.post(hub.url + "/v1/push", headers=headers,
                        json={"ops": [{"op_id": "x:1", "base_revision": 0, "record": foreign}]})
    assert answer.status_code == 403
    bad = dict(record, nik="123")
    answer = httpx.post(hub.url + "/v1/push", headers=headers,
                        json={"ops": [{"op_id": "y:1", "base_revision": 0, "record": bad}]}).json()
    assert answer["results"][0]["status"] == "rejected" and any("nik" in e for e in answer["results"][0]["errors"])
    assert hub.records() == []
    assert httpx.get(hub.url + "/openapi.json").json()["info"]["title"] == "Lindung hub"


def _token_and_ops(db):
    from desktop.services.workspace import Workspace
    from desktop.storage.models import Setting
    from desktop.sync.client import _prepare

    ws = Workspace(db)
    with ormdb.session(ws) as session:
        token = session.get(Setting, "sync.token").value
    ops, _pushed, _after = _prepare(ws, 0)
    ws.close()
    return token, ops


def test_answer_lost_after_the_hub_committed(hub, tmp_path):
    """The hub commits a batch but the laptop never hears: the next sync resends, nothing doubles."""
    a = laptop(tmp_path, "a", hub, workers=30, seed=8)
    token, ops = _token_and_ops(a)
    lost = httpx.post(hub.url + "/v1/push", json={"ops": ops}, headers={"Authorization": f"Bearer {token}"})
    assert lost.status_code == 200  # committed on the hub; the laptop does not record the answer
    assert len(hub.records()) == 30
    assert sync(a) == "pushed 30, pulled 0, conflicts 0, duplicates 0"
    assert len(hub.records()) == 30
    assert sync(a) == "pushed 0, pulled 0, conflicts 0, duplicates 0"


def test_hub_killed_in_the_middle_of_a_push(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=3000, seed=9)
    pushing = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(a), "sync"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               env={k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")})
    from tests.rawdb import connect

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill the hub once the laptop holds some answers, not all
        with connect(a) as db:           # (batches are pipelined: the hub may hold more than is answered)
            acknowledged = db.execute("SELECT COUNT(*) FROM workers WHERE synced_revision IS NOT NULL").fetchone()[0]
        if acknowledged > 0:
            break
    hub.proc.kill()
    hub.proc.wait()
    out, err = pushing.communicate(timeout=60)
    assert pushing.returncode != 0 and "tidak dapat dihubungi" in err, (out, err)
    assert "Traceback" not in err
    hub.start()
    summary = sync(a)
    assert summary.startswith("pushed ") and "conflicts 0" in summary
    assert int(summary.split()[1].rstrip(",")) < 3000  # only what had not been acknowledged went again
    records = hub.records()
    assert len(records) == len({r["id"] for r in records}) == 3000
    assert sync(a) == "pushed 0, pulled 0, conflicts 0, duplicates 0"


def test_a_laptop_whose_clock_is_a_day_ahead(hub, tmp_path):
    from tests.rawdb import connect

    a = laptop(tmp_path, "a", hub, workers=10, seed=10)
    b = laptop(tmp_path, "b", hub)
    with connect(a) as db:  # what a laptop with a wrong clock would have written
        db.execute("UPDATE workers SET enrolled_at = datetime(enrolled_at, '+1 day'), "
                   "updated_at = datetime(updated_at, '+1 day')")
    assert sync(a) == "pushed 10, pulled 0, conflicts 0, duplicates 0"
    assert sync(b) == "pushed 0, pulled 10, conflicts 0, duplicates 0"
    assert set(listed(a)) == set(listed(b))


def test_count_check_recovers_a_record_missing_here(hub, tmp_path):
    from tests.rawdb import connect

    a = laptop(tmp_path, "a", hub, workers=8, seed=11)
    b = laptop(tmp_path, "b", hub)
    sync(a)
    sync(b)
    gone = next(iter(listed(b)))
    with connect(b) as db:  # a record lost on this laptop (restored from an old copy, say)
        wid = db.execute("SELECT id FROM workers WHERE uuid = ?", (gone,)).fetchone()[0]
        db.execute("DELETE FROM worker_changes WHERE worker_id = ?", (wid,))
        db.execute("INSERT INTO workers_fts(workers_fts, rowid, full_name) SELECT 'delete', id, full_name "
                   "FROM workers WHERE id = ?", (wid,))
        db.execute("DELETE FROM workers WHERE id = ?", (wid,))
    proc = run(b, "sync")
    assert proc.returncode == 0 and "diambil ulang" in proc.stdout and "Masih berbeda" not in proc.stdout
    assert gone in listed(b) and len(listed(b)) == 8
    assert "diambil ulang" not in run(b, "sync").stdout


def test_bundle_for_a_hub_out_of_reach(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=20, seed=12)
    hub.stop()                                         # no connection at all from here on
    bundle = tmp_path / "kirim.lindung"
    proc = run(a, "bundle", "export", str(bundle))
    assert proc.returncode == 0 and "20 data ditulis" in proc.stdout
    sealed = bundle.read_bytes()
    for record in listed(a).values():  # no NIK (16 digits) nor full name (with its space) readable in it
        assert record["nik"].encode() not in sealed
        assert " " not in record["full_name"] or record["full_name"].encode() not in sealed
    applied = hub_cli(hub.db, "bundle", "import", str(bundle))
    assert applied.returncode == 0 and "20 baru" in applied.stdout, applied.stderr
    again = hub_cli(hub.db, "bundle", "import", str(bundle))
    assert "0 baru" in again.stdout and "20 sudah pernah diterima" in again.stdout
    assert len(hub.records()) == 20
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 1                          # one changed byte
    forged = tmp_path / "palsu.lindung"
    forged.write_bytes(bytes(data))
    refused = hub_cli(hub.db, "bundle", "import", str(forged))
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    hub.start()
    assert sync(a) == "pushed 20, pulled 0, conflicts 0, duplicates 0"   # acknowledgements learned
    assert len(hub.records()) == 20
    assert sync(a) == "pushed 0, pulled 0, conflicts 0, duplicates 0"


def test_a_restored_backup_syncs_back_to_the_present(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=5, seed=15)
    sync(a)
    saved = tmp_path / "cadangan.sqlite3"
    proc = run(a, "backup", str(saved))
    assert proc.returncode == 0 and "Cadangan 5 peserta" in proc.stdout
    assert run(a, "demo", "--workers", "3", "--seed", "16").returncode == 0
    sync(a)                                                  # the hub has 8, the backup 5
    before = {r["registration_no"] for r in listed(a).values()}
    proc = run(a, "restore", str(saved))
    assert proc.returncode == 0 and "5 peserta" in proc.stdout, proc.stderr
    assert len(listed(a)) == 5
    summary = run(a, "sync").stdout
    assert "diambil ulang" in summary and "Masih berbeda" not in summary
    assert {r["registration_no"] for r in listed(a).values()} == before
    assert run(a, "demo", "--workers", "1", "--seed", "17").returncode == 0
    new = set(r["registration_no"] for r in listed(a).values()) - before
    assert len(new) == 1 and sync(a).startswith("pushed 1,")  # no number issued twice
    assert len(hub.records()) == 9


def test_restore_refuses_a_damaged_or_foreign_file(tmp_path):
    db = tmp_path / "a.sqlite3"
    assert run(db, "demo", "--workers", "2", "--seed", "1").returncode == 0
    junk = tmp_path / "bukan.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    proc = run(db, "restore", str(junk))
    assert proc.returncode != 0 and "bukan cadangan" in proc.stderr
    assert len(listed(db)) == 2


@pytest.mark.parametrize("backend", BACKENDS)
def test_several_hub_processes_start_at_once_on_a_fresh_database(tmp_path, backend):
    """Behind a proxy several processes start together; the first migrates, the others wait."""
    db = tmp_path / "hub.sqlite3" if backend == "sqlite" else postgres_database()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    starting = [subprocess.Popen([sys.executable, "-m", "hub.cli", "--db", str(db), "init"], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(proc.wait(timeout=120), proc.communicate()) for proc in starting]
    assert [(code, "siap" in out) for code, (out, _err) in results] == [(0, True)] * 4, results
    assert hub_cli(db, "devices", "--json").stdout.strip() == "[]"


def test_two_hub_processes_serve_one_database(tmp_path):
    hub = Hub(tmp_path)
    assert hub_cli(hub.db, "init").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    hub.proc = subprocess.Popen([sys.executable, "-m", "hub.cli", "--db", str(hub.db), "serve", "--port",
                                 str(hub.port), "--workers", "2"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(hub.url + "/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    try:
        a = laptop(tmp_path, "a", hub, workers=30, seed=41)
        b = laptop(tmp_path, "b", hub, workers=20, seed=42)
        pushing = [subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), "sync"], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for db in (a, b)]
        assert [p.wait(timeout=120) for p in pushing] == [0, 0]
        sync(a), sync(b)
        assert set(listed(a)) == set(listed(b)) and len(hub.records()) == 50
    finally:
        hub.stop()


def test_no_kk_travels_through_the_hub_both_ways(hub, tmp_path):
    """The family card number is a record field like the NIK: the hub accepts it (SYNCED_KEYS), keeps
    it, hands it to the other laptop, and an edit of it travels back; a record without it (from a
    laptop of before) is still accepted."""
    from tests.conftest import make_raw

    a = laptop(tmp_path, "a", hub)
    b = laptop(tmp_path, "b", hub)
    source = tmp_path / "one.json"
    source.write_text(json.dumps(make_raw(no_kk="6171010903150001")), encoding="utf-8")
    assert run(a, "enroll", str(source)).returncode == 0
    assert sync(a) == "pushed 1, pulled 0, conflicts 0, duplicates 0"
    (on_hub,) = hub.records()
    assert on_hub["no_kk"] == "6171010903150001"
    assert sync(b) == "pushed 0, pulled 1, conflicts 0, duplicates 0"
    (on_b,) = listed(b).values()
    assert on_b["no_kk"] == "6171010903150001"
    change = tmp_path / "kk.json"
    change.write_text(json.dumps({"no_kk": "6171010903150002"}), encoding="utf-8")
    edited = run(b, "edit", on_b["registration_no"], str(change))
    assert edited.returncode == 0, edited.stderr
    assert sync(b).startswith("pushed 1,")
    assert sync(a) == "pushed 0, pulled 1, conflicts 0, duplicates 0"
    assert listed(a)[on_b["id"]]["no_kk"] == "6171010903150002"
    assert hub.records()[0]["no_kk"] == "6171010903150002"

    from desktop.services.search import SearchQuery, iter_records
    from desktop.services.workspace import Workspace
    from desktop.storage.models import Setting

    c = laptop(tmp_path, "c", hub)
    assert run(c, "enroll", str(_written(tmp_path, make_raw(nik="6171011708800003", birth_date="17-08-1980",
                                                             sex="L")))).returncode == 0
    ws = Workspace(c)
    with ormdb.session(ws) as session:
        token = session.get(Setting, "sync.token").value
    (old,) = [r.to_json() for r in iter_records(ws, SearchQuery())]
    ws.close()
    del old["no_kk"]                                    # as a laptop without the field sends it
    answer = httpx.post(hub.url + "/v1/push", headers={"Authorization": f"Bearer {token}"},
                        json={"ops": [{"op_id": f"{old['registration_no'][:6]}:{old['id']}:1", "base_revision": 0,
                                       "record": old}]}).json()["results"]
    assert answer[0]["status"] == "accepted", answer


def _written(tmp_path, raw):
    path = tmp_path / "raw.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path
