"""Bundles: a laptop's unsent operations carried to the hub on a USB stick or by chat, when there is
no connection at all. Encrypted for the hub (X25519 + HKDF-SHA256 + AES-256-GCM, a fresh key per
bundle) and signed by the laptop (Ed25519 over everything else), so only the hub can read it and the
hub can tell who made it and that nothing was changed. The cryptography is the ``cryptography``
package's; this module only puts the pieces in order.
"""

from __future__ import annotations

import json
import os
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.domain.base64url import b64, unb64

FORMAT = "lindung-bundle-1"
MAX_BUNDLE_BYTES = 256 * 1024 * 1024


class BundleError(ValueError):
    pass


def raw_public(key) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _key(shared: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=FORMAT.encode()).derive(shared)


def _signed_part(envelope: dict[str, Any]) -> bytes:
    return "|".join((FORMAT, envelope["device_id"], envelope["ephemeral"], envelope["nonce"],
                     envelope["ciphertext"])).encode("ascii")


def seal(payload: dict[str, Any], device_id: str, hub_public: bytes, signer: Ed25519PrivateKey) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    key = _key(ephemeral.exchange(X25519PublicKey.from_public_bytes(hub_public)))
    nonce = os.urandom(12)
    plain = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    envelope = {"format": FORMAT, "device_id": device_id, "ephemeral": b64(raw_public(ephemeral.public_key())),
                "nonce": b64(nonce), "ciphertext": b64(AESGCM(key).encrypt(nonce, plain, device_id.encode()))}
    envelope["signature"] = b64(signer.sign(_signed_part(envelope)))
    return json.dumps(envelope).encode("ascii")


def read_envelope(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError("berkas bundel terlalu besar")
    try:
        envelope = json.loads(data.decode("ascii"))
        if envelope.get("format") != FORMAT or not all(
                isinstance(envelope.get(k), str) for k in ("device_id", "ephemeral", "nonce", "ciphertext", "signature")):
            raise ValueError
    except (ValueError, UnicodeDecodeError, AttributeError) as exc:
        raise BundleError("bukan berkas bundel Lindung, atau rusak") from exc
    return envelope


def open_sealed(envelope: dict[str, Any], device_public: bytes, hub_private: X25519PrivateKey) -> dict[str, Any]:
    try:
        Ed25519PublicKey.from_public_bytes(device_public).verify(unb64(envelope["signature"]), _signed_part(envelope))
    except (InvalidSignature, ValueError) as exc:
        raise BundleError("tanda tangan bundel tidak cocok: berkas diubah atau bukan dari laptop ini") from exc
    try:
        key = _key(hub_private.exchange(X25519PublicKey.from_public_bytes(unb64(envelope["ephemeral"]))))
        plain = AESGCM(key).decrypt(unb64(envelope["nonce"]), unb64(envelope["ciphertext"]),
                                    envelope["device_id"].encode())
        return json.loads(plain.decode("utf-8"))
    except (InvalidTag, ValueError) as exc:
        raise BundleError("bundel tidak dapat dibuka dengan kunci hub ini") from exc
