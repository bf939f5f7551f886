"""Autosaved form drafts: a half-filled enrollment survives the app being killed."""

from __future__ import annotations

import datetime as dt
import json

from desktop.domain.clock import utcnow
from desktop.services.workspace import Workspace
from desktop.storage import drafts


def save_draft(ws: Workspace, username: str, form_key: str, values: dict[str, str]) -> dt.datetime:
    now = utcnow()
    payload = json.dumps(values, ensure_ascii=False, sort_keys=True)
    with ws.write() as tx:
        drafts.put(tx, username, form_key, payload, now)
    return now


def load_draft(ws: Workspace, username: str, form_key: str) -> tuple[dict[str, str], dt.datetime] | None:
    with ws.read() as tx:
        draft = drafts.get(tx, username, form_key)
    if draft is None:
        return None
    payload, saved_at = draft
    try:
        values = json.loads(payload)
    except ValueError:
        return None
    return ({str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}), saved_at


def discard_draft(ws: Workspace, username: str, form_key: str) -> None:
    with ws.write() as tx:
        drafts.delete(tx, username, form_key)
