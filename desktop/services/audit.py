"""The audit log: who did what, when, on which laptop, and what changed, hash-chained.

Each entry's hash covers its own fields and the previous entry's hash, so an entry edited, removed or
moved afterwards is found by :func:`verify` (the first broken entry is named). Entries are written in
the same transaction as the work they describe; they are synced to the hub, which checks the chain
of every laptop as it receives it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.domain.audit_chain import ACTIONS, GENESIS, entry_hash, hash_of
from desktop.domain.labels import FIELD_LABELS
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.actors import ROLE_LABELS, Actor
from desktop.domain.clock import utcnow
from desktop.domain.enrollment import Funding, Occupation, Relationship, Sex, Status
from desktop.services import permissions
from desktop.services.workspace import Workspace
from desktop.storage import audit_log
from desktop.storage.audit_log import AuditRow
from desktop.storage.database import Tx

SYSTEM = "sistem"      # the actor of what the app does by itself (the daily backup)
SYNCED_SETTING = "audit.synced_id"
ACTION_LABELS = {
    "create": QT_TRANSLATE_NOOP("Audit", "tambah"), "edit": QT_TRANSLATE_NOOP("Audit", "ubah"),
    "delete": QT_TRANSLATE_NOOP("Audit", "hapus"), "print": QT_TRANSLATE_NOOP("Audit", "cetak"),
    "export": QT_TRANSLATE_NOOP("Audit", "ekspor"), "import": QT_TRANSLATE_NOOP("Audit", "impor"),
    "sync": QT_TRANSLATE_NOOP("Audit", "sinkron"), "review": QT_TRANSLATE_NOOP("Audit", "tinjau"),
    "backup": QT_TRANSLATE_NOOP("Audit", "cadangkan"), "restore": QT_TRANSLATE_NOOP("Audit", "pulihkan"),
    "signin_failed": QT_TRANSLATE_NOOP("Audit", "gagal masuk"),
    "submit": QT_TRANSLATE_NOOP("Audit", "ajukan ke BPJS"), "answer": QT_TRANSLATE_NOOP("Audit", "jawaban BPJS"),
    "payment": QT_TRANSLATE_NOOP("Audit", "pembayaran BAZNAS"),
    "answer_undo": QT_TRANSLATE_NOOP("Audit", "urungkan jawaban BPJS"),
    "bpjs_bill": QT_TRANSLATE_NOOP("Audit", "rekonsiliasi tagihan BPJS"),
    "refund": QT_TRANSLATE_NOOP("Audit", "pengembalian kredit BAZNAS"),
    "password_reset": QT_TRANSLATE_NOOP("Audit", "atur ulang kata sandi"),
    "password_change": QT_TRANSLATE_NOOP("Audit", "ganti kata sandi"),
    "recovery_code": QT_TRANSLATE_NOOP("Audit", "kode pemulihan baru"),
}


def record(tx: Tx, ws: Workspace, actor: Actor | str, action: str, subject: str,
           details: dict[str, Any] | None = None) -> None:
    """Append an entry inside the caller's write unit of work."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    audit_log.append(tx, _entry(ws, actor, action, subject, details, audit_log.last_hash(tx) or GENESIS))


def _entry(ws: Workspace, actor: Actor | str, action: str, subject: str, details: dict[str, Any] | None,
           prev: str) -> AuditRow:
    """The entry after ``prev``, its hash over its fields."""
    at = utcnow().isoformat(timespec="microseconds") + "Z"
    who = actor if isinstance(actor, str) else actor.username
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str)
    return AuditRow(at, who, ws.device.id, action, subject, text, prev,
                    entry_hash(prev, at, who, ws.device.id, action, subject, text))


def log(ws: Workspace, actor: Actor | str, action: str, subject: str, details: dict[str, Any] | None = None) -> None:
    """Append an entry in a transaction of its own (work that wrote nothing else, e.g. an export)."""
    with ws.write() as tx:
        record(tx, ws, actor, action, subject, details)


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    actor: str
    device_id: str
    action: str
    subject: str
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class Verdict:
    entries: int
    intact: bool
    first_broken: int | None      # the id of the first entry whose chain does not hold


def verify_rows(rows) -> Verdict:
    prev, count = GENESIS, 0
    for row in rows:
        count += 1
        if row.prev_hash != prev or row.hash != hash_of(row):
            return Verdict(count, False, row.id)
        prev = row.hash
    return Verdict(count, True, None)


def verify(ws: Workspace, actor: Actor) -> Verdict:
    permissions.require(actor, permissions.Action.ADMINISTER)
    with ws.read() as tx:
        return verify_rows(audit_log.chain(tx))


def entries(ws: Workspace, actor: Actor, limit: int = 500, action: str | None = None) -> list[Entry]:
    """The newest entries first (admins only)."""
    permissions.require(actor, permissions.Action.ADMINISTER)
    with ws.read() as tx:
        rows = audit_log.newest(tx, limit, action or None)
    return [Entry(e.id, e.at, e.actor, e.device_id, e.action, e.subject, json.loads(e.details), e.hash)
            for e in rows]


def pending(ws: Workspace, after: int, limit: int = 1000) -> list[dict[str, Any]]:
    """Entries after id ``after``, as sent to the hub."""
    with ws.read() as tx:
        rows = audit_log.after(tx, after, limit)
    return [{"id": e.id, "at": e.at, "actor": e.actor, "device_id": e.device_id, "action": e.action,
             "subject": e.subject, "details": e.details, "prev_hash": e.prev_hash, "hash": e.hash} for e in rows]


# How the details' keys read in the audit window (record fields: domain.labels.FIELD_LABELS).
DETAIL_LABELS = {
    "must_change": QT_TRANSLATE_NOOP("Audit", "wajib diganti saat masuk"), "via": QT_TRANSLATE_NOOP("Audit", "melalui"),
    "reason": QT_TRANSLATE_NOOP("Audit", "alasan"), "registration_nos": QT_TRANSLATE_NOOP("Audit", "no. registrasi"),
    "file": QT_TRANSLATE_NOOP("Audit", "berkas"), "layout": QT_TRANSLATE_NOOP("Audit", "tata letak"),
    "school": QT_TRANSLATE_NOOP("Audit", "sekolah"), "rows": QT_TRANSLATE_NOOP("Audit", "baris"),
    "what": QT_TRANSLATE_NOOP("Audit", "jenis"), "records": QT_TRANSLATE_NOOP("Audit", "data"),
    "pushed": QT_TRANSLATE_NOOP("Audit", "dikirim"), "pulled": QT_TRANSLATE_NOOP("Audit", "diambil"),
    "conflicts": QT_TRANSLATE_NOOP("Audit", "konflik"), "duplicates": QT_TRANSLATE_NOOP("Audit", "data ganda"),
    "rejected": QT_TRANSLATE_NOOP("Audit", "ditolak"), "cancelled": QT_TRANSLATE_NOOP("Audit", "dibatalkan"),
    "role": QT_TRANSLATE_NOOP("Audit", "peran"), "workers": QT_TRANSLATE_NOOP("Audit", "peserta"),
    "bytes": QT_TRANSLATE_NOOP("Audit", "ukuran (byte)"), "months": QT_TRANSLATE_NOOP("Audit", "bulan"),
    "decision": QT_TRANSLATE_NOOP("Audit", "keputusan"), "removed": QT_TRANSLATE_NOOP("Audit", "dihapus"),
    "other": QT_TRANSLATE_NOOP("Audit", "pasangannya"), "conflict": QT_TRANSLATE_NOOP("Audit", "konflik"),
    "duplicate": QT_TRANSLATE_NOOP("Audit", "pasangan"), "source": QT_TRANSLATE_NOOP("Audit", "sumber"),
    "reprint_reason": QT_TRANSLATE_NOOP("Audit", "alasan cetak ulang"), "automatic": QT_TRANSLATE_NOOP("Audit", "otomatis"),
    "lock_minutes": QT_TRANSLATE_NOOP("Audit", "kunci otomatis (menit)"),
    "attempted_at": QT_TRANSLATE_NOOP("Audit", "waktu percobaan"),
    "failures": QT_TRANSLATE_NOOP("Audit", "salah berturut-turut"),
    "locked_minutes": QT_TRANSLATE_NOOP("Audit", "dikunci (menit)"),
    "min_age": QT_TRANSLATE_NOOP("Audit", "umur minimal"), "max_age": QT_TRANSLATE_NOOP("Audit", "umur maksimal"),
    "coverage_months": QT_TRANSLATE_NOOP("Audit", "lama perlindungan (bulan)"),
    "max_plausible_income": QT_TRANSLATE_NOOP("Audit", "batas penghasilan wajar"),
    "jkk_income": QT_TRANSLATE_NOOP("Audit", "upah yang dilaporkan untuk JKK"),
    "fund": QT_TRANSLATE_NOOP("Audit", "sumber dana"),
    "name": QT_TRANSLATE_NOOP("Audit", "nama"), "level": QT_TRANSLATE_NOOP("Audit", "jenjang"),
    "kabupaten_code": QT_TRANSLATE_NOOP("Audit", "kabupaten/kota"),
    "coordinator": QT_TRANSLATE_NOOP("Audit", "koordinator"),
    "auto_minutes": QT_TRANSLATE_NOOP("Audit", "sinkron otomatis (menit)"),
    "answer": QT_TRANSLATE_NOOP("Audit", "kode jawaban"),
    "back_to_submitted": QT_TRANSLATE_NOOP("Audit", "kembali diajukan"),
    "payments_waiting": QT_TRANSLATE_NOOP("Audit", "pembayaran menunggu aktivasi"),
    "kept": QT_TRANSLATE_NOOP("Audit", "tidak diubah"),
    "charged": QT_TRANSLATE_NOOP("Audit", "ditagih (Rp)"), "expected": QT_TRANSLATE_NOOP("Audit", "diharapkan (Rp)"),
    "difference": QT_TRANSLATE_NOOP("Audit", "selisih (Rp)"),
    "unexpected": QT_TRANSLATE_NOOP("Audit", "ditagih tidak diharapkan"),
    "missing": QT_TRANSLATE_NOOP("Audit", "diharapkan tidak ditagih"),
    "price": QT_TRANSLATE_NOOP("Audit", "selisih harga"), "unread": QT_TRANSLATE_NOOP("Audit", "tidak terbaca"),
    "activated": QT_TRANSLATE_NOOP("Audit", "diaktifkan"),
    "refused": QT_TRANSLATE_NOOP("Audit", "ditolak"),
    "unchanged": QT_TRANSLATE_NOOP("Audit", "tidak berubah"),
    "unknown": QT_TRANSLATE_NOOP("Audit", "tidak dikenali"),
    "owed": QT_TRANSLATE_NOOP("Audit", "kewajiban (Rp)"),
    "paid": QT_TRANSLATE_NOOP("Audit", "dibayar (Rp)"),
    "amount": QT_TRANSLATE_NOOP("Audit", "jumlah (Rp)"),
    "total": QT_TRANSLATE_NOOP("Audit", "total (Rp)"),
    "reference": QT_TRANSLATE_NOOP("Audit", "referensi"),
    "renewal": QT_TRANSLATE_NOOP("Audit", "perpanjangan"),
    "credit_used": QT_TRANSLATE_NOOP("Audit", "kredit dipakai (Rp)"),
    "credit_from": QT_TRANSLATE_NOOP("Audit", "kredit dari (pembayaran)"),
    "columns": QT_TRANSLATE_NOOP("Audit", "kolom"),
    "reset": QT_TRANSLATE_NOOP("Audit", "diatur ulang"),
    "document": QT_TRANSLATE_NOOP("Audit", "dokumen"),
    "period": QT_TRANSLATE_NOOP("Audit", "periode"),
    "from": QT_TRANSLATE_NOOP("Audit", "dari"),
    "to": QT_TRANSLATE_NOOP("Audit", "sampai"),
    "refers_to": QT_TRANSLATE_NOOP("Audit", "menggantikan"),
}
_HIDDEN = frozenset({"batch"})     # internal ids, in the log for the hub, not for people


def _coded_labels() -> dict[str, dict[str, str]]:
    """The labels of coded values, per detail key: ``volunteer`` is said ``Relawan``."""
    def of(kind) -> dict[str, str]:
        return {member.value: member.label for member in kind}

    return {"role": {role.value: text for role, text in ROLE_LABELS.items()}, "status": of(Status),
            "occupation": of(Occupation), "sex": of(Sex), "heir_relationship": of(Relationship),
            "funding_source": of(Funding),
            "layout": {"a4": QT_TRANSLATE_NOOP("Labels", "A4, 10 kartu per lembar"),
                       "card": QT_TRANSLATE_NOOP("Labels", "satu kartu per halaman")}}


def describe(details: dict[str, Any], shown: int = 3, label: Callable[[str], str] | None = None,
             words: Callable[[str], str] | None = None) -> str:
    """One line for people: ``label: value`` pairs, long lists cut to their first few. ``label``
    turns a key into words, ``words`` a coded value's label into the window's language (the window
    passes translations): ``peran: Relawan``, not ``role: volunteer``."""
    label = label or (lambda key: DETAIL_LABELS.get(key) or FIELD_LABELS.get(key, key))
    words = words or (lambda text: text)
    coded = _coded_labels()

    def said(key: str, value: Any) -> Any:
        found = coded.get(key, {}).get(value) if isinstance(value, str) else None
        return words(found) if found is not None else value

    parts = []
    for key, value in details.items():
        if value is None or value == "" or key in _HIDDEN:
            continue
        if isinstance(value, list):
            value = [said(key, v) for v in value]
        else:
            value = said(key, value)
        if isinstance(value, list) and len(value) > shown:
            value = ", ".join(map(str, value[:shown])) + f" … (+{len(value) - shown})"
        elif isinstance(value, list):
            value = " → ".join(map(str, value)) if key not in ("registration_nos",) else ", ".join(map(str, value))
        if value is False:
            continue
        parts.append(label(key) if value is True else f"{label(key)}: {value}")
    return "; ".join(parts)


@dataclass(frozen=True)
class AuditView:
    verdict: Verdict
    entries: list[Entry]


def audit_view(ws: Workspace, actor: Actor, limit: int = 1000, action: str | None = None) -> AuditView:
    """What the admin's audit window shows: the chain's verdict and the newest entries."""
    return AuditView(verify(ws, actor), entries(ws, actor, limit, action))
