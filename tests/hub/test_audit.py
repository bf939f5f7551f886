"""The laptops' audit logs reach the hub with every sync (and in bundles), checked link by link."""

import json

import httpx

from tests.hub.test_sync import _token_and_ops, hub_cli, laptop, run, sync
from tests.rawdb import connect


def hub_audit(hub, *args):
    proc = hub_cli(hub.db, "audit", "--json", "--limit", "1000", *args)
    assert proc.returncode in (0, 3), proc.stderr
    return json.loads(proc.stdout)


def local_audit(db):
    return json.loads(run(db, "audit", "--json", "--limit", "1000").stdout)


def test_sync_sends_the_audit_log_and_the_hub_checks_it(hub, tmp_path):
    a = laptop(tmp_path, "sambas", hub, workers=6, seed=1)
    sync(a)
    on_hub = hub_audit(hub)
    assert [(e["action"], e["device"]) for e in reversed(on_hub)] == [("create", "sambas"), ("sync", "sambas")]
    assert on_hub[0]["details"]["pushed"] == 6
    assert {e["id"] for e in on_hub} == {e["id"] for e in local_audit(a)}
    sync(a)                                     # the second sync's own entry follows; nothing twice
    assert [e["action"] for e in reversed(hub_audit(hub))] == ["create", "sync", "sync"]
    verified = hub_audit(hub, "--verify")
    assert verified == {"entries": 3, "devices": 1, "broken": []}


def test_a_resend_is_harmless_and_a_changed_entry_is_refused(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=3, seed=2)
    sync(a)
    token, _ops = _token_and_ops(a)
    connection = connect(a)
    rows = [dict(zip(("id", "at", "actor", "device_id", "action", "subject", "details", "prev_hash", "hash"), r))
            for r in connection.execute("SELECT id, at, actor, device_id, action, subject, details, prev_hash, hash "
                                        "FROM audit_log ORDER BY id")]
    connection.close()
    headers = {"Authorization": f"Bearer {token}"}
    again = httpx.post(hub.url + "/v1/audit", json={"entries": rows}, headers=headers)
    assert again.status_code == 200 and again.json() == {"stored": 0, "already": 2}
    changed = dict(rows[0], actor="budi")
    refused = httpx.post(hub.url + "/v1/audit", json={"entries": [changed]}, headers=headers)
    assert refused.status_code == 409 and "tidak cocok" in refused.json()["detail"]
    # A new entry whose predecessor the hub never received (a removed entry) does not link up.
    orphan = dict(rows[1], id=99, prev_hash="f" * 64)
    from desktop.domain.audit_chain import hash_of
    orphan["hash"] = hash_of(orphan)
    refused = httpx.post(hub.url + "/v1/audit", json={"entries": [orphan]}, headers=headers)
    assert refused.status_code == 409 and "tidak bersambung" in refused.json()["detail"]
    other = dict(rows[0], device_id="00000000-0000-4000-8000-000000000000")
    assert httpx.post(hub.url + "/v1/audit", json={"entries": [other]}, headers=headers).status_code == 400
    assert len(hub_audit(hub)) == 2


def test_a_tampered_laptop_log_is_refused_but_records_still_sync(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=3, seed=3)
    sync(a)
    assert run(a, "demo", "--workers", "2", "--seed", "4").returncode == 0
    connection = connect(a)
    connection.execute("UPDATE audit_log SET actor = 'orang-lain' WHERE id = (SELECT max(id) FROM audit_log)")
    connection.commit()
    connection.close()
    proc = run(a, "sync")
    assert proc.returncode == 0 and proc.stdout.startswith("pushed 2,")
    assert "Catatan audit laptop ini ditolak hub" in proc.stderr
    assert len(hub.records()) == 5
    assert [e["action"] for e in reversed(hub_audit(hub))] == ["create", "sync"]


def test_a_restored_laptop_continues_its_log_at_the_hub(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=2, seed=5)
    saved = tmp_path / "cadangan.sqlite3"
    assert run(a, "backup", str(saved)).returncode == 0
    sync(a)                                           # the hub has create, backup, sync
    assert run(a, "restore", str(saved)).returncode == 0
    assert run(a, "demo", "--workers", "1", "--seed", "6").returncode == 0
    proc = run(a, "sync")
    assert proc.returncode == 0 and "ditolak" not in proc.stderr, proc.stderr
    actions = [e["action"] for e in reversed(hub_audit(hub))]
    assert actions == ["create", "backup", "sync", "restore", "create", "sync"]
    assert hub_audit(hub, "--verify")["broken"] == []


def test_a_bundle_carries_the_audit_log(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=4, seed=7)
    hub.stop()
    bundle = tmp_path / "kirim.lindung"
    assert run(a, "bundle", "export", str(bundle)).returncode == 0
    applied = hub_cli(hub.db, "bundle", "import", str(bundle))
    assert applied.returncode == 0, applied.stderr
    assert [e["action"] for e in reversed(hub_audit(hub))] == ["create", "export"]
    hub.start()
    sync(a)                                           # the same entries again: skipped, the sync added
    assert [e["action"] for e in reversed(hub_audit(hub))] == ["create", "export", "sync"]


def test_the_hub_finds_an_entry_changed_in_its_own_database(sqlite_hub, tmp_path):
    import sqlite3

    a = laptop(tmp_path, "a", sqlite_hub, workers=2, seed=8)
    sync(a)
    connection = sqlite3.connect(sqlite_hub.db)
    connection.execute("UPDATE audit_entries SET subject = 'lain' WHERE action = 'create'")
    connection.commit()
    connection.close()
    proc = hub_cli(sqlite_hub.db, "audit", "--verify")
    assert proc.returncode == 3 and "RUSAK" in proc.stdout


def test_wrong_sign_ins_reach_the_hub_with_the_log(hub, tmp_path):
    a = laptop(tmp_path, "a", hub)
    assert run(a, "user", "add", "admin", env={"LINDUNG_NEW_PASSWORD": "kapal-motor-admin-1"}).returncode == 0
    assert run(a, "--user", "admin", "list", env={"LINDUNG_PASSWORD": "salah-sandi"}).returncode == 3
    proc = run(a, "--user", "admin", "sync", env={"LINDUNG_PASSWORD": "kapal-motor-admin-1"})
    assert proc.returncode == 0 and "ditolak" not in proc.stderr, proc.stderr
    on_hub = list(reversed(hub_audit(hub)))
    # (the first admin's recovery code is made with the account, and logged)
    assert [e["action"] for e in on_hub] == ["create", "recovery_code", "signin_failed", "sync"]
    assert on_hub[2]["subject"] == "akun admin" and on_hub[2]["details"]["failures"] == 1
    assert hub_audit(hub, "--verify")["broken"] == []
