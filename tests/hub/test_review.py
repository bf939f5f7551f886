"""Conflicts and possible duplicates settled by a coordinator at the hub, then every laptop converging."""

import json

import pytest

from desktop.services.accounts import Actor, Role, SYSTEM
from desktop.services.errors import PermissionDenied, ServiceError
from desktop.services.workspace import Workspace
from desktop.sync import review
from tests.hub.test_sync import laptop, listed, run, sync

ADMIN = Actor("admin", "Admin Cabang", Role.ADMIN)
EDITABLE = ("nik", "full_name", "birth_place", "birth_date", "sex", "address", "kabupaten_code", "kecamatan_code",
            "desa_code", "phone", "occupation", "occupation_other", "monthly_income", "heir_name",
            "heir_relationship")


def edit(db, worker_id, **changes):
    from desktop.services import enrollment

    record = listed(db)[worker_id]
    ws = Workspace(db)
    try:
        enrollment.update_worker(ws, worker_id, {k: record[k] for k in EDITABLE} | changes, SYSTEM)
    finally:
        ws.close()


def with_workspace(db, fn, *args):
    ws = Workspace(db)
    try:
        return fn(ws, *args)
    finally:
        ws.close()


def waiting(db):
    from desktop.sync.client import waiting_count

    return with_workspace(db, waiting_count)


def test_a_conflict_settled_field_by_field_reaches_every_laptop(hub, tmp_path):
    a = laptop(tmp_path, "a", hub, workers=3, seed=21)
    b = laptop(tmp_path, "b", hub)
    office = laptop(tmp_path, "kantor", hub, review=True)
    sync(a), sync(b), sync(office)
    target = next(iter(listed(a)))
    edit(a, target, phone="0812 1111 2222", address="Jl. Sungai Raya Dalam No. 7")
    edit(b, target, phone="0813 3333 4444", address="Jl. Lama No. 1")
    sync(a)
    assert "conflicts 1" in sync(b)

    found = with_workspace(office, review.load_review, ADMIN)
    assert (found.open_conflicts, found.open_duplicates) == (1, 0)
    item = found.items[0]
    assert item.kind == "conflict" and item.source == "b"
    assert item.left["phone"] == "+6281211112222" and item.right["phone"] == "+6281333334444"
    assert set(item.differing()) == {"phone", "address"}
    # b's phone, a's address
    settled = review.combined(item, {"phone": review.RIGHT})
    assert settled["address"] == "Jl. Sungai Raya Dalam No. 7"
    result = with_workspace(office, review.resolve_conflict, ADMIN, item, settled)
    assert result["phone"] == "+6281333334444" and result["updated_by"] == "admin"

    # The laptop whose edit was pending takes the settled version at its next sync, and stops waiting.
    assert waiting(b) == 1
    assert sync(b) == "pushed 0, pulled 1, conflicts 0, duplicates 0"
    assert waiting(b) == 0
    assert sync(a) == "pushed 0, pulled 1, conflicts 0, duplicates 0"
    assert sync(office) == "pushed 0, pulled 1, conflicts 0, duplicates 0"
    on_hub = {r["id"]: r for r in hub.records()}[target]
    for db in (a, b, office):
        mine = listed(db)[target]
        assert (mine["phone"], mine["address"]) == ("+6281333334444", "Jl. Sungai Raya Dalam No. 7")
        assert mine["registration_no"] == on_hub["registration_no"]
    assert with_workspace(office, review.load_review, ADMIN).items == []
    for db in (a, b, office):
        assert sync(db) == "pushed 0, pulled 0, conflicts 0, duplicates 0"

    # Settling the same conflict again (a second coordinator, a resent click) is refused plainly.
    with pytest.raises(ServiceError, match="sudah diselesaikan"):
        with_workspace(office, review.resolve_conflict, ADMIN, item, settled)


def _one_conflict(hub, tmp_path, seed):
    """Laptop ``a`` (which may review) and ``b`` edit one record in parallel: a's view of the conflict."""
    a = laptop(tmp_path, "a", hub, workers=2, seed=seed, review=True)
    b = laptop(tmp_path, "b", hub)
    sync(a), sync(b)
    target = next(iter(listed(a)))
    edit(a, target, phone="0812 1111 2222")
    edit(b, target, phone="0813 3333 4444")
    sync(a), sync(b)
    return a, target, with_workspace(a, review.load_review, ADMIN).items[0]


def test_a_conflict_shown_before_another_edit_is_not_overwritten_unseen(sqlite_hub, tmp_path):
    a, target, item = _one_conflict(sqlite_hub, tmp_path, 22)
    edit(a, target, phone="0815 5555 6666")      # the hub moves on after the coordinator looked
    sync(a)
    with pytest.raises(ServiceError, match="sudah berubah"):
        with_workspace(a, review.resolve_conflict, ADMIN, item, review.combined(item, {}))
    fresh = with_workspace(a, review.load_review, ADMIN).items[0]
    assert fresh.left["phone"] == "+6281555556666"


def test_an_invalid_settlement_is_refused_by_the_hub(sqlite_hub, tmp_path):
    a, _target, item = _one_conflict(sqlite_hub, tmp_path, 23)
    with pytest.raises(ServiceError, match="nik"):
        with_workspace(a, review.resolve_conflict, ADMIN, item, dict(item.left, nik="12345"))
    assert with_workspace(a, review.load_review, ADMIN).open_conflicts == 1


def _same_person_on_two_laptops(hub, tmp_path):
    from tests.conftest import make_raw

    a = laptop(tmp_path, "a", hub, review=True)
    b = laptop(tmp_path, "b", hub)
    for db, name in ((a, "Siti Aminah"), (b, "Siti Aminah Binti Yusuf")):
        source = tmp_path / f"{db.stem}.json"
        source.write_text(json.dumps(make_raw(full_name=name)), encoding="utf-8")
        assert run(db, "enroll", str(source)).returncode == 0
    sync(a)
    assert sync(b) == "pushed 1, pulled 0, conflicts 0, duplicates 1"
    assert sync(a) == "pushed 0, pulled 0, conflicts 0, duplicates 1"   # b's twin is held back on a
    return a, b


def test_possible_duplicates_merged_keep_one_number_everywhere(hub, tmp_path):
    a, b = _same_person_on_two_laptops(hub, tmp_path)
    item = with_workspace(a, review.load_review, ADMIN).items[0]
    assert item.kind == "duplicate" and item.left["full_name"] == "SITI AMINAH"
    assert item.differing() == ["full_name"]
    keep = item.right["id"]                       # b's registration number stays, with a's spelling
    merged = review.combined(item, {"full_name": review.LEFT}, base=review.RIGHT)
    out = with_workspace(a, review.merge_duplicate, ADMIN, item, keep, merged)
    assert out["kept"]["full_name"] == "SITI AMINAH" and out["removed"]["status"] == "deleted"
    assert item.right["registration_no"] in out["removed"]["deleted_reason"]

    sync(a), sync(b)
    for db in (a, b):
        live = [r for r in listed(db).values() if r["status"] != "deleted"]
        assert [(r["id"], r["full_name"]) for r in live] == [(keep, "SITI AMINAH")]
        assert sync(db) == "pushed 0, pulled 0, conflicts 0, duplicates 0"
    proc = run(a, "sync")
    assert "diambil ulang" not in proc.stdout     # the count check agrees: nothing to recover
    hub_live = [r for r in hub.records() if r["status"] != "deleted"]
    assert [r["id"] for r in hub_live] == [keep] and len(hub.records()) == 2


def test_a_pair_that_is_not_the_same_person_is_dismissed(sqlite_hub, tmp_path):
    a, _b = _same_person_on_two_laptops(sqlite_hub, tmp_path)
    item = with_workspace(a, review.load_review, ADMIN).items[0]
    with_workspace(a, review.dismiss_duplicate, ADMIN, item)
    assert with_workspace(a, review.load_review, ADMIN).open_duplicates == 0
    assert len(sqlite_hub.records()) == 2


def test_only_coordinators_of_the_school_and_admins_review(sqlite_hub, tmp_path):
    a, _b = _same_person_on_two_laptops(sqlite_hub, tmp_path)
    volunteer = Actor("relawan", "Relawan", Role.VOLUNTEER)
    printer = Actor("cetak", "Cetak", Role.PRINTER)
    for actor in (volunteer, printer):
        with pytest.raises(PermissionDenied):
            with_workspace(a, review.load_review, actor)
    with pytest.raises(PermissionDenied, match="tidak diizinkan meninjau"):   # the hub asks the laptop too
        with_workspace(_b, review.load_review, ADMIN)
    other_school = Actor("koor", "Koordinator", Role.COORDINATOR, school_npsn="30100001")
    assert with_workspace(a, review.load_review, other_school).items == []
    item = with_workspace(a, review.load_review, ADMIN).items[0]
    with pytest.raises(PermissionDenied):
        with_workspace(a, review.dismiss_duplicate, other_school, item)


def test_a_deletion_reaches_the_hub_and_the_other_laptops(sqlite_hub, tmp_path):
    a = laptop(tmp_path, "a", sqlite_hub, workers=3, seed=24)
    b = laptop(tmp_path, "b", sqlite_hub)
    sync(a), sync(b)
    target = next(iter(listed(a)))
    assert run(a, "delete", listed(a)[target]["registration_no"], "--reason", "pindah ke luar provinsi").returncode == 0
    assert sync(a) == "pushed 1, pulled 0, conflicts 0, duplicates 0"
    assert sync(b) == "pushed 0, pulled 1, conflicts 0, duplicates 0"
    assert target not in listed(b)
    gone = {r["id"]: r for r in json.loads(run(b, "list", "--json", "--status", "deleted").stdout)}[target]
    assert gone["status"] == "deleted" and gone["deleted_reason"] == "pindah ke luar provinsi"
