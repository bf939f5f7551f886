import sqlite3

from desktop.services import keys
from tests.rawdb import connect

import pytest
from sqlalchemy import inspect, text

from desktop.services import drafts, enrollment
from desktop.services.accounts import SYSTEM, Actor, Role
from desktop.services.errors import DuplicateNik, StaleRevision, ValidationFailed
from desktop.services.search import SearchQuery, search
from desktop.services.workspace import Workspace
from desktop.storage.engine import current_revision, head_revision, make_engine, migrate
from tests.conftest import TODAY, make_raw
from tests import ormdb

VOLUNTEER = Actor("rina", "Rina", Role.VOLUNTEER)


def test_migration_from_an_empty_file(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    engine_key = keys.new_key()
    engine = make_engine(path, engine_key)
    assert current_revision(engine) is None
    assert migrate(engine) is True
    assert current_revision(engine) == head_revision()
    assert migrate(engine) is False  # already current: nothing runs
    tables = set(inspect(engine).get_table_names())
    assert {"workers", "worker_changes", "accounts", "drafts", "schools", "regions", "settings",
            "workers_fts"} <= tables
    engine.dispose()
    raw = sqlite3.connect(path)     # encrypted: plain SQLite cannot read it
    with pytest.raises(sqlite3.DatabaseError):
        raw.execute("PRAGMA journal_mode").fetchone()
    raw.close()
    raw = connect(path, engine_key)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_pragmas_on_every_connection(ws):
    with ormdb.engine(ws).connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_reopening_keeps_the_device_identity(tmp_path):
    first = Workspace(tmp_path / "a.sqlite3")
    device = first.device
    first.close()
    again = Workspace(tmp_path / "a.sqlite3")
    assert again.device == device
    again.close()
    other = Workspace(tmp_path / "b.sqlite3")
    assert other.device.prefix != device.prefix or other.device.id != device.id
    other.close()


def test_enroll_records_who_when_and_where(ws):
    record = enrollment.enroll(ws, make_raw(), VOLUNTEER)
    assert record.registration_no.startswith(ws.device.prefix + "-000001-")
    assert (record.enrolled_by, record.device_id, record.revision) == ("rina", ws.device.id, 1)
    again = enrollment.get(ws, record.id)
    assert again == record
    assert enrollment.history(ws, record.id)[0]["action"] == "create"


def test_a_nik_can_be_enrolled_once_and_the_message_names_the_record(ws):
    first = enrollment.enroll(ws, make_raw(), VOLUNTEER)
    with pytest.raises(DuplicateNik) as caught:
        enrollment.enroll(ws, make_raw(full_name="Siti Lain"), VOLUNTEER)
    assert first.registration_no in caught.value.message and "SITI AMINAH" in caught.value.message
    assert caught.value.existing_id == first.id


def test_batch_is_all_or_nothing(ws):
    good = make_raw()
    bad = make_raw(nik="6171011708800003", birth_date="17-08-1980", sex="L", phone="0812")
    with pytest.raises(ValidationFailed) as caught:
        enrollment.enroll_many(ws, [good, bad, make_raw()], SYSTEM)
    failures = caught.value.failures
    assert set(failures) == {1, 2}
    assert failures[1][0].field == "phone"
    assert "data ke-1" in failures[2][0].message  # same NIK as record 1 in the same file
    assert search(ws, SearchQuery()).total == 0


def test_registration_numbers_continue_across_batches(ws):
    a = enrollment.enroll_many(ws, [make_raw()], SYSTEM).records
    b = enrollment.enroll_many(ws, [make_raw(nik="6171011708800003", birth_date="17-08-1980", sex="L")],
                               SYSTEM).records
    assert a[0].registration_no[7:13] == "000001" and b[0].registration_no[7:13] == "000002"


def test_edit_needs_the_current_revision_and_is_logged(ws):
    record = enrollment.enroll(ws, make_raw(), VOLUNTEER)
    edited = enrollment.update_worker(ws, record.id, make_raw(phone="0813 1111 2222"), VOLUNTEER,
                                      base_revision=1)
    assert edited.revision == 2 and edited.phone == "+6281311112222"
    log = enrollment.history(ws, record.id)
    assert log[-1]["changes"]["phone"] == ["+6281234567890", "+6281311112222"]
    with pytest.raises(StaleRevision):
        enrollment.update_worker(ws, record.id, make_raw(phone="0813 3333 4444"), VOLUNTEER, base_revision=1)


def test_soft_delete_keeps_the_record_with_its_reason_and_frees_the_nik(ws):
    record = enrollment.enroll(ws, make_raw(), VOLUNTEER)
    deleted = enrollment.delete_worker(ws, record.id, "Terdaftar ganda di desa lain", VOLUNTEER)
    assert deleted.status == "deleted" and deleted.deleted_reason == "Terdaftar ganda di desa lain"
    assert search(ws, SearchQuery()).total == 0
    assert search(ws, SearchQuery(status="deleted")).total == 1
    again = enrollment.enroll(ws, make_raw(), VOLUNTEER)  # the NIK may be enrolled anew
    assert again.id != record.id
    with pytest.raises(Exception, match="alasan"):
        enrollment.delete_worker(ws, again.id, "x", VOLUNTEER)


def test_search_by_name_nik_and_registration_number(ws):
    siti = enrollment.enroll(ws, make_raw(), VOLUNTEER)
    budi = enrollment.enroll(ws, make_raw(nik="6101011708800003", full_name="Budi Santoso", birth_date="17-08-1980",
                                          sex="L", kabupaten_code="6101", kecamatan_code="610101",
                                          desa_code="6101012001"), VOLUNTEER)
    assert [r.id for r in search(ws, SearchQuery("sit am")).rows] == [siti.id]
    assert [r.id for r in search(ws, SearchQuery("santo")).rows] == [budi.id]
    assert [r.id for r in search(ws, SearchQuery("6101 01")).rows] == [budi.id]
    assert [r.id for r in search(ws, SearchQuery(budi.registration_no.replace("-", "").lower())).rows] == [budi.id]
    assert [r.id for r in search(ws, SearchQuery(kabupaten_code="6171")).rows] == [siti.id]
    assert search(ws, SearchQuery("zzz")).total == 0
    row = search(ws, SearchQuery("budi")).rows[0]
    assert row.nik == "610101••••••0003"  # the list never needs the full NIK


@pytest.mark.parametrize("typed, key", [
    ("", lambda r: r.name_key),                                   # the plain list: by name
    ("61", lambda r: r.rowid),                                    # NIK prefix: by NIK (checked below)
    ("REG", lambda r: r.registration_no),                         # registration prefix: by number
])
def test_keyset_pages_cover_everything_once(ws, typed, key):
    from desktop.services.demo import add_demo_workers
    from desktop.services.enrollment import get

    add_demo_workers(ws, 450, SYSTEM, seed=4)
    if typed == "REG":
        typed = ws.device.prefix + "-000"  # with a digit, so it is read as a registration number
    seen, cursor = [], None
    while True:
        page = search(ws, SearchQuery(typed), after=cursor, limit=100, with_total=cursor is None)
        expected = page.total if cursor is None else expected
        seen += list(page.rows)
        cursor = page.cursor
        if not page.has_more:
            assert cursor is None
            break
    assert len({r.id for r in seen}) == len(seen) == expected > 300
    if typed == "61":
        niks = [get(ws, r.id).nik for r in seen]
        assert niks == sorted(niks)  # identifier searches walk their own index in order
    else:
        assert [key(r) for r in seen] == sorted(key(r) for r in seen)


def test_drafts_survive_reopening(tmp_path):
    path = tmp_path / "d.sqlite3"
    first = Workspace(path, today=TODAY)
    drafts.save_draft(first, "rina", "new", {"nik": "61710145", "full_name": "SITI"})
    first.close()
    again = Workspace(path, today=TODAY)
    values, _when = drafts.load_draft(again, "rina", "new")
    assert values == {"nik": "61710145", "full_name": "SITI"}
    assert drafts.load_draft(again, "other", "new") is None
    drafts.discard_draft(again, "rina", "new")
    assert drafts.load_draft(again, "rina", "new") is None
    again.close()


def test_settings_change_the_rules(ws):
    young = make_raw(nik="6171011708120001", birth_date="17-08-2012", sex="L")
    with pytest.raises(ValidationFailed):
        enrollment.enroll(ws, young, SYSTEM)
    ws.set_policy(min_age=14)
    assert enrollment.enroll(ws, young, SYSTEM).full_name == "SITI AMINAH"


def test_newer_region_list_can_be_loaded_and_a_broken_one_is_refused(ws, tmp_path):
    from desktop.paths import REGIONS_CSV
    from desktop.services.errors import ServiceError

    updated = tmp_path / "wilayah.csv"
    updated.write_text(REGIONS_CSV.read_text(encoding="utf-8").replace("Pontianak Selatan", "Pontianak Selatan Baru"),
                       encoding="utf-8")
    ws.load_regions(updated, "Kepmendagri uji")
    assert ws.regions.name("617101") == "Pontianak Selatan Baru"
    assert ws.regions_source()[0] == "Kepmendagri uji"
    broken = tmp_path / "broken.csv"
    broken.write_text("kode,nama,tingkat\n61,Kalimantan Barat,provinsi\n61.01,Sambas,kabupaten/kota\n", encoding="utf-8")
    with pytest.raises(ServiceError, match="ditolak"):
        ws.load_regions(broken, "x")
    assert ws.regions.name("617101") == "Pontianak Selatan Baru"  # the old list stays


def test_name_index_matches_workers_after_bulk_enroll_edit_and_delete(ws):
    from desktop.services.demo import add_demo_workers
    from desktop.services.enrollment import integrity_ok

    add_demo_workers(ws, 300, SYSTEM, seed=11)
    first = search(ws, SearchQuery(), limit=2).rows
    values = enrollment.get(ws, first[0].id).to_json()
    values = {k: v for k, v in values.items() if k in make_raw()}
    enrollment.update_worker(ws, first[0].id, {**values, "full_name": "ZULKARNAIN BIN ABDULLAH"}, SYSTEM)
    enrollment.delete_worker(ws, first[1].id, "data ganda", SYSTEM)
    assert integrity_ok(ws)
    assert [r.id for r in search(ws, SearchQuery("zulkar abd")).rows] == [first[0].id]
    with ormdb.session(ws, write=True) as session:  # an index entry without its worker must be noticed
        session.execute(text("INSERT INTO workers_fts(rowid, full_name) VALUES (999999, 'HANTU')"))
    assert not integrity_ok(ws)


def test_daily_backups_rotate_and_are_checked(ws, tmp_path):
    import datetime as dt

    from desktop.services.backup import auto_backup, backup

    enrollment.enroll(ws, make_raw(), VOLUNTEER)
    first = auto_backup(ws.path, ws.key, keep=3, now=dt.datetime(2026, 11, 1))
    assert first is not None and first.workers == 1
    assert auto_backup(ws.path, ws.key, keep=3, now=dt.datetime(2026, 11, 1, 18)) is None  # once a day
    for day in range(2, 7):
        auto_backup(ws.path, ws.key, keep=3, now=dt.datetime(2026, 11, day))
    kept = sorted(p.name for p in (ws.path.parent / "backups").iterdir())
    assert kept == ["lindung-20261104.sqlite3", "lindung-20261105.sqlite3", "lindung-20261106.sqlite3"]
    copy = backup(ws.path, tmp_path / "x" / "copy.sqlite3", ws.key)
    with connect(copy.path, ws.key) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("SELECT count(*) FROM workers").fetchone()[0] == 1
