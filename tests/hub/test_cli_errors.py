"""The hub's command line run by people who are not us (issue 29): each mistake is one Indonesian line and
a non-zero exit, and a typo creates nothing. Real hub commands in subprocesses, real files, the real
PostgreSQL server (LINDUNG_TEST_PG) and a real port held by another socket."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from tests.hub.test_scope import Laptop
from tests.hub.test_sync import free_port, hub_cli


def one_line(proc, *words):
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode != 0 and len(lines) == 1 and lines[0].startswith("lindung-hub: "), proc.stderr
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _unused_port() -> int:
    return free_port()   # nothing listens there once the probe socket is closed


@pytest.mark.parametrize("command", [["devices"], ["serve", "--port", "0"]])
def test_an_unreachable_postgresql_server_is_named_with_its_host_and_port(command):
    port = _unused_port()
    proc = hub_cli(f"postgresql+psycopg://lindung:rahasia@127.0.0.1:{port}/lindung", *command)
    line = one_line(proc, f"127.0.0.1:{port}", "tidak dapat dihubungi")
    assert "rahasia" not in line and "melayani" not in proc.stdout


def test_a_missing_postgresql_database_and_a_foreign_one_are_told_apart():
    base = os.environ.get("LINDUNG_TEST_PG")
    if not base:
        pytest.fail("no PostgreSQL server for the hub tests (LINDUNG_TEST_PG)", pytrace=False)
    from sqlalchemy.engine import make_url

    url = make_url(base)
    missing = hub_cli(url.set(database="tidak_ada_hub_29").render_as_string(hide_password=False), "devices")
    one_line(missing, "tidak_ada_hub_29 tidak ada", "createdb")
    empty = hub_cli(url.set(database="postgres").render_as_string(hide_password=False), "list")
    one_line(empty, "belum ada basis data hub", "init")


@pytest.mark.parametrize("url", ["mysql://lindung@127.0.0.1/lindung", "oracle://x@y/z"])
def test_only_sqlite_and_postgresql_are_supported(url):
    one_line(hub_cli(url, "devices"), "hanya memakai SQLite", "PostgreSQL")


def test_a_typo_creates_no_hub(tmp_path):
    typo = tmp_path / "tidak-ada" / "hub.sqlite3"
    one_line(hub_cli(typo, "device-code", "--name", "x"), "belum ada basis data hub", str(typo), "init")
    assert not typo.parent.exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    here = subprocess.run([sys.executable, "-m", "hub.cli", "devices"], cwd=tmp_path, capture_output=True,
                          text=True, env=env, timeout=60)
    one_line(here, "belum ada basis data hub", str(tmp_path / "lindung-hub.sqlite3"))
    assert list(tmp_path.iterdir()) == []
    one_line(hub_cli(tmp_path, "devices"), "adalah folder")

    made = hub_cli(typo, "init")   # where the operator asks for one, it is made (its folder too)
    assert made.returncode == 0 and str(typo) in made.stdout, made.stderr
    assert hub_cli(typo, "device-code", "--name", "Laptop Sambas 1").returncode == 0
    again = hub_cli(typo, "init")   # and an existing one is kept
    assert again.returncode == 0 and len(json.loads(hub_cli(typo, "devices", "--json").stdout)) == 0


def test_output_to_a_reader_that_stopped_reading_ends_quietly(tmp_path):
    db = tmp_path / "hub.sqlite3"
    assert hub_cli(db, "init").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    for command in (["list", "--json"], ["devices", "--json"], ["audit", "--json"]):
        read_end, write_end = os.pipe()
        os.close(read_end)   # as `| head` after its lines: every write the command makes fails with EPIPE
        try:
            proc = subprocess.run([sys.executable, "-m", "hub.cli", "--db", str(db), *command], stdout=write_end,
                                  stderr=subprocess.PIPE, text=True, env=env, timeout=60)
        finally:
            os.close(write_end)
        assert (proc.stderr, proc.returncode) == ("", 141), command


def test_serve_on_a_busy_port_says_so_before_claiming_to_serve(tmp_path):
    db = tmp_path / "hub.sqlite3"
    assert hub_cli(db, "init").returncode == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = hub_cli(db, "serve", "--port", str(port))
    one_line(proc, f"port {port} sudah dipakai", "--port")
    assert proc.returncode == 3 and proc.stdout == ""


def _on_a_terminal(db, answer: str, *args):
    """``lindung-hub ARGS`` with its standard input a terminal (a pseudo-terminal) that types ``answer``."""
    import pty

    main, child = pty.openpty()
    os.write(main, answer.encode())
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    try:
        return subprocess.run([sys.executable, "-m", "hub.cli", "--db", str(db), *args], stdin=child,
                              capture_output=True, text=True, env=env, timeout=60)
    finally:
        os.close(child)
        os.close(main)


def test_a_scope_names_real_regions_and_a_shrinking_one_says_what_leaves(sqlite_hub, tmp_path):
    hub = sqlite_hub
    for options in (["--area", "99.99.99"], ["--kabupaten", "3171"], ["--area", "3171010001"]):
        one_line(hub_cli(hub.db, "device-code", "--name", "x", *options), "tidak ada dalam daftar wilayah")
    enroller = Laptop(tmp_path, hub, "sambas", demo=30, seed=29)
    enroller.sync()
    everything = Laptop(tmp_path, hub, "kantor")
    everything.sync()
    records = json.loads(hub_cli(hub.db, "list", "--json").stdout)
    assert len(everything.ids()) == len(records) == 30
    one_line(hub_cli(hub.db, "scope", everything.device_id, "--kabupaten", "3171"), "tidak ada dalam daftar")
    kecamatan = records[0]["kecamatan_code"]
    leaving = sum(r["kecamatan_code"] != kecamatan for r in records)

    refused = hub_cli(hub.db, "scope", everything.device_id, "--area", kecamatan)   # no terminal: not asked
    one_line(refused, f"akan menghapus {leaving} data", "--yes")
    assert len(everything.ids()) == 30 and "cakupan semua" in hub_cli(hub.db, "devices").stdout
    assert all(d["scope"]["kind"] is None for d in json.loads(hub_cli(hub.db, "devices", "--json").stdout))

    asked = _on_a_terminal(hub.db, "t\n", "scope", everything.device_id, "--area", kecamatan)   # "tidak"
    assert f"akan menghapus {leaving} data" in asked.stdout and "Lanjutkan?" in asked.stdout
    one_line(asked, "dibatalkan")
    assert all(d["scope"]["kind"] is None for d in json.loads(hub_cli(hub.db, "devices", "--json").stdout))

    changed = hub_cli(hub.db, "scope", everything.device_id, "--area", kecamatan, "--yes")
    assert changed.returncode == 0, changed.stderr
    everything.sync()
    assert len(everything.ids()) == 30 - leaving
    # the enrolling laptop keeps its own records whatever its scope: nothing to confirm
    assert hub_cli(hub.db, "scope", enroller.device_id, "--area", kecamatan).returncode == 0


def test_a_bundle_for_the_hub_on_a_full_or_read_only_disk_is_said_in_words(sqlite_hub, tmp_path):
    from tests.hub.test_sync import laptop
    from tests.integration.test_cli_errors import one_line as laptop_line
    from tests.integration.test_cli_errors import run_on_mount

    db = laptop(tmp_path, "sambas", sqlite_hub, workers=5, seed=29)
    for kind, words in (("full", "Disk penuh"), ("read-only", "hanya dapat dibaca")):
        out = tmp_path / kind
        out.mkdir()
        proc, left = run_on_mount(kind, out, db, "bundle", "export", str(out / "bundel.lindung"))
        laptop_line(proc, words)
        assert left == []
