"""Per-language lexicons of the text rules: triggers, negation and context cues.

Each language module builds one :class:`~ethics.rules.lexicon.base.Lexicon` from its vocabulary
(``<lang>_words``) and its triggers about money (``<lang>_money``) and freedom (``<lang>_freedom``).
The ``language`` field of a document says nothing about a mixed text, so every clause picks its own
lexicons from the function words it contains (``lexicons_for``); a clause with fewer than two runs
them all, and ``GLOBAL_NEGATION`` lets a trigger see another language's negations.
"""

from __future__ import annotations

import re

from ethics.rules.lexicon import en, es, fr, ht, pt
from ethics.rules.lexicon.base import Lexicon

LEXICONS = (en.LEXICON, es.LEXICON, fr.LEXICON, pt.LEXICON, ht.LEXICON)

# Function words that belong to one language only (after folding): words shared by two of them
# ("la", "de", "se", "que", "ou", "no") tell nothing and are left out.
MARKERS = {
    "en": "the and of to is are will be with for must their by at this that from have has who any not pay workers "
          "worker employer you it or they can may all paid per week hours",
    "es": "el los las del y con es una su sus al trabajadores trabajador empleador pero muy sin lo hay estan debe "
          "deben pueden puede ningun ninguna nada quien quienes usted ustedes tiene tienen trabajo ellos",
    "fr": "le les des du et est sont pour avec une pas ne aux au leur leurs qui travailleurs travailleur employeur "
          "ce cette il ils sur dans nous vous seront doit doivent aucun aucune semaine heures salaire",
    "pt": "os do das e com um uma nao na ao aos pelo pela trabalhadores trabalhador empregador sao em seu sua seus "
          "suas deve devem podem pode nenhum nenhuma voce tem",
    "ht": "yo nan pou ak pa li nou gen ki sou travaye ap pral dwe epi moun patwon fe ka kap yon ke pi chak okenn "
          "lajan sale konpayi",
}
_MARKER_SETS = {lang: frozenset(words.split()) for lang, words in MARKERS.items()}
_TOKENS = re.compile(r"[a-z]+")


# Negation words of every language, for triggers that meet a clause in another language; words that
# are something else in one of them ("no" is "in the" in Portuguese, "pa"/"p" are Creole only) stay out.
_AMBIGUOUS = {"no", "p", "pa", "ni"}
_WORDS = {word for lex in LEXICONS for word in lex.negation.split("|")
          if word not in _AMBIGUOUS and re.fullmatch(r"[a-z ]+", word)}
GLOBAL_NEGATION = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?!\w)")
# One marker word is weak evidence ("le" is French, but also folded Creole "lè"): below this, all run.
MIN_MARKERS = 2


def lexicons_for(clause: str) -> tuple[Lexicon, ...]:
    """The lexicons whose language the clause shows (at least half the best score), or all of them."""
    tokens = _TOKENS.findall(clause)
    scores = {lang: sum(token in words for token in tokens) for lang, words in _MARKER_SETS.items()}
    best = max(scores.values())
    if best < MIN_MARKERS:
        return LEXICONS
    return tuple(lex for lex in LEXICONS if scores[lex.lang] * 2 >= best and scores[lex.lang] > 0)
