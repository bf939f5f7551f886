"""One open Lindung database: engine, migrations, reference data, device identity, policy.

Like Anki's collection, the GUI holds one open workspace and hands all work on it to a single
background worker; the command line opens one per run.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.enrollment import Context, Policy
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.regions import Level, RegionCatalog, RegionError, dotted
from desktop.domain.regno import new_device_prefix
from desktop.paths import REGIONS_CSV
from desktop.services.errors import ServiceError
from desktop.storage.engine import make_engine, migrate
from desktop.storage.models import RegionRow, Setting

REGIONS_SOURCE_DEFAULT = (
    "Kepmendagri 300.2.2-2430/2025, via cahyadsn/wilayah (MIT), db/wilayah.sql"
)


@dataclass(frozen=True)
class Device:
    id: str       # UUID of this installation
    prefix: str   # registration-number prefix


@contextmanager
def bulk_work() -> Iterator[None]:
    """Pause Python's cyclic garbage collector around work on thousands of rows.

    The rows are plain acyclic objects freed by reference counting; without the pause the collector
    runs hundreds of times while they are built (0.17 s of a 10,000-row import, 16 %).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def read_regions_csv(path: Path) -> list[tuple[str, str, str]]:
    """Rows ``(code, name, level)`` of a region list in the shipped CSV format."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = [h.strip().lower() for h in next(reader, [])]
            if header[:3] != ["kode", "nama", "tingkat"]:
                raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas wilayah harus berkolom kode,nama,tingkat."))
            return [(row[0], row[1], row[2]) for row in reader if row]
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas wilayah tidak dapat dibaca: {reason}"),
                           reason=str(exc)) from exc


class Workspace:
    def __init__(self, path: Path | str, today: dt.date | None = None, key: bytes | None = None):
        """``key``: the database key from an account's password (see services.keys); without it the
        database must open without a password (no account yet), else ``keys.Locked``."""
        from desktop.services import keys

        self.path = Path(path).expanduser()
        self.key = key if key is not None else keys.key_without_password(self.path)
        self.engine = make_engine(self.path, self.key)
        migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(lindung_write=True), expire_on_commit=False)
        self._today = today
        with self.session(write=True) as session:
            self._ensure_settings(session)
            if session.scalar(select(func.count()).select_from(RegionRow)) == 0:
                self._store_regions(session, read_regions_csv(REGIONS_CSV), REGIONS_SOURCE_DEFAULT)
            self.device = Device(self._setting(session, "device_id"), self._setting(session, "device_prefix"))
            self.policy = self._load_policy(session)
            self.regions = self._load_regions(session)

    # -- units of work ---------------------------------------------------------------------
    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on any exception.

        ``write=True`` takes SQLite's write lock when the unit begins.
        """
        factory = self._write_sessions if write else self._sessions
        with factory() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    # -- files with personal data ------------------------------------------------------------
    @property
    def exports_dir(self) -> Path:
        """Where card PDFs, receipts and rejected-row lists go by default: inside the data folder."""
        folder = self.path.parent / "keluaran"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def outside_data_dir(self, path: Path | str) -> bool:
        """True when a file with personal data would be written outside this laptop's data folder
        (a USB stick, a shared folder): the user is warned first."""
        try:
            Path(path).expanduser().resolve().relative_to(self.path.parent.resolve())
        except ValueError:
            return True
        return False

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def now(self) -> dt.datetime:
        """UTC now, on the injected day when one is set (what a day's records are stamped with)."""
        now = utcnow()
        return dt.datetime.combine(self._today, now.time()) if self._today else now

    def context(self) -> Context:
        return Context(self.regions, self.today, self.policy)

    # -- settings --------------------------------------------------------------------------
    @staticmethod
    def _setting(session: Session, key: str) -> str:
        return session.get(Setting, key).value

    def _ensure_settings(self, session: Session) -> None:
        defaults = {
            "device_id": lambda: str(uuid.uuid4()),
            "device_prefix": new_device_prefix,
            "next_sequence": lambda: "1",
            "created_at": lambda: utcnow().isoformat(timespec="seconds"),
        }
        for key, make in defaults.items():
            if session.get(Setting, key) is None:
                session.add(Setting(key=key, value=make()))
        session.flush()

    def _load_policy(self, session: Session) -> Policy:
        values = {}
        for f in fields(Policy):
            row = session.get(Setting, f"policy.{f.name}")
            if row is not None:
                values[f.name] = int(row.value)
        return Policy(**values)

    def set_policy(self, **changes: int) -> Policy:
        policy = replace(self.policy, **changes)
        with self.session(write=True) as session:
            for name, value in changes.items():
                session.merge(Setting(key=f"policy.{name}", value=str(int(value))))
        self.policy = policy
        return policy

    # -- reference regions -----------------------------------------------------------------
    @staticmethod
    def _load_regions(session: Session) -> RegionCatalog:
        rows = session.execute(select(RegionRow.code, RegionRow.name, RegionRow.level)).all()
        from desktop.domain.regions import Region

        return RegionCatalog(Region(code, name, Level(level)) for code, name, level in rows)

    @staticmethod
    def _store_regions(session: Session, rows: list[tuple[str, str, str]], source: str) -> RegionCatalog:
        try:
            catalog = RegionCatalog.from_rows(rows)
        except RegionError as exc:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Daftar wilayah ditolak: {reason}"), reason=str(exc)) from exc
        kabupaten = catalog.kabupaten()
        if len(kabupaten) < 14 or catalog.count(Level.DESA) < 1000:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Daftar wilayah ditolak: hanya {kab} kabupaten/kota dan {desa} desa/kelurahan Kalimantan Barat."),
                kab=len(kabupaten), desa=catalog.count(Level.DESA))
        session.execute(delete(RegionRow))
        session.execute(insert(RegionRow), [
            {"code": r.code, "name": r.name, "level": int(r.level)} for r in catalog.all()])
        session.merge(Setting(key="regions.source", value=source))
        session.merge(Setting(key="regions.loaded_at", value=utcnow().isoformat(timespec="seconds")))
        return catalog

    def load_regions(self, path: Path, source: str) -> RegionCatalog:
        """Replace the region list with a newer official one (admin only, checked by the caller)."""
        rows = read_regions_csv(path)
        with self.session(write=True) as session:
            catalog = self._store_regions(session, rows, source)
        self.regions = catalog
        return catalog

    def regions_source(self) -> tuple[str, str]:
        with self.session() as session:
            return self._setting(session, "regions.source"), self._setting(session, "regions.loaded_at")

    def region_label(self, code: str) -> str:
        return f"{dotted(code)} {self.regions.name(code)}"
