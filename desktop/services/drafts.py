"""Autosaved form drafts: a half-filled enrollment survives the app being killed."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import delete, select

from desktop.domain.clock import utcnow
from desktop.services.workspace import Workspace
from desktop.storage.models import Draft


def save_draft(ws: Workspace, username: str, form_key: str, values: dict[str, str]) -> dt.datetime:
    now = utcnow()
    payload = json.dumps(values, ensure_ascii=False, sort_keys=True)
    with ws.session(write=True) as session:
        draft = session.scalar(select(Draft).where(Draft.username == username, Draft.form_key == form_key))
        if draft is None:
            session.add(Draft(username=username, form_key=form_key, payload=payload, updated_at=now))
        else:
            draft.payload, draft.updated_at = payload, now
    return now


def load_draft(ws: Workspace, username: str, form_key: str) -> tuple[dict[str, str], dt.datetime] | None:
    with ws.session() as session:
        draft = session.scalar(select(Draft).where(Draft.username == username, Draft.form_key == form_key))
        if draft is None:
            return None
        try:
            values = json.loads(draft.payload)
        except ValueError:
            return None
        return ({str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}), draft.updated_at


def discard_draft(ws: Workspace, username: str, form_key: str) -> None:
    with ws.session(write=True) as session:
        session.execute(delete(Draft).where(Draft.username == username, Draft.form_key == form_key))
