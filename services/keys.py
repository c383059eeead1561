"""One signing key per purpose and service, derived from ``LP_SECRET_KEY`` with HKDF (RFC 5869).

A service verifies only what it should accept: its own session cookies
(``session/<service>``), its own users' bearer tokens (``token/<service>``),
and, for the matcher, the ``service`` tokens the other services mint
(``token/service-to-matcher``). Keys come in two steps, so that a container
can be given only its own root key instead of the master one:

    master ──HKDF "service/<s>"──▶ root of s ──HKDF "session/<s>", "token/<s>"──▶ keys of s
    master ──HKDF "token/service-to-matcher"──▶ the matcher's service-token key

``python -m services.keys SERVICE`` prints those two for a deployment
(``LP_SERVICE_SECRET``, ``LP_MATCHER_TOKEN_KEY``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sys
from dataclasses import dataclass

SERVICE_TO_MATCHER = "token/service-to-matcher"
SERVICES = ("employers", "workers", "ethics", "matcher")
# The services that mint (employers, workers) or check (matcher) the matcher's service tokens.
MATCHER_TOKEN_HOLDERS = ("employers", "workers", "matcher")
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


def derive_key(secret: str | bytes, purpose: str) -> bytes:
    """The key for ``purpose`` (e.g. ``service/workers``) from ``secret``."""
    raw = secret.encode() if isinstance(secret, str) else secret
    return hkdf_sha256(raw, f"labour-pathways/{purpose}".encode())


def service_secret(master: str, service: str) -> bytes:
    """The root key of ``service``: all it needs to sign and check its own sessions and tokens."""
    return derive_key(master, f"service/{service}")


def session_key(master: str, service: str) -> bytes:
    """Signs ``service``'s session cookies."""
    return _own_key(service_secret(master, service), "session", service)


def token_key(master: str, service: str) -> bytes:
    """Signs the bearer tokens of ``service``'s own users."""
    return _own_key(service_secret(master, service), "token", service)


def _own_key(root: bytes, purpose: str, service: str) -> bytes:
    """A key of ``service`` for ``purpose`` (session, token, client-hash), from the service's root key."""
    return derive_key(root, f"{purpose}/{service}")


def service_token_key(master: str) -> bytes:
    """Signs the ``service`` tokens that the employers and workers services send to the matcher."""
    return derive_key(master, SERVICE_TO_MATCHER)


@dataclass(frozen=True)
class Keyring:
    """The keys one service process holds; ``service_tokens`` is empty where it has no business."""

    session: bytes
    tokens: bytes
    service_tokens: bytes
    client_hashes: bytes


def keyring(settings, service: str) -> Keyring:
    """``service``'s keys from its settings: the master key, or only its root and matcher-token keys."""
    root = bytes.fromhex(settings.service_secret) if settings.service_secret else \
        service_secret(settings.secret_key, service)
    if settings.matcher_token_key:
        matcher = bytes.fromhex(settings.matcher_token_key)
    else:
        matcher = service_token_key(settings.secret_key) if settings.secret_key else b""
    return Keyring(_own_key(root, "session", service), _own_key(root, "token", service), matcher,
                   _own_key(root, "client-hash", service))


def deployment_keys(master: str, service: str) -> dict[str, str]:
    """The environment that gives ``service`` its keys without the master key."""
    found = {"LP_SERVICE_SECRET": service_secret(master, service).hex()}
    if service in MATCHER_TOKEN_HOLDERS:
        found["LP_MATCHER_TOKEN_KEY"] = service_token_key(master).hex()
    return found


def compose_env(master: str) -> dict[str, str]:
    """The lines of docker-compose's ``.env`` that give each service its own keys (never the master)."""
    found = {f"LP_{service.upper()}_SERVICE_SECRET": service_secret(master, service).hex() for service in SERVICES}
    found["LP_MATCHER_TOKEN_KEY"] = service_token_key(master).hex()
    return found


if __name__ == "__main__":
    # python -m services.keys SERVICE: reads LP_SECRET_KEY, prints the lines of SERVICE's env file;
    # python -m services.keys compose: the lines of every service for docker-compose's .env.
    chosen = sys.argv[1]
    master = os.environ["LP_SECRET_KEY"]
    lines = compose_env(master) if chosen == "compose" else deployment_keys(master, chosen)
    for name, value in lines.items():
        print(f"{name}={value}")
