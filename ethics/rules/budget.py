"""A time budget for the text rules of one check, and the flag a check that runs out of it gets.

Why a cooperative deadline: a CPython ``re`` search cannot be interrupted once it runs (the matcher
checks no signals, and a thread cannot be killed), and a process per check would cost more than the
check itself (about a millisecond) in every web worker and in the consumer. So the budget works in
two parts. First, every pattern is free of catastrophic backtracking (each text splits into a
trigger's words in one way only; ``tests/unit/ethics/test_redos.py`` runs regexploit over every
compiled pattern), the judge of a match reads at most ``judge.REACH`` characters each side of it,
and the document schema bounds every field, so each single search or judgement is short (the worst
texts at the maximum field lengths, ``tests/attack_texts.py``, take well under a second). Second, the
scan checks the deadline before every trigger's search and every match's judgement, so a text with
very many of them stops within about one judgement after the budget. A document that runs out is
never approved: it gets the ``manual-review`` block flag.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from ethics.rules.catalogue import Flag, make_flag

# Seconds a check may spend on its free text when the caller gives no budget (services/config.py
# reads LP_CHECK_BUDGET_SECONDS with the same default).
DEFAULT_BUDGET_SECONDS = 2.0


class OutOfTime(Exception):
    """The text rules did not finish within the check's budget."""


@dataclass(frozen=True)
class Deadline:
    """The monotonic clock time by which a check must end."""

    at: float

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        """A deadline ``seconds`` from now (None: no deadline)."""
        return cls(math.inf if seconds is None else time.monotonic() + seconds)

    def check(self) -> None:
        """Raise :class:`OutOfTime` once the deadline has passed."""
        if time.monotonic() >= self.at:
            raise OutOfTime


NO_DEADLINE = Deadline(math.inf)


def manual_review_flag(field: str) -> Flag:
    """The block flag of a document whose text could not be checked within the budget."""
    return make_flag("manual-review", f"The {field} could not be checked automatically: shorten or simplify it and "
                     "submit again, or an auditor will review it.", f"{field}: not checked within the time limit")
