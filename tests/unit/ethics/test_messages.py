"""Flag messages in the reader's language: every text rule's reason has its translations, values carry over."""

import ast
import re
import sys
from pathlib import Path

import pytest
from werkzeug.datastructures import LanguageAccept

from ethics import engine
from ethics.rules import catalogue
from ethics.rules.textflags import MESSAGES
from services.flag_messages import GLOSSARY, LANGUAGES, TEMPLATES, best_language, localise, localised_flags
from tests.corpus.evaluate import load_cases, run_case
from tests.unit.ethics.documents import offer, vacancy
from tests.unit.ethics.test_classifier import UNCOVERED


def test_every_template_has_every_language_but_english():
    for english, translations in TEMPLATES.items():
        assert set(translations) == set(LANGUAGES) - {"en"}, english
        for text in translations.values():
            assert text != english and text.count("{") == english.count("{")


@pytest.mark.parametrize("family", sorted(MESSAGES))
def test_every_text_rule_reason_is_translated(family):
    english = MESSAGES[family].format(field="description")
    for lang in ("es", "fr", "pt", "ht"):
        assert localise(english, lang) != english, (family, lang)


def test_values_and_field_names_carry_over():
    flags = engine.check_vacancy(vacancy(hours_per_week=70)).flags
    (hours,) = [f for f in flags if f.rule == "excessive-hours"]
    assert localise(hours.message, "es") == "La semana de trabajo no debe pasar de 60 horas: la vacante pide 70."
    assert localise(hours.message, "en") == hours.message


def test_an_untranslated_message_stays_in_english():
    assert localise("Something the rules said.", "fr") == "Something the rules said."


def test_localised_flags_keep_the_contract_shape():
    flag = engine.check_vacancy(vacancy(description="No visitors are allowed in the housing.")).flags[0].to_dict()
    (shown,) = localised_flags([flag], "pt")
    assert set(shown) == {"rule", "severity", "principle", "message", "evidence"}
    assert shown["message"].startswith("Os trabalhadores devem poder receber visitas")
    assert {k: v for k, v in shown.items() if k != "message"} == {k: v for k, v in flag.items() if k != "message"}


def test_the_best_language_of_a_request():
    assert best_language(LanguageAccept([("fr-CA", 1), ("en", 0.5)])) == "fr"
    assert best_language(LanguageAccept([("ht", 1)]), ("en", "es", "fr", "pt")) == "en"
    assert best_language(LanguageAccept([("ht", 1)])) == "ht"


# --- Every message the engine can write is translated -------------------------------------------------------

ETHICS = Path(engine.__file__).parent
SOURCES = sorted(ETHICS.glob("*.py")) + sorted((ETHICS / "rules").glob("*.py"))
US_FARM = {"country": "US", "region": "", "city": "Fresno"}
US_WAGE = {"amount": 19.0, "currency": "USD", "per": "hour"}


def _call_sites() -> set[tuple[str, int, int]]:
    """(file, first line, last line) of every ``make_flag(...)`` call in the ethics sources."""
    sites = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "make_flag":
                sites.add((str(path), node.lineno, node.end_lineno))
    return sites


def _examples() -> list:
    """Documents that reach the message producers the corpus may not (each verdict's flags are collected)."""
    deduction = [{"label": label, "amount": 20, "per": "week"} for label in
                 ("return flight", "loan repayment", "security deposit", "visa processing")]
    h2a = {"destination": US_FARM, "wage": US_WAGE}
    return [
        engine.check_vacancy(vacancy(worker_fees=500, hours_per_week=70, deductions=deduction, contract_languages=[],
                                     employer_pays={"visa": False, "inbound_travel": False, "return_travel": False},
                                     recruiter={"name": "Agencia Y", "licence": ""},
                                     requirements={"min_age": 16, "languages": []})),
        engine.check_vacancy(vacancy(hours_per_week=50, language="fr", contract_languages=["es"],
                                     requirements={"min_age": 25, "languages": []})),
        engine.check_vacancy(vacancy(language="es", contract_languages=["es"], requirements={"languages": ["fr"]})),
        engine.check_vacancy(vacancy(wage={"amount": 10, "currency": "CAD", "per": "hour"})),
        engine.check_vacancy(vacancy(deductions=[{"label": "meals", "amount": 400, "per": "week"}])),
        engine.check_vacancy(vacancy(wage={"amount": 17.60, "currency": "CAD", "per": "hour"}, hours_per_week=40,
                                     deductions=[{"label": "meals", "amount": 150, "per": "week"}])),
        engine.check_vacancy(vacancy(description="During the training weeks the pay is 9 dollars an hour. You work "
                                                 "12 hours a day, 7 days a week.")),
        engine.check_vacancy(vacancy(description="Shifts are 10 hours a day, 6 days a week.")),
        engine.check_vacancy(vacancy(**h2a)),
        engine.check_vacancy(vacancy(**h2a, housing={"provided": True, "weekly_deduction": 0},
                                     deductions=[{"label": "rent", "amount": 50, "per": "week"}])),
        engine.check_vacancy(vacancy(**h2a, housing={"provided": True, "weekly_deduction": 0}, deductions=[],
                                     description="Housing costs 60 dollars a week, taken from your pay. Work is "
                                                 "not guaranteed; on slow days there is no pay. Piece rate only.")),
        engine.check_vacancy(vacancy(description=f"Apple harvest in Ontario. {UNCOVERED}")),
        engine.check_vacancy(vacancy(), budget_seconds=0),
        engine.check_offer(offer(contract_language=""), None),
        engine.check_offer(offer(contract_language="fr", wage={"amount": 19.0, "currency": "CAD", "per": "hour"},
                                 worker_fees=300, hours_per_week=50, season={"start": "2027-08-01",
                                                                             "end": "2027-08-20"},
                                 housing={"provided": False, "weekly_deduction": 60},
                                 deductions=[{"label": "meals", "amount": 60, "per": "week"},
                                             {"label": "tools", "amount": 5, "per": "week"}]),
                           vacancy(deductions=[{"label": "meals", "amount": 40, "per": "week"}])),
        engine.check_offer(offer(season={"start": "2027-07-01", "end": "2027-10-31"}), vacancy()),
        *_registry_examples(),
    ]


def _registry_examples() -> list:
    """The recruiter registry's flags: not registered, revoked, and past its valid-until day."""
    from datetime import date

    from ethics.rules.recruiters import Registry, RegistryEntry

    today = date(2027, 1, 10)
    revoked = Registry(today, {"ONRA1234": RegistryEntry("Agencia X", "ON-RA-1234", "revoked")})
    lapsed = Registry(today, {"ONRA1234": RegistryEntry("Agencia X", "ON-RA-1234", "active", date(2026, 12, 31))})
    return [engine.check_vacancy(vacancy(), registry=registry) for registry in (Registry(today), revoked, lapsed)] + [
        engine.check_offer(offer(), vacancy(), registry=registry) for registry in (Registry(today), revoked, lapsed)]


@pytest.fixture(scope="module")
def produced(request) -> tuple[set[str], set[tuple[str, int]]]:
    """Every flag message of the corpus and the examples, and the lines their ``make_flag`` calls were made from."""
    called: set[tuple[str, int]] = set()

    def traced(*args, **kwargs):
        caller = sys._getframe(1)
        called.add((caller.f_code.co_filename, caller.f_lineno))
        return catalogue.make_flag(*args, **kwargs)

    patch = pytest.MonkeyPatch()
    request.addfinalizer(patch.undo)
    for module in list(sys.modules.values()):
        if getattr(module, "make_flag", None) is catalogue.make_flag and module is not catalogue:
            patch.setattr(module, "make_flag", traced)
    verdicts = [run_case(case) for case in load_cases()] + _examples()
    flags = [flag for verdict in verdicts for flag in verdict.flags]
    flags += [engine.grievance_flag("wages", "Unpaid overtime."), engine.grievance_flag("", "No category.")]
    flags += engine.rating_flags({"no_fees_charged": False, "paid_on_time": False})
    flags += [engine.fairness_flag("Offers to women: 2 of 40.")]
    return {flag.message for flag in flags}, called


def test_every_message_producer_is_reached(produced):
    """A new ``make_flag`` call fails here until an example above reaches it (and so its message is checked)."""
    _messages, called = produced
    missing = {(Path(path).name, first) for path, first, last in _call_sites()
               if not any(path == file and first <= line <= last for file, line in called)}
    assert not missing


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{3,}", text.lower()))


def _vocabulary(lang: str) -> set[str]:
    if lang == "en":
        return set().union(*map(_words, TEMPLATES), *map(_words, GLOSSARY["es"]))
    return set().union(*(_words(t[lang]) for t in TEMPLATES.values()), *map(_words, GLOSSARY[lang].values()))


@pytest.mark.parametrize("lang", ["es", "fr", "pt", "ht"])
def test_every_produced_message_is_translated(produced, lang):
    """Translated, and with no English word of a template left (quoted deduction labels are the employer's own)."""
    messages, _called = produced
    english, own = _vocabulary("en"), _vocabulary(lang)
    untranslated = {}
    for message in messages:
        shown = localise(message, lang)
        left = _words(re.sub(r'"[^"]*"', "", shown)) & english - own
        if shown == message or left:
            untranslated[message] = sorted(left)
    assert not untranslated
