"""Building blocks of a language lexicon: triggers, actor cues and the compiled lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ethics.rules.lexicon.screen import required_literals

PRACTICE = "practice"      # the words describe the unfair practice: fires unless negated or excused
COST = "cost"              # a cost or a document: fires only when a cue puts it on the worker
PERMISSION = "permission"  # a freedom ("may leave", "free to join"): fires only when denied


def compile_words(pattern: str) -> re.Pattern:
    """Compile a pattern so that it starts and ends on word boundaries."""
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


# Negations of every language that mean nothing else in the others: a gap never crosses them either,
# so a trigger written for one language does not run over another language's negation.
CROSS_NEGATION = "ningun|ninguna|ninguno|nada|nunca|jamas|nadie|nenhum|nenhuma|nao|ninguem|aucun|aucune|jamais|" \
                 "rien|pas|never|not|none|nothing|okenn|anyen|janm"


# A filler word: letters, digits and apostrophes, with inner "." and "," ("1,500", "e.g", "l'agent").
WORD = r"[$€£]?[\w'](?:[\w'.,]*[\w'])?"
# What separates two words; ".;!?" end the phrase. It shares "," and "'" with WORD.
SEPARATOR = r"[^\w.;!?]"


def gap(words: int, negation: str) -> str:
    """Up to ``words`` filler words that are not negations (a negation inside a phrase breaks it).

    Word and separator share "," and "'", so "a,'a,'a..." splits into words in exponentially many
    ways, and a gap that could try them all took minutes on 80 characters (issue 12). Here a word is
    atomic (``(?>...)``: the longest word, never given back) and a separator possessive (``++``), so
    every text splits one way only and a failing gap can only retry fewer words.
    ``tests/unit/ethics/test_redos.py`` checks every pattern for such ambiguity with regexploit.
    """
    negation = f"{negation}|{CROSS_NEGATION}"
    return rf"(?:(?!(?:{negation})(?!\w))(?>{WORD}){SEPARATOR}++){{0,{words}}}"


def alt(*parts: str) -> str:
    """A non-capturing alternation of the given patterns."""
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Trigger:
    """A phrase that may reveal a practice of ``family``, judged by ``kind`` and the ``cues`` set."""

    family: str
    regex: re.Pattern
    kind: str = PRACTICE
    cues: str = ""
    generic: bool = False
    needs: frozenset[str] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs", required_literals(self.regex.pattern))


@dataclass(frozen=True)
class Cue:
    """An actor phrase near a trigger: ``fair`` when it puts the cost/document with the right side.

    ``strength`` ranks cues: 2 overrides (a reimbursement), 1 is a normal actor, 0 a weak hint used
    only when nothing else is said. A named group ``neg`` inside the regex flips the cue.
    """

    regex: re.Pattern
    fair: bool
    strength: int = 1
    screen: re.Pattern | None = None

    def __post_init__(self) -> None:
        needs = required_literals(self.regex.pattern)
        if needs:
            object.__setattr__(self, "screen", re.compile("|".join(map(re.escape, sorted(needs)))))

    def matches(self, scope: str) -> list[re.Match]:
        """The cue's matches in a scope (none without searching when a needed literal is missing)."""
        if self.screen is not None and not self.screen.search(scope):
            return []
        return list(self.regex.finditer(scope))


def practice(family: str, pattern: str, cues: str = "", generic: bool = False) -> Trigger:
    """A trigger naming the unfair practice itself."""
    return Trigger(family, compile_words(pattern), PRACTICE, cues, generic)


def cost(family: str, pattern: str, cues: str = "pay", generic: bool = False) -> Trigger:
    """A trigger naming a cost or document that is unfair only if a cue puts it on the worker."""
    return Trigger(family, compile_words(pattern), COST, cues, generic)


def permission(family: str, pattern: str) -> Trigger:
    """A trigger naming a freedom, unfair only when negated or prohibited."""
    return Trigger(family, compile_words(pattern), PERMISSION)


def cue(pattern: str, fair: bool, strength: int = 1) -> Cue:
    """A compiled actor cue."""
    return Cue(compile_words(pattern), fair, strength)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything one language contributes to the text rules, compiled once at import.

    ``negation`` words negate a trigger a few words ahead, ``weak_negation`` ("without") only the
    next two words; ``after`` clears a trigger from behind ("fees: none", "is prohibited");
    ``prohibition`` right before a practice negates it too ("it is prohibited to
    charge"); ``list_negation`` ("without requiring", "regardless of") negates a whole list after it;
    ``restrictor`` before and ``denial`` after a freedom deny it ("forbidden to", "will be
    dismissed"); ``breakers`` end the scope of a cue (", and the worker ..."); ``context`` per family
    excuses a trigger in its scope, ``next_context`` in the next sentence too, unless the scope
    holds an ``aggravation`` ("until the end of the season").
    """

    lang: str
    negation: str
    weak_negation: str
    after: str
    restrictor: str
    denial: str
    breakers: str
    conjunctions: str
    triggers: tuple[Trigger, ...]
    cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    context: dict[str, str] = field(default_factory=dict)
    next_context: dict[str, str] = field(default_factory=dict)
    aggravation: dict[str, str] = field(default_factory=dict)
    prohibition: str = r"(?!x)x"
    list_negation: str = r"(?!x)x"

    def __post_init__(self) -> None:
        compiled = {
            "negation_re": compile_words(self.negation),
            "prohibition_re": compile_words(self.prohibition),
            "list_negation_re": compile_words(self.list_negation),
            "weak_negation_re": compile_words(self.weak_negation),
            "after_re": compile_words(self.after),
            "restrictor_re": compile_words(self.restrictor),
            "denial_re": compile_words(self.denial),
            # Breakers start with punctuation or a conjunction, so they carry their own boundaries.
            "breakers_re": re.compile(self.breakers),
            "conjunction_re": compile_words(self.conjunctions),
            "aggravation_re": {k: compile_words(v) for k, v in self.aggravation.items()},
            "context_re": {k: compile_words(v) for k, v in self.context.items()},
            "next_context_re": {k: compile_words(v) for k, v in self.next_context.items()},
        }
        # Literal screens: which triggers need which literal, indexed by its first three letters.
        index: dict[str, set[str]] = {}
        users: dict[str, set[int]] = {}
        for number, trigger in enumerate(self.triggers):
            for literal in trigger.needs or ():
                index.setdefault(literal[:3], set()).add(literal)
                users.setdefault(literal, set()).add(number)
        compiled["literal_index"] = {key: tuple(values) for key, values in index.items()}
        compiled["literal_users"] = users
        compiled["unscreened"] = frozenset(n for n, t in enumerate(self.triggers) if t.needs is None)
        for name, value in compiled.items():
            object.__setattr__(self, name, value)

    def candidates(self, clause: str) -> list[Trigger]:
        """The triggers that may match the clause: those with a needed literal in it, or no screen."""
        chosen = set(self.unscreened)
        for start in range(len(clause) - 2):
            for literal in self.literal_index.get(clause[start:start + 3], ()):
                if clause.startswith(literal, start):
                    chosen |= self.literal_users[literal]
        return [self.triggers[n] for n in sorted(chosen)]
