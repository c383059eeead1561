"""Two-factor sign-in for auditors: TOTP codes (RFC 6238, pyotp) and ten single-use recovery codes.

Auditors decide on flags, so a password alone is not enough: in production (``LP_ENV=prod``) an auditor
without two-factor enrolment cannot sign in at all. Elsewhere an auditor who is not enrolled signs in with
the password only (the tests, a demo), and one who is enrolled always needs a code. Enrolment is an
operator's act (``python -m ethics create-auditor`` or ``enrol-2fa``).

The hooks: the sign-in page calls ``after_password`` and this module's ``blp`` asks the code; the token
endpoint calls ``check_token_request``. A wrong code counts as a failed sign-in.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import pyotp
from flask import Blueprint, redirect, render_template, request, session, url_for

from ethics.models import Auditor, TwoFactor
from services import errors, logins
from services.auth import Principal, login_session
from services.web.app import settings_of

ISSUER = "Labour pathways ethics"
RECOVERY_CODES = 10
VALID_WINDOW = 1  # a step of 30 s either side: phone clocks drift
PENDING = "lp_2fa_pending"  # session key between the password and the code
PENDING_SECONDS = 300
BASE32 = "abcdefghijklmnopqrstuvwxyz234567"

blp = Blueprint("two_factor", __name__)


@dataclass(frozen=True)
class Enrolment:
    """What the operator hands the auditor once: never stored in the clear, never shown again."""

    secret: str
    uri: str
    recovery_codes: list[str]


def enrol(auditor: Auditor, secret: str | None = None) -> Enrolment:
    """Enrol (or re-enrol) ``auditor``: a new TOTP secret and recovery codes, replacing any earlier ones."""
    secret = secret or pyotp.random_base32()
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
    TwoFactor(id=str(auditor.id), totp_secret=secret, recovery_hashes=[_digest(c) for c in codes]).save()
    uri = pyotp.TOTP(secret).provisioning_uri(name=auditor.email, issuer_name=ISSUER)
    return Enrolment(secret, uri, codes)


def enrolled(auditor: Auditor) -> bool:
    return TwoFactor.objects(id=str(auditor.id)).only("id").first() is not None


def verify(auditor: Auditor, code: str) -> bool:
    """True for a current TOTP code not used before, or an unused recovery code (then used up)."""
    record = TwoFactor.objects(id=str(auditor.id)).first()
    code = "".join(str(code or "").split()).replace("-", "").lower()
    if record is None or not code:
        return False
    if code.isdigit() and len(code) == 6:
        return _use_totp(record, code)
    return _use_recovery_code(record, code)


def checked(auditor: Auditor, code: str) -> bool:
    """``verify`` under a growing delay per auditor (``services.logins``) that a right password does not reset."""
    return logins.guarded_second_factor(str(auditor.id), lambda: verify(auditor, code))


def production() -> bool:
    return settings_of().env == "prod"


# -- hooks


def check_token_request(auditor: Auditor, credentials: dict) -> None:
    """``POST /api/v1/tokens`` after a right password: Forbidden in production without enrolment,
    Unauthorized without a right code (``credentials["otp"]``) when enrolled."""
    if not enrolled(auditor):
        if production():
            raise errors.Forbidden("Auditors need two-factor sign-in here; ask an operator to enrol you.")
        return
    if not checked(auditor, credentials["otp"]):
        raise errors.Unauthorized("Send the current code of your authenticator app, or a recovery code, as otp.")


def after_password(auditor: Auditor, target: str):
    """The sign-in page after a right password: None to sign in now; else the response to send (the code
    step, or a refusal in production without enrolment). ``target`` is the checked page to go to next."""
    if not enrolled(auditor):
        if production():
            error = "Auditors need two-factor sign-in here; ask an operator to enrol you."
            return render_template("login.html", error=error, email=auditor.email), 403
        return None
    session[PENDING] = {"sub": str(auditor.id), "next": target, "until": int(time.time()) + PENDING_SECONDS}
    return redirect(url_for("two_factor.code"))


@blp.route("/login/code", methods=["GET", "POST"])
def code():
    """The second step of an auditor's sign-in: the authenticator's code, or a recovery code."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or pending.get("until", 0) < time.time():
        session.pop(PENDING, None)
        return redirect(url_for("pages.login"))
    error = None
    if request.method == "POST":
        auditor = Auditor.objects(id=pending["sub"]).first()
        try:
            if auditor is not None and checked(auditor, request.form.get("code", "")):
                login_session(Principal(str(auditor.id), "auditor"))  # a fresh session, without PENDING
                return redirect(pending["next"])
            error = "That code is not right, or was used already. Wait for the next one and try again."
        except errors.TooManyRequests as exc:
            error = exc.message
    return render_template("login_code.html", error=error), 200 if error is None else 401


# -- codes


def _use_totp(record: TwoFactor, code: str) -> bool:
    totp, now = pyotp.TOTP(record.totp_secret), time.time()
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        moment = now + offset * totp.interval
        if hmac.compare_digest(totp.at(moment), code):
            step = int(moment // totp.interval)
            # Once: a code read over a shoulder or replayed within its minute is refused.
            used = TwoFactor._get_collection().update_one({"_id": record.id, "last_step": {"$lt": step}},
                                                          {"$set": {"last_step": step}})
            return used.modified_count == 1
    return False


def _use_recovery_code(record: TwoFactor, code: str) -> bool:
    digest = _digest(code)
    # Removed in the same write that finds it: two sign-ins racing with one code, only one wins.
    used = TwoFactor._get_collection().update_one({"_id": record.id, "recovery_hashes": digest},
                                                  {"$pullAll": {"recovery_hashes": [digest]}})
    return used.modified_count == 1


def _new_recovery_code() -> str:
    # 60 random bits as twelve base32 letters in three groups: too many to guess, a fast hash is enough.
    letters = "".join(secrets.choice(BASE32) for _ in range(12))
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def _digest(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").lower().encode()).hexdigest()
