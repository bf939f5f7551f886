"""Passwords on the command line: a user changes their own, an admin resets another's (who must choose
a new one at the next sign-in), and the recovery code printed at setup gives a laptop whose only admin
forgot their password back to the branch, with its data."""

from __future__ import annotations

import json
import re

from desktop.services import audit
from tests.conftest import make_raw
from tests.integration.test_cli import db, run  # noqa: F401  (fixture)

ADMIN_PW = "kapal-motor-admin-1"


def _setup(db, tmp_path) -> str:
    """The first admin (its recovery code printed once), a volunteer, one worker. Returns the code."""
    first = run(db, "user", "add", "admin", "--display-name", "Admin Cabang", env={"LINDUNG_NEW_PASSWORD": ADMIN_PW})
    assert first.returncode == 0, first.stderr
    code = re.search(r"Kode pemulihan laptop ini: ([A-Z0-9-]+)", first.stdout).group(1)
    assert len(code.replace("-", "")) == 20
    admin = {"LINDUNG_PASSWORD": ADMIN_PW}
    assert run(db, "--user", "admin", "user", "add", "ani", env={**admin, "LINDUNG_NEW_PASSWORD": "sapi-perahu-ani-12"}
               ).returncode == 0
    source = tmp_path / "one.json"
    source.write_text(json.dumps(make_raw()), encoding="utf-8")
    assert run(db, "--user", "admin", "enroll", str(source), env=admin).returncode == 0
    return code


def _count(db, user, password) -> int:
    proc = run(db, "--user", user, "list", "--json", env={"LINDUNG_PASSWORD": password})
    assert proc.returncode == 0, proc.stderr
    return len(json.loads(proc.stdout))


def test_reset_by_admin_then_the_user_must_choose_their_own(db, tmp_path):
    _setup(db, tmp_path)
    admin = {"LINDUNG_PASSWORD": ADMIN_PW}
    weak = run(db, "--user", "admin", "user", "passwd", "ani", env={**admin, "LINDUNG_NEW_PASSWORD": "password123"})
    assert weak.returncode != 0 and "Kata sandi" in weak.stderr            # the strength rule holds
    reset = run(db, "--user", "admin", "user", "passwd", "ani", env={**admin, "LINDUNG_NEW_PASSWORD": "gajah-lampu-sementara-7"})
    assert reset.returncode == 0, reset.stderr
    old = run(db, "--user", "ani", "list", env={"LINDUNG_PASSWORD": "sapi-perahu-ani-12"})
    assert old.returncode == 3 and "salah" in old.stderr                    # the old password is gone
    temp = {"LINDUNG_PASSWORD": "gajah-lampu-sementara-7"}
    blocked = run(db, "--user", "ani", "list", env=temp)
    assert blocked.returncode == 3 and "user passwd" in blocked.stderr      # nothing else until it is replaced
    own = run(db, "--user", "ani", "user", "passwd", env={**temp, "LINDUNG_NEW_PASSWORD": "kopi-hujan-jembatan-4"})
    assert own.returncode == 0, own.stderr
    assert _count(db, "ani", "kopi-hujan-jembatan-4") == 1
    log = json.loads(run(db, "--user", "admin", "audit", "--json", env=admin).stdout)
    actions = [(e["action"], e["actor"], e["subject"]) for e in log]
    assert ("password_reset", "admin", "akun ani") in actions and ("password_change", "ani", "akun ani") in actions
    assert "gajah" not in json.dumps(log) and "kopi" not in json.dumps(log)  # never a password
    assert run(db, "--user", "admin", "audit", "--verify", env=admin).returncode == 0


def test_a_user_changes_their_own_password_knowing_the_old_one(db, tmp_path):
    _setup(db, tmp_path)
    proc = run(db, "--user", "ani", "user", "passwd",
               env={"LINDUNG_PASSWORD": "sapi-perahu-ani-12", "LINDUNG_NEW_PASSWORD": "sapi-perahu-ani-12"})
    assert proc.returncode != 0 and "berbeda" in proc.stderr
    proc = run(db, "--user", "ani", "user", "passwd",
               env={"LINDUNG_PASSWORD": "sapi-perahu-ani-12", "LINDUNG_NEW_PASSWORD": "kapal-hijau-pagi-88"})
    assert proc.returncode == 0, proc.stderr
    assert _count(db, "ani", "kapal-hijau-pagi-88") == 1
    denied = run(db, "--user", "ani", "user", "passwd", "admin",
                 env={"LINDUNG_PASSWORD": "kapal-hijau-pagi-88", "LINDUNG_NEW_PASSWORD": "bukan-hak-relawan-9"})
    assert denied.returncode != 0 and "Hanya admin" in denied.stderr


def test_recovery_code_resets_the_forgotten_admin_password_without_losing_data(db, tmp_path):
    code = _setup(db, tmp_path)
    new = "pisang-goreng-senja-31"
    wrong = run(db, "recover", "admin", env={"LINDUNG_RECOVERY_CODE": "AAAA-BBBB-CCCC-DDDD-EEEE",
                                              "LINDUNG_NEW_PASSWORD": new})
    assert wrong.returncode == 3 and "Kode pemulihan salah" in wrong.stderr
    not_admin = run(db, "recover", "ani", env={"LINDUNG_RECOVERY_CODE": code, "LINDUNG_NEW_PASSWORD": new})
    assert not_admin.returncode != 0 and "bukan akun admin" in not_admin.stderr
    # typed in small letters without the dashes, as someone copying it from paper might
    proc = run(db, "recover", "admin", env={"LINDUNG_RECOVERY_CODE": code.replace("-", " ").lower(),
                                            "LINDUNG_NEW_PASSWORD": new})
    assert proc.returncode == 0, proc.stderr
    fresh = re.search(r"Kode pemulihan laptop ini: ([A-Z0-9-]+)", proc.stdout).group(1)
    assert fresh != code
    assert _count(db, "admin", new) == 1                                   # the data is all there
    assert run(db, "--user", "admin", "list", env={"LINDUNG_PASSWORD": ADMIN_PW}).returncode == 3
    assert _count(db, "ani", "sapi-perahu-ani-12") == 1                   # the others' passwords unchanged
    spent = run(db, "recover", "admin", env={"LINDUNG_RECOVERY_CODE": code, "LINDUNG_NEW_PASSWORD": "lain-lagi-kata-99"})
    assert spent.returncode == 3                                          # the code is used once
    log = json.loads(run(db, "--user", "admin", "audit", "--json", env={"LINDUNG_PASSWORD": new}).stdout)
    assert any(e["action"] == "password_reset" and e["details"] == {"via": "kode pemulihan"} for e in log)
    assert sum(e["action"] == "recovery_code" for e in log) == 2
    assert code not in json.dumps(log) and fresh not in json.dumps(log)
    assert fresh.replace("-", "") not in (db.parent / (db.name + ".key")).read_text()   # kept nowhere
    assert audit.ACTION_LABELS["password_reset"] == "atur ulang kata sandi"


def test_a_restored_backup_opens_with_the_passwords_of_its_day(tmp_path):
    """The key file follows the restored accounts: a password changed after the backup was made is
    the backup's again, and the window's and the command line's sign-in both accept it."""
    from desktop.services import accounts, keys
    from desktop.services.backup import backup_workspace, restore_workspace
    from desktop.services.workspace import Workspace

    db = tmp_path / "lindung.sqlite3"
    ws = Workspace(db)
    admin = accounts.create_account(ws, "admin", "Admin Cabang", ADMIN_PW, accounts.Role.ADMIN)
    backup_workspace(ws, tmp_path / "cadangan.sqlite3", admin)
    accounts.change_password(ws, admin, "pisang-goreng-senja-31", ADMIN_PW)
    key = ws.key
    ws.close()
    restore_workspace(db, tmp_path / "cadangan.sqlite3", key, admin)
    assert keys.unlock(db, "admin", ADMIN_PW) == key
    ws = Workspace(db, key=key)
    assert accounts.authenticate(ws, "admin", ADMIN_PW).username == "admin"
    ws.close()
    assert _count(db, "admin", ADMIN_PW) == 0
