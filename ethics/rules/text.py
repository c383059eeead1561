"""Pattern detection of unfair practices in free text, whatever its language or mix of languages.

A text is cut into sentences and clauses (``textnorm``). Each clause runs the lexicons of the
languages its function words show (all five when it shows none, see ``lexicons_for``), and of
those only the triggers whose needed literals occur in it (``Lexicon.candidates``). Every match is
judged in its clause (``judge``). A match that fires is dropped when another language's
overlapping match of the same family was judged fair (their negations differ), and a bare "fee"
when a more specific family ("visa fee", "termination fee") fired in the same clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ethics.rules.budget import NO_DEADLINE, Deadline
from ethics.rules.citation import cites_prohibition
from ethics.rules.judge import judge
from ethics.rules.lexicon import lexicons_for
from ethics.rules.lexicon.base import PERMISSION
from ethics.rules.textnorm import Sentence, sentences

# A fee named by a more specific family ("termination fee", "visa fee") is reported there only.
SPECIFIC_COSTS = ("worker-costs", "exit-penalty", "debt-bondage", "no-return-travel")


@dataclass(frozen=True)
class Hit:
    """One judged trigger match."""

    family: str
    lang: str
    start: int
    end: int
    fired: bool | None  # None: the match said too little to judge
    generic: bool


@dataclass(frozen=True)
class Finding:
    """A family that fired in a text, with the sentence that shows it."""

    family: str
    evidence: str


def _clause_hits(clause: str, next_folded: str, deadline: Deadline, cited: bool = False) -> list[Hit]:
    """The judged matches of one clause; in a clause citing a legal prohibition (``citation``), the
    practices and costs it names are read as fair."""
    hits = []
    for lex in lexicons_for(clause):
        for trigger in lex.candidates(clause):
            deadline.check()
            for found in trigger.regex.finditer(clause):
                deadline.check()
                if not _plausible(found):
                    continue
                fired = judge(lex, trigger, clause, found, next_folded)
                if fired and cited and trigger.kind != PERMISSION:
                    fired = False
                hits.append(Hit(trigger.family, lex.lang, found.start(), found.end(), fired, trigger.generic))
    return _reconcile(hits)


def _plausible(found: re.Match) -> bool:
    """An age range is an upper age limit only above 18 ("under 18" protects minors)."""
    upper = found.groupdict().get("upper")
    return upper is None or int(upper) > 18


def _reconcile(hits: list[Hit]) -> list[Hit]:
    """Drop fired hits that another language read as fair, and generic fee words that a more
    specific family ("visa fee", "termination fee") already reports."""
    cleared = [h for h in hits if h.fired is False]
    specific = [h for h in hits if h.fired and h.family in SPECIFIC_COSTS]
    kept = []
    for hit in hits:
        vetoed = any(c.family == hit.family and c.lang != hit.lang and _overlap(c, hit) for c in cleared)
        covered = hit.family == "worker-fees" and hit.generic and bool(specific)
        kept.append(Hit(**{**hit.__dict__, "fired": False}) if hit.fired and (vetoed or covered) else hit)
    return kept


def _overlap(one: Hit, other: Hit) -> bool:
    return one.start < other.end and other.start < one.end


def scan(text: str, deadline: Deadline = NO_DEADLINE) -> tuple[list[Finding], list[Sentence], set[int]]:
    """Judge a text: the families that fired (first evidence each), its sentences, and the
    indexes of sentences where some trigger matched at all (fired or judged fair).

    Raises :class:`~ethics.rules.budget.OutOfTime` once the ``deadline`` passes (checked before
    every trigger's search and every match's judgement)."""
    parts = sentences(text)
    findings: dict[str, Finding] = {}
    understood: set[int] = set()
    for number, sentence in enumerate(parts):
        next_folded = parts[number + 1].folded if number + 1 < len(parts) else ""
        for clause in sentence.clauses:
            cited = cites_prohibition(sentence.folded, clause)
            for hit in _clause_hits(clause, next_folded, deadline, cited):
                if hit.fired is not None:
                    understood.add(number)
                if hit.fired and hit.family not in findings:
                    findings[hit.family] = Finding(hit.family, sentence.original)
    return list(findings.values()), parts, understood
