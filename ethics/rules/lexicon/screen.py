"""Literal screens: words a regex cannot match without, so most triggers skip most clauses cheaply.

The regex parse tree is walked to find, for every possible match, at least one literal of three or
more characters that the match must contain. A clause holding none of them cannot match and is not
searched. When no such set can be proven (an optional-only or digit-only pattern) there is no screen.
"""

from __future__ import annotations

try:  # the parser is private to ``re``: without it every trigger simply runs unscreened
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Python versions
    sre_parse = sre_c = None

MIN_LENGTH = 3
Needs = frozenset[str] | None


def _sequence(items) -> Needs:
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre_c.LITERAL:
            run += chr(av)
            continue
        if len(run) >= MIN_LENGTH:
            options.append(frozenset([run]))
        run = ""
        child = _node(op, av)
        if child:
            options.append(child)
    if len(run) >= MIN_LENGTH:
        options.append(frozenset([run]))
    # Any required part will do; the one with the longest shortest literal screens best.
    return max(options, key=lambda needs: min(map(len, needs)), default=None)


def _node(op, av) -> Needs:
    if op is sre_c.SUBPATTERN:
        return _sequence(av[3])
    if op is sre_c.BRANCH:
        parts = [_sequence(branch) for branch in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*parts)
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2])
    return None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` contains, or None if unknown."""
    if sre_parse is None:
        return None
    try:
        return _sequence(sre_parse.parse(pattern))
    except Exception:  # noqa: BLE001 - a pattern the walk does not understand just goes unscreened
        return None
