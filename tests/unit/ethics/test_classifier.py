"""The suspicious-text classifier: deterministic, cheap, quiet on fair text, heard where rules are silent."""

import json

import pytest

from ethics import engine
from ethics.rules import classifier
from ethics.rules.textnorm import fold
from tests.unit.ethics.documents import rules, vacancy

# Retaliation against complaints: no pattern family covers it, the classifier learned it.
UNCOVERED = "Quien se queje será enviado de regreso a su costa."
FAIR = [
    "We are hiring seasonal workers to pick apples in Ontario.",
    "Applicants should have experience operating tractors and forklifts.",
    "The workday starts at 7 am and ends at 4 pm with a one hour lunch break.",
    "Transportation from the airport to the farm is arranged by the employer.",
    "Los trabajadores reciben su salario cada viernes con recibo detallado.",
    "Le transport depuis l'aéroport est organisé et payé par l'employeur.",
    "A empresa organiza e paga o transporte do aeroporto até a fazenda.",
    "Patwon an òganize e peye transpò depi ayewopò a rive nan fèm nan.",
]


def test_training_data_covers_five_languages_and_both_labels():
    rows = [json.loads(line) for line in classifier.TRAINING_PATH.read_text(encoding="utf-8").splitlines()]
    assert {row["lang"] for row in rows} == {"en", "es", "fr", "pt", "ht"}
    for lang in ("en", "es", "fr", "pt", "ht"):
        labels = [row["label"] for row in rows if row["lang"] == lang]
        assert labels.count(1) >= 20 and labels.count(0) >= 20, lang


def test_training_is_deterministic():
    texts, labels = classifier.load_examples()
    first = classifier.train(texts, labels)
    second = classifier.train(texts, labels)
    sample = [fold(s) for s in FAIR + [UNCOVERED]]
    assert list(first.predict_proba(sample)[:, 1]) == list(second.predict_proba(sample)[:, 1])


def test_the_fast_scorer_equals_the_fitted_pipeline():
    sample = [fold(s) for s in FAIR + [UNCOVERED, "", "zzz"]]
    expected = classifier.MODEL.predict_proba(sample)[:, 1]
    assert classifier.probabilities(sample) == pytest.approx(list(expected), abs=1e-12)


@pytest.mark.parametrize("sentence", FAIR)
def test_quiet_on_clearly_fair_sentences(sentence):
    assert classifier.probabilities([fold(sentence)])[0] < classifier.THRESHOLD
    assert engine.check_vacancy(vacancy(description=sentence)).verdict == "pass"


def test_flags_for_review_what_no_pattern_recognises():
    verdict = engine.check_vacancy(vacancy(description=f"Apple harvest in Ontario. {UNCOVERED}"))
    assert verdict.verdict == "flag"
    (flag,) = verdict.flags
    assert (flag.rule, flag.severity, flag.evidence) == ("suspicious-text", "review", UNCOVERED)


def test_silent_where_a_pattern_already_fired():
    verdict = engine.check_vacancy(vacancy(description=f"Workers pay a recruitment fee of 300 USD. {UNCOVERED}"))
    assert rules(verdict) == {"worker-fees"}


def test_negated_sentences_are_left_to_the_rules():
    # the rules read "nadie" (nobody) as a negation; the classifier, which cannot, is not asked
    assert engine.check_vacancy(vacancy(description="Nadie le pedirá que entregue su pasaporte.")).verdict == "pass"
    assert engine.check_vacancy(vacancy(description="Nobody will take your phone, ever.")).verdict == "pass"


def test_fragments_under_four_words_are_not_judged():
    assert classifier.most_suspicious([fold("Bring cash")]) is None
    assert classifier.most_suspicious([]) is None
