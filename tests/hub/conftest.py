import pytest

from tests.hub.test_sync import BACKENDS, Hub


@pytest.fixture(params=BACKENDS)
def hub(tmp_path, request):
    """The real hub process on loopback, on SQLite and on PostgreSQL (when scripts/test started one)."""
    h = Hub(tmp_path, request.param).start()
    yield h
    h.stop()


@pytest.fixture
def sqlite_hub(tmp_path):
    """For checks that do not depend on the database server (the main paths run on both)."""
    h = Hub(tmp_path).start()
    yield h
    h.stop()
