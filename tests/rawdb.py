"""Direct access to a laptop database for tests that look under the services (it is encrypted)."""

from pathlib import Path

from desktop.services import keys
from desktop.storage.engine import sqlcipher_connect


def connect(path: Path, key: bytes | None = None):
    """A DB-API connection with the database's key (its open key when no account exists)."""
    if key is None:
        keyfile = keys.load(Path(path))
        assert keyfile is not None and keyfile.open_key is not None, "no open key: pass the key"
        key = keyfile.open_key
    return sqlcipher_connect(path, key)
