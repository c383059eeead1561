"""Flag messages in the reader's language: every text rule's reason has its translations, values carry over."""

import pytest
from werkzeug.datastructures import LanguageAccept

from ethics import engine
from ethics.rules.messages import LANGUAGES, TEMPLATES, best_language, localise, localised_flags
from ethics.rules.textflags import MESSAGES
from tests.unit.ethics.documents import vacancy


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
