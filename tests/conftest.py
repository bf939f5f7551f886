from __future__ import annotations

import datetime as dt
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = dt.date(2026, 11, 24)


def _shipped_rates():
    """The contribution rates in force, as the app has them once a workspace opens (domain tests price
    without one)."""
    from desktop.services.rates import shipped_rates

    shipped_rates()


_shipped_rates()


@pytest.fixture(scope="session")
def regions():
    from desktop.domain.regions import RegionCatalog
    from desktop.paths import REGIONS_CSV
    from desktop.services.workspace import read_regions_csv

    return RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV))


@pytest.fixture
def ctx(regions):
    from desktop.domain.enrollment import Context

    return Context(regions, TODAY)


def make_raw(**overrides) -> dict[str, str]:
    """A valid enrollment as a volunteer would type it (a woman from Pontianak Selatan)."""
    raw = {
        "nik": "6171014508800001", "full_name": "Siti Aminah", "birth_place": "Pontianak",
        "birth_date": "05-08-1980", "sex": "P", "address": "Jl. Tanjungpura No. 5, RT 001/RW 002",
        "kabupaten_code": "6171", "kecamatan_code": "617101", "desa_code": "6171011002",
        "phone": "0812-3456-7890", "occupation": "street_vendor", "monthly_income": "1.500.000",
        "heir_name": "Ahmad Fauzi", "heir_relationship": "spouse", "heir_phone": "",
    }
    raw.update(overrides)
    return raw


@pytest.fixture
def raw():
    return make_raw()


@pytest.fixture
def ws(tmp_path):
    from desktop.services.workspace import Workspace

    workspace = Workspace(tmp_path / "lindung.sqlite3", today=TODAY)
    yield workspace
    workspace.close()
