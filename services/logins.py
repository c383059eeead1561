"""Sign-in and sign-up limits that slow a guessing client down without locking the account's owner out.

Wrong passwords are counted per (e-mail, client address). After a few, that
pair must wait before its next try, twice as long after each further failure
(429 with ``Retry-After``). Another address (the owner's phone, the office)
is not slowed, so nobody can keep an account closed by failing on purpose.
Each client address also has a cap on sign-in attempts for all e-mails.
The counts live in the database, shared by every process; a TTL index
forgets a pair a day after its last failure.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from datetime import UTC, datetime, timedelta

from flask import request
from mongoengine import DateTimeField, Document, FloatField, IntField, StringField

from services import db, ratelimit
from services.errors import TooManyRequests
from services.passwords import hash_password, verify_password

COLLECTION = "login_failures"
# Attempts per client address, any e-mail, in fixed windows.
LOGINS_PER_CLIENT = (30, 300)
# New accounts per client address: enough for a partner organisation signing
# up many workers from one office, too few for a script to fill the database.
SIGNUPS_PER_CLIENT = (1000, 3600)
# Typos are free; then 5 s, 10 s, 20 s ... up to 15 minutes between tries.
FREE_FAILURES = 3
FIRST_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 900
# A pair that stops failing is forgotten a day later.
FORGET_AFTER = timedelta(days=1)
# Verifying against a real hash when the account does not exist keeps the
# answer time the same, so response times do not reveal which e-mails exist.
_DUMMY_HASH = hash_password("no such account")
now = time.time  # tests move the clock


class LoginFailures(Document):
    """Wrong passwords in a row of one (e-mail, client) pair or one account's second factor."""

    id = StringField(primary_key=True)  # a hash: the e-mail addresses tried are not stored
    failures = IntField(default=0)
    not_before = FloatField()  # epoch seconds: no attempt before
    expires_at = DateTimeField()  # a day after the last failure; then the TTL index removes it

    meta = {"collection": COLLECTION, "indexes": [{"fields": ["expires_at"], "expireAfterSeconds": 0}]}


def delay_after(failures: int) -> int:
    """Seconds a (e-mail, client) pair waits after its ``failures``-th wrong password in a row."""
    if failures <= FREE_FAILURES:
        return 0
    return min(FIRST_DELAY_SECONDS * 2 ** min(failures - FREE_FAILURES - 1, 20), MAX_DELAY_SECONDS)


def client_address() -> str:
    """This request's client, as ``client_key`` names it."""
    return client_key(request.remote_addr)


def client_key(address: str | None) -> str:
    """A client address for counting; IPv6 by its /64, which one subscriber usually holds whole."""
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def limit_signups() -> None:
    """Count a sign-up from this client address; 429 beyond ``SIGNUPS_PER_CLIENT``."""
    ratelimit.hit(f"signup:{client_address()}", *SIGNUPS_PER_CLIENT)


def authenticate(account, email: str, password: str) -> bool:
    """Check a sign-in under the limits above (429 when the client must wait); ``account`` may be None.

    ``account`` needs a ``password_hash`` attribute.
    """
    return guarded(email, lambda: verify_password(account.password_hash if account else _DUMMY_HASH, password)
                   and account is not None)


def guarded(email: str, attempt) -> bool:
    """Run ``attempt()`` (a password check for ``email``) under the limits above: 429 while this
    (e-mail, client) pair must wait; a False answer counts as a failure, True clears them."""
    return _limited(_pair_key(email, client_address()), attempt)


def guarded_second_factor(account_id: str, attempt) -> bool:
    """Run ``attempt()`` (a second-factor code of the account) under a delay of the account's own.

    Counted per account, not per client, and never cleared by a right password: whoever holds the
    password could otherwise reset the count before each guess, from any number of addresses. Only a
    password holder can slow this count, so it locks out no one else.
    """
    key = hashlib.sha256(f"second-factor\n{account_id}".encode()).hexdigest()
    return _limited(key, attempt)


def _limited(key: str, attempt) -> bool:
    ratelimit.hit(f"login:{client_address()}", *LOGINS_PER_CLIENT)
    failures = LoginFailures._get_collection().find_one({"_id": key})
    if failures and failures.get("not_before", 0) > now():
        raise _wait(failures["not_before"])
    ok = attempt()
    if ok and failures:
        LoginFailures._get_collection().delete_one({"_id": key})
    elif not ok:
        _count_failure(key)
    return ok


def _pair_key(email: str, client: str) -> str:
    # Hashed: the e-mail addresses people tried stay out of this collection.
    return hashlib.sha256(f"{email.strip().lower()}\n{client}".encode()).hexdigest()


def _count_failure(key: str) -> None:
    collection = LoginFailures._get_collection()
    expires_at = datetime.fromtimestamp(now(), UTC) + FORGET_AFTER
    counted = db.find_one_and_upsert(collection, key, {"$inc": {"failures": 1}, "$set": {"expires_at": expires_at}})
    collection.update_one({"_id": key}, {"$set": {"not_before": now() + delay_after(counted["failures"])}})


def _wait(not_before: float) -> TooManyRequests:
    retry_after = max(1, math.ceil(not_before - now()))
    return TooManyRequests(f"Too many attempts; try again in {retry_after} seconds.", retry_after=retry_after)
