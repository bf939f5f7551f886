"""Errors in words (issue 29): a full disk, a read-only folder, a mistyped --db, a file that is no backup,
an import that enrols nobody — each one Indonesian line and a non-zero exit, nothing half-written left.

The full disk and the read-only folder are real: a 4 KiB tmpfs and a read-only tmpfs, mounted for the one
command in a mount namespace of its own (``unshare --mount --map-root-user``, so it needs no root, and a
root-run suite is not let through by root's right to write anywhere, as a chmod-ed folder would be)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.integration.test_cli import errors, run
from tests.integration.test_import import MESSY_HEADERS, SITI


def one_line(proc, *words) -> str:
    said = errors(proc).strip().splitlines()
    assert proc.returncode != 0 and len(said) == 1 and said[0].startswith("lindung: "), proc.stderr
    assert "galat tak terduga" not in said[0] and "Error" not in said[0] and "Traceback" not in proc.stderr
    for word in words:
        assert word in said[0], said[0]
    return said[0]


@pytest.fixture(scope="module")
def laptop(tmp_path_factory):
    """A laptop database with 30 records, and a list of three parents that are all refused."""
    folder = tmp_path_factory.mktemp("laptop")
    db = folder / "lindung.sqlite3"
    assert run(db, "demo", "--workers", "30", "--seed", "29").returncode == 0
    bad = folder / "ortu.csv"
    rows = [[str(n), "12345", *SITI[2:4], SITI[4].strftime("%d/%m/%Y"), *SITI[5:]] for n in (1, 2, 3)]
    bad.write_text("\n".join(",".join(f'"{c}"' for c in row) for row in [MESSY_HEADERS, *rows]), encoding="utf-8")
    return db, bad


def run_on_mount(kind: str, folder, db, *args):
    """``lindung ARGS`` with ``folder`` a full (``kind`` "full") or read-only ("read-only") disk; what the
    folder holds afterwards is listed into ``folder``'s sibling ``.listing``."""
    options = "size=4k" if kind == "full" else "size=1m,ro"
    listing = folder.with_name(folder.name + ".listing")
    script = f'mount -t tmpfs -o {options} tmpfs "$0" || exit 99; "$@"; status=$?; ls -A "$0" > "{listing}"; ' \
             'exit $status'
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")} | {"LINDUNG_DB": str(db)}
    proc = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c", script, str(folder), sys.executable,
                           "-m", "desktop", *args], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode != 99, f"no mount namespace here: {proc.stderr}"
    return proc, listing.read_text().split()


WRITERS = {
    "cards": lambda out, bad: ["cards", str(out / "kartu.pdf")],
    "backup": lambda out, bad: ["backup", str(out / "cadangan.sqlite3")],
    "template": lambda out, bad: ["template", str(out / "templat.xlsx")],
    "report summary": lambda out, bad: ["report", "summary", str(out / "ringkasan.pdf")],
    "import --errors": lambda out, bad: ["import", str(bad), "--dry-run", "--errors", str(out / "ditolak.xlsx")],
    "bpjs export": lambda out, bad: ["bpjs", "export", str(out / "pengajuan.xlsx")],
}


@pytest.mark.parametrize("kind, words", [("full", ["Disk penuh", "Kosongkan ruang"]),
                                         ("read-only", ["hanya dapat dibaca", "folder lain"])])
@pytest.mark.parametrize("command", WRITERS)
def test_a_full_disk_or_a_read_only_folder_is_said_in_words(laptop, tmp_path, command, kind, words):
    db, bad = laptop
    out = tmp_path / "flashdisk"
    out.mkdir()
    proc, left = run_on_mount(kind, out, db, *WRITERS[command](out, bad))
    one_line(proc, *words)
    assert left == []    # no .tmp, no scratch folder, no half a file
    if command == "bpjs export":   # and the batch it would have been is not recorded
        answers = run(db, "list", "--status", "submitted")
        assert answers.returncode == 0 and answers.stdout.strip().endswith("0 peserta.")


def test_a_mistyped_db_creates_nothing(tmp_path):
    typo = tmp_path / "tidak-ada" / "x" / "lap.sqlite3"
    one_line(run(typo, "list"), "belum ada basis data", str(typo), "user add")
    one_line(run(typo, "--db", str(typo), "cards", str(tmp_path / "k.pdf")), "belum ada basis data")
    assert not (tmp_path / "tidak-ada").exists() and not (tmp_path / "k.pdf").exists()
    one_line(run(typo, "--db", str(tmp_path), "list"), "adalah folder")
    # where the user asks for a new one, it is made (its folder too), and then opened
    made = run(typo, "user", "add", "admin", env={"LINDUNG_NEW_PASSWORD": "kapal-motor-admin-29"})
    assert made.returncode == 0 and typo.exists(), made.stderr
    listed = run(typo, "--user", "admin", "list", env={"LINDUNG_PASSWORD": "kapal-motor-admin-29"})
    assert listed.returncode == 0 and "0 peserta" in listed.stdout


def test_restoring_a_file_that_is_no_backup_says_only_that(laptop, tmp_path):
    db, _bad = laptop
    pdf = tmp_path / "kartu.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(8192))
    one_line(run(db, "restore", str(pdf)), "kartu.pdf bukan cadangan")


def test_an_import_that_enrols_nobody_fails(laptop):
    db, bad = laptop
    proc = run(db, "import", str(bad))
    one_line(proc, "tidak ada yang didaftarkan", "3 baris")
    assert "0 didaftarkan, 3 ditolak" in proc.stdout
    as_json = run(db, "import", str(bad), "--json")
    assert as_json.returncode == 1


@pytest.mark.parametrize("word", ["terdaftar", "Terdaftar", "TERDAFTAR", "enrolled"])
def test_a_status_by_its_shown_label(laptop, word):
    db, _bad = laptop
    proc = run(db, "list", "--status", word)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("30 peserta.") and "Terdaftar" in proc.stdout
    assert run(db, "list", "--status", "ditolak   bpjs").stdout.strip().endswith("0 peserta.")
