"""Wrong passwords in a row lock an account on this laptop for a while.

Five wrong sign-ins in a row lock the name that was typed for one minute; every further wrong one
doubles the wait, up to half an hour. While locked even the right password is refused (without
checking it). A correct sign-in forgets the count.

The count cannot live inside the database: once a laptop has accounts the database is encrypted and
only a correct password opens it (see services.keys), so the lock must be known before it opens. It
is kept in ``<database>.signin`` beside it, a small JSON file that names no one: names are kept as
salted SHA-256 digests (a password typed into the name field must not be written down in the clear).
Names that are not accounts are counted like real ones, so the lock does not tell which names exist.

Each wrong sign-in is also queued in that file as an audit event; the next time the database is open
(the next correct sign-in, or a wrong one on an open database) the events are written to the audit
log (``signin_failed``), naming the account only when it exists.

The clock is ``workspace.utcnow`` (looked up at each call, so tests can patch it) unless ``now`` is
passed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import workspace
from desktop.services.errors import AuthenticationFailed

FORMAT = "lindung-signin-1"
FREE_ATTEMPTS = 5                          # wrong sign-ins in a row before the first lock
FIRST_DELAY = dt.timedelta(minutes=1)      # after the fifth; doubled by each further one
MAX_DELAY = dt.timedelta(minutes=30)
MAX_NAMES = 200                            # names remembered (most recent failures kept)
MAX_EVENTS = 1000                          # audit events waiting for the database to open

WRONG = QT_TRANSLATE_NOOP("Service", "Nama pengguna atau kata sandi salah.")


class AccountLocked(AuthenticationFailed):
    """Refused because of earlier wrong passwords; the message says how long to wait."""


def state_path(db: Path) -> Path:
    return Path(db).with_name(Path(db).name + ".signin")


def delay_after(failures: int) -> dt.timedelta | None:
    """How long the ``failures``-th wrong sign-in in a row locks the account (None: not at all)."""
    if failures < FREE_ATTEMPTS:
        return None
    doublings = min(failures - FREE_ATTEMPTS, 16)
    return min(FIRST_DELAY * 2 ** doublings, MAX_DELAY)


def _minutes(span: dt.timedelta) -> int:
    return max(1, math.ceil(span.total_seconds() / 60))


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else workspace.utcnow()


# --- the file ------------------------------------------------------------------------------------

def _load(db: Path) -> dict[str, Any]:
    """The state; a missing or unreadable file counts as empty (a damaged file must not keep
    everyone out: whoever can change it can copy the database anyway)."""
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
    path = state_path(db)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(body, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


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

def check(db: Path, username: str, now: dt.datetime | None = None) -> None:
    """Refuse at once (``AccountLocked``) while the name is locked."""
    now = _now(now)
    entry = _entry(_load(db), username)
    until = _parse(entry.get("locked_until")) if entry else None
    if until is not None and until > now:
        raise AccountLocked(QT_TRANSLATE_NOOP(
            "Service", "Akun ini dikunci sementara karena {failures} kali salah kata sandi berturut-turut. "
                       "Coba lagi dalam {minutes} menit."),
            failures=entry["failures"], minutes=_minutes(until - now))


def record_failure(db: Path, username: str, known: bool, now: dt.datetime | None = None) -> AuthenticationFailed:
    """Count a wrong password for ``username`` (already folded; ``known``: an account of this laptop)
    and queue its audit event. Returns the error to raise: it says so when this one locked the account."""
    now = _now(now)
    body = _load(db)
    key = _digest(body, username)
    entry = _entry(body, username) or {"failures": 0}
    failures = entry["failures"] + 1
    delay = delay_after(failures)
    body["names"][key] = {"failures": failures, "last": now.isoformat(timespec="seconds"),
                          "locked_until": (now + delay).isoformat(timespec="seconds") if delay else None}
    if len(body["names"]) > MAX_NAMES:   # forget the names whose last failure is oldest
        ordered = sorted(body["names"].items(), key=lambda item: str(item[1].get("last", "")), reverse=True)
        body["names"] = dict(ordered[:MAX_NAMES])
    body["events"].append({"at": now.isoformat(timespec="seconds") + "Z", "name": username if known else None,
                           "failures": failures, "locked_minutes": _minutes(delay) if delay else None})
    del body["events"][:-MAX_EVENTS]
    _save(db, body)
    if delay is None:
        return AuthenticationFailed(WRONG)
    return AccountLocked(QT_TRANSLATE_NOOP(
        "Service", "Nama pengguna atau kata sandi salah. Karena sudah {failures} kali salah berturut-turut, "
                   "akun ini dikunci {minutes} menit."), failures=failures, minutes=_minutes(delay))


def record_success(db: Path, username: str) -> None:
    """A correct sign-in: the count starts again from zero."""
    if not state_path(db).exists():
        return
    body = _load(db)
    if body["names"].pop(_digest(body, username), None) is not None:
        _save(db, body)


def pending_events(db: Path) -> list[dict[str, Any]]:
    """The queued audit events, oldest first (``forget_events`` once they are in the audit log)."""
    if not state_path(db).exists():
        return []
    return _load(db)["events"]


def forget_events(db: Path, count: int) -> None:
    """Drop the ``count`` oldest queued events (written to the audit log)."""
    if count <= 0:
        return
    body = _load(db)
    del body["events"][:count]
    _save(db, body)


@dataclass(frozen=True)
class State:
    """What the file says about one name."""

    failures: int
    locked_until: dt.datetime | None


def state(db: Path, username: str) -> State:
    entry = _entry(_load(db), username) or {"failures": 0}
    return State(entry["failures"], _parse(entry.get("locked_until")))
