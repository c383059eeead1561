"""Passwords, bearer tokens and role checks shared by the services.

Tokens are signed (HMAC, itsdangerous) with ``LP_SECRET_KEY`` and carry the
subject, its role and an expiry; nothing is kept in memory, so any process
behind the gateway can check any token.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import abort, current_app, g, request, session
from itsdangerous import BadSignature, URLSafeSerializer

from services import ratelimit

# "service": one service calling another's internal API (the matcher's read model).
ROLES = ("employer", "worker", "auditor", "service")

# OWASP's minimum argon2id setting (19 MiB, t=2): ~20 ms a hash on this
# hardware instead of ~115 ms with the library defaults, still memory-hard.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Principal:
    """Who is calling: an account id and its role."""

    subject: str
    role: str


def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt="lp-bearer-token-v1")


def issue_token(secret: str, subject: str, role: str, ttl_seconds: int) -> tuple[str, str]:
    """A signed token and its ISO 8601 expiry."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    expires = int(time.time()) + ttl_seconds
    token = _serializer(secret).dumps({"sub": subject, "role": role, "exp": expires})
    return token, datetime.fromtimestamp(expires, UTC).isoformat().replace("+00:00", "Z")


def read_token(secret: str, token: str) -> Principal | None:
    """The principal a valid, unexpired token names, else None."""
    try:
        data = _serializer(secret).loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("role") not in ROLES:
        return None
    if not isinstance(data.get("exp"), int) or data["exp"] < time.time():
        return None
    return Principal(subject=str(data.get("sub")), role=data["role"])


def bearer_principal() -> Principal | None:
    """The principal of this request's ``Authorization: Bearer`` header, if valid."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return read_token(current_app.config["SECRET_KEY"], token.strip())


def require_role(*roles: str):
    """View decorator: 401 without a valid token, 403 with a role not in ``roles``."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            principal = bearer_principal()
            if principal is None:
                abort(401)
            if roles and principal.role not in roles:
                abort(403)
            g.principal = principal
            return view(*args, **kwargs)

        return wrapped

    return decorator


def login_session(principal: Principal) -> None:
    """Start a web session for ``principal`` (a fresh session against fixation)."""
    session.clear()
    session["sub"], session["role"] = principal.subject, principal.role
    session.permanent = True


def session_principal() -> Principal | None:
    """The principal of this web session, if logged in."""
    if session.get("sub") and session.get("role") in ROLES:
        return Principal(subject=session["sub"], role=session["role"])
    return None


def logout_session() -> None:
    session.clear()


# New accounts per client address: enough for a partner organisation signing
# up many workers from one office, too few for a script to fill the database.
SIGNUPS_PER_CLIENT = (1000, 3600)


def limit_signups() -> None:
    """Count a sign-up from this client address; 429 beyond ``SIGNUPS_PER_CLIENT``."""
    ratelimit.hit(f"signup:{request.remote_addr}", *SIGNUPS_PER_CLIENT)


# Wrong passwords per e-mail address, and attempts per client address, in
# fixed windows shared by every process through the database.
FAILED_LOGINS_PER_EMAIL = (5, 300)
LOGINS_PER_CLIENT = (30, 300)
# Verifying against a real hash when the account does not exist keeps the
# answer time the same, so response times do not reveal which e-mails exist.
_DUMMY_HASH = _hasher.hash("no such account")


def authenticate(account, email: str, password: str) -> bool:
    """Check a login under rate limits (429 when exceeded); ``account`` may be None.

    ``account`` needs a ``password_hash`` attribute.
    """
    email_key = f"login-failed:{email.strip().lower()}"
    ratelimit.hit(f"login:{request.remote_addr}", *LOGINS_PER_CLIENT)
    ratelimit.check(email_key, *FAILED_LOGINS_PER_EMAIL)
    ok = verify_password(account.password_hash if account else _DUMMY_HASH, password) and account is not None
    if not ok:
        ratelimit.hit(email_key, FAILED_LOGINS_PER_EMAIL[0] + 1, FAILED_LOGINS_PER_EMAIL[1])
    return ok
