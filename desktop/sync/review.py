"""Reviewing at the hub what sync could not settle by itself: parallel edits of one record
(conflicts) and one NIK enrolled on two laptops (possible duplicates).

A coordinator (for their own school's parents) or an admin (for everyone) sees both versions side by
side, picks field by field, and the hub stores the result as a new revision that every laptop pulls;
the laptop whose edit lost learns it at its next push (the hub answers its pending edit as settled).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from desktop.domain.labels import FIELD_LABELS
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import audit, permissions
from desktop.domain.actors import Actor, Role
from desktop.services.errors import PermissionDenied, ServiceError
from desktop.services.workspace import Workspace
from desktop.sync.client import TIMEOUT, _answer, _registered_hub, _unreachable

# The rows of the side-by-side view: a label and the fields taken together (a desa belongs to its
# kecamatan and kabupaten, "other" occupation text to its occupation, a deletion to its reason).
_GROUPS: dict[str, tuple[str, ...]] = {
    "region": ("desa_code", "kecamatan_code", "kabupaten_code"), "occupation": ("occupation", "occupation_other"),
    "school": ("school_npsn", "pupil_name", "pupil_class"), "coverage": ("coverage_start", "coverage_end"),
    "status": ("status", "deleted_at", "deleted_by", "deleted_reason"),
}
ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (key, label, _GROUPS.get(key, (key,))) for key, label in FIELD_LABELS.items())
LEFT, RIGHT = "left", "right"


@dataclass(frozen=True)
class ReviewItem:
    kind: str                  # "conflict" or "duplicate"
    id: int
    left: dict[str, Any]       # conflict: the hub's version; duplicate: the record enrolled first
    right: dict[str, Any]      # conflict: the laptop's edit; duplicate: the later record
    source: str                # conflict: the laptop that sent the edit
    created_at: str

    def differing(self) -> list[str]:
        """The rows whose values differ between the two versions."""
        return [key for key, _label, names in ROWS
                if any(self.left.get(n) != self.right.get(n) for n in names)]


@dataclass(frozen=True)
class Review:
    items: list[ReviewItem]
    open_conflicts: int        # at the hub, for everyone
    open_duplicates: int


def combined(item: ReviewItem, choices: dict[str, str], base: str = LEFT) -> dict[str, Any]:
    """The record made of the chosen side of each row (rows not chosen come from ``base``)."""
    sides = {LEFT: item.left, RIGHT: item.right}
    record = dict(sides[base])
    for key, _label, names in ROWS:
        side = sides[choices.get(key, base)]
        for name in names:
            record[name] = side.get(name)
    return record


def may_review(actor: Actor) -> bool:
    return permissions.may(actor, permissions.Action.REVIEW)


def _require(actor: Actor) -> None:
    permissions.require(actor, permissions.Action.REVIEW)


def _visible(actor: Actor, item: ReviewItem) -> bool:
    """A coordinator settles their own school's parents; an admin settles everything."""
    if actor.role is Role.ADMIN:
        return True
    return actor.school_npsn is not None and actor.school_npsn in (
        item.left.get("school_npsn"), item.right.get("school_npsn"))


def _call(ws: Workspace, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    hub, token = _registered_hub(ws, None)
    try:
        response = httpx.request(method, hub + path, json=body, timeout=TIMEOUT,
                                 headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        raise _unreachable(hub, exc) from exc
    if response.status_code == 403:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Hub menolak: {detail}"), detail=response.json().get("detail", ""))
    if response.status_code in (404, 409, 400):
        # The hub's own words: settled meanwhile by someone else, changed since shown, not valid.
        detail = response.json().get("detail", "") if response.headers.get(
            "content-type", "").startswith("application/json") else ""
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Hub menolak: {detail}"), detail=detail or response.status_code)
    return _answer(response)


def load_review(ws: Workspace, actor: Actor) -> Review:
    _require(actor)
    body = _call(ws, "GET", "/v1/review")
    items = [ReviewItem("conflict", c["id"], c["hub"], c["incoming"], c["device"], c["created_at"])
             for c in body["conflicts"]]
    items += [ReviewItem("duplicate", d["id"], d["records"][0], d["records"][1], "", d["created_at"])
              for d in body["duplicates"]]
    return Review([i for i in items if _visible(actor, i)], body["open_conflicts"], body["open_duplicates"])


def resolve_conflict(ws: Workspace, actor: Actor, item: ReviewItem, record: dict[str, Any]) -> dict[str, Any]:
    """Store ``record`` (usually :func:`combined`) as the settled version."""
    _require(actor)
    if not _visible(actor, item):
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Data ini bukan dari sekolah Anda."))
    settled = _call(ws, "POST", f"/v1/conflicts/{item.id}/resolve",
                    {"record": record, "revision": item.left["revision"], "by": actor.username})["record"]
    audit.log(ws, actor, "review", item.left.get("registration_no", ""), {"conflict": item.id, "decision": "resolved"})
    return settled


def merge_duplicate(ws: Workspace, actor: Actor, item: ReviewItem, keep: str,
                    record: dict[str, Any]) -> dict[str, Any]:
    """Keep record ``keep`` (its registration number stays) with the chosen fields; delete the other."""
    _require(actor)
    if not _visible(actor, item):
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Data ini bukan dari sekolah Anda."))
    revisions = {item.left["id"]: item.left["revision"], item.right["id"]: item.right["revision"]}
    answer = _call(ws, "POST", f"/v1/duplicates/{item.id}/merge",
                   {"keep": keep, "record": record, "revisions": revisions, "by": actor.username})
    kept, gone = (item.left, item.right) if item.left["id"] == keep else (item.right, item.left)
    audit.log(ws, actor, "review", kept.get("registration_no", ""), {
        "duplicate": item.id, "decision": "merged", "removed": gone.get("registration_no", "")})
    return answer


def dismiss_duplicate(ws: Workspace, actor: Actor, item: ReviewItem) -> None:
    _require(actor)
    if not _visible(actor, item):
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Data ini bukan dari sekolah Anda."))
    _call(ws, "POST", f"/v1/duplicates/{item.id}/dismiss", {"by": actor.username})
    audit.log(ws, actor, "review", item.left.get("registration_no", ""), {
        "duplicate": item.id, "decision": "dismissed", "other": item.right.get("registration_no", "")})
