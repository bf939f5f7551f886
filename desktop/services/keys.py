"""The database key: every laptop database is encrypted (SQLCipher, AES-256) with a random key that
lives only in memory while Lindung runs and, at rest, wrapped once per account in ``<db>.key``.

An account's wrapping key comes from its password through the same Argon2id computation that
checks the password at sign-in (the raw hash, which is stored nowhere outside the encrypted
database, through HKDF), so signing in unlocks the database, and a copied database file together
with its key file reveals nothing without a password. Until the first account exists (a fresh
install, scripts, tests) the key file holds the key openly; creating the first account removes it.
Because the wrapping key derives from the stored hash, an existing plain database is encrypted for
all its accounts at once on first start, without anyone's password.

The key is wrapped once more for the laptop's recovery code (services.recovery), the same way: the
code's Argon2id hash is kept nowhere, so only the code itself unwraps it. With it a branch resets the
password of an admin who forgot theirs without losing the data.
"""

from __future__ import annotations

import base64
import datetime as dt
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import fold_spaces
from desktop.services import lockout
from desktop.services.errors import AuthenticationFailed, ServiceError
from desktop.storage.accounts import plain_active_hashes
from desktop.storage.engine import encrypt_in_place, is_plain_sqlite
from reports.files import replacing

FORMAT = "lindung-key-1"
KEY_BYTES = 32
_AAD = b"lindung database key"


class Locked(ServiceError):
    """The database needs an account's password to open."""


def key_path(db: Path) -> Path:
    return Path(db).with_name(Path(db).name + ".key")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


@dataclass
class KeyFile:
    open_key: bytes | None = None                       # only while no account exists
    accounts: dict[str, dict[str, str]] = field(default_factory=dict)
    recovery: dict[str, str] | None = None              # the key wrapped for the recovery code

    def to_json(self) -> str:
        body: dict = {"format": FORMAT, "accounts": self.accounts}
        if self.open_key is not None:
            body["open_key"] = _b64(self.open_key)
        if self.recovery is not None:
            body["recovery"] = self.recovery
        return json.dumps(body, indent=1, sort_keys=True)


def load(db: Path) -> KeyFile | None:
    path = key_path(db)
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas kunci {path} rusak atau tidak terbaca ({reason})."),
                           path=path, reason=type(exc).__name__) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas kunci {path} bukan milik Lindung."), path=path)
    open_key = body.get("open_key")
    return KeyFile(_unb64(open_key) if open_key else None, dict(body.get("accounts") or {}),
                   body.get("recovery") or None)


def save(db: Path, keyfile: KeyFile) -> None:
    """Written whole beside the database (temporary file, fsync, rename), readable by its owner only."""
    path = key_path(db)
    with replacing(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(keyfile.to_json())
            handle.flush()
            os.fsync(handle.fileno())
    try:
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError:
        pass


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


# --- wrapping by password hash ------------------------------------------------------------------

def _parse_phc(phc: str) -> tuple[dict[str, int], bytes, bytes]:
    """``$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>`` -> (parameters, salt, raw hash)."""
    parts = phc.split("$")
    if len(parts) != 6 or parts[1] != "argon2id":
        raise ValueError("not an argon2id hash")
    params = {k: int(v) for k, v in (item.split("=") for item in parts[3].split(","))}
    return params, _unb64(parts[4]), _unb64(parts[5])


# Argon2 and cryptography are imported where the key is wrapped or unwrapped: a database that opens
# without a password (no account yet) needs neither.

def _kek(raw_hash: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=None, info=b"lindung key wrapping").derive(raw_hash)


def wrap(key: bytes, password_hash: str) -> dict[str, str]:
    """The database key wrapped for the account whose stored Argon2id hash is ``password_hash``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params, salt, raw = _parse_phc(password_hash)
    nonce = secrets.token_bytes(12)
    return {"m": str(params["m"]), "t": str(params["t"]), "p": str(params["p"]), "salt": _b64(salt),
            "length": str(len(raw)), "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(_kek(raw)).encrypt(nonce, key, _AAD))}


@dataclass(frozen=True)
class Proof:
    """What unlocking computed from a password: the raw Argon2id hash with its salt and parameters,
    the same as the account's stored hash when they match, so signing in need not compute it again
    (accounts.authenticate compares them: a second Argon2id, 0.16-0.3 s, less per sign-in)."""

    username: str
    salt: bytes
    params: dict[str, int]
    raw: bytes = field(repr=False)
    password_mac: bytes = field(repr=False, default=b"")   # binds it to that password (see is_for)

    def is_for(self, username: str, password: str) -> bool:
        """Made by unlocking with this very name and password (never vouches for another password)."""
        mac = hmac.new(self.raw, password.encode("utf-8"), "sha256").digest()
        return self.username == username and hmac.compare_digest(mac, self.password_mac)


def _unwrap(entry: dict[str, str], password: str) -> tuple[bytes, bytes]:
    """(the database key, the raw hash it was unwrapped with)."""
    from argon2.low_level import Type, hash_secret_raw
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = hash_secret_raw(password.encode("utf-8"), _unb64(entry["salt"]), time_cost=int(entry["t"]),
                          memory_cost=int(entry["m"]), parallelism=int(entry["p"]), hash_len=int(entry["length"]),
                          type=Type.ID)
    try:
        return AESGCM(_kek(raw)).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), _AAD), raw
    except InvalidTag:
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("Service", "Nama pengguna atau kata sandi salah.")) from None


def unwrap(entry: dict[str, str], password: str) -> bytes:
    return _unwrap(entry, password)[0]


def unlock(db: Path, username: str, password: str, now: dt.datetime | None = None) -> bytes:
    """The database key, from an account's password. Wrong passwords count towards the account's
    lock on this laptop (services.lockout); a locked name is refused before its password is tried."""
    return unlock_with_proof(db, username, password, now)[0]


def unlock_with_proof(db: Path, username: str, password: str, now: dt.datetime | None = None) -> tuple[bytes, Proof]:
    """``unlock``, and the ``Proof`` to hand to ``accounts.authenticate`` with the same password."""
    keyfile = load(db)
    if keyfile is None:
        raise Locked(QT_TRANSLATE_NOOP("Service", "Berkas kunci basis data ({path}) tidak ada; pulihkan dari "
                                                  "cadangan bersama basis datanya."), path=key_path(db))
    username = fold_spaces(username).lower()
    attempt = lockout.begin(db, username, now)   # counted before the password is tried
    entry = keyfile.accounts.get(username)
    try:
        if entry is None:
            from argon2.low_level import Type, hash_secret_raw

            # The same effort as a real check, so timing does not reveal which names exist.
            hash_secret_raw(password.encode("utf-8"), b"lindung-no-user!", time_cost=3, memory_cost=65536,
                            parallelism=4, hash_len=32, type=Type.ID)
            raise AuthenticationFailed(lockout.WRONG)
        key, raw = _unwrap(entry, password)
    except AuthenticationFailed:
        raise attempt.failed(known=entry is not None) from None
    attempt.succeeded()
    params = {name: int(entry[name]) for name in ("m", "t", "p")}
    mac = hmac.new(raw, password.encode("utf-8"), "sha256").digest()
    return key, Proof(username, _unb64(entry["salt"]), params, raw, mac)


def needs_password(db: Path) -> bool:
    """True when the database can only be opened with an account's password."""
    keyfile = load(db)
    return keyfile is not None and keyfile.open_key is None and Path(db).exists() and not is_plain_sqlite(db)


def set_account(db: Path, key: bytes, username: str, password_hash: str) -> None:
    """Wrap the key for an account (new, or with a new hash) and drop the open key: from now on the
    database opens with a password only."""
    keyfile = load(db) or KeyFile()
    keyfile.accounts[username] = wrap(key, password_hash)
    keyfile.open_key = None
    save(db, keyfile)


def set_accounts(db: Path, key: bytes, hashes: dict[str, str]) -> None:
    """The key wrapped for exactly these accounts (name: stored hash), as after a restore the database
    holds the accounts and passwords of the day it was backed up; the recovery code's entry stays."""
    keyfile = load(db) or KeyFile()
    if not hashes:
        return
    keyfile.accounts = {name: wrap(key, phc) for name, phc in hashes.items()}
    keyfile.open_key = None
    save(db, keyfile)


def set_recovery(db: Path, key: bytes, code_hash: str) -> None:
    """Wrap the key for a new recovery code (its Argon2id hash), replacing the one before."""
    keyfile = load(db) or KeyFile()
    keyfile.recovery = wrap(key, code_hash)
    save(db, keyfile)


RECOVERY_NAME = "#pemulihan"   # the recovery code's count of wrong tries (no user name has a #)


def unlock_recovery(db: Path, code: str, now: dt.datetime | None = None) -> bytes:
    """The database key, from the recovery code. Wrong codes are counted and locked like wrong passwords."""
    keyfile = load(db)
    if keyfile is None or keyfile.recovery is None:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Laptop ini belum punya kode pemulihan. Minta admin "
                                                        "membuatnya: menu Akun → Kode pemulihan baru."))
    attempt = lockout.begin(db, RECOVERY_NAME, now)
    try:
        key = _unwrap(keyfile.recovery, code)[0]
    except AuthenticationFailed:
        error = attempt.failed(known=False)
        if isinstance(error, lockout.AccountLocked):   # it says how long to wait
            raise error from None
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("Service", "Kode pemulihan salah. Periksa huruf dan "
                                                                "angkanya seperti tertulis saat dibuat.")) from None
    attempt.succeeded()
    return key


def encrypt_plain(db: Path) -> bytes:
    """Encrypt an existing plain database in place (first start after an update); returns its key.
    Every account can sign in afterwards with its usual password."""
    key = new_key()
    accounts = plain_active_hashes(db)
    keyfile = KeyFile(None if accounts else key, {name: wrap(key, phc) for name, phc in accounts.items()})
    encrypt_in_place(db, key, before_replace=lambda: save(db, keyfile))
    backups = db.parent / "backups"
    for copy in sorted(backups.glob(f"{db.stem}-*.sqlite3")) if backups.is_dir() else []:
        if is_plain_sqlite(copy):   # the daily copies made before: encrypted with the same key
            encrypt_in_place(copy, key)
    return key


def key_without_password(db: Path) -> bytes:
    """The key of a database that opens without a password: a new database, one with no account yet,
    or a plain one from before encryption (encrypted now). Otherwise ``Locked``."""
    db = Path(db)
    if db.exists() and is_plain_sqlite(db) and db.stat().st_size > 0:
        return encrypt_plain(db)
    keyfile = load(db)
    if keyfile is not None and keyfile.open_key is not None:
        return keyfile.open_key
    if keyfile is not None and keyfile.accounts:
        raise Locked(QT_TRANSLATE_NOOP("Service", "Basis data ini terkunci: masuk dengan akun untuk membukanya."))
    if db.exists() and db.stat().st_size > 0:
        raise Locked(QT_TRANSLATE_NOOP("Service", "Berkas kunci basis data ({path}) tidak ada; pulihkan dari "
                                                  "cadangan bersama basis datanya."), path=key_path(db))
    key = new_key()
    db.parent.mkdir(parents=True, exist_ok=True)
    save(db, KeyFile(key, {}))
    return key
