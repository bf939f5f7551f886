"""Data folders as volunteers' laptops name them: spaces, non-ASCII user names (Windows puts the data
under C:\\Users\\<name>), and the characters a file URI gives a meaning to (# and %). Every command
that touches the files works there: enroll, backup, restore, cards, and the encryption of a plain
database from before."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY, make_raw

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kapal-motor-admin-1"
FOLDERS = ["Data Relawan/Ñoño Ümit", "Data #1/50% Ümit (lama)"]


def lindung(db: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    env.update(LINDUNG_NEW_PASSWORD=PASSWORD, LINDUNG_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT))
    user = ["--user", "admin"] if args[:2] != ("user", "add") else []
    proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *user, *args], capture_output=True,
                          text=True, env=env, timeout=180, cwd=cwd or ROOT)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.mark.parametrize("folder", FOLDERS)
def test_enroll_backup_restore_and_cards_in_a_folder_named_like_a_user(tmp_path, folder):
    from pypdf import PdfReader

    data = tmp_path / folder
    data.mkdir(parents=True)
    db = data / "lindung.sqlite3"
    assert lindung(db, "user", "add", "admin").returncode == 0
    first = data / "peserta Ñ.json"
    first.write_text(json.dumps(make_raw()), encoding="utf-8")
    enrolled = lindung(db, "enroll", str(first))
    assert enrolled.returncode == 0, enrolled.stderr

    backup = data / "cadangan Ümit #1.sqlite3"
    made = lindung(db, "backup", str(backup))
    assert made.returncode == 0, made.stderr
    second = data / "kedua.json"
    second.write_text(json.dumps(make_raw(nik="6171011708800003", full_name="Budi Santoso", birth_date="17-08-1980",
                                          sex="L", phone="0813-1111-2222")), encoding="utf-8")
    assert lindung(db, "enroll", str(second)).returncode == 0
    assert len(json.loads(lindung(db, "list", "--json").stdout)) == 2

    restored = lindung(db, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert [r["full_name"] for r in json.loads(lindung(db, "list", "--json").stdout)] == ["SITI AMINAH"]
    assert len(list(data.glob("lindung.sqlite3.sebelum-pulih-*"))) == 1

    cards = lindung(db, "cards", "kartu Ñoño.pdf", cwd=data)     # a relative name, from inside the folder
    assert cards.returncode == 0, cards.stderr
    pdf = data / "kartu Ñoño.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and len(PdfReader(pdf).pages) == 2


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_plain_database_from_before_is_encrypted_in_such_a_folder(tmp_path, folder):
    from desktop.services import enrollment, keys
    from desktop.services.accounts import Role, create_account
    from desktop.services.workspace import Workspace
    from tests.integration.test_encryption import _plain_copy

    source = Workspace(tmp_path / "source.sqlite3", today=TODAY)
    admin = create_account(source, "admin", "Admin Cabang", PASSWORD, Role.ADMIN)
    enrollment.enroll(source, make_raw(), admin)
    old = tmp_path / folder / "lindung.sqlite3"
    old.parent.mkdir(parents=True)
    _plain_copy(source, old)
    source.close()
    assert keys.is_plain_sqlite(old)

    Workspace(old, today=TODAY).close()                  # the first start after the update
    assert not keys.is_plain_sqlite(old)
    ws = Workspace(old, today=TODAY, key=keys.unlock(old, "admin", PASSWORD))   # the account was carried over
    ws.close()
