"""Membership cards: choosing who gets one, signing the QR code, writing the PDF, logging the print.

The drawing lives in ``reports.cards`` (plain data in, PDF out); this module turns records into
that plain data, signs each card's QR code with the installation's Ed25519 key so anyone holding
the public key can tell a genuine card from a forged or altered one, and records which cards were
printed in which batch, by whom, and why when they are printed again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.domain import cardcode, lifecycle
from desktop.domain.actors import Actor
from desktop.domain.base64url import b64, unb64
from desktop.domain.clock import utcnow
from desktop.domain.contributions import Fund
from desktop.domain.enrollment import Funding, Programme, Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.nik import mask_nik
from desktop.domain.text import format_date
from desktop.paths import FONTS
from desktop.services import audit, permissions
from desktop.services.errors import ServiceError
from desktop.services.records import WorkerRecord
from desktop.services.search import SearchQuery, iter_records
from desktop.services.search import count as count_matching
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import print_batches
from desktop.storage import settings as stored_settings
from desktop.storage.print_batches import PrintBatchRecord

if TYPE_CHECKING:
    from reports.cards import CardBack, CardData

# ReportLab and the PDF joiner (reports.cards) are imported where cards are drawn: checking a card or
# showing this laptop's key needs neither.

_KEY_SETTING = "cards.signing_key"
_TRUSTED_SETTING = "cards.trusted_key."


class ReprintNeedsReason(ServiceError):
    def __init__(self, count: int):
        super().__init__(QT_TRANSLATE_NOOP(
            "Service", "{count} kartu di antaranya sudah pernah dicetak. Cetak ulang harus disertai alasan."),
            count=count)
        self.count = count


# --- keys -------------------------------------------------------------------------------------

def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:8]


def signing_key(ws: Workspace) -> Ed25519PrivateKey:
    """This installation's private key, made on first use and kept in its database."""
    with ws.read() as tx:
        stored = stored_settings.get(tx, _KEY_SETTING)
    if stored is not None:
        return Ed25519PrivateKey.from_private_bytes(unb64(stored))
    with ws.write() as tx:   # under the write lock: two first uses at once make one key
        stored = stored_settings.get(tx, _KEY_SETTING)
        if stored is None:
            key = Ed25519PrivateKey.generate()
            raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
            stored_settings.put(tx, _KEY_SETTING, b64(raw))
            return key
        return Ed25519PrivateKey.from_private_bytes(unb64(stored))


def public_key_text(ws: Workspace) -> str:
    """``ed25519:<key id>:<public key>``: what another office needs to verify this laptop's cards."""
    public = signing_key(ws).public_key()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return f"ed25519:{key_id(public)}:{b64(raw)}"


def _parse_public(text: str) -> Ed25519PublicKey:
    try:
        kind, _kid, raw = text.strip().split(":")
        if kind != "ed25519":
            raise ValueError
        return Ed25519PublicKey.from_public_bytes(unb64(raw))
    except (ValueError, TypeError) as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kunci publik tidak dikenali (bentuk: ed25519:ID:KUNCI).")) from exc


def trust_key(ws: Workspace, text: str) -> str:
    """Accept another installation's public key for verifying its cards; returns its key id."""
    public = _parse_public(text)
    kid = key_id(public)
    with ws.write() as tx:
        stored_settings.put(tx, _TRUSTED_SETTING + kid, text.strip())
    return kid


def _known_keys(ws: Workspace, extra: str | None = None) -> dict[str, Ed25519PublicKey]:
    own = signing_key(ws).public_key()
    keys = {key_id(own): own}
    with ws.read() as tx:
        trusted = stored_settings.get_many(tx, prefix=_TRUSTED_SETTING)
    for value in trusted.values():
        public = _parse_public(value)
        keys[key_id(public)] = public
    if extra:
        public = _parse_public(extra)
        keys[key_id(public)] = public
    return keys


@dataclass(frozen=True)
class CardCheck:
    genuine: bool
    claim: cardcode.CardClaim | None
    reason: str            # why not genuine (Indonesian), empty when genuine


def verify_card(ws: Workspace, text: str, public_key: str | None = None) -> CardCheck:
    """Check a scanned QR text against the known public keys (this laptop's and trusted ones)."""
    try:
        claim, message, signature = cardcode.parse(text)
    except cardcode.CardCodeError as exc:
        return CardCheck(False, None, str(exc))
    keys = _known_keys(ws, public_key)
    public = keys.get(claim.key_id)
    if public is None:
        return CardCheck(False, claim, "kunci penanda tangan tidak dikenal")
    try:
        raw = unb64(signature)
        if b64(raw) != signature:  # only the canonical spelling: no spare bits to alter unnoticed
            raise InvalidSignature
        public.verify(raw, message.encode("utf-8"))
    except (InvalidSignature, ValueError):
        return CardCheck(False, claim, "tanda tangan tidak cocok: kartu palsu atau diubah")
    return CardCheck(True, claim, "")


# --- cards ------------------------------------------------------------------------------------

# The reason a card is printed again once BPJS's KPJ number came back (it becomes the card's main number).
NEW_KPJ_REASON = "nomor KPJ terbit"


def count_new_kpj(ws: Workspace, query: SearchQuery | None = None) -> int:
    """Cards printed before their holder's KPJ number came back: offered for re-printing."""
    return count_selected(ws, dataclasses.replace(query or SearchQuery(), reprint_kpj=True, today=ws.today))[0]


def _baznas_fund(events) -> str:
    """BAZNAS and the fund (zakat, infak or sedekah) of the latest payment for the worker; zakat, the
    programme's usual fund, before any payment (and for a payment recorded before funds were)."""
    fund = Fund.ZAKAT
    for event in reversed(events):
        if event.get("type") == lifecycle.PAID:
            fund = Fund.parse(event.get("fund") or Fund.ZAKAT.value) or Fund.ZAKAT
            break
    return f"BAZNAS (dana {fund.value})"


def _programmes(code: str) -> str:
    return "JKK, JKM" if code == Programme.JKK_JKM.value else code.upper()


class CardMaker:
    """Turns records into signed ``CardData`` (one key, one region list for the whole batch)."""

    def __init__(self, ws: Workspace):
        from reports.cards import CardData

        self._card_data = CardData
        self.key = signing_key(ws)
        self.kid = key_id(self.key.public_key())
        self.regions = ws.regions

    def card(self, record: WorkerRecord) -> CardData:
        active = record.status == Status.ACTIVE.value
        kpj = record.kpj_number if active else None
        start, end = (record.coverage_start, record.coverage_end) if active else (None, None)
        claim = cardcode.CardClaim(record.registration_no, record.full_name, record.birth_date,
                                   record.kabupaten_code, start, end, self.kid, kpj)
        message = cardcode.message_for(claim)
        signature = b64(self.key.sign(message.encode("utf-8")))
        funding = Funding.parse(record.funding_source)
        return self._card_data(
            registration_no=record.registration_no, full_name=record.full_name,
            nik_masked=mask_nik(record.nik), birth_date=format_date(record.birth_date),
            kabupaten=self.regions.name(record.kabupaten_code), programmes=_programmes(record.programme),
            coverage=(f"{format_date(start)} s.d. {format_date(end)}" if start and end else
                      f"sejak {format_date(start)}" if start else "menunggu nomor KPJ dari BPJS"),
            kpj_number=kpj,
            funding=_baznas_fund(record.lifecycle) if funding is Funding.BAZNAS_ZAKAT else (
                funding.label if funding else record.funding_source),
            qr_text=message + "|" + signature)


@dataclass(frozen=True)
class PrintResult:
    count: int
    reprinted: int
    batch_id: str
    path: Path
    registration_nos: tuple[str, ...] = ()   # the cards in the file, in print order
    layout: str = ""
    logged: bool = False                     # written to the print log (a preview or a saved PDF is not)


def _card_back(ws: Workspace) -> CardBack:
    from reports.cards import CardBack

    with ws.read() as tx:
        branch = stored_settings.get(tx, "cards.branch_contact")
    return CardBack(branch=branch) if branch is not None else CardBack()


def count_selected(ws: Workspace, query: SearchQuery) -> tuple[int, int]:
    """(cards selected, of which already printed once)."""
    return count_matching(ws, query), count_matching(ws, query, print_batches.PRINTED)


def print_cards(ws: Workspace, query: SearchQuery, out: Path, layout: str, actor: Actor,
                reprint_reason: str | None = None, workers: int | None = None,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None, record: bool = True) -> PrintResult:
    """Write the selected workers' cards to ``out`` and log the batch (``record=False``: a preview)."""
    from reports.cards import LAYOUTS, write_cards

    permissions.require(actor, permissions.Action.PRINT)
    if layout not in LAYOUTS:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tata letak {layout} tidak dikenal: pilih a4 atau card."),
                           layout=layout)
    total, printed = count_selected(ws, query)
    reason = (reprint_reason or "").strip()
    if record and printed and not reason:
        raise ReprintNeedsReason(printed)
    if total == 0:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta yang cocok dengan pilihan ini."))
    maker = CardMaker(ws)
    issued: list[str] = []  # registration numbers, in print order

    def cards() -> Iterator[CardData]:
        for rec in iter_records(ws, query):
            issued.append(rec.registration_no)
            yield maker.card(rec)

    if workers is None:
        workers = min(os.cpu_count() or 1, 4)
    with bulk_work():
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        count = write_cards(Path(out), cards(), layout, FONTS, back=_card_back(ws),
                            title="Kartu peserta JKK + JKM", workers=workers, cancelled=cancelled, total=total,
                            progress=(lambda done: progress(done, total)) if progress else None)
    if count == 0 and cancelled is not None and cancelled():
        from desktop.services.spreadsheets import Cancelled

        raise Cancelled()
    batch = str(uuid.uuid4())
    if record:
        _log_batch(ws, batch, issued, layout, actor, reason or None, Path(out).name)
    return PrintResult(count, printed, batch, Path(out), tuple(issued), layout, record)


def log_printed(ws: Workspace, result: PrintResult, actor: Actor, reprint_reason: str | None = None) -> PrintResult:
    """Log the cards of a file written earlier (``print_cards(record=False)``) as printed: when its
    pages reached a printer, or when the user says the saved file was printed. Cards printed before
    (or meanwhile) need the reason for printing them again."""
    permissions.require(actor, permissions.Action.PRINT)
    if result.logged:
        return result
    reason = (reprint_reason or "").strip()
    numbers = list(result.registration_nos)
    with ws.read() as tx:
        printed = print_batches.printed_among(tx, numbers)
    if printed and not reason:
        raise ReprintNeedsReason(printed)
    _log_batch(ws, result.batch_id, numbers, result.layout, actor, reason or None, result.path.name)
    return dataclasses.replace(result, reprinted=printed, logged=True)


def _log_batch(ws: Workspace, batch_uuid: str, registration_nos: list[str], layout: str, actor: Actor,
               reason: str | None, file_name: str) -> None:
    """The batch, each card in it (a reprint when printed before) and the audit entry, in one write
    transaction."""
    with ws.write() as tx:
        batch_id = print_batches.add(tx, PrintBatchRecord(batch_uuid, utcnow(), actor.username, ws.device.id, layout,
                                                          len(registration_nos), reason, file_name))
        print_batches.add_cards(tx, batch_id, registration_nos, _shows_kpj)
        audit.record(tx, ws, actor, "print", f"{len(registration_nos)} kartu", {
            "batch": batch_uuid, "layout": layout, "file": file_name, "reprint_reason": reason,
            "registration_nos": registration_nos})


def _shows_kpj(kpj_number: str | None, status: str) -> bool:
    """Whether a worker's card carries the KPJ number (as ``CardMaker.card`` draws it)."""
    return bool(kpj_number) and status == Status.ACTIVE.value


@dataclass(frozen=True)
class BatchInfo:
    uuid: str
    created_at: str
    created_by: str
    layout: str
    card_count: int
    reprint_reason: str | None
    file_name: str


def list_batches(ws: Workspace) -> list[BatchInfo]:
    with ws.read() as tx:
        batches = print_batches.listing(tx)
    return [BatchInfo(b.uuid, b.created_at.isoformat(timespec="seconds"), b.created_by, b.layout, b.card_count,
                      b.reprint_reason, b.file_name) for b in batches]
