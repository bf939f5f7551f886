"""The laptop's recovery code: how a branch gives back the data of a laptop whose only admin forgot
their password.

A code of 20 letters and digits (100 random bits) is made when the first admin account is created
and shown once, to be written on paper and kept at the branch office. The database key is wrapped
for it in the key file as for an account (services.keys), so the code is kept nowhere, not even as a
hash: only the code itself unwraps the key. Typing it at the sign-in (or ``lindung recover``) opens
the database and sets a new password for an admin account; that code is then spent and a new one is
shown. Wrong codes are counted and locked like wrong passwords. An admin may make a new code at any
time (the old one stops working); every code made and every use is in the audit log, never the code.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from pathlib import Path

from desktop.domain.actors import Actor
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import fold_spaces
from desktop.services import accounts, audit, keys
from desktop.services.errors import PermissionDenied, ServiceError
from desktop.services.workspace import Workspace

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I: read aloud or copied by hand without doubt
LENGTH = 20                                      # 32**20 = 2**100
GROUP = 4


def normalize(code: str) -> str:
    """As typed, in any case, with or without the dashes and spaces between the groups."""
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def _make() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i:i + GROUP] for i in range(0, LENGTH, GROUP))


def new_code(ws: Workspace, by: Actor) -> str:
    """A new recovery code for this laptop (the one before stops working); shown once, kept nowhere."""
    if not by.is_admin:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Hanya admin yang dapat membuat kode pemulihan."))
    code = _make()
    keys.set_recovery(ws.path, ws.key, accounts.hash_password(normalize(code)))
    audit.log(ws, by, "recovery_code", "laptop ini", {})
    return code


def recover(db: Path, code: str, username: str, new_password: str, ws: Workspace | None = None,
            now: dt.datetime | None = None) -> tuple[Workspace, Actor, str]:
    """The recovery code opens the database; ``username`` (an admin) gets ``new_password`` and is signed
    in. Returns the open workspace, the admin, and the new recovery code that replaces the spent one."""
    key = keys.unlock_recovery(Path(db), normalize(code), now)
    opened = ws is None
    ws = ws if ws is not None else Workspace(Path(db), key=key)
    try:
        username = fold_spaces(username).lower()
        admins = {a.username: a for a in accounts.list_accounts(ws) if a.is_admin}
        if username not in admins:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "\"{name}\" bukan akun admin di laptop ini. Kode pemulihan hanya mengatur ulang kata sandi "
                           "admin; admin yang masuk lalu mengatur ulang akun lain."), name=username)
        accounts.store_password(ws, username, new_password, admins[username], "password_reset",
                               {"via": "kode pemulihan"}, temporary=False)
        actor = accounts.authenticate(ws, username, new_password, now)
        return ws, actor, new_code(ws, actor)
    except BaseException:
        if opened:
            ws.close()
        raise
