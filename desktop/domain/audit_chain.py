"""The audit log's hash chain, shared by the laptop (which writes it) and the hub (which checks it).

An entry's hash covers its fields and the hash of the entry before it, so an entry changed, removed or
moved afterwards breaks the chain from that point on.
"""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64
FIELDS = ("at", "actor", "device_id", "action", "subject", "details")
ACTIONS = ("create", "edit", "delete", "print", "export", "import", "sync", "review", "backup", "restore",
           "signin_failed", "submit", "answer", "payment", "answer_undo",
           "bpjs_bill", "refund", "password_reset", "password_change", "recovery_code")


def entry_hash(prev_hash: str, at: str, actor: str, device_id: str, action: str, subject: str, details: str) -> str:
    body = json.dumps([prev_hash, at, actor, device_id, action, subject, details], ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def hash_of(entry) -> str:
    """The hash an entry (a mapping or an object with the fields as attributes) should carry."""
    get = entry.get if isinstance(entry, dict) else lambda name: getattr(entry, name)
    return entry_hash(get("prev_hash"), *(get(name) for name in FIELDS))
