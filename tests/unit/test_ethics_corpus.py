"""Every labelled case of the corpus gets its expected verdict, with the rules that justify it."""

import pytest

from tests.corpus.evaluate import load_cases, run_case

CASES = load_cases()


def test_the_corpus_is_large_and_covers_five_languages():
    assert len(CASES) >= 100
    assert {c["lang"] for c in CASES} == {"en", "es", "fr", "pt", "ht"}
    assert {c["expect"] for c in CASES} == {"pass", "flag", "block"}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    verdict = run_case(case)
    fired = {f.rule for f in verdict.flags}
    assert verdict.verdict == case["expect"], f"{case['note']}: got {verdict.verdict} with {sorted(fired)}"
    assert set(case["rules"]) <= fired, f"{case['note']}: fired {sorted(fired)}"
    assert all(f.evidence for f in verdict.flags), "every flag carries its evidence"
