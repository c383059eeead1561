"""The soak's open loop: operation k is due at ``start + k / rate``; an operation whose due time passed by
more than a small slack when a client thread could start it is dropped and counted as skipped, never queued.

A backlog would make the load a closed loop behind a slow stack (and, once the stack catches up, a burst),
and it kept the client busy long after the run's end: a 120-minute soak never wrote its report.
"""

from __future__ import annotations

import math
import threading

SLACK_SECONDS = 2.0  # a start this late still counts as on time; later ones are dropped


class Schedule:
    """Hands out the due operations (slots) of an open loop of ``rate`` a second from ``start`` to ``until``
    to any number of client threads; thread-safe."""

    def __init__(self, start: float, rate: float, until: float, slack: float = SLACK_SECONDS):
        self.start, self.period, self.slack = start, 1 / rate, slack
        self.slots = max(0, math.ceil((until - start) * rate))  # slot k runs only if it is due before until
        self.next_slot = 0
        self.lock = threading.Lock()

    def due(self, slot: int) -> float:
        return self.start + slot * self.period

    def take(self, now: float) -> tuple[int | None, range]:
        """The next slot to start at its due time (None once the schedule is over), and the slots skipped
        because their start time passed by more than the slack at ``now``."""
        with self.lock:
            # The first slot still on time: due >= now - slack.
            on_time = max(self.next_slot, math.ceil((now - self.slack - self.start) / self.period - 1e-9))
            skipped = range(self.next_slot, min(on_time, self.slots))
            if on_time >= self.slots:
                self.next_slot = self.slots
                return None, skipped
            self.next_slot = on_time + 1
            return on_time, skipped
