"""Judging one trigger match in its clause: negation, prohibition, context and the nearest actor.

The scope of a match is its clause cut at breakers (", and the worker ..."). Before it, a negation
within a few words (across commas only inside a list) or a prohibition clears it; after it, "none",
"not charged" or "is prohibited" do. A family's excusing context ("for verification", "bonus")
clears it unless an aggravation ("until the end of the season") is present. For costs and
documents, the nearest actor cue decides who pays or holds ("the employer pays" against "deducted
from wages"); a freedom ("may leave", "free to join") fires only when denied.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ethics.rules.lexicon import GLOBAL_NEGATION
from ethics.rules.lexicon.base import COST, PERMISSION, Cue, Lexicon, Trigger

TOKEN = re.compile(r"[\w']+")
WINDOW = 8              # words before a trigger that a negation may stand in
PERMISSION_WINDOW = 5   # a denial of a freedom sits close to it ("may not leave")
PROHIBITION_WINDOW = 5  # "it is strictly prohibited to charge ..."
WEAK_WINDOW = 2         # "without" negates only what follows it
AFTER_WINDOW = 6        # words after a trigger read for "none", "not charged", "is prohibited"
LIST_WINDOW = 12        # words before a trigger that "without requiring" may stand in, across a list
LIST_ITEM = 4           # words of one item in a list that a negation may run across
REACH = 400             # characters each side of a match that its judgement reads (a few dozen words)
# A condition after a trigger has its own negation ("... unpaid if the target is not met").
# "1 000 $": a space between digit groups is a thousands separator, not a zero of its own.
THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
SUBORDINATE = re.compile(r"(?<!\w)(?:if|unless|when|whenever|because|si|cuando|porque|quand|lorsque|parce|quando|"
                         r"paske)(?!\w)")


def _words(text: str) -> list[str]:
    return TOKEN.findall(text)


def _scope(clause: str, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    # Only the text near the match counts, so a clause with thousands of matches costs linear time.
    left, right = max(0, start - REACH), min(len(clause), end + REACH)
    for brk in lex.breakers_re.finditer(clause, left, right):
        if brk.end() <= start:
            left = brk.end()
        elif brk.start() >= end:
            right = brk.start()
            break
    return left, right


def _negation_segment(before: str, lex: Lexicon) -> str:
    """The text before a trigger that a negation may come from: it crosses commas only in a list."""
    parts = before.split(",")
    if len(parts) == 1:
        return before
    index = len(parts) - 1
    if not lex.conjunction_re.search(parts[index]):
        return parts[index]
    while index > 0 and len(_words(parts[index - 1])) <= LIST_ITEM:
        index -= 1
    return ",".join(parts[max(index - 1, 0):])


def _negated(lex: Lexicon, before: str, after: str) -> bool:
    """Whether a trigger is negated: "no fees", "without a deposit", "fees: none"."""
    words = _words(_negation_segment(before, lex))
    if lex.weak_negation_re.search(" ".join(words[-WEAK_WINDOW:])):
        return True
    window = " ".join(words[-WINDOW:])
    if lex.negation_re.search(window) or GLOBAL_NEGATION.search(window):
        return True
    if lex.prohibition_re.search(" ".join(words[-PROHIBITION_WINDOW:])):
        return True
    # "without any requirement of marital status, religion or pregnancy test": the whole list.
    if lex.list_negation_re.search(" ".join(words[-LIST_WINDOW:])):
        return True
    return bool(lex.after_re.search(_after_window(after)))


def _after_window(after: str) -> str:
    """The words right after a trigger, up to a comma or a subordinate clause."""
    head = SUBORDINATE.split(THOUSANDS.sub("", after).split(",", 1)[0], 1)[0]
    return " ".join(head.split()[:AFTER_WINDOW])


def _denied(lex: Lexicon, before: str, matched: str, after: str) -> bool:
    """Whether a freedom is denied: "may not leave", "forbidden to leave", "joining ... is banned"."""
    if lex.negation_re.search(matched):
        return True
    segment = _negation_segment(before, lex)
    words = _words(segment)
    window = " ".join(words[-PERMISSION_WINDOW - 2:])
    restrictors = list(lex.restrictor_re.finditer(window))
    if restrictors:
        # "nobody will be dismissed for joining": the negation belongs to the restrictor.
        offset = len(" ".join(words)) - len(window)
        head = _words(" ".join(words)[: offset + restrictors[-1].start()])[-4:]
        return not lex.negation_re.search(" ".join(head))
    # "There is no curfew: workers may leave": a negation before a colon belongs to its own statement.
    local = _words(segment.rsplit(":", 1)[-1])
    if lex.negation_re.search(" ".join(local[-PERMISSION_WINDOW:])):
        return True
    tail = _after_window(after)
    denial = lex.denial_re.search(tail)
    return bool(denial) and not lex.negation_re.search(tail[: denial.start()])


def _cue_matches(lex: Lexicon, cue_set: str, scope: str) -> list[tuple[Cue, re.Match]]:
    return [(cue, found) for cue in lex.cues.get(cue_set, ()) for found in cue.matches(scope)]


def _actor(lex: Lexicon, cues: list[tuple[Cue, re.Match]], scope: str, start: int, end: int) -> bool | None:
    """Who bears the cost or holds the document: True fair, False unfair, None unsaid."""
    best: dict[int, tuple[int, bool]] = {}
    for cue, found in cues:
        fair = cue.fair
        before_cue = " ".join(_words(scope[: found.start()])[-2:])
        if found.groupdict().get("neg") or lex.negation_re.search(before_cue):
            fair = not fair
        distance = max(0, start - found.end(), found.start() - end)
        current = best.get(cue.strength)
        # On equal distance the unfair reading wins: a tie is no excuse.
        if current is None or (distance, fair) < current:
            best[cue.strength] = (distance, fair)
    if not best:
        return None
    return best[max(best)][1]


@lru_cache(maxsize=256)
def _excused(lex: Lexicon, family: str, clause: str, next_folded: str) -> bool:
    """Whether the clause (or the next sentence) excuses the family; cached, as every match of a
    clause asks the same."""
    aggravation = lex.aggravation_re.get(family)
    if aggravation is not None and aggravation.search(clause):
        return False
    context = lex.context_re.get(family)
    if context is not None and context.search(clause):
        return True
    following = lex.next_context_re.get(family)
    return following is not None and bool(following.search(next_folded))


def judge(lex: Lexicon, trigger: Trigger, clause: str, found: re.Match, next_folded: str = "") -> bool | None:
    """Whether one trigger match shows the unfair practice (True), a fair look-alike (False), or says
    too little to tell (None: a cost nobody is said to pay, a freedom that is not denied)."""
    left, right = _scope(clause, found.start(), found.end(), lex)
    before, after = clause[left: found.start()], clause[found.end(): right]
    if _excused(lex, trigger.family, clause, next_folded):
        return False
    if trigger.kind == PERMISSION:
        return True if _denied(lex, before, found.group(0), after) else None
    scope = clause[left:right]
    cues = _cue_matches(lex, trigger.cues, scope) if trigger.cues else []
    # A negation inside an actor cue ("the employer does not pay") belongs to the cue, not the trigger.
    masked = list(before)
    for _, cue_found in cues:
        for pos in range(cue_found.start(), min(cue_found.end(), len(before))):
            masked[pos] = " "
    if _negated(lex, "".join(masked), after):
        return False
    actor = _actor(lex, cues, scope, found.start() - left, found.end() - left) if cues else None
    if trigger.kind == COST:
        return None if actor is None else not actor
    return actor is not True
