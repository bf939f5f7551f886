"""The audit log: every create, edit, delete, print, export, import, backup and restore is recorded with
who, when and what changed, admins only, without personal values, and a changed entry is found."""

import json

import pytest

from desktop.services import audit, cards, enrollment, importing, reporting
from desktop.services.accounts import Actor, Role
from desktop.services.backup import backup_workspace, restore_workspace
from desktop.services.errors import PermissionDenied
from desktop.services.schools import add_school
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace
from tests.conftest import make_raw
from tests.integration.test_cli import run
from tests.integration.test_import import write_messy_xlsx
from tests.rawdb import connect

ADMIN = Actor("admin", "Admin", Role.ADMIN)
ANI = Actor("ani", "Ani", Role.VOLUNTEER)
SCHOOL = "69800001"


def _actions(ws):
    return [(e.actor, e.action) for e in reversed(audit.entries(ws, ADMIN))]


def test_every_kind_of_work_is_recorded_without_personal_values(ws, tmp_path):
    add_school(ws, SCHOOL, "SD Negeri 12 Pontianak", "SD", "6171")
    record = enrollment.enroll(ws, make_raw(), ANI)
    editable = record.form_values()
    enrollment.update_worker(ws, record.id, editable | {"phone": "0813 1111 2222", "monthly_income": "1.750.000"}, ANI)
    preview = importing.read_import(ws, write_messy_xlsx(tmp_path / "ortu.xlsx"), SCHOOL)
    imported = importing.commit_import(ws, preview, ADMIN)
    importing.export_rejected(ws, preview, tmp_path / "ditolak.xlsx", ADMIN)
    cards.print_cards(ws, SearchQuery(), tmp_path / "kartu.pdf", "a4", ADMIN)
    reporting.receipts_report(ws, tmp_path / "terima.pdf", SCHOOL, ADMIN)
    enrollment.delete_worker(ws, record.id, "pindah ke luar provinsi", ADMIN)
    backup_workspace(ws, tmp_path / "cadangan.sqlite3", ADMIN)

    assert _actions(ws) == [("ani", "create"), ("ani", "edit"), ("admin", "import"), ("admin", "export"),
                            ("admin", "print"), ("admin", "export"), ("admin", "delete"), ("admin", "backup")]
    newest = audit.entries(ws, ADMIN)
    by_action = {e.action: e for e in reversed(newest)}
    assert by_action["create"].details["registration_nos"] == [record.registration_no]
    assert by_action["edit"].subject == record.registration_no
    assert by_action["edit"].details == {"phone": "(diubah)", "monthly_income": ["1500000", "1750000"]}
    assert by_action["delete"].details == {"reason": "pindah ke luar provinsi"}
    assert by_action["import"].details["file"] == "ortu.xlsx"
    assert by_action["import"].details["registration_nos"] == list(imported.registration_nos)
    assert by_action["print"].details["layout"] == "a4"
    assert all(e.device_id == ws.device.id for e in newest)
    # No NIK, name, address or phone of anyone enrolled is in the log.
    text = json.dumps([(e.subject, e.details) for e in newest], ensure_ascii=False)
    for value in ("6171014508800001", "Siti Aminah", "Tanjungpura", "81311112222", "Ahmad Fauzi"):
        assert value not in text
    assert audit.verify(ws, ADMIN).intact


def test_a_family_card_number_changed_is_named_never_shown(ws):
    record = enrollment.enroll(ws, make_raw(no_kk="6171010903150001"), ANI)
    enrollment.update_worker(ws, record.id, record.form_values() | {"no_kk": "6171010903150002"}, ANI)
    edit = audit.entries(ws, ADMIN)[0]
    assert (edit.action, edit.details) == ("edit", {"no_kk": "(diubah)"})
    text = json.dumps([(e.subject, e.details) for e in audit.entries(ws, ADMIN)], ensure_ascii=False)
    assert "6171010903150001" not in text and "6171010903150002" not in text


def test_only_admins_read_the_log(ws):
    enrollment.enroll(ws, make_raw(), ANI)
    for actor in (ANI, Actor("rina", "Rina", Role.COORDINATOR, SCHOOL), Actor("c", "C", Role.PRINTER)):
        with pytest.raises(PermissionDenied):
            audit.entries(ws, actor)
        with pytest.raises(PermissionDenied):
            audit.verify(ws, actor)


@pytest.mark.parametrize("tamper, broken", [
    ("UPDATE audit_log SET subject = 'bukan apa-apa' WHERE id = 2", 2),      # an entry's content changed
    ("UPDATE audit_log SET actor = 'budi' WHERE id = 3", 3),
    ("DELETE FROM audit_log WHERE id = 2", 3),                               # an entry removed
    ("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE id = 1", 1),
])
def test_a_changed_or_removed_entry_breaks_the_chain(ws, tamper, broken):
    for n in range(4):
        enrollment.enroll(ws, make_raw(nik=f"617101450880000{n + 1}"), ANI)
    assert audit.verify(ws, ADMIN) == audit.Verdict(4, True, None)
    connection = connect(ws.path, ws.key)
    connection.execute(tamper)
    connection.commit()
    connection.close()
    verdict = audit.verify(ws, ADMIN)
    assert not verdict.intact and verdict.first_broken == broken


def test_recomputing_one_hash_does_not_hide_the_change(ws):
    """Changing an entry and fixing its own hash still breaks the link to the next entry."""
    from desktop.domain.audit_chain import entry_hash

    for n in range(3):
        enrollment.enroll(ws, make_raw(nik=f"617101450880000{n + 1}"), ANI)
    connection = connect(ws.path, ws.key)
    row = connection.execute("SELECT prev_hash, at, actor, device_id, action, subject, details FROM audit_log "
                             "WHERE id = 2").fetchone()
    forged = entry_hash(row[0], row[1], "budi", *row[3:])
    connection.execute("UPDATE audit_log SET actor = 'budi', hash = ? WHERE id = 2", (forged,))
    connection.commit()
    connection.close()
    assert audit.verify(ws, ADMIN).first_broken == 3


def test_restore_is_recorded_in_the_restored_database(ws, tmp_path):
    enrollment.enroll(ws, make_raw(), ANI)
    saved = tmp_path / "cadangan.sqlite3"
    backup_workspace(ws, saved, ADMIN)
    enrollment.enroll(ws, make_raw(nik="6171014508800002"), ANI)
    path, key = ws.path, ws.key
    ws.close()
    restore_workspace(path, saved, key, ADMIN)
    again = Workspace(path, key=key)
    try:
        assert [(a, b) for a, b in _actions(again)] == [("ani", "create"), ("admin", "restore")]
        assert audit.verify(again, ADMIN).intact            # the chain goes on from the backup's last entry
    finally:
        again.close()


def test_accounts_and_settings_are_recorded(tmp_path):
    db = tmp_path / "a.sqlite3"
    env = {"LINDUNG_PASSWORD": "kapal-motor-admin-1"}
    assert run(db, "user", "add", "admin", "--role", "admin",
               env={"LINDUNG_NEW_PASSWORD": "kapal-motor-admin-1"}).returncode == 0
    proc = run(db, "--user", "admin", "user", "add", "ani", "--role", "volunteer",
               env={"LINDUNG_PASSWORD": "kapal-motor-admin-1", "LINDUNG_NEW_PASSWORD": "kapal-motor-ani-12"})
    assert proc.returncode == 0, proc.stderr
    assert run(db, "--user", "admin", "settings", "set", "lock_minutes", "5", env=env).returncode == 0
    shown = run(db, "--user", "admin", "audit", "--json", env=env)
    entries = json.loads(shown.stdout)
    assert [(e["actor"], e["action"], e["subject"]) for e in reversed(entries)] == [
        ("admin", "create", "akun admin"), ("admin", "recovery_code", "laptop ini"), ("admin", "create", "akun ani"),
        ("admin", "edit", "pengaturan kunci otomatis")]
    assert entries[0]["details"] == {"lock_minutes": ["10", "5"]}
    assert "Rantai hash utuh: 4 catatan" in run(db, "--user", "admin", "audit", "--verify", env=env).stdout
    refused = run(db, "--user", "ani", "audit", env={"LINDUNG_PASSWORD": "kapal-motor-ani-12"})
    assert refused.returncode != 0 and "admin" in refused.stderr and refused.stdout == ""


def test_cli_reports_a_broken_chain(tmp_path):
    db = tmp_path / "a.sqlite3"
    assert run(db, "demo", "--workers", "5", "--seed", "1").returncode == 0
    assert run(db, "backup", str(tmp_path / "b.sqlite3")).returncode == 0
    listing = run(db, "audit")
    assert listing.returncode == 0 and "tambah" in listing.stdout and "cadangkan" in listing.stdout
    connection = connect(db)
    connection.execute("UPDATE audit_log SET details = '{}' WHERE id = 1")
    connection.commit()
    connection.close()
    checked = run(db, "audit", "--verify")
    assert checked.returncode == 1 and "#1" in checked.stderr
