"""Who does the work: an account's role and the actor recorded on every change.

A leaf module: permissions, the audit log and the accounts all speak of actors, and none of them
needs another to name one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop.domain.messages import QT_TRANSLATE_NOOP


class Role(str, enum.Enum):
    VOLUNTEER = "volunteer"
    COORDINATOR = "coordinator"
    PRINTER = "printer"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.VOLUNTEER: QT_TRANSLATE_NOOP("Labels", "Relawan"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("Labels", "Koordinator sekolah"),
    Role.PRINTER: QT_TRANSLATE_NOOP("Labels", "Petugas cetak"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Admin"),
}


@dataclass(frozen=True)
class Actor:
    """Who is doing the work (recorded on every change)."""

    username: str
    display_name: str
    role: Role
    school_npsn: str | None = None   # the school a coordinator works for

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


# Who acts when a database has no accounts yet (scripts, first use of the command line).
SYSTEM = Actor("system", "Sistem", Role.ADMIN)
