"""Text normalisation and splitting shared by the pattern rules and the classifier."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ethics.rules.numbers import digits

_PUNCT = str.maketrans({
    "\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " ",
    "\u0153": "oe", "\u0152": "oe", "\u00e6": "ae", "\u00df": "ss",
})
# Haitian Creole "anplwayè" (employer) and "anplwaye" (employee) differ only by the accent
# that folding erases, so the employer form is renamed before the accents go.
_BEFORE_FOLD = ((re.compile(r"\banplway[eé]\u0300|\banplway\u00e8"), "patwon"),)
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bshan'?t\b"), "shall not"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
)
_HYPHEN = re.compile(r"(?<=[^\W\d])-(?=[^\W\d])")
_SPACES = re.compile(r"\s+")
# A separator that begins with white space may begin only where a run of it begins ((?<!\s)): otherwise each
# position of a long run would scan to its end, and 20,000 spaces took seconds (issue 12).
_SENTENCE = re.compile(r"(?<=[.!?\u2026])\s+(?=\S)|(?:(?<!\s)\s+)?[\r\n]+\s*|(?:(?<!\s)\s+)?[\u2022\u25cf\u25aa]\s*")
_CLAUSE = re.compile(
    r"(?:(?<!\s)\s+)?;\s*|(?<!\s)\s+(?:but|however|although|though|whereas|except|pero|sin embargo|aunque|excepto|"
    r"salvo|"
    r"mais|cependant|toutefois|pourtant|sauf|porem|contudo|todavia|entretanto|no entanto|exceto|"
    r"sepandan|poutan|eksepte)\b|,\s*(?:mas|men)\b(?!\s+(?:and|or|only|y|e|et|ak|women)\b)"
)


def fold(text: str) -> str:
    """Lowercase, strip accents, unify quotes and dashes, expand English "n't", join hyphenated words."""
    folded = text.translate(_PUNCT).lower()
    folded = unicodedata.normalize("NFC", folded)
    for pattern, repl in _BEFORE_FOLD:
        folded = pattern.sub(repl, folded)
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    for pattern, repl in _CONTRACTIONS:
        folded = pattern.sub(repl, folded)
    folded = _HYPHEN.sub(" ", folded)
    return _SPACES.sub(" ", folded).strip()


@dataclass(frozen=True)
class Sentence:
    """One sentence: the original words (for evidence), the folded form and its clauses."""

    original: str
    folded: str
    clauses: tuple[str, ...]


def sentences(text: str) -> list[Sentence]:
    """Split free text into sentences, each folded and cut into clauses."""
    found = []
    for piece in _SENTENCE.split(text or ""):
        original = _SPACES.sub(" ", piece).strip()
        if not original:
            continue
        folded = digits(fold(original))
        clauses = tuple(c for c in _CLAUSE.split(folded) if c and c.strip())
        found.append(Sentence(original, folded, clauses or (folded,)))
    return found


def shorten(text: str, limit: int = 200) -> str:
    """Trim a text to at most ``limit`` characters on a word boundary, marking the cut."""
    text = _SPACES.sub(" ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "\u2026"
