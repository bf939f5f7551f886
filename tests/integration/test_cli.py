"""The command line as scripts and the branch office use it: a real process on a real file."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import make_raw


def run(db, *args, env=None, stdin=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    full_env.update(LINDUNG_DB=str(db), **(env or {}))
    proc = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def errors(proc) -> str:
    """What a command said on stderr, less the warning every command gives while the laptop has no account."""
    from desktop.cli import NO_ACCOUNT_WARNING

    return proc.stderr.replace(NO_ACCOUNT_WARNING + "\n", "")


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cli.sqlite3"


def test_enroll_then_list_json(db, tmp_path):
    source = tmp_path / "one.json"
    source.write_text(json.dumps(make_raw()), encoding="utf-8")
    proc = run(db, "enroll", str(source))
    assert proc.returncode == 0, proc.stderr
    assert "1 peserta terdaftar" in proc.stdout
    listed = json.loads(run(db, "list", "--json").stdout)
    assert len(listed) == 1
    record = listed[0]
    assert {k: record[k] for k in ("nik", "full_name", "birth_date", "sex", "kabupaten_code", "phone",
                                   "occupation", "status")} == {
        "nik": "6171014508800001", "full_name": "SITI AMINAH", "birth_date": "1980-08-05", "sex": "P",
        "kabupaten_code": "6171", "phone": "+6281234567890", "occupation": "street_vendor", "status": "enrolled"}
    assert record["id"] and record["registration_no"]
    # What list --json prints can be enrolled again elsewhere (same field names).
    other = tmp_path / "other.sqlite3"
    again = tmp_path / "again.json"
    again.write_text(json.dumps(listed), encoding="utf-8")
    assert run(other, "enroll", str(again)).returncode == 0


def test_enroll_is_all_or_nothing_and_names_record_and_field(db, tmp_path):
    records = [make_raw(), make_raw(nik="6171011708800003", birth_date="17-08-1980", sex="L", phone="12"),
               make_raw(nik="61710117088000", sex="L")]
    source = tmp_path / "three.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    proc = run(db, "enroll", str(source))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert any(line.startswith("data ke-2 (indeks 1), phone:") for line in lines)
    assert any(line.startswith("data ke-3 (indeks 2), nik:") and "16 digit" in line for line in lines)
    assert "tidak ada yang disimpan" in lines[-1]
    assert json.loads(run(db, "list", "--json").stdout) == []


@pytest.mark.parametrize("content, fragment", [
    ("{not json", "bukan JSON"),
    ("[]", "tidak berisi"),
    ("[1, 2]", "objek JSON"),
])
def test_bad_files_give_one_clear_line(db, tmp_path, content, fragment):
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    proc = run(db, "enroll", str(source))
    assert proc.returncode != 0
    assert fragment in proc.stderr


def test_missing_file_and_unknown_command(db):
    proc = run(db, "enroll", "/nonexistent/x.json")
    assert proc.returncode != 0 and errors(proc).count("\n") == 1 and "tidak ada" in proc.stderr
    proc = run(db, "terbang")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_demo_and_filters(db):
    assert run(db, "demo", "--workers", "120", "--seed", "3").returncode == 0
    everything = json.loads(run(db, "list", "--json").stdout)
    assert len(everything) == 120
    assert len({r["kabupaten_code"] for r in everything}) >= 10
    pontianak = json.loads(run(db, "list", "--json", "--kabupaten", "61.71").stdout)
    assert pontianak and all(r["kabupaten_code"] == "6171" for r in pontianak)
    by_name = json.loads(run(db, "list", "--json", "--kabupaten", "kota pontianak").stdout)
    assert by_name == pontianak
    enrolled = json.loads(run(db, "list", "--json", "--status", "enrolled").stdout)
    assert len(enrolled) == 120 and all(r["status"] == "enrolled" for r in enrolled)   # nothing sent to BPJS yet
    assert json.loads(run(db, "list", "--json", "--status", "active").stdout) == []
    name = everything[0]["full_name"].split()[0]
    found = json.loads(run(db, "list", "--json", "--query", name.lower()).stdout)
    assert everything[0]["id"] in {r["id"] for r in found}
    table = run(db, "list", "--limit", "3").stdout
    assert "•" in table and everything[0]["nik"] not in table  # masked in the human listing


def test_accounts_are_required_once_they_exist(db):
    assert run(db, "demo", "--workers", "1").returncode == 0
    assert run(db, "list").returncode == 0  # no accounts yet: scripts run without signing in
    created = run(db, "user", "add", "admin", "--role", "admin", env={"LINDUNG_NEW_PASSWORD": "kapal-motor-admin-1"})
    assert created.returncode == 0, created.stderr
    proc = run(db, "list")
    assert proc.returncode == 3 and "--user" in proc.stderr
    proc = run(db, "--user", "admin", "list", env={"LINDUNG_PASSWORD": "salah-sandi"})
    assert proc.returncode == 3 and "salah" in proc.stderr
    proc = run(db, "--user", "admin", "list", env={"LINDUNG_PASSWORD": "kapal-motor-admin-1"})
    assert proc.returncode == 0


def test_show_and_delete(db, tmp_path):
    source = tmp_path / "one.json"
    source.write_text(json.dumps(make_raw()), encoding="utf-8")
    regno = run(db, "enroll", str(source)).stdout.splitlines()[0]
    shown = json.loads(run(db, "show", regno, "--json").stdout)
    assert shown["registration_no"] == regno
    proc = run(db, "delete", regno, "--reason", "Meninggal dunia sebelum kartu dicetak")
    assert proc.returncode == 0
    assert json.loads(run(db, "list", "--json").stdout) == []
    assert len(json.loads(run(db, "list", "--json", "--status", "deleted").stdout)) == 1
    proc = run(db, "show", "XXXXXX-000001-1")
    assert proc.returncode != 0 and "Tidak ada peserta" in proc.stderr


def test_not_a_database_is_refused_plainly(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    proc = run(junk, "list")
    assert proc.returncode != 0 and "tidak dapat dibuka" in proc.stderr


def test_user_add_says_why_a_password_is_refused(db):
    for password, reason in (("bismillah", "terlalu pendek: paling sedikit 10 karakter"),
                             ("qwertyuiop", "terlalu umum: termasuk kata sandi yang paling sering dipakai"),
                             ("indonesia1945!", "mudah ditebak: terdiri dari kata atau nama yang umum"),
                             ("aaaaaaaaaa", "mudah ditebak: huruf, angka atau kata yang diulang-ulang"),
                             ("Administrator", "tidak boleh sama dengan nama pengguna")):
        proc = run(db, "user", "add", "administrator", env={"LINDUNG_NEW_PASSWORD": password})
        assert proc.returncode != 0 and reason in proc.stderr, (password, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1
    assert "Belum ada akun" in run(db, "user", "list").stdout


def test_every_command_warns_until_the_first_account_and_that_one_is_the_admin(db):
    from desktop.cli import NO_ACCOUNT_WARNING

    assert run(db, "demo", "--workers", "1").returncode == 0
    listed = run(db, "list")
    assert listed.returncode == 0 and listed.stderr == NO_ACCOUNT_WARNING + "\n"
    assert "belum memiliki akun" in NO_ACCOUNT_WARNING and "user add" in NO_ACCOUNT_WARNING
    assert run(db, "settings", "show").stderr == NO_ACCOUNT_WARNING + "\n"
    volunteer = run(db, "user", "add", "rina", "--role", "volunteer", env={"LINDUNG_NEW_PASSWORD": "kapal-motor-1"})
    assert volunteer.returncode != 0 and "Akun pertama harus akun admin" in volunteer.stderr
    assert NO_ACCOUNT_WARNING not in volunteer.stderr        # user add is how the warning is answered
    created = run(db, "user", "add", "kepala", env={"LINDUNG_NEW_PASSWORD": "kapal-motor-1"})  # no --role
    assert created.returncode == 0 and created.stderr == "", created.stderr
    assert "--user kepala" in created.stdout
    signed = {"LINDUNG_PASSWORD": "kapal-motor-1"}
    users = run(db, "--user", "kepala", "user", "list", env=signed)
    assert users.stderr == "" and users.stdout.split()[:2] == ["kepala", "Admin"]
    second = run(db, "--user", "kepala", "user", "add", "rina", env={**signed, "LINDUNG_NEW_PASSWORD": "perahu-kecil-2"})
    assert second.returncode == 0 and "Relawan" in second.stdout    # after the first: volunteer by default


def test_five_wrong_passwords_lock_the_account_on_the_command_line(db, monkeypatch, capsys):
    """In-process (as test_redact does) so that the clock can move on without waiting."""
    import datetime as dt

    from desktop import cli
    from desktop.domain import clock

    monkeypatch.setenv("LINDUNG_NEW_PASSWORD", "kapal-motor-admin-1")
    assert cli.main(["--db", str(db), "user", "add", "admin"]) == cli.EXIT_OK
    now = [dt.datetime(2026, 11, 24, 8, 0)]
    monkeypatch.setattr(clock, "utcnow", lambda: now[0])
    capsys.readouterr()

    def sign_in(password):
        monkeypatch.setenv("LINDUNG_PASSWORD", password)
        status = cli.main(["--db", str(db), "--user", "admin", "settings", "show"])
        return status, capsys.readouterr().err

    for _ in range(4):
        assert sign_in("salah-sandi") == (cli.EXIT_AUTH, "lindung: Nama pengguna atau kata sandi salah.\n")
    status, err = sign_in("salah-sandi")
    assert status == cli.EXIT_AUTH and "dikunci 1 menit" in err and len(err.splitlines()) == 1
    now[0] += dt.timedelta(seconds=20)
    status, err = sign_in("kapal-motor-admin-1")                   # the right one, too early
    assert status == cli.EXIT_AUTH and "Coba lagi dalam 1 menit" in err
    now[0] += dt.timedelta(seconds=41)
    assert sign_in("kapal-motor-admin-1") == (cli.EXIT_OK, "")
    monkeypatch.setenv("LINDUNG_PASSWORD", "kapal-motor-admin-1")
    assert cli.main(["--db", str(db), "--user", "admin", "audit", "--action", "signin_failed", "--json"]) == 0
    logged = json.loads(capsys.readouterr().out)
    assert [e["details"]["failures"] for e in logged] in ([5, 4, 3, 2, 1], [1, 2, 3, 4, 5])
