"""A lease in MongoDB: at most one process at a time leads a piece of background work.

The holder renews it as it works; when it stops renewing (crashed, stopped),
another process takes over once the lease runs out. Leading costs one write
per half-lease, not one per item of work.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import UTC, datetime, timedelta

from pymongo.errors import DuplicateKeyError

LEASES = "outbox_leases"
LEASE = timedelta(seconds=30)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def process_owner() -> str:
    """A name for this process that no other process shares."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Leases:
    """The leases one process holds or asks for, by name, in a database's ``outbox_leases``."""

    def __init__(self, owner: str | None = None, length: timedelta = LEASE):
        self.owner = owner or process_owner()
        self.length = length
        self._held: dict[str, datetime | None] = {}

    def lead(self, database, name: str) -> bool:
        """Hold (or take over, or renew) the lease ``name``; False if another process has it."""
        now = _utcnow()
        held_until = self._held.get(name)
        if held_until and now < held_until - self.length / 2:
            return True
        leases = database[LEASES]
        if name not in self._held:
            try:
                leases.insert_one({"_id": name, "owner": None, "until": now - self.length})
            except DuplicateKeyError:
                pass
        taken = leases.update_one(
            {"_id": name, "$or": [{"owner": self.owner}, {"until": {"$lt": now}}]},
            {"$set": {"owner": self.owner, "until": now + self.length}},
        )
        self._held[name] = now + self.length if taken.matched_count else None
        return bool(taken.matched_count)
