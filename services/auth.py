"""Bearer tokens, web sessions and role checks shared by the services.

Tokens are signed (HMAC, itsdangerous) with this service's own token key
(``services.keys``) and carry the subject, its role, an expiry and the
account's version (``services.credentials``). Web sessions are signed
cookies naming a session that the database keeps open until sign-out or
its absolute end. Each request checks the session with one read by
``_id``, and the token's version with the same read or this process's copy
of it from the last second (``credentials.token_version``), so any process
behind the gateway can check any token, and a revocation holds at once in
the process that made it and within a second everywhere.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import abort, current_app, g, request, session
from itsdangerous import BadSignature, URLSafeSerializer

from services import credentials

# The services' sign-in pages and APIs import these from here, with the rest of sign-in.
from services.logins import authenticate, limit_signups  # noqa: F401

# "service": one service calling another's internal API (the matcher's read model).
ROLES = ("employer", "worker", "auditor", "service")
ACCOUNT_ROLES = ("employer", "worker", "auditor")


@dataclass(frozen=True)
class Principal:
    """Who is calling: an account id, its role and the account version its token or session carries."""

    subject: str
    role: str
    version: int = 0


def _serializer(key: str | bytes) -> URLSafeSerializer:
    return URLSafeSerializer(key, salt="lp-bearer-token-v2")


def issue_token(key: str | bytes, subject: str, role: str, ttl_seconds: int, version: int = 0) -> tuple[str, str]:
    """A token signed with ``key`` and its ISO 8601 expiry."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if not key:
        raise ValueError("no key to sign tokens with")
    expires = int(time.time()) + ttl_seconds
    token = _serializer(key).dumps({"sub": subject, "role": role, "exp": expires, "ver": version})
    return token, datetime.fromtimestamp(expires, UTC).isoformat().replace("+00:00", "Z")


def read_token(key: str | bytes, token: str) -> Principal | None:
    """The principal a token signed with ``key`` names, if unexpired (its version is not checked here)."""
    if not key:
        return None  # this process holds no key for such tokens: none is valid
    try:
        data = _serializer(key).loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("role") not in ROLES or not isinstance(data.get("ver"), int):
        return None
    if not isinstance(data.get("exp"), int) or data["exp"] < time.time():
        return None
    return Principal(subject=str(data.get("sub")), role=data["role"], version=data["ver"])


def issue_account_token(subject: str, role: str) -> dict:
    """``{"token", "expires_at"}`` for an account of this service, at the account's current version."""
    version = credentials.store().state(credentials.account_key(role, subject)).version
    settings = current_app.config["LP_SETTINGS"]
    token, expires_at = issue_token(current_app.config["LP_TOKEN_KEY"], subject, role,
                                    settings.token_ttl_seconds, version)
    return {"token": token, "expires_at": expires_at}


def bearer_principal(service: bool = False) -> Principal | None:
    """The principal of this request's ``Authorization: Bearer`` header, if valid and not revoked.

    ``service`` reads a ``service`` token (signed with the service-to-matcher
    key) instead of a token of this service's own accounts.
    """
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    key = current_app.config["LP_SERVICE_TOKEN_KEY" if service else "LP_TOKEN_KEY"]
    principal = read_token(key, token.strip())
    if principal is None or (principal.role == "service") != service:
        return None
    key = credentials.account_key(principal.role, principal.subject)
    if not service and credentials.token_version(key, principal.version) != principal.version:
        return None  # revoked: password changed, or all tokens revoked
    return principal


def require_role(*roles: str):
    """View decorator: 401 without a valid token, 403 with a role not in ``roles``."""
    service = "service" in roles

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            principal = bearer_principal(service)
            if principal is None:
                abort(401)
            if roles and principal.role not in roles:
                abort(403)
            g.principal = principal
            return view(*args, **kwargs)

        return wrapped

    return decorator


def login_session(principal: Principal) -> None:
    """Start a web session for ``principal``: fresh (against fixation), open in the database, ending at a fixed time."""
    session.clear()
    expires = int(time.time() + current_app.permanent_session_lifetime.total_seconds())
    key = credentials.account_key(principal.role, principal.subject)
    session_id, version = credentials.store().open_session(key, expires)
    session.update(sub=principal.subject, role=principal.role, sid=session_id, ver=version, until=expires)
    session.permanent = True
    g.lp_session_principal = Principal(principal.subject, principal.role, version)


def session_principal() -> Principal | None:
    """The principal of this web session, if it is still open (checked once a request)."""
    if "lp_session_principal" not in g:
        g.lp_session_principal = _open_session_principal()
    return g.lp_session_principal


def _open_session_principal() -> Principal | None:
    if not session.get("sub"):
        return None
    sub, role, sid, version, until = (session.get(k) for k in ("sub", "role", "sid", "ver", "until"))
    now = time.time()
    if role in ACCOUNT_ROLES and isinstance(sid, str) and isinstance(until, int) and until > now:
        state = credentials.store().state(credentials.account_key(role, sub))
        if state.version == version and state.session_open(sid, now):
            return Principal(sub, role, version)
    _forget_account()  # signed out elsewhere, expired, or from before sessions were kept
    return None


def logout_session() -> None:
    """End this web session in the database and forget it in the browser."""
    sub, role, sid = session.get("sub"), session.get("role"), session.get("sid")
    if sub and role in ACCOUNT_ROLES and isinstance(sid, str):
        credentials.store().close_session(credentials.account_key(role, sub), sid)
    session.clear()
    g.lp_session_principal = None


def end_other_sessions(principal: Principal) -> int:
    """End every token and session of ``principal``'s account except this web session, if any; the new version."""
    own = session.get("sid") if session.get("sub") == principal.subject else None
    version = credentials.end_all(credentials.account_key(principal.role, principal.subject), own)
    if own:
        session["ver"] = version
        g.lp_session_principal = Principal(principal.subject, principal.role, version)
    return version


def _forget_account() -> None:
    for name in ("sub", "role", "sid", "ver", "until"):
        session.pop(name, None)
