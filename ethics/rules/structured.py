"""Rules on the structured fields of a vacancy or an offer (fees, costs, hours, age, recruiter, languages)."""

from __future__ import annotations

import re

from ethics.rules.age import age_flags
from ethics.rules.catalogue import Flag, make_flag
from ethics.rules.fields import items, mapping, money, number, text
from ethics.rules.textnorm import fold

MAX_HOURS = 60
LONG_HOURS = 48
CIRCULAR = ("seasonal", "circular")
# Deduction labels that name a cost the worker must never bear, in the five languages (folded);
# the first match wins, so return travel and debts come before the costs they may mention.
_LABELS = (
    ("no-return-travel", r"return|regreso|retorno|retour|volta|retou"),
    ("debt-bondage", r"loan|advance|debt|prestamo|anticipo|adelanto|deuda|\bpret\b|avance|dette|emprestimo|"
                     r"adiantamento|divida|\bpre\b|avans|\bdet\b|interest|interes|juros|entere"),
    ("exit-penalty", r"deposit|\bbond|guarantee|fianza|garantia|caution|\bdepot|caucao|\bdepo\b|kosyon|penalt|"
                     r"\bfines?\b|multa|amende|amann"),
    ("worker-costs", r"visa|viza|visto|visado|permit|permiso|permis|pemi|lmia|flight|air ?fare|ticket|boleto|billet|"
                     r"pasaje|passage|tike|travel|viaje|voyage|viagem|vwayaj|medic|exam|vaccin|vacun|vacin|vaksen|"
                     r"passport|pasaporte|passeport|passaporte|paspo|document|dokiman|police|antecedentes|casier|"
                     r"training|capacitacion|formation|treinamento|fomasyon|tool|herramienta|outil|ferramenta|zouti|"
                     r"uniform|inifom|\bppe\b|\bepp\b|\bepi\b|protect|boots|botas|bottes|gloves|guantes|gants|luvas"),
    # RULE_IDS.md: recruitment costs deducted from wages are worker-costs (worker-fees is the
    # structured worker_fees amount and the text rules).
    ("worker-costs", r"recruit|placement|agenc|reclut|recrut|rekrit|inscri|enskri|registration|registro|processing|"
                    r"tramit|dossier|dosye|commission|comision|comissao|komisyon|broker|enganche|(?:service|admin\w*) "
                    r"fee"),
)
_LABEL_RES = tuple((rule, re.compile(pattern)) for rule, pattern in _LABELS)
_INSURANCE = re.compile(r"insur|seguro|assur|asirans")
_LABEL_MESSAGES = {
    "worker-fees": "Workers must not pay recruitment fees: the {noun} deducts {amount} for \"{label}\".",
    "worker-costs": "Recruitment costs are the employer's: the {noun} deducts {amount} for \"{label}\".",
    "debt-bondage": "Debts must not be repaid from wages: the {noun} deducts {amount} for \"{label}\".",
    "exit-penalty": "Workers must not pay deposits or penalties: the {noun} deducts {amount} for \"{label}\".",
    "no-return-travel": "Return travel should be paid by the employer: the {noun} deducts {amount} for \"{label}\".",
}


def fee_flags(doc: dict, noun: str) -> list[Flag]:
    """worker-fees from the structured ``worker_fees`` amount."""
    fees = number(doc.get("worker_fees"))
    if fees is None or fees <= 0:
        return []
    currency = text(mapping(doc.get("wage")).get("currency"))
    return [make_flag("worker-fees", f"Workers must not pay recruitment fees: the {noun} "
                                     f"charges {money(fees, currency)}.",
                      f"worker_fees: {fees:g}")]


def hours_flags(doc: dict, noun: str) -> list[Flag]:
    """excessive-hours above 60 a week, long-hours above 48."""
    hours = number(doc.get("hours_per_week"))
    if hours is None or hours <= LONG_HOURS:
        return []
    if hours > MAX_HOURS:
        return [make_flag("excessive-hours", f"Work weeks must not exceed {MAX_HOURS} hours: the {noun} asks for "
                          f"{hours:g}.", f"hours_per_week: {hours:g}")]
    return [make_flag("long-hours", f"Work weeks above {LONG_HOURS} hours need review: the {noun} asks for {hours:g}.",
                      f"hours_per_week: {hours:g}")]


def label_rule(label: str) -> str | None:
    """The rule a deduction label breaks by naming a cost the worker must not bear, if any."""
    folded = fold(label)
    if not folded or _INSURANCE.search(folded):
        return None
    return next((rule for rule, pattern in _LABEL_RES if pattern.search(folded)), None)


def deduction_label_flags(doc: dict, noun: str) -> list[Flag]:
    """Deductions whose label names a fee, a recruitment cost, a debt or a deposit."""
    flags = []
    currency = text(mapping(doc.get("wage")).get("currency"))
    for item in items(doc.get("deductions")):
        item = mapping(item)
        label, amount = text(item.get("label")).strip(), number(item.get("amount"))
        rule = label_rule(label)
        if rule and amount is not None and amount > 0:
            shown = f"{money(amount, currency)} per {text(item.get('per')) or 'period'}"
            flags.append(make_flag(rule, _LABEL_MESSAGES[rule].format(noun=noun, amount=shown, label=label),
                                   f"deduction \"{label}\": {shown}"))
    return flags


def vacancy_flags(vacancy: dict) -> list[Flag]:
    """All structured rules of a vacancy."""
    flags = fee_flags(vacancy, "vacancy") + _employer_pays_flags(vacancy) + hours_flags(vacancy, "vacancy")
    flags += deduction_label_flags(vacancy, "vacancy") + age_flags(vacancy) + _recruiter_flags(vacancy)
    return flags + _language_flags(vacancy)


def _employer_pays_flags(vacancy: dict) -> list[Flag]:
    pays = mapping(vacancy.get("employer_pays"))
    flags = []
    for key, what in (("visa", "the visa"), ("inbound_travel", "the travel to the job")):
        if pays.get(key) is False:
            flags.append(make_flag("worker-costs", f"The employer must pay {what}: the vacancy leaves it to the "
                                                   f"worker.",
                                   f"employer_pays.{key}: false"))
    if text(vacancy.get("pathway")) in CIRCULAR and pays.get("return_travel") is False:
        flags.append(make_flag("no-return-travel", f"Return travel should be paid by the employer for "
                               f"{text(vacancy.get('pathway'))} work: the vacancy does not pay it.",
                               "employer_pays.return_travel: false"))
    return flags


def _recruiter_flags(vacancy: dict) -> list[Flag]:
    recruiter = vacancy.get("recruiter")
    if not isinstance(recruiter, dict) or text(recruiter.get("licence")).strip():
        return []
    name = text(recruiter.get("name")).strip()
    if not name:
        return []
    return [make_flag("unlicensed-recruiter", f"Recruiters should be licensed: {name} gives no licence number.",
                      f"recruiter: {name}, licence: none")]


def _languages(value) -> list[str]:
    return [text(lang).strip().lower() for lang in items(value) if text(lang).strip()]


def _language_flags(vacancy: dict) -> list[Flag]:
    contract = _languages(vacancy.get("contract_languages"))
    written = text(vacancy.get("language")).strip().lower()
    required = _languages(mapping(vacancy.get("requirements")).get("languages"))
    if not contract:
        reason, evidence = "no contract language is given", "contract_languages: none"
    elif written and written not in contract:
        reason, evidence = f"the vacancy is written in {written} but the contract is in {', '.join(contract)}", \
            f"language: {written}; contract_languages: {', '.join(contract)}"
    elif required and not set(required) & set(contract):
        reason, evidence = f"the vacancy requires {', '.join(required)} but the contract is in {', '.join(contract)}", \
            f"requirements.languages: {', '.join(required)}; contract_languages: {', '.join(contract)}"
    else:
        return []
    return [make_flag("contract-language", f"The contract must be in a language the worker reads: {reason}.", evidence)]
