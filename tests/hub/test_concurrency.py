"""Where laptops meet at the hub, the database decides (issue 12): the same NIK pushed by several
laptops at the same instant is flagged every time, and a new hub's bundle key is made once however
many laptops register at once. Truly concurrent processes on PostgreSQL, many rounds."""

import datetime as dt
import multiprocessing
import os
import time
import uuid

import pytest

from tests.hub.test_sync import BACKENDS, postgres_database

ROUNDS = int(os.environ.get("LINDUNG_RACE_ROUNDS", "50"))
LAPTOPS = 3
BATCH = 300
PG = [p for p in BACKENDS if getattr(p, "values", None) == ("postgresql",)]


def _context():
    from desktop.domain.regions import RegionCatalog
    from desktop.paths import REGIONS_CSV
    from desktop.services.workspace import read_regions_csv
    from hub import service

    return service.HubContext(RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV)))


def _pusher(url, device_id, rounds, barrier, answers):
    """One laptop's hub connection: at each round, waits for the others, then pushes its batch."""
    from hub import service
    from hub.db import HubDatabase
    from hub.models import Device

    db, ctx = HubDatabase(url), _context()
    statuses = []
    for ops in rounds:
        barrier.wait(timeout=120)
        with db.session() as session:
            result = service.push(session, session.get(Device, device_id), ops, ctx)
        statuses.append(sorted({a["status"] for a in result}))
    db.close()
    answers.put((device_id, statuses))


def _template():
    """A valid record of a man born on 1 January 1980 in Pontianak Selatan."""
    return {
        "nik": "6171010101800001", "full_name": "BUDI SANTOSO", "birth_place": "Pontianak",
        "birth_date": "1980-01-01", "sex": "M", "address": "Jl. Tanjungpura No. 1", "kabupaten_code": "6171",
        "kecamatan_code": "617101", "desa_code": "6171011002", "phone": "+6281234567890", "occupation": "farmer",
        "occupation_other": "", "monthly_income": 1000000, "heir_name": "SITI AMINAH", "heir_relationship": "spouse",
        "heir_phone": None, "school_npsn": None, "school_name": None, "pupil_name": "", "pupil_class": "",
        "programme": "JKK+JKM", "funding_source": "baznas_zakat", "coverage_start": None,
        "coverage_end": None, "status": "enrolled", "kpj_number": None, "revision": 1,
        "enrolled_by": "relawan", "enrolled_at": "2026-11-20T03:00:00Z", "updated_by": "relawan",
        "updated_at": "2026-11-20T03:00:00Z", "deleted_at": None, "deleted_by": None, "deleted_reason": None}


def _record(device_id, prefix, seq, nik_number):
    from desktop.domain.regno import make_registration_no

    born = dt.date(1980, 1, 1) + dt.timedelta(days=nik_number // 9000)
    nik = f"617101{born:%d%m%y}{nik_number % 9000 + 1:04d}"
    return _template() | {"id": str(uuid.uuid4()), "registration_no": make_registration_no(prefix, seq),
                          "device_id": device_id, "nik": nik, "birth_date": born.isoformat()}


@pytest.mark.parametrize("backend", PG or [pytest.param("postgresql", marks=pytest.mark.skip("no PostgreSQL"))])
def test_the_same_nik_pushed_at_once_by_several_laptops_is_always_flagged(backend):
    from sqlalchemy import func, select

    from hub import service
    from hub.db import HubDatabase
    from hub.models import PossibleDuplicate, Record

    url = postgres_database()
    db = HubDatabase(url)
    devices = []
    for n in range(LAPTOPS):
        with db.session() as session:
            code = service.new_device_code(session, f"laptop{n}", role="admin")
        device_id, prefix = str(uuid.uuid4()), f"RACE{n:02d}"
        with db.session() as session:
            service.register_device(session, code, device_id, prefix)
        devices.append((device_id, prefix))
    # Round r: every laptop pushes one record with the round's shared NIK; odd rounds inside a batch of
    # 300 whose other NIKs are the laptop's own.
    shared, plans, unique = [], [[] for _ in devices], 10_000
    for r in range(ROUNDS):
        shared.append(_record("x", "RACE00", 1, r)["nik"])
        size = BATCH if r % 2 else 1
        for n, (device_id, prefix) in enumerate(devices):
            ops = []
            for i in range(size):
                seq = r * BATCH + i + 1
                number = r if i == size // 2 else unique
                unique += 0 if i == size // 2 else 1
                ops.append({"op_id": f"{prefix}:{r}:{i}", "base_revision": 0,
                            "record": _record(device_id, prefix, seq, number)})
            plans[n].append(ops)
    ctx = multiprocessing.get_context("spawn")
    barrier, answers = ctx.Barrier(LAPTOPS), ctx.Queue()
    procs = [ctx.Process(target=_pusher, args=(url, device_id, plans[n], barrier, answers))
             for n, (device_id, _prefix) in enumerate(devices)]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = dict(answers.get(timeout=600) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    elapsed = time.monotonic() - started
    assert all(set(status) <= {"accepted", "duplicate"} for statuses in results.values() for status in statuses)
    with db.session() as session:
        pairs = dict(session.execute(select(PossibleDuplicate.nik, func.count()).where(
            PossibleDuplicate.nik.in_(shared)).group_by(PossibleDuplicate.nik)).all())
        stored = session.scalar(select(func.count()).select_from(Record))
    db.close()
    flagged = sum(1 for nik in shared if pairs.get(nik, 0) == LAPTOPS * (LAPTOPS - 1) // 2)
    print(f"\n{ROUNDS} rounds x {LAPTOPS} laptops: {flagged}/{ROUNDS} shared NIKs fully flagged, "
          f"{stored} records, {elapsed:.1f} s")
    assert stored == LAPTOPS * sum(BATCH if r % 2 else 1 for r in range(ROUNDS))
    assert flagged == ROUNDS, {nik: pairs.get(nik, 0) for nik in shared}


def _registrar(url, code, barrier, answers):
    from hub import service
    from hub.db import HubDatabase

    db = HubDatabase(url)
    barrier.wait(timeout=120)
    try:
        with db.session() as session:
            service.register_device(session, code, str(uuid.uuid4()), "".join(
                __import__("secrets").choice("ABCDEFGHJK") for _ in range(6)))
            key = service.hub_bundle_key(session).public_key().public_bytes_raw()
        answers.put(("ok", key.hex()))
    except Exception as exc:   # noqa: BLE001 - the test names what failed
        answers.put(("failed", type(exc).__name__))
    db.close()


@pytest.mark.parametrize("backend", PG or [pytest.param("postgresql", marks=pytest.mark.skip("no PostgreSQL"))])
def test_first_registrations_at_once_share_one_bundle_key(backend):
    from hub import service
    from hub.db import HubDatabase

    ctx = multiprocessing.get_context("spawn")
    for _round in range(5):
        url = postgres_database()
        db = HubDatabase(url)
        codes = []
        for n in range(4):
            with db.session() as session:
                codes.append(service.new_device_code(session, f"l{n}"))
        db.close()
        barrier, answers = ctx.Barrier(4), ctx.Queue()
        procs = [ctx.Process(target=_registrar, args=(url, code, barrier, answers)) for code in codes]
        for p in procs:
            p.start()
        got = [answers.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert all(outcome == "ok" for outcome, _ in got), got
        assert len({key for _, key in got}) == 1          # every laptop sealed for the same hub key
