"""No ethics pattern can backtrack catastrophically (issue 12): a static check with regexploit."""

import pytest

from ethics.rules.lexicon import LEXICONS
from ethics.rules.lexicon.base import gap
from tests.unit.ethics.redos_check import ethics_patterns, redos

# The gap() of rules version 2026.11.3: word and separator both took "," and "'".
OLD_GAP = r"(?:(?!(?:no|not)(?!\w))[$€£]?[\w'](?:[\w'.,]*[\w'])?[^\w.;!?]+){0,3}"


def test_the_checker_finds_the_old_gap_and_a_classic():
    assert redos(rf"(?<!\w)(?:loan {OLD_GAP}repaid)(?!\w)")
    assert redos(r"^(a+)+$")
    assert redos(r"\s+(?:is )?\s*(?:us)?\s*\d")  # the old "fee: 100" cue: cubic in spaces


def test_the_checker_accepts_the_new_gap():
    assert redos(rf"(?<!\w)(?:loan {gap(3, 'no|not')}repaid)(?!\w)") == []


def test_every_trigger_cue_and_lexicon_pattern_of_every_language_is_collected():
    patterns = set(ethics_patterns())
    for lexicon in LEXICONS:
        assert {t.regex.pattern for t in lexicon.triggers} <= patterns
        assert {c.regex.pattern for cues in lexicon.cues.values() for c in cues} <= patterns
        assert lexicon.negation_re.pattern in patterns and lexicon.breakers_re.pattern in patterns


# Every pattern of five languages through regexploit takes minutes of CPU: a bound on a hang, not a speed
# requirement (the default 300 s ran out on a shared, busy machine).
@pytest.mark.timeout(1800)
def test_no_ethics_pattern_backtracks_catastrophically():
    unsafe = {pattern: attacks for pattern in ethics_patterns() if (attacks := redos(pattern))}
    assert unsafe == {}, f"{len(unsafe)} patterns can blow up, e.g. {next(iter(unsafe.items()))}"
