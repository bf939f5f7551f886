"""The text inside a card's QR code: compact, readable, and signed.

``LDG2|<regno>|<KPJ or ->|<name>|<born YYYYMMDD>|<kabupaten>|<from YYYYMMDD or ->|<until YYYYMMDD or ->|<key id>|<signature>``

The KPJ number (BPJS's participant number) and the coverage dates are known only once BPJS answered and
BAZNAS paid; until then they are ``-``. Cards printed before version 2 carry ``LDG1`` codes without the KPJ
(``LDG1|<regno>|<name>|<born>|<kabupaten>|<from>|<until>|<key id>|<signature>``); they are still read.

The signature (Ed25519, base64url without padding) covers everything before the last ``|``; the
key id (8 hex digits of the public key's SHA-256) says which installation's key to check it with.
No NIK, phone or address is carried: a scanned card reveals only what is printed on it.
Signing and checking live in the services (they need the keys); this module only builds and reads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MAGIC = "LDG2"
OLD_MAGIC = "LDG1"
_FIELDS = {MAGIC: 10, OLD_MAGIC: 9}
_DATE = re.compile(r"^\d{8}$")
_NONE = "-"


@dataclass(frozen=True)
class CardClaim:
    registration_no: str
    full_name: str
    birth_date: dt.date
    kabupaten_code: str
    coverage_start: dt.date | None
    coverage_end: dt.date | None
    key_id: str
    kpj_number: str | None = None


class CardCodeError(ValueError):
    pass


def _ymd(value: dt.date | None) -> str:
    return value.strftime("%Y%m%d") if value is not None else _NONE


def _date(text: str) -> dt.date | None:
    return None if text == _NONE else dt.datetime.strptime(text, "%Y%m%d").date()


def message_for(claim: CardClaim) -> str:
    """The signed part of the code."""
    return "|".join((MAGIC, claim.registration_no, claim.kpj_number or _NONE, claim.full_name.replace("|", " "),
                     _ymd(claim.birth_date), claim.kabupaten_code, _ymd(claim.coverage_start),
                     _ymd(claim.coverage_end), claim.key_id))


def build(claim: CardClaim, signature_b64: str) -> str:
    return message_for(claim) + "|" + signature_b64


def parse(text: str) -> tuple[CardClaim, str, str]:
    """(claim, signed message, signature) of a scanned code; ``CardCodeError`` when it is not one."""
    text = (text or "").strip()
    parts = text.split("|")
    if not parts or _FIELDS.get(parts[0]) != len(parts):
        raise CardCodeError("bukan kode kartu Lindung")
    if parts[0] == OLD_MAGIC:
        parts.insert(2, _NONE)
    _, regno, kpj, name, born, kab, start, end, key_id, signature = parts
    if not _DATE.match(born) or not all(_DATE.match(x) or x == _NONE for x in (start, end)) \
            or not re.fullmatch(r"[0-9a-f]{8}", key_id) or not (kpj == _NONE or re.fullmatch(r"\d{11}", kpj)):
        raise CardCodeError("kode kartu rusak")
    try:
        claim = CardClaim(regno, name, dt.datetime.strptime(born, "%Y%m%d").date(), kab, _date(start), _date(end),
                          key_id, None if kpj == _NONE else kpj)
    except ValueError as exc:
        raise CardCodeError("kode kartu rusak") from exc
    return claim, text[: text.rindex("|")], signature
