"""A hub database filled at once with many valid records and registered laptops (PostgreSQL COPY),
never pushed one by one: for the query-plan checks in the test suite (a modest number) and for the
national-scale benchmark (benchmarks/bench_hub_scale.py, two million).

Records are made from their number alone, so the same numbers give the same records in any database:
valid NIKs (province, kabupaten and kecamatan of their place, a real birth date with 40 added to a
woman's day, serial from 0001), Indonesian mobile numbers, registration numbers with their check
character. Kalimantan Barat's places are the real ones of the region list; other provinces get
places numbered like Kemendagri's (``32.01.01.2001``), since the list the app ships is Kalbar's.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from desktop.domain.regno import CROCKFORD, make_registration_no

# Kemendagri province codes (Kalimantan Barat, 61, has its own list below).
PROVINCES = ("11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51",
             "52", "53", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "94")
_FIRST = ("AHMAD", "SITI", "BUDI", "NUR", "RUDI", "DEWI", "AGUS", "SRI", "HENDRA", "RINA", "YUSUF", "LINA", "DEDI",
          "FITRI", "ANDI", "MAYA", "JOKO", "WATI", "ARIF", "TUTI", "RAHMAT", "YANTI", "ISMAIL", "ENDANG", "FAJAR")
_LAST = ("SAPUTRA", "RAHAYU", "HIDAYAT", "LESTARI", "SETIAWAN", "WULANDARI", "NUGROHO", "PERTIWI", "GUNAWAN",
         "KURNIASIH", "SIREGAR", "NASUTION", "HARAHAP", "SIMANJUNTAK", "PRATAMA", "PUTRI", "WIBOWO", "SARI")
_JOBS = ("farmer", "smallholder", "fisher", "street_vendor", "day_labourer", "farm_labourer", "motorbike_taxi")
_MOBILE = ("812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896")
SECRET = "bulk-loaded-laptop"        # every bulk-loaded laptop's credential is "<id>.<SECRET><number>"


@dataclass(frozen=True)
class Place:
    kabupaten: str
    kecamatan: str
    desa: str


def kalbar_places(regions, kabupaten: str | None = None) -> list[Place]:
    """The real desa/kelurahan of Kalimantan Barat (of one kabupaten/kota when given), from the region list."""
    from desktop.domain.regions import Level

    return [Place(d.code[:4], d.code[:6], d.code) for d in sorted(regions.all(Level.DESA), key=lambda r: r.code)
            if kabupaten is None or d.code.startswith(kabupaten)]


def numbered_places(province: str, kabupaten: int = 10, kecamatan: int = 8, desa: int = 4) -> list[Place]:
    """Places of a province numbered the way Kemendagri numbers them (kabupaten 01…, kecamatan 01…, desa 2001…)."""
    return [Place(f"{province}{k:02d}", f"{province}{k:02d}{c:02d}", f"{province}{k:02d}{c:02d}{2000 + d}")
            for k in range(1, kabupaten + 1) for c in range(1, kecamatan + 1) for d in range(1, desa + 1)]


def device_id(number: int) -> str:
    return str(uuid.UUID(int=(0xB0_1C << 64) | number, version=4))


def device_prefix(number: int) -> str:
    """A registration prefix of its own for each bulk-loaded laptop (``V`` and five Crockford digits)."""
    digits = []
    for _ in range(5):
        number, rest = divmod(number, 32)
        digits.append(CROCKFORD[rest])
    return "V" + "".join(reversed(digits))


def token(number: int) -> str:
    return f"{device_id(number)}.{SECRET}{number}"


def record(number: int, place: Place, device: int, sequence: int) -> tuple[dict[str, object], str]:
    """Record ``number`` living in ``place``, enrolled by bulk laptop ``device`` as its ``sequence``-th:
    its hub row (without seq) and its data as the hub stores it (JSON, sorted keys)."""
    female = number % 2 == 1
    day, month = 1 + number % 28, 1 + (number // 28) % 12
    year = 1962 + (number // 336) % 44                    # 18 to 63 years old in 2026
    serial = 1 + (number // (336 * 44)) % 9999
    nik = f"{place.kecamatan}{day + (40 if female else 0):02d}{month:02d}{year % 100:02d}{serial:04d}"
    name = f"{_FIRST[number % len(_FIRST)]} {_LAST[(number // len(_FIRST)) % len(_LAST)]}"
    heir = f"{_FIRST[(number + 7) % len(_FIRST)]} {_LAST[(number // 3) % len(_LAST)]}"
    rid = str(uuid.UUID(int=(0x5CA1E << 96) | number, version=4))
    regno = make_registration_no(device_prefix(device), sequence)
    owner = device_id(device)
    phone = f"+62{_MOBILE[number % len(_MOBILE)]}{number % 100_000_000:08d}"
    data = {
        "address": f"Jl. Merdeka No. {1 + number % 150}, RT {1 + number % 12:03d}/RW {1 + number % 8:03d}",
        "asnaf": "miskin", "birth_date": f"{year}-{month:02d}-{day:02d}", "birth_place": "PONTIANAK",
        "coverage_end": None, "coverage_start": None, "deleted_at": None, "deleted_by": None,
        "deleted_reason": None, "desa_code": place.desa, "device_id": owner, "enrolled_at": "2026-06-01T08:00:00Z",
        "enrolled_by": "relawan", "full_name": name, "funding_source": "baznas_zakat", "heir_name": heir,
        "heir_phone": None, "heir_relationship": "spouse", "id": rid, "kabupaten_code": place.kabupaten,
        "kecamatan_code": place.kecamatan, "kpj_number": None, "lifecycle": [], "monthly_income": 1_000_000,
        "nik": nik, "no_kk": None, "occupation": _JOBS[number % len(_JOBS)], "occupation_other": "",
        "phone": phone, "programme": "JKK+JKM", "pupil_class": "", "pupil_name": "", "registration_no": regno,
        "revision": 1, "school_name": None, "school_npsn": None, "sex": "P" if female else "L", "status": "enrolled",
        "updated_at": "2026-06-01T08:00:00Z", "updated_by": "relawan",
    }
    row = {"uuid": rid, "registration_no": regno, "nik": nik, "full_name": name, "revision": 1, "device_id": owner,
           "changed_by_device": owner, "deleted": False, "merged": False, "kabupaten_code": place.kabupaten,
           "kecamatan_code": place.kecamatan, "desa_code": place.desa, "school_npsn": None}
    return row, json.dumps(data, sort_keys=True, ensure_ascii=False)


def connect(url: str):
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, password=parsed.password,
                           dbname=parsed.database, autocommit=True)


_RECORD_COLUMNS = ("uuid", "registration_no", "nik", "full_name", "revision", "data", "device_id", "changed_by_device",
                   "seq", "created_seq", "deleted", "updated_at", "kabupaten_code", "kecamatan_code", "desa_code",
                   "school_npsn", "merged")


def load_devices(connection, count: int, scopes: Iterable[tuple[str | None, str | None]] = ()) -> None:
    """``count`` registered laptops (role volunteer), each with a scope from ``scopes`` (kind, codes)
    in turn, or every record."""
    scopes = list(scopes) or [(None, None)]
    with connection.cursor() as cursor, cursor.copy(
            "COPY devices (id, name, secret_hash, registration_prefix, may_review, role, created_at, scope_kind, "
            "scope_codes, scope_version) FROM STDIN") as copy:
        for number in range(count):
            kind, codes = scopes[number % len(scopes)]
            copy.write_row((device_id(number), f"Laptop relawan {number + 1}",
                            hashlib.sha256(f"{SECRET}{number}".encode()).hexdigest(), device_prefix(number), False,
                            "volunteer", "2026-06-01 08:00:00", kind, codes, 0))


def load_records(connection, numbers: Iterable[int], places: list[Place], devices: int, first_seq: int) -> int:
    """Records ``numbers`` (each in ``places[number % len(places)]``, enrolled by bulk laptop
    ``number % devices``) with change sequences from ``first_seq`` on; moves the hub's change counter
    past them. Returns the next free sequence."""
    rows = ((number, places[number % len(places)], first_seq + i) for i, number in enumerate(numbers))
    return load_rows(connection, rows, devices)


def load_rows(connection, rows: Iterable[tuple[int, Place, int]], devices: int) -> int:
    """Records given as (number, place, change sequence); returns the sequence after the highest."""
    top = 0
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY records ({', '.join(_RECORD_COLUMNS)}) FROM STDIN") as copy:
            for number, place, seq in rows:
                device = number % devices
                row, data = record(number, place, device, 1 + number // devices)
                copy.write_row((row["uuid"], row["registration_no"], row["nik"], row["full_name"], 1, data,
                                row["device_id"], row["device_id"], seq, seq, False, "2026-06-01 08:00:00",
                                row["kabupaten_code"], row["kecamatan_code"], row["desa_code"], None, False))
                top = max(top, seq)
        cursor.execute("UPDATE counters SET value = GREATEST(value, %s) WHERE name = 'changes'", (top,))
    return top + 1


def without_indexes(connection, table: str) -> AbstractContextManager[None]:
    """Drop ``table``'s secondary indexes for a bulk load and build them again after (faster than keeping
    them up to date row by row), as a context manager."""
    from contextlib import contextmanager

    @contextmanager
    def dropped():
        rows = connection.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND NOT EXISTS ("
            "SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", (table,)).fetchall()
        for name, _definition in rows:
            connection.execute(f"DROP INDEX {name}")
        try:
            yield
        finally:
            for _name, definition in rows:
                connection.execute(definition)
    return dropped()
