"""The text inside a card's QR code: compact, readable, and signed.

``LDG1|<regno>|<name>|<born YYYYMMDD>|<kabupaten>|<from YYYYMMDD>|<until YYYYMMDD>|<key id>|<signature>``

The signature (Ed25519, base64url without padding) covers everything before the last ``|``; the
key id (8 hex digits of the public key's SHA-256) says which installation's key to check it with.
No NIK, phone or address is carried: a scanned card reveals only what is printed on it.
Signing and checking live in the services (they need the keys); this module only builds and reads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MAGIC = "LDG1"
_FIELDS = 9
_DATE = re.compile(r"^\d{8}$")


@dataclass(frozen=True)
class CardClaim:
    registration_no: str
    full_name: str
    birth_date: dt.date
    kabupaten_code: str
    coverage_start: dt.date
    coverage_end: dt.date
    key_id: str


class CardCodeError(ValueError):
    pass


def _ymd(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def message_for(claim: CardClaim) -> str:
    """The signed part of the code."""
    return "|".join((MAGIC, claim.registration_no, claim.full_name.replace("|", " "), _ymd(claim.birth_date),
                     claim.kabupaten_code, _ymd(claim.coverage_start), _ymd(claim.coverage_end), claim.key_id))


def build(claim: CardClaim, signature_b64: str) -> str:
    return message_for(claim) + "|" + signature_b64


def parse(text: str) -> tuple[CardClaim, str, str]:
    """(claim, signed message, signature) of a scanned code; ``CardCodeError`` when it is not one."""
    text = (text or "").strip()
    parts = text.split("|")
    if len(parts) != _FIELDS or parts[0] != MAGIC:
        raise CardCodeError("bukan kode kartu Lindung")
    _, regno, name, born, kab, start, end, key_id, signature = parts
    if not all(_DATE.match(x) for x in (born, start, end)) or not re.fullmatch(r"[0-9a-f]{8}", key_id):
        raise CardCodeError("kode kartu rusak")
    try:
        claim = CardClaim(regno, name, dt.datetime.strptime(born, "%Y%m%d").date(), kab,
                          dt.datetime.strptime(start, "%Y%m%d").date(), dt.datetime.strptime(end, "%Y%m%d").date(),
                          key_id)
    except ValueError as exc:
        raise CardCodeError("kode kartu rusak") from exc
    return claim, text[: text.rindex("|")], signature
