"""Each account's sign-in state, kept in the service's database so that every process sees it.

One small document per account, ``_id = "<role>:<account id>"``, holds

- ``version``: carried by every bearer token and session cookie; raising it
  ends them all at once (password change, "revoke my tokens");
- ``sessions``: the open web sessions, ``{session id: expiry (epoch s)}``;
  signing out deletes one, so a copied cookie stops working.

Checking a request is one read by ``_id`` (served by the primary key on any
database), and nothing is cached in memory between requests.
An account without a document has version 0 and no sessions.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field

from flask import current_app

from services import db

COLLECTION = "credentials"
# Signing in on an eleventh device ends the oldest session; the document stays small.
MAX_SESSIONS = 10


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


def account_key(role: str, subject: str) -> str:
    return f"{role}:{subject}"


def store():
    """This app's credential store (``test_config["CREDENTIALS"]`` replaces it in unit tests)."""
    return current_app.config.get("CREDENTIALS") or _MONGO


_MONGO = MongoCredentials()
