"""A static ReDoS check of regular expressions with regexploit, and the inventory of the ethics patterns.

regexploit reads only unbounded repeats (``*``, ``+``) and knows neither atomic groups nor possessive
repeats (Python 3.11), so three readings are checked for each pattern:

- the pattern itself, atomic groups and possessive repeats read as one indivisible token (they match
  one way at a position: a later failure cannot make them try another split);
- the body of every bounded repeat ``{m,n}`` (n > 1) read as unbounded and followed by the end of
  the text: ``{0,12}`` of an ambiguous body is a polynomial of degree 12, as bad as a star (this is
  how the old ``gap()`` blew up);
- the inside of every atomic group or possessive repeat on its own, also followed by the end (it may
  still backtrack inside before it commits).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings

with warnings.catch_warnings():  # regexploit imports the deprecated sre_parse/sre_constants
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as sre_c
    import sre_parse

    from regexploit.ast.repeat import FiniteRepeat
    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find

# regexploit's own threshold: 1 is linear backtracking, 2 quadratic (bounded by the field lengths), 3 or
# more cubic or exponential.
STARRY = 2
REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)


class TokenParser(SreOpParser):
    """regexploit's parser, reading an atomic group or a possessive repeat as one token of its characters."""

    def _token(self, items, optional: bool):
        self.use_negative_lookahead()
        inner = SreOpParser.sequence_or_singleton(TokenParser(), items)
        if inner is None:
            return None
        token = inner.maximal_character_class()
        return FiniteRepeat(token, 0, 1) if optional else token

    def from_ATOMIC_GROUP(self, items):
        return self._token(items, optional=False)

    def from_POSSESSIVE_REPEAT(self, data):
        minimum, _, items = data
        return self._token(items, optional=minimum == 0)


def _children(op, av) -> list:
    """The sub-trees of a group, a branch or a lookaround."""
    if op is sre_c.SUBPATTERN:
        return [av[3]]
    if op is sre_c.BRANCH:
        return list(av[1])
    if op is sre_c.ATOMIC_GROUP:
        return [av]
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        return [av[1]]
    return []


def _parts(items, found: list) -> None:
    """Collect, as parse trees, the parts read on their own: bounded repeat bodies, atomic insides."""
    end = (sre_c.AT, sre_c.AT_END)
    for op, av in items:
        if op in REPEATS:
            minimum, maximum, body = av
            if op is sre_c.POSSESSIVE_REPEAT:
                found.append([(sre_c.MAX_REPEAT, (minimum, maximum, body)), end])
            elif maximum is not sre_c.MAXREPEAT and maximum > 1:
                found.append([(sre_c.MAX_REPEAT, (minimum, sre_c.MAXREPEAT, body)), end])
            _parts(body, found)
            continue
        if op is sre_c.ATOMIC_GROUP:
            found.append([*av, end])
        for child in _children(op, av):
            _parts(child, found)


def _unbounded(items) -> bool:
    """Whether a parse tree holds an unbounded repeat (regexploit finds nothing without one)."""
    for op, av in items:
        if op in REPEATS and (av[1] is sre_c.MAXREPEAT or _unbounded(av[2])):
            return True
        if any(_unbounded(child) for child in _children(op, av)):
            return True
    return False


def _starry(tree) -> list:
    parsed = TokenParser().sequence_or_singleton(tree)
    return [] if parsed is None else [r for r in find(parsed) if r.starriness > STARRY]


def redos(pattern: str) -> list[str]:
    """Attack strings regexploit builds against ``pattern`` (none: no catastrophic backtracking found)."""
    tree = list(sre_parse.parse(pattern))
    trees = [tree] if _unbounded(tree) else []
    _parts(tree, trees)
    return sorted({found.example() for part in trees if _unbounded(part) for found in _starry(part)})


def _walk(value, seen: set, patterns: set) -> None:
    if id(value) in seen or isinstance(value, str | bytes | int | float | type(None)):
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        patterns.add(value.pattern)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, seen, patterns)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _walk(item, seen, patterns)
    elif type(value).__module__.startswith("ethics") and hasattr(value, "__dict__"):
        # Triggers, cues and lexicons, with the fields a Lexicon compiles after construction.
        for item in vars(value).values():
            _walk(item, seen, patterns)


def ethics_patterns(package: str = "ethics.rules") -> list[str]:
    """Every compiled pattern reachable from the modules of ``package``: every Trigger, Cue, the
    Lexicons' compiled fields, and module-level patterns, of every language."""
    root = importlib.import_module(package)
    patterns: set[str] = set()
    seen: set[int] = set()
    for module in pkgutil.walk_packages(root.__path__, f"{package}."):
        for value in vars(importlib.import_module(module.name)).values():
            _walk(value, seen, patterns)
    return sorted(patterns)
