"""Each account's sign-in state, kept in the service's database so that every process sees it.

One small document per account, ``_id = "<role>:<account id>"``, holds

- ``version``: carried by every bearer token and session cookie; raising it
  ends them all at once (password change, "revoke my tokens");
- ``sessions``: the open web sessions, ``{session id: expiry (epoch s)}``;
  signing out deletes one, so a copied cookie stops working.

Checking a web session is one read by ``_id`` (a primary-key lookup) per
request. Checking a bearer token reads the version through each process's
``VersionCache``: a version read within ``LP_TOKEN_VERSION_CACHE_SECONDS``
(1 s) is reused, so a revocation (``end_all``) holds at once in the process
that made it and within that second in every other one.
An account without a document has version 0 and no sessions.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from flask import current_app

from services import db

COLLECTION = "credentials"
# Signing in on an eleventh device ends the oldest session; the document stays small.
MAX_SESSIONS = 10
# Accounts whose token version a process keeps (about 200 bytes each): the busiest second's signed-in callers.
VERSION_CACHE_ENTRIES = 10_000


@dataclass(frozen=True)
class State:
    """An account's token version and open sessions."""

    version: int = 0
    sessions: dict = field(default_factory=dict)

    def session_open(self, session_id: str, now: float) -> bool:
        expires = self.sessions.get(session_id)
        return isinstance(expires, int) and expires > now


class MongoCredentials:
    """The ``credentials`` collection of this service's database."""

    def _collection(self):
        return db.database()[COLLECTION]

    def state(self, key: str) -> State:
        found = self._collection().find_one({"_id": key})
        if not found:
            return State()
        return State(int(found.get("version", 0)), dict(found.get("sessions") or {}))

    def open_session(self, key: str, expires_at: int) -> tuple[str, int]:
        """A new session id for ``key`` open until ``expires_at``, and the account's version."""
        now, current = time.time(), self.state(key)
        # Hex ids: no "." or "$", which could not be keys of the stored document.
        session_id = secrets.token_hex(16)
        update = {"$set": {f"sessions.{session_id}": expires_at}}
        ended = _ended_or_oldest(current.sessions, now)
        if ended:
            update["$unset"] = {f"sessions.{sid}": "" for sid in ended}
        # Dotted paths: a session opened at the same moment on another device is not overwritten.
        db.upsert(lambda: self._collection().update_one({"_id": key}, update, upsert=True))
        return session_id, current.version

    def close_session(self, key: str, session_id: str) -> None:
        self._collection().update_one({"_id": key}, {"$unset": {f"sessions.{session_id}": ""}})

    def forget(self, key: str) -> None:
        """Drop the account's sign-in state (its account was erased)."""
        self._collection().delete_one({"_id": key})

    def end_all(self, key: str, keep_session: str | None = None) -> int:
        """Raise the version (ending every token and session), keeping ``keep_session`` open; the new version."""
        kept = self.state(key).sessions.get(keep_session) if keep_session else None
        sessions = {keep_session: kept} if kept else {}
        update = {"$inc": {"version": 1}, "$set": {"sessions": sessions}}
        updated = db.find_one_and_upsert(self._collection(), key, update)
        return int(updated["version"])


def _ended_or_oldest(sessions: dict, now: float) -> list[str]:
    """The sessions to drop when one more opens: the expired, and the oldest beyond ``MAX_SESSIONS``."""
    ended = [sid for sid, expires in sessions.items() if not isinstance(expires, int) or expires <= now]
    live = sorted((expires, sid) for sid, expires in sessions.items() if sid not in ended)
    return ended + [sid for _, sid in live[:max(0, len(live) - MAX_SESSIONS + 1)]]


class VersionCache:
    """Token versions by account key, each reused for ``seconds`` after it was read; at most ``entries`` (LRU).

    Thread-safe (gunicorn's threads share it). Versions only go up, so a
    fresh entry is never lowered: a read that started before a revocation
    and finishes after it cannot put the old version back.
    """

    def __init__(self, seconds: float, entries: int = VERSION_CACHE_ENTRIES, clock=time.monotonic):
        self.seconds, self.entries, self.clock = seconds, entries, clock
        self._versions: OrderedDict[str, tuple[int, float]] = OrderedDict()  # key -> (version, read at)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._versions)

    def get(self, key: str) -> int | None:
        """The version read within the last ``seconds``, or None."""
        with self._lock:
            found = self._versions.get(key)
            if found is None:
                return None
            if found[1] + self.seconds <= self.clock():
                del self._versions[key]
                return None
            self._versions.move_to_end(key)
            return found[0]

    def put(self, key: str, version: int) -> None:
        """Remember ``version`` as read now (kept only while caching is on)."""
        if self.seconds <= 0 or self.entries <= 0:
            return
        with self._lock:
            now, found = self.clock(), self._versions.pop(key, None)
            if found is not None and found[1] + self.seconds > now:
                version = max(version, found[0])
            self._versions[key] = (version, now)
            while len(self._versions) > self.entries:
                self._versions.popitem(last=False)


def token_version(key: str, carried: int) -> int:
    """The account's version to check a token carrying ``carried`` against; the database's, or this process's
    copy of it from less than ``LP_TOKEN_VERSION_CACHE_SECONDS`` ago.

    A token newer than the copy was issued after a revocation this process
    has not seen yet: the database answers for it.
    """
    cache = _version_cache()
    version = cache.get(key)
    if version is None or carried > version:
        version = store().state(key).version
        cache.put(key, version)
    return version


def end_all(key: str, keep_session: str | None = None) -> int:
    """Raise ``key``'s version, ending every token and session but ``keep_session`` at once in this process
    (everywhere within ``LP_TOKEN_VERSION_CACHE_SECONDS``); the new version."""
    version = store().end_all(key, keep_session)
    _version_cache().put(key, version)
    return version


def _version_cache() -> VersionCache:
    """This app's cache (one per process: each gunicorn worker builds its own app)."""
    cache = current_app.extensions.get("lp_token_versions")
    if cache is None:
        seconds = current_app.config["LP_SETTINGS"].token_version_cache_seconds
        cache = current_app.extensions.setdefault("lp_token_versions", VersionCache(seconds))
    return cache


def account_key(role: str, subject: str) -> str:
    return f"{role}:{subject}"


def store():
    """This app's credential store (``test_config["CREDENTIALS"]`` replaces it in unit tests)."""
    return current_app.config.get("CREDENTIALS") or _MONGO


_MONGO = MongoCredentials()
