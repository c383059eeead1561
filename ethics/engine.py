"""The ethics rule engine: pure checks of vacancies and offers against fair-recruitment rules.

Everything here is a pure function of its arguments and of data loaded once at import (the
minimum wage table, the lexicons, the classifier's training set). ``RULES_VERSION`` changes with
any rule or data change so that every stored verdict says which rules decided it.
"""

from __future__ import annotations

from ethics.rules import catalogue as _catalogue
from ethics.rules import conditions, offers, structured, wages
from ethics.rules.budget import DEFAULT_BUDGET_SECONDS, Deadline
from ethics.rules.catalogue import BLOCK, Flag, Verdict, make_flag
from ethics.rules.fields import items, mapping
from ethics.rules.fields import text as as_text
from ethics.rules.recruiters import Registry, registry_flags
from ethics.rules.textflags import text_flags
from ethics.rules.textnorm import shorten

__all__ = ["RULES_VERSION", "Flag", "Registry", "Verdict", "catalogue", "check_offer", "check_vacancy",
           "fairness_flag", "grievance_flag", "rating_flags"]

RULES_VERSION = "2027.01.2"


def _verdict(flags: list[Flag]) -> Verdict:
    unique = tuple(dict.fromkeys(flags))
    if any(flag.severity == BLOCK for flag in unique):
        outcome = "block"
    else:
        outcome = "flag" if unique else "pass"
    return Verdict(outcome, RULES_VERSION, unique)


def _label_texts(doc: dict) -> list[tuple[str, str]]:
    """Deduction labels for the text rules, except those the label rule already flags."""
    labels = (as_text(mapping(item).get("label")) for item in items(doc.get("deductions")))
    return [("deduction label", label) for label in labels if not structured.label_rule(label)]


def check_vacancy(vacancy: dict, budget_seconds: float | None = DEFAULT_BUDGET_SECONDS,
                  registry: Registry | None = None) -> Verdict:
    """Check a vacancy document: structured fields, wage and deductions, its free text, and (given the
    ``registry`` entries of its recruiter's licence) its recruiter's licence.

    The free text gets ``budget_seconds`` (None: no limit); past it the verdict is a block with the
    ``manual-review`` flag (see ``ethics.rules.budget``)."""
    deadline = Deadline.after(budget_seconds)
    vacancy = mapping(vacancy)
    requirements = mapping(vacancy.get("requirements"))
    flags = structured.vacancy_flags(vacancy) + registry_flags(vacancy.get("recruiter"), registry, "vacancy")
    flags += wages.wage_flags(vacancy, vacancy.get("destination"), "vacancy")
    texts = [("title", as_text(vacancy.get("title"))), ("description", as_text(vacancy.get("description"))),
             ("other requirements", as_text(requirements.get("other")))] + _label_texts(vacancy)
    signals: dict[str, tuple[str, str]] = {}
    flags += text_flags(texts, deadline, signals)
    flags += conditions.programme_flags(vacancy, vacancy, signals)
    flags += conditions.contradiction_flags(vacancy, "vacancy", texts, signals, vacancy.get("destination"))
    return _verdict(flags)


def check_offer(offer: dict, vacancy: dict | None, budget_seconds: float | None = DEFAULT_BUDGET_SECONDS,
                registry: Registry | None = None) -> Verdict:
    """Check an offer: its own terms, and when its vacancy is known, the vacancy's destination
    minimum wage, any substitution of worse terms and (given the ``registry``) the vacancy's recruiter's
    licence as it stands now. Without the vacancy, rules needing the destination are skipped. The free text
    gets ``budget_seconds``, as in :func:`check_vacancy`."""
    deadline = Deadline.after(budget_seconds)
    offer = mapping(offer)
    vacancy = vacancy if isinstance(vacancy, dict) else None
    flags = structured.fee_flags(offer, "offer") + structured.hours_flags(offer, "offer")
    flags += structured.deduction_label_flags(offer, "offer") + offers.language_flags(offer, vacancy)
    flags += wages.wage_flags(offer, vacancy.get("destination") if vacancy else None, "offer")
    if vacancy is not None:
        flags += offers.substitution_flags(offer, vacancy) + registry_flags(vacancy.get("recruiter"), registry, "offer")
    texts = [("offer terms", as_text(offer.get("terms")))] + _label_texts(offer)
    signals: dict[str, tuple[str, str]] = {}
    flags += text_flags(texts, deadline, signals)
    flags += conditions.programme_flags(offer, vacancy, signals)
    destination = vacancy.get("destination") if vacancy else None
    flags += conditions.contradiction_flags(offer, "offer", texts, signals, destination)
    return _verdict(flags)


def catalogue() -> list[dict]:
    """The rule catalogue: ``[{"id", "severity", "principle", "description"}]``."""
    return _catalogue.catalogue()


def grievance_flag(category: str, text: str) -> Flag:
    """The review flag a worker's grievance puts on an employer (event flow only)."""
    category = as_text(category).strip()
    about = f" ({category})" if category else ""
    return make_flag("grievance", f"A worker filed a grievance{about} about this employer: an auditor should look "
                     "into it.", shorten(as_text(text), 200))


# A worker's answer about a completed season (``placement.rated``) that puts a review flag on the employer:
# the answer, the value that raises the flag, the rule, and its message.
RATING_ANSWERS = (
    ("no_fees_charged", False, "rating-fees-charged",
     "A worker who rated a completed season says fees were charged for the job: an auditor should look into it."),
    ("paid_on_time", False, "rating-paid-late",
     "A worker who rated a completed season says they were not paid on time: an auditor should look into it."),
)


def rating_flags(answers: dict) -> list[Flag]:
    """The review flags a worker's answers about a season put on the employer (event flow only); an answer
    that is not exactly false (absent, or not a boolean) raises none."""
    answers = mapping(answers)
    return [make_flag(rule, message, f"{answer}: false") for answer, value, rule, message in RATING_ANSWERS
            if answers.get(answer) is value]


def fairness_flag(evidence: str) -> Flag:
    """The review flag the fairness audit puts on an employer whose offers went to women far less often than
    its candidates would make likely (event flow only; the test is ``ethics.fairness.finding``)."""
    return make_flag("possible-sex-discrimination", "This employer's offers went to women far less often than "
                     "women were among its candidates: an auditor should look into it.", evidence)
