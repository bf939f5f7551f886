"""What the branch's IT person does with a running hub (docs/operations.md): the health endpoint a monitor
calls, and a laptop's credential renewed (`lindung-hub rotate`) without losing its data. Real hub process,
SQLite and PostgreSQL."""

import json

import httpx
import pytest
from sqlalchemy import create_engine, text

from hub.db import MIGRATIONS, database_url
from tests.hub.test_sync import BACKENDS, Hub, _token_and_ops, hub_cli, laptop, listed, sync
from tests.integration.test_cli import errors, run


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def _set_revision(hub, revision):
    engine = create_engine(database_url(str(hub.db)))
    with engine.begin() as connection:
        connection.execute(text("UPDATE hub_alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_health_says_whether_the_database_answers_at_this_hubs_migration(hub):
    answer = httpx.get(hub.url + "/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "migration": head_revision(),
                             "database": "sqlite" if str(hub.db).endswith(".sqlite3") else "postgresql"}
    assert httpx.head(hub.url + "/health").status_code == 200           # monitors that only ask HEAD
    # A database put back from an older backup while the hub runs: not at this hub's migration.
    _set_revision(hub, "0009")
    stale = httpx.get(hub.url + "/health")
    assert stale.status_code == 503
    assert stale.json() == {"status": "migration_mismatch", "migration": "0009", "expected": head_revision()}
    _set_revision(hub, head_revision())
    assert httpx.get(hub.url + "/health").status_code == 200


@pytest.mark.parametrize("backend", BACKENDS[1:])          # PostgreSQL: a server that can refuse
def test_health_is_503_while_postgresql_refuses_connections(tmp_path, backend):
    hub = Hub(tmp_path, backend).start()
    try:
        url = database_url(hub.db)
        name = url.rsplit("/", 1)[1]
        admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                               {"n": name})
        try:
            down = httpx.get(hub.url + "/health", timeout=30)
            assert down.status_code == 503
            assert down.json()["status"] == "database_unreachable" and set(down.json()) == {"status", "error", "expected"}
        finally:
            with admin.connect() as connection:
                connection.execute(text(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
            admin.dispose()
        assert httpx.get(hub.url + "/health", timeout=30).status_code == 200
    finally:
        hub.stop()


def test_rotated_credential_stops_the_old_one_and_the_laptop_renews_keeping_its_data(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=3, seed=41)
    assert sync(a) == "pushed 3, pulled 0, conflicts 0, duplicates 0"
    old_token, _ops = _token_and_ops(a)
    assert run(a, "demo", "--workers", "2", "--seed", "42").returncode == 0    # made before the rotation
    device = json.loads(hub_cli(hub.db, "devices", "--json").stdout)[0]
    assert device["awaiting_new_credential"] is False

    rotated = hub_cli(hub.db, "rotate", device["id"])
    assert rotated.returncode == 0, rotated.stderr
    code = rotated.stdout.strip().splitlines()[-1]
    assert "lindung register" in rotated.stdout
    assert json.loads(hub_cli(hub.db, "devices", "--json").stdout)[0]["awaiting_new_credential"] is True
    # The old credential is refused at once, by the hub itself and through the laptop, which says what to do.
    assert httpx.get(hub.url + "/v1/status", headers={"Authorization": f"Bearer {old_token}"}).status_code == 401
    refused = run(a, "sync")
    assert refused.returncode != 0
    assert len(errors(refused).strip().splitlines()) == 1 and "diganti oleh admin cabang" in refused.stderr
    assert len(listed(a)) == 5 and len(hub.records()) == 3                      # nothing lost on either side

    # Another laptop cannot take this laptop's renewal code.
    other = tmp_path / "b.sqlite3"
    stolen = run(other, "register", "--hub", hub.url, "--code", code)
    assert stolen.returncode != 0 and "laptop lain" in stolen.stderr

    renewed = run(a, "register", "--hub", hub.url, "--code", code)
    assert renewed.returncode == 0, renewed.stderr
    new_token, _ops = _token_and_ops(a)
    assert new_token != old_token
    # It carries on where it was: the two waiting records go, nothing is pulled again.
    assert sync(a) == "pushed 2, pulled 0, conflicts 0, duplicates 0"
    assert len(hub.records()) == 5 and len(listed(a)) == 5
    assert httpx.get(hub.url + "/v1/status", headers={"Authorization": f"Bearer {old_token}"}).status_code == 401
    again = run(a, "register", "--hub", hub.url, "--code", code)             # one use only
    assert again.returncode != 0 and "tidak berlaku" in again.stderr
    devices = json.loads(hub_cli(hub.db, "devices", "--json").stdout)
    assert len(devices) == 1 and devices[0]["awaiting_new_credential"] is False


def test_a_revoked_laptop_comes_back_only_with_a_renewal_code(sqlite_hub, tmp_path):
    a = laptop(tmp_path, "a", sqlite_hub, workers=1, seed=43)
    sync(a)
    device = json.loads(hub_cli(sqlite_hub.db, "devices", "--json").stdout)[0]["id"]
    assert hub_cli(sqlite_hub.db, "revoke", device).returncode == 0
    assert "dicabut" in run(a, "sync").stderr
    code = hub_cli(sqlite_hub.db, "rotate", device).stdout.strip().splitlines()[-1]
    assert run(a, "register", "--hub", sqlite_hub.url, "--code", code).returncode == 0
    assert sync(a) == "pushed 0, pulled 0, conflicts 0, duplicates 0"
    assert json.loads(hub_cli(sqlite_hub.db, "devices", "--json").stdout)[0]["revoked"] is False
    unknown = hub_cli(sqlite_hub.db, "rotate", "00000000-0000-0000-0000-000000000000")
    assert unknown.returncode == 1 and "tidak ada" in unknown.stderr
