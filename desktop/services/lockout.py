"""Wrong passwords in a row lock an account on this laptop for a while.

Five wrong sign-ins in a row lock the name that was typed for one minute; every further wrong one
doubles the wait, up to half an hour. While locked even the right password is refused (without
checking it). A correct sign-in forgets the count.

Every attempt is counted before its password is checked (``begin``): the count goes up, and a lock
comes into force, before the slow Argon2 computation starts, so parallel attempts cannot all be checked
while the count lags behind. An attempt refused because the name is locked is counted too (it does not
lengthen the lock in force; the next wrong one after it does, by the count). Only a password found right
takes its own count back and forgets the rest (``Attempt.succeeded``); if a lock set by another attempt came
into force meanwhile, the right password is refused like any other while it lasts. Each step reads and
writes the state file under an OS lock on ``<database>.signin.lock`` (``fcntl.flock``; ``msvcrt.locking``
on Windows), and the file is replaced whole (temporary file, ``os.replace``).

The count cannot live inside the database: once a laptop has accounts the database is encrypted and
only a correct password opens it (see services.keys), so the lock must be known before it opens. It
is kept in ``<database>.signin`` beside it, a small JSON file that names no one: names are kept as
salted SHA-256 digests (a password typed into the name field must not be written down in the clear).
Names that are not accounts are counted like real ones, so the lock does not tell which names exist.

Each wrong password is also queued in that file as an audit event; the next time the database is open
(the next correct sign-in, or a wrong one on an open database) the events are written to the audit
log (``signin_failed``), naming the account only when it exists. Attempts refused while locked try no
password and are not in the audit log.

The clock is ``clock.utcnow`` (looked up at each call, so tests can patch it) unless ``now`` is
passed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain import clock
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.errors import AuthenticationFailed
from reports.files import replacing

FORMAT = "lindung-signin-1"
FREE_ATTEMPTS = 5                          # wrong sign-ins in a row before the first lock
FIRST_DELAY = dt.timedelta(minutes=1)      # after the fifth; doubled by each further one
MAX_DELAY = dt.timedelta(minutes=30)
MAX_NAMES = 200                            # names remembered (most recent failures kept)
MAX_EVENTS = 1000                          # audit events waiting for the database to open
LOCK_WAIT_ROUNDS = 6                       # Windows: msvcrt.locking waits about 10 s a round

WRONG = QT_TRANSLATE_NOOP("Service", "Nama pengguna atau kata sandi salah.")


class AccountLocked(AuthenticationFailed):
    """Refused because of earlier wrong passwords; the message says how long to wait."""


def state_path(db: Path) -> Path:
    return Path(db).with_name(Path(db).name + ".signin")


def lock_path(db: Path) -> Path:
    return Path(db).with_name(Path(db).name + ".signin.lock")


def delay_after(failures: int) -> dt.timedelta | None:
    """How long the ``failures``-th wrong sign-in in a row locks the account (None: not at all)."""
    if failures < FREE_ATTEMPTS:
        return None
    doublings = min(failures - FREE_ATTEMPTS, 16)
    return min(FIRST_DELAY * 2 ** doublings, MAX_DELAY)


def _minutes(span: dt.timedelta) -> int:
    return max(1, math.ceil(span.total_seconds() / 60))


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else clock.utcnow()


# --- the file ------------------------------------------------------------------------------------

@contextlib.contextmanager
def _locked(db: Path) -> Iterator[dict[str, Any]]:
    """The state, read under the OS lock on ``lock_path(db)`` held until the block ends; the caller
    saves it (``_save``) inside the block. Other processes signing in wait for the lock meanwhile."""
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0),
                 0o600)
    try:
        if os.name == "nt":
            import msvcrt

            for _ in range(LOCK_WAIT_ROUNDS):
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)   # byte 0; tries for about 10 s, then OSError
                    break
                except OSError:
                    continue
            else:
                raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                    "Service", "Sandi belum dapat diperiksa: berkas {name} dipegang proses lain. Coba lagi sebentar "
                               "lagi."), name=lock_path(db).name)
            try:
                yield _load(db)
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)   # released when the descriptor closes
            yield _load(db)
    finally:
        os.close(fd)


def _load(db: Path) -> dict[str, Any]:
    """The state (read under ``_locked``); a missing or unreadable file counts as empty (a damaged file
    must not keep everyone out: whoever can change it can copy the database anyway)."""
    try:
        body = json.loads(state_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        body = None
    if not isinstance(body, dict) or body.get("format") != FORMAT or not isinstance(body.get("salt"), str) \
            or not isinstance(body.get("names"), dict) or not isinstance(body.get("events"), list):
        body = {"format": FORMAT, "salt": secrets.token_hex(16), "names": {}, "events": []}
    body["events"] = [event for event in body["events"] if isinstance(event, dict)]
    return body


def _save(db: Path, body: dict[str, Any]) -> None:
    """Replace the file whole (under ``_locked``: no other process has it open meanwhile)."""
    path = state_path(db)
    with replacing(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(body, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())


def _digest(body: dict[str, Any], username: str) -> str:
    return hashlib.sha256((body["salt"] + "\0" + username).encode("utf-8")).hexdigest()


def _entry(body: dict[str, Any], username: str) -> dict[str, Any] | None:
    entry = body["names"].get(_digest(body, username))
    return entry if isinstance(entry, dict) and isinstance(entry.get("failures"), int) else None


def _parse(text: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


# --- the rules ------------------------------------------------------------------------------------

def _locked_error(failures: int, until: dt.datetime, now: dt.datetime) -> AccountLocked:
    return AccountLocked(QT_TRANSLATE_NOOP(
        "Service", "Akun ini dikunci sementara karena {failures} kali salah kata sandi berturut-turut. "
                   "Coba lagi dalam {minutes} menit."),
        failures=failures, minutes=_minutes(until - now))


@dataclass(frozen=True)
class Attempt:
    """One sign-in, counted as wrong until its password is found right."""

    db: Path
    username: str
    token: str              # names the attempt in the file when its count set the lock
    failures: int           # the count with this attempt
    now: dt.datetime

    def failed(self, known: bool) -> AuthenticationFailed:
        """The password was wrong (already counted): queue its audit event (``known``: the name is an
        account of this laptop). Returns the error to raise: it says so when this one locked the name."""
        delay = delay_after(self.failures)
        with _locked(self.db) as body:
            body["events"].append({"at": self.now.isoformat(timespec="seconds") + "Z",
                                   "name": self.username if known else None, "failures": self.failures,
                                   "locked_minutes": _minutes(delay) if delay else None})
            del body["events"][:-MAX_EVENTS]
            _save(self.db, body)
        if delay is None:
            return AuthenticationFailed(WRONG)
        return AccountLocked(QT_TRANSLATE_NOOP(
            "Service", "Nama pengguna atau kata sandi salah. Karena sudah {failures} kali salah berturut-turut, "
                       "akun ini dikunci {minutes} menit."), failures=self.failures, minutes=_minutes(delay))

    def succeeded(self) -> None:
        """The password was right: the count starts again from the attempts made since this one began.
        Unless a lock is in force that holds without this attempt (``AccountLocked``, and only this
        attempt's count is taken back): one set by another attempt, or one this attempt's count set
        with others counted after it (without this one, the next would have set it)."""
        with _locked(self.db) as body:
            key = _digest(body, self.username)
            entry = _entry(body, self.username)
            if entry is None:           # the file was lost or reset meanwhile: nothing to forget
                return
            since = entry["failures"] - self.failures   # counted while this one was checked
            until = _parse(entry.get("locked_until"))
            if until is not None and until > self.now and (entry.get("locked_by") != self.token or since > 0):
                entry["failures"] = max(0, entry["failures"] - 1)
                _save(self.db, body)
                raise _locked_error(entry["failures"], until, self.now)
            if since > 0:
                body["names"][key] = {**entry, "failures": since, "locked_until": None, "locked_by": None}
            else:
                del body["names"][key]
            _save(self.db, body)


def begin(db: Path, username: str, now: dt.datetime | None = None) -> Attempt:
    """Count a sign-in of ``username`` (already folded) as wrong before its password is checked; refuse
    it at once (``AccountLocked``, still counted) while the name is locked. Then ``failed`` or
    ``succeeded`` on what this returns."""
    now = _now(now)
    with _locked(db) as body:
        key = _digest(body, username)
        entry = _entry(body, username) or {"failures": 0}
        failures = entry["failures"] + 1
        until = _parse(entry.get("locked_until"))
        token = secrets.token_hex(8)
        refused = until is not None and until > now
        if refused:             # counted, the lock in force unchanged
            entry = {**entry, "failures": failures, "last": now.isoformat(timespec="seconds")}
        else:
            delay = delay_after(failures)
            entry = {"failures": failures, "last": now.isoformat(timespec="seconds"),
                     "locked_until": (now + delay).isoformat(timespec="seconds") if delay else None,
                     "locked_by": token if delay else None}
        body["names"][key] = entry
        if len(body["names"]) > MAX_NAMES:   # forget the names whose last attempt is oldest
            ordered = sorted(body["names"].items(), key=lambda item: str(item[1].get("last", "")), reverse=True)
            body["names"] = dict(ordered[:MAX_NAMES])
        _save(db, body)
    if refused:
        raise _locked_error(failures, until, now)
    return Attempt(Path(db), username, token, failures, now)


def forget(db: Path, username: str) -> None:
    """Forget the wrong sign-ins of ``username`` (an admin has just reset its password)."""
    if not state_path(db).exists():
        return
    with _locked(db) as body:
        if _entry(body, username) is not None:
            del body["names"][_digest(body, username)]
            _save(db, body)


def pending_events(db: Path) -> list[dict[str, Any]]:
    """The queued audit events, oldest first, left in the file (``take_events`` takes them)."""
    if not state_path(db).exists():
        return []
    with _locked(db) as body:
        return body["events"]


def take_events(db: Path) -> list[dict[str, Any]]:
    """The queued audit events, oldest first, taken out of the file (to be written to the audit log
    once: two processes signing in at once do not both write them); ``requeue_events`` if that fails."""
    if not state_path(db).exists():
        return []
    with _locked(db) as body:
        events, body["events"] = body["events"], []
        if events:
            _save(db, body)
    return events


def requeue_events(db: Path, events: list[dict[str, Any]]) -> None:
    """Put taken ``events`` back in front of the queue (the audit log could not be written)."""
    with _locked(db) as body:
        body["events"] = (list(events) + body["events"])[-MAX_EVENTS:]
        _save(db, body)


@dataclass(frozen=True)
class State:
    """What the file says about one name."""

    failures: int
    locked_until: dt.datetime | None


def state(db: Path, username: str) -> State:
    with _locked(db) as body:
        entry = _entry(body, username) or {"failures": 0}
    return State(entry["failures"], _parse(entry.get("locked_until")))
