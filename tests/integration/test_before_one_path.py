"""A database written by the code before the one data path (tests/data/before-one-path, made by that
code) opens with today's code and every read command prints what it printed then."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.integration.test_cli import run

DATA = Path(__file__).resolve().parents[1] / "data" / "before-one-path"


def test_a_database_from_before_reads_the_same(tmp_path):
    for name in ("lindung.sqlite3", "lindung.sqlite3.key"):
        shutil.copy(DATA / name, tmp_path / name)
    db = tmp_path / "lindung.sqlite3"
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    env = {"LINDUNG_TODAY": "2026-12-01"}

    def read(*args: str, as_json: bool = True):
        proc = run(db, *args, env=env)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout) if as_json else proc.stdout

    assert read("list", "--json") == expected["list"]
    assert read("list", "--json", "--status", "deleted") == expected["deleted"]
    # `list --json` holds every live record whole; `show` of the deleted one, the edited one (the form's
    # enrollment) and a refused one reads the rest.
    deleted = expected["deleted"][0]["registration_no"]
    edited = next(r["registration_no"] for r in expected["list"] if r["full_name"] == "SITI AMINAH")
    refused = next(r["registration_no"] for r in expected["list"] if r["status"] == "refused")
    for regno in (deleted, edited, refused):
        assert read("show", regno, "--json") == expected["show"][regno], regno
    assert read("report", "documents", "--json") == expected["documents"]
    assert read("payment", "balance", "--json") == expected["balance"]
    assert read("bpjs", "answers", "--json") == expected["answers"]
    assert read("school", "list", "--json") == expected["schools"]
    assert read("audit", "--json", "--limit", "1000") == expected["audit"]
    assert read("audit", "--verify", as_json=False) == expected["verify"]
    assert read("settings", "show", as_json=False) == expected["settings"]
