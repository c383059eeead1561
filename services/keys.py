"""One signing key per purpose and service, derived from ``LP_SECRET_KEY`` with HKDF (RFC 5869).

A service verifies only what it should accept: its own session cookies
(``session/<service>``), its own users' bearer tokens (``token/<service>``),
and, for the matcher, the ``service`` tokens the other services mint
(``token/service-to-matcher``). A key taken from one service therefore
cannot sign anything another service accepts, except the matcher's
``service`` tokens that service was allowed to mint anyway.
"""

from __future__ import annotations

import hashlib
import hmac

SERVICE_TO_MATCHER = "token/service-to-matcher"
_HASH_BYTES = hashlib.sha256().digest_size


def hkdf_sha256(secret: bytes, info: bytes, length: int = 32, salt: bytes = b"") -> bytes:
    """HKDF-SHA256 (extract, then expand) of RFC 5869."""
    if length > 255 * _HASH_BYTES:
        raise ValueError("HKDF cannot make a key that long")
    pseudo_random_key = hmac.new(salt or bytes(_HASH_BYTES), secret, hashlib.sha256).digest()
    output, block, counter = b"", b"", 1
    while len(output) < length:
        block = hmac.new(pseudo_random_key, block + info + bytes([counter]), hashlib.sha256).digest()
        output, counter = output + block, counter + 1
    return output[:length]


def derive_key(secret: str, purpose: str) -> bytes:
    """The key for ``purpose`` (e.g. ``token/workers``) from the master secret."""
    return hkdf_sha256(secret.encode(), f"labour-pathways/{purpose}".encode())


def session_key(secret: str, service: str) -> bytes:
    """Signs ``service``'s session cookies."""
    return derive_key(secret, f"session/{service}")


def token_key(secret: str, service: str) -> bytes:
    """Signs the bearer tokens of ``service``'s own users."""
    return derive_key(secret, f"token/{service}")


def service_token_key(secret: str) -> bytes:
    """Signs the ``service`` tokens that the employers and workers services send to the matcher."""
    return derive_key(secret, SERVICE_TO_MATCHER)
