"""Rules on the minimum age of a vacancy: under 18 blocks, above 18 needs a stated legal reason.

A ``min_age`` above 18 keeps younger adults out of the candidate lists, so a series of vacancies with
different minimum ages would tell an employer which candidates were born before which year (issue
12). Above 18 the age is a review flag (``age-requirement``) unless the vacancy says which law,
regulation or licence requires it (a driving licence at 21, a firearms or alcohol law). No law of
seasonal farm or factory work asks for more than 21, and a "by law" anyone can write must not open every
birth year: above ``LEGAL_AGE_CEILING`` the flag stands whatever the text says, so unflagged vacancies can
tell apart at most those born in the last three years.
"""

from __future__ import annotations

import re

from ethics.rules.catalogue import Flag, make_flag
from ethics.rules.fields import mapping, number, text
from ethics.rules.textnorm import fold

ADULT = 18
LEGAL_AGE_CEILING = 21
# Words that state a legal reason, in the five languages (folded: lowercase, no accents).
LEGAL_REASON_WORDS = {
    "en": r"laws?|legal(?:ly)?|regulations?|regulatory|statut\w*|licen[cs]\w*|ordinances?",
    "es": r"leyes|ley|legal(?:es|mente)?|reglament\w*|normativa|licencias?|decreto|estatut\w*",
    "fr": r"lois?|legal\w*|reglement\w*|permis|licences?|decret|statut\w*",
    "pt": r"leis?|legal(?:mente)?|regulament\w*|licencas?|decreto|estatut\w*|habilitacao",
    "ht": r"lwa|legal|regleman|lisans|pemi|dekre",
}
LEGAL_REASON = re.compile(r"(?<!\w)(?:" + "|".join(LEGAL_REASON_WORDS.values()) + r")(?!\w)")


def min_age(vacancy: dict) -> float | None:
    """The vacancy's ``requirements.min_age``, if it gives one."""
    return number(mapping(vacancy.get("requirements")).get("min_age"))


def states_legal_reason(vacancy: dict) -> bool:
    """Whether the vacancy's other requirements or description name a law, regulation or licence."""
    requirements = mapping(vacancy.get("requirements"))
    texts = (text(requirements.get("other")), text(vacancy.get("description")))
    return any(LEGAL_REASON.search(fold(value)) for value in texts if value)


def age_flags(vacancy: dict) -> list[Flag]:
    """``underage`` below 18; ``age-requirement`` above 18 without a stated legal reason."""
    age = min_age(vacancy)
    if age is None or age == ADULT:
        return []
    if age < ADULT:
        return [make_flag("underage", f"Workers must be at least {ADULT}: the vacancy accepts workers from {age:g}.",
                          f"requirements.min_age: {age:g}")]
    if age <= LEGAL_AGE_CEILING and states_legal_reason(vacancy):
        return []
    return [make_flag("age-requirement", f"A minimum age above {ADULT} needs a legal reason: the vacancy asks for "
                      f"{age:g} without naming the law, regulation or licence that requires it.",
                      f"requirements.min_age: {age:g}")]
