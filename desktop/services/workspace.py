"""One open Lindung database: its units of work, migrations, reference data, device identity, policy.

Like Anki's collection, the GUI holds one open workspace and hands all work on it to a single
background worker; the command line opens one per run.

Every unit of work goes through ``read()`` / ``write()`` (``storage.database``) and the table modules of
``desktop.storage``. A database at the packaged schema opens without Alembic or SQLAlchemy; a new or
older one is migrated first (``storage.engine.migrate_file``, which loads them).
"""

from __future__ import annotations

import datetime as dt
import gc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path
from desktop.domain.clock import utcnow
from desktop.domain.enrollment import Context, Policy
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.regions import Level, RegionCatalog, RegionError, dotted
from desktop.domain.regno import new_device_prefix
from desktop.paths import REGIONS_CSV
from desktop.services import keys
from desktop.services.errors import ServiceError
from desktop.services.rates import shipped_rates
from desktop.services.region_file import read_regions_csv
from desktop.storage import regions as stored_regions
from desktop.storage import settings as stored_settings
from desktop.storage.database import Database, Tx
from desktop.storage.engine import HEAD_REVISION, migrate_file, stored_revision

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
    runs hundreds of times while they are built and finds nothing to free (benchmarks/bench_import.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The settings every database has once opened (made on first open; see _ensure_settings).
_REQUIRED_SETTINGS = ("device_id", "device_prefix", "next_sequence", "created_at")


class Workspace:
    def __init__(self, path: Path | str, today: dt.date | None = None, key: bytes | None = None):
        """``key``: the database key from an account's password (see services.keys); without it the
        database must open without a password (no account yet), else ``keys.Locked``."""
        self.rates = shipped_rates()     # the dated contribution rates, read once per process
        self.path = Path(path).expanduser()
        self.key = key if key is not None else keys.key_without_password(self.path)
        self._today = today
        self._regions: RegionCatalog | None = None
        self.db = Database(self.path, self.key)
        try:
            settings = self._ready_settings()
            if settings is None:   # new, older or incomplete: Alembic and the ORM put it right
                settings = self._prepare()
        except BaseException:
            self.db.close()
            raise
        self.device = Device(settings["device_id"], settings["device_prefix"])
        self.policy = self._policy_from(settings)

    def _ready_settings(self) -> dict[str, str] | None:
        """The settings of a database that is ready as it is (packaged schema, settings and regions in
        place), read through the driver alone; None when it needs the full opening."""
        with self.read() as tx:
            if stored_revision(tx) != HEAD_REVISION:
                return None
            settings = stored_settings.get_many(tx, _REQUIRED_SETTINGS, prefix="policy.")
            if any(name not in settings for name in _REQUIRED_SETTINGS):
                return None
            if not stored_regions.stored(tx):
                return None
            return settings

    def _prepare(self) -> dict[str, str]:
        """Migrate, make the settings and store the region list where missing (the first open)."""
        migrate_file(self.path, self.key)
        with self.write() as tx:
            self._ensure_settings(tx)
            if not stored_regions.stored(tx):
                self._regions = self._store_regions(tx, read_regions_csv(REGIONS_CSV), REGIONS_SOURCE_DEFAULT)
            return stored_settings.get_many(tx, _REQUIRED_SETTINGS, prefix="policy.")

    # -- units of work ---------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A unit of work that reads (see ``storage.database``: nests, one snapshot)."""
        with self.db.read() as tx:
            yield tx

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A unit of work that writes under SQLite's write lock, committed at its end, rolled back on
        any exception; nests inside another write, refused inside a read."""
        with self.db.write() as tx:
            yield tx

    def close(self) -> None:
        self.db.close()

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
    def _ensure_settings(tx: Tx) -> None:
        defaults = {
            "device_id": lambda: str(uuid.uuid4()),
            "device_prefix": new_device_prefix,
            "next_sequence": lambda: "1",
            "created_at": lambda: utcnow().isoformat(timespec="seconds"),
        }
        present = stored_settings.get_many(tx, defaults)
        stored_settings.put_many(tx, {key: make() for key, make in defaults.items() if key not in present})

    @staticmethod
    def _policy_from(settings: dict[str, str]) -> Policy:
        values = {}
        for f in fields(Policy):
            value = settings.get(f"policy.{f.name}")
            if value is not None:
                values[f.name] = int(value)
        return Policy(**values)

    def set_policy(self, **changes: int) -> Policy:
        policy = replace(self.policy, **changes)
        with self.write() as tx:
            stored_settings.put_many(tx, {f"policy.{name}": str(int(value)) for name, value in changes.items()})
        self.policy = policy
        return policy

    # -- reference regions -----------------------------------------------------------------
    @property
    def regions(self) -> RegionCatalog:
        """The region list, read on first use."""
        if self._regions is None:
            with self.read() as tx:
                self._regions = RegionCatalog(stored_regions.all_regions(tx))
        return self._regions

    @staticmethod
    def _store_regions(tx: Tx, rows: list[tuple[str, str, str]], source: str) -> RegionCatalog:
        try:
            catalog = RegionCatalog.from_rows(rows)
        except RegionError as exc:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Daftar wilayah ditolak: {reason}"), reason=str(exc)) from exc
        kabupaten = catalog.kabupaten()
        if len(kabupaten) < 14 or catalog.count(Level.DESA) < 1000:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Daftar wilayah ditolak: hanya {kab} kabupaten/kota dan {desa} desa/kelurahan Kalimantan Barat."),
                kab=len(kabupaten), desa=catalog.count(Level.DESA))
        stored_regions.replace_all(tx, catalog.all())
        stored_settings.put_many(tx, {"regions.source": source,
                                      "regions.loaded_at": utcnow().isoformat(timespec="seconds")})
        return catalog

    def load_regions(self, path: Path, source: str) -> RegionCatalog:
        """Replace the region list with a newer official one (admin only, checked by the caller)."""
        rows = read_regions_csv(path)
        with self.write() as tx:
            catalog = self._store_regions(tx, rows, source)
        self._regions = catalog
        return catalog

    def regions_source(self) -> tuple[str, str]:
        with self.read() as tx:
            values = stored_settings.get_many(tx, ("regions.source", "regions.loaded_at"))
        return values["regions.source"], values["regions.loaded_at"]

    def region_label(self, code: str) -> str:
        return f"{dotted(code)} {self.regions.name(code)}"
