"""Programme rules and contradictions between the free text and the structured fields.

- **Programme rules.** A vacancy in the United States for farm work is an H-2A job (the only US visa for
  temporary or seasonal agricultural work), and "H-2A" in its text says so too. H-2A housing is free
  (20 CFR 655.122(d)) and the employer guarantees work for three-fourths of the workdays of the
  contract (20 CFR 655.122(i)): a housing charge (field, deduction or text) or a text that denies the
  guarantee is a block. Tools and protective equipment are free everywhere (``worker-costs``).
- **Contradictions.** The text says "piece rate only" while the wage field promises a time rate
  (``terms-contradiction``); the text states a wage below the destination's minimum ("during the
  training weeks, 9 dollars an hour": ``below-minimum-wage``); the text states longer weekly hours
  than the field ("12 hours a day, 7 days a week": ``excessive-hours`` or ``long-hours``).

The text signals come from the pattern rules (``textflags.SIGNALS``); the amounts are read here.
"""

from __future__ import annotations

import re

from ethics.rules.catalogue import Flag, make_flag
from ethics.rules.fields import items, mapping, money, number, text
from ethics.rules.structured import LONG_HOURS, MAX_HOURS
from ethics.rules.textnorm import fold, sentences, shorten
from ethics.rules.wages import destination_minimum
from services.pay import currency_code

Signals = dict[str, tuple[str, str]]

_H2A = re.compile(r"(?<![\w-])h ?-? ?2 ?-? ?a(?!\w)")
_H2B = re.compile(r"(?<![\w-])h ?-? ?2 ?-? ?b(?!\w)")
# Farm work by occupation code (ISCO-08 major group 6, and 921 farm labourers) or by its words.
_FARM_ISCO = re.compile(r"^(?:6|921)")
_FARM_WORDS = re.compile(
    r"(?<!\w)(?:farm\w*|harvest\w*|picker|pickers|orchard\w*|crops?|field ?work\w*|agricultur\w*|greenhouse|nursery|"
    r"livestock|dairy|tractor|vineyard|cosech\w*|recolect\w*|agricol\w*|agricult\w*|granja|finca|campo|cueill\w*|"
    r"recolte\w*|ferme|verger|colhe\w*|colheit\w*|lavoura|fazenda|rekot|jaden|kiltivate|fem)(?!\w)")
TIME_UNITS = ("hour", "day", "week", "month")


def is_h2a(vacancy: dict) -> bool:
    """Whether the vacancy is an H-2A job: in the US and named so, or farm work in the US."""
    if text(mapping(vacancy.get("destination")).get("country")).strip().upper() != "US":
        return False
    words = fold(" ".join(text(vacancy.get(k)) for k in ("title", "description", "occupation")) + " " +
                 text(mapping(vacancy.get("requirements")).get("other")))
    if _H2A.search(words):
        return True
    if _H2B.search(words):
        return False
    return bool(_FARM_ISCO.match(text(vacancy.get("isco_code")).strip()) or _FARM_WORDS.search(words))


def programme_flags(doc: dict, vacancy: dict | None, signals: Signals) -> list[Flag]:
    """h2a-housing and h2a-guarantee for a vacancy (``vacancy`` is the document) or an offer on one."""
    if vacancy is None or not is_h2a(vacancy):
        return []
    flags = []
    housing = _housing_charge(doc)
    if housing is None and "housing-charged" in signals:
        field, evidence = signals["housing-charged"]
        housing = (f"the {field} charges for it", evidence)
    if housing is not None:
        how, evidence = housing
        flags.append(make_flag("h2a-housing", f"H-2A housing is free (20 CFR 655.122(d)): {how}.", evidence))
    if "no-hours-guarantee" in signals:
        field, evidence = signals["no-hours-guarantee"]
        flags.append(make_flag("h2a-guarantee", f"H-2A employers guarantee work for three-fourths of the contract's "
                               f"workdays (20 CFR 655.122(i)): the {field} denies it.", evidence))
    return flags


def _housing_charge(doc: dict) -> tuple[str, str] | None:
    weekly = number(mapping(doc.get("housing")).get("weekly_deduction"))
    if weekly is not None and weekly > 0:
        return f"it deducts {weekly:g} a week", f"housing.weekly_deduction: {weekly:g}"
    for item in items(doc.get("deductions")):
        label, amount = text(mapping(item).get("label")), number(mapping(item).get("amount"))
        if amount and amount > 0 and re.search(r"(?<!\w)(?:housing|rent|lodg\w*|rooms?|vivienda|alojamiento|renta|"
                                               r"alquiler|logement|loyer|moradia|aluguel|alojamento|lojman|lwaye)(?!\w)",
                                               fold(label)):
            return f"it deducts {amount:g} for \"{label}\"", f"deduction \"{label}\": {amount:g}"
    return None


def contradiction_flags(doc: dict, noun: str, texts: list[tuple[str, str]], signals: Signals,
                        destination) -> list[Flag]:
    """terms-contradiction, and the wage and hours the text states against the minimum and the limits."""
    flags = []
    per = text(mapping(doc.get("wage")).get("per"))
    if "piece-rate-only" in signals and per in TIME_UNITS:
        field, evidence = signals["piece-rate-only"]
        flags.append(make_flag("terms-contradiction", f"The text must not contradict the terms the worker is shown: "
                               f"the wage field promises a rate per {per}, the {field} pays by the piece only.",
                               evidence))
    flags += _text_wage_flags(doc, noun, texts, destination)
    flags += _text_hours_flags(doc, noun, texts)
    return flags


_CURRENCY_WORDS = {
    "usd": ("USD",), "us$": ("USD",), "cad": ("CAD",), "mxn": ("MXN",), "brl": ("BRL",), "r$": ("BRL",),
    "reais": ("BRL",), "real": ("BRL",), "eur": ("EUR",), "euros": ("EUR",), "euro": ("EUR",), "htg": ("HTG",),
    "goud": ("HTG",), "gourdes": ("HTG",), "gourde": ("HTG",), "pesos": ("MXN", "COP", "CLP", "DOP"),
    "$": ("USD", "CAD", "JMD", "MXN", "COP", "CLP"), "dollars": ("USD", "CAD", "JMD"),
    "dollar": ("USD", "CAD", "JMD"), "dolares": ("USD", "CAD", "JMD"), "dolar": ("USD", "CAD", "JMD"),
    "dola": ("USD", "CAD", "JMD"),
}
_CUR = r"us\$|r\$|\$|usd|cad|mxn|brl|eur|htg|reais|real|euros?|goud|gourdes?|pesos|dollars?|dolares|dolar|dola"
_UNIT = {"hour": "hour", "hours": "hour", "hr": "hour", "hora": "hour", "heure": "hour", "edtan": "hour", "le": "hour",
         "day": "day", "dia": "day", "jour": "day", "jou": "day", "journee": "day", "jornada": "day",
         "week": "week", "semana": "week", "semaine": "week", "semen": "week",
         "month": "month", "mes": "month", "mois": "month", "mwa": "month"}
_RATE = re.compile(
    rf"(?<![\w$])(?:(?P<pre>{_CUR}) ?)?(?P<amount>\d{{1,6}}(?:[.,]\d{{1,2}})?)(?: ?(?P<post>{_CUR}))?(?!\w) ?"
    r"(?:per|an|a|/|each|por|la|el|al|a la|par|de l'|a l'|l'|pa|chak|the) ?"
    r"(?P<unit>hours?|hr|hora|heure|edtan|le|day|dia|jour|jou|journee|jornada|week|semana|semaine|semen|month|mes|"
    r"mois|mwa)(?!\w)")
_WAGE_WORDS = re.compile(
    r"(?<!\w)(?:wages?|salar\w*|pay|pays|paid|earn\w*|rates?|sueldo|pago|paga|pagad[oa]s?|pagamos|gana\w*|jornal|"
    r"salaire|paye|payee?s?|paie|remuner\w*|gagn\w*|taux|ganha\w*|sale|peye|touche)(?!\w)")
# A cost, a deduction or an addition to the wage is not the wage itself.
_NOT_WAGE = re.compile(
    r"(?<!\w)(?:deduct\w*|costs?|charge\w*|rent|fees?|price|meals?|housing|lodging|food|board|bonus\w*|premium|"
    r"extra|more|additional|overtime|raise|increase|supplement\w*|allowance|per diem|descuent\w*|costo\w*|cuesta|"
    r"cobr\w*|renta|alquiler|comidas?|aliment\w*|alojamiento|vivienda|bono|prima|adicional\w*|horas? extra\w*|"
    r"retenue|deduit\w*|couts?|coute|loyer|repas|logement|nourriture|prime|supplementaire\w*|heures sup\w*|"
    r"desconto\w*|descontad\w*|custa|custo\w*|aluguel|refeic\w*|moradia|alojamento|adicional|bonus|koupe|retire|"
    r"koute|lwaye|manje|lojman|bonis|siplemante|anplis)(?!\w)")


def _text_wage_flags(doc: dict, noun: str, texts: list[tuple[str, str]], destination) -> list[Flag]:
    minimum = destination_minimum(doc, destination)
    if minimum is None:
        return []
    currency = currency_code(mapping(doc.get("wage")).get("currency"))
    hours = number(doc.get("hours_per_week"))
    for field, value in texts:
        for sentence in sentences(value):
            for clause in sentence.clauses:
                if not _WAGE_WORDS.search(clause) or _NOT_WAGE.search(clause):
                    continue
                for found in _RATE.finditer(clause):
                    said = _currency(found.group("pre") or found.group("post"), currency)
                    if said is None or said != minimum.currency.upper():
                        continue
                    amount = float(found.group("amount").replace(",", "."))
                    per = _UNIT[found.group("unit")]
                    required = minimum.per_unit(per, hours)
                    if required is not None and amount < required - 0.005:
                        return [make_flag("below-minimum-wage", f"The wage must reach the legal minimum: the {field} "
                                          f"of the {noun} states {money(amount, said)} per {per}, below the "
                                          f"{money(required, said)} per {per} required in {minimum.place}.",
                                          shorten(sentence.original))]
    return []


def _currency(word: str | None, document_currency: str) -> str | None:
    """The ISO code a currency word of the text means, read with the document's currency."""
    if not word:
        return None
    options = _CURRENCY_WORDS.get(word, ())
    if document_currency in options:
        return document_currency
    return options[0] if len(options) == 1 else None


_HOURS_DAY = re.compile(r"(?<!\w)(?P<n>\d{1,2}) ?(?:hours?|horas?|heures?|h|edtan|le) (?:a|per|each|every|por|al|"
                        r"par|pa|chak|le|by) ?(?:day|dia|jour|jou|journee)(?!\w)")
_DAYS_WEEK = re.compile(r"(?<!\w)(?P<n>[1-7]) ?(?:days?|dias?|jours?|jou) (?:a|per|each|every|por|a la|par|pa|chak|"
                        r"sur|sou|de la|by|on) ?(?:week|semana|semaine|semen|7)(?!\w)")
_HOURS_WEEK = re.compile(r"(?<!\w)(?P<n>\d{2,3}) ?(?:hours?|horas?|heures?|h|edtan|le) (?:a|per|each|every|por|a la|"
                         r"par|pa|chak|de la|by) ?(?:week|semana|semaine|semen)(?!\w)")


def _text_hours_flags(doc: dict, noun: str, texts: list[tuple[str, str]]) -> list[Flag]:
    """The longest week the text states, when it is longer than the field and than the limits."""
    stated = number(doc.get("hours_per_week")) or 0.0
    for field, value in texts:
        for sentence in sentences(value):
            folded = sentence.folded
            weekly = [int(m.group("n")) for m in _HOURS_WEEK.finditer(folded)]
            daily = [int(m.group("n")) for m in _HOURS_DAY.finditer(folded)]
            days = [int(m.group("n")) for m in _DAYS_WEEK.finditer(folded)]
            if daily and days:
                weekly.append(max(daily) * max(days))
            week = max(weekly, default=0)
            if week <= max(stated, LONG_HOURS):
                continue
            said = f"the {field} of the {noun} states {week} hours a week, more than its hours field ({stated:g})"
            if week > MAX_HOURS:
                return [make_flag("excessive-hours", f"Work weeks must not exceed {MAX_HOURS} hours: {said}.",
                                  shorten(sentence.original))]
            return [make_flag("long-hours", f"Work weeks above {LONG_HOURS} hours need review: {said}.",
                              shorten(sentence.original))]
    return []

