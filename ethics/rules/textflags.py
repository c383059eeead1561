"""Flags from free text: the pattern rules decide, the classifier adds review flags they could not."""

from __future__ import annotations

import re

from ethics.rules import classifier
from ethics.rules.budget import NO_DEADLINE, Deadline, OutOfTime, manual_review_flag
from ethics.rules.catalogue import Flag, make_flag
from ethics.rules.lexicon import GLOBAL_NEGATION
from ethics.rules.text import scan
from ethics.rules.textnorm import shorten

NO = re.compile(r"(?<!\w)(?:no|pa|p|ni)(?!\w)")
MESSAGES = {
    "worker-fees": "Workers must not pay recruitment fees: the {field} asks them to pay one.",
    "worker-costs": "Recruitment costs (visa, travel, medical exams, documents, tools) are the employer's: the {field} "
                    "puts them on the worker.",
    "passport-retention": "Workers must keep their passports and identity documents: the {field} says someone else "
                          "will hold them.",
    "withheld-wages": "Wages must be paid regularly and in full: the {field} holds them back or pays them only at the "
                      "end.",
    "debt-bondage": "Workers must not be bound by debts or interest-bearing advances repaid from wages: the {field} "
                    "describes one.",
    "exit-penalty": "Workers must be free to leave without deposits or penalties: the {field} imposes one.",
    "movement-restriction": "Workers must be free to move (no curfew, confiscated phones, locked housing or permission "
                            "to leave): the {field} restricts them.",
    "union-ban": "Workers are free to join a union and act collectively: the {field} forbids or punishes it.",
    "discrimination": "Requirements must not discriminate by sex, pregnancy, marital status, religion, nationality or "
                      "age: the {field} does.",
    "underage": "Workers must be at least 18: the {field} accepts younger workers.",
    "no-return-travel": "Return travel should be paid by the employer: the {field} makes the worker pay it.",
    "suspicious-text": "An auditor should read this sentence of the {field}: it resembles unfair recruitment terms.",
    "forced-overtime": "Overtime must be voluntary and limited: the {field} makes it compulsory, unlimited or enforced "
                       "by threats.",
    "no-rest-day": "Workers are entitled to a weekly rest day: the {field} takes it away or enforces rest-day work by "
                   "threats.",
    "company-store": "Workers must not be tied to the employer's store: the {field} makes them buy there or deducts "
                     "their purchases from wages.",
    "forced-transfer": "Workers must not be moved to other farms or employers without their consent: the {field} "
                       "allows it.",
    "isolation": "Workers must be free to receive visitors and talk to outsiders: the {field} bans it.",
}
# Families that are not rules by themselves: the engine reads them with the programme and the structured
# fields (``ethics.rules.conditions``), e.g. a housing charge is unfair on an H-2A job only.
SIGNALS = frozenset({"no-hours-guarantee", "housing-charged", "piece-rate-only"})


def text_flags(fields: list[tuple[str, str]], deadline: Deadline = NO_DEADLINE,
               signals: dict[str, tuple[str, str]] | None = None) -> list[Flag]:
    """Flags for free-text fields, each given as (field name for the message, text).

    A field whose check passes the ``deadline`` ends the check with the ``manual-review`` block flag:
    the fields after it are not read, and the document cannot be approved. The ``SIGNALS`` found
    are put in ``signals`` as {family: (field, evidence)} (the first of each) instead of flagged.
    """
    flags: list[Flag] = []
    signals = {} if signals is None else signals
    for field, value in fields:
        if not isinstance(value, str) or not value.strip():
            continue
        try:
            flags += _field_flags(field, value, deadline, signals)
        except OutOfTime:
            return flags + [manual_review_flag(field)]
    return flags


def _field_flags(field: str, value: str, deadline: Deadline, signals: dict[str, tuple[str, str]]) -> list[Flag]:
    """A field's pattern flags; when no pattern fired, the classifier reads only the sentences that no
    trigger matched at all (the rules already judged the others fair)."""
    findings, parts, understood = scan(value, deadline)
    for finding in findings:
        if finding.family in SIGNALS:
            signals.setdefault(finding.family, (field, shorten(finding.evidence)))
    findings = [f for f in findings if f.family not in SIGNALS]
    if findings:
        return [make_flag(f.family, MESSAGES[f.family].format(field=field), shorten(f.evidence)) for f in findings]
    # The rules read negation, the classifier does not: a negated sentence is left to the rules.
    unexplained = [s for i, s in enumerate(parts) if i not in understood
                   and not GLOBAL_NEGATION.search(s.folded) and not NO.search(s.folded)]
    deadline.check()
    suspicious = classifier.most_suspicious([s.folded for s in unexplained])
    if suspicious is None:
        return []
    return [make_flag("suspicious-text", MESSAGES["suspicious-text"].format(field=field),
                      shorten(unexplained[suspicious].original))]
