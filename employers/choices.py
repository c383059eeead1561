"""The vacancy form's pickers: countries, languages and currencies by name in the page's language (Babel's
CLDR data), the currency a country pays in, and the regions the ethics minimum wage table lists.

The stored values stay the contract's codes (ISO 3166-1, ISO 639-1, ISO 4217); only what the employer reads
changes. Lists are built once per page language.
"""

from __future__ import annotations

import functools
import time
from datetime import date

from babel import Locale
from babel.numbers import get_territory_currencies

from employers.occupations import fold
from services.ethics_client import EthicsUnavailable

# The languages the workers' pages speak: the contract's and the required languages offer them as boxes.
COMMON = ("es", "en", "fr", "pt", "ht")
REGIONS_SECONDS, REGIONS_DOWN_SECONDS = 3600, 60
# CLDR territories that are not ISO 3166-1 countries: groupings, private-use, unknown and reserved codes.
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}


def _sorted(pairs) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs, key=lambda pair: (fold(pair[1]), pair[0])))


def _locale(language: str) -> Locale:
    return Locale.parse(language or "en")


@functools.lru_cache(maxsize=8)
def countries(language: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of every country, by name in ``language``."""
    names = _locale(language).territories
    return _sorted((code, name) for code, name in names.items()
                   if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES and not code.startswith("X"))


@functools.lru_cache(maxsize=8)
def languages(language: str) -> tuple[tuple[str, str], ...]:
    """(ISO 639-1 code, name) of every language CLDR names, by name in ``language``."""
    names = _locale(language).languages
    return _sorted((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha())


def common_languages(language: str) -> tuple[tuple[str, str], ...]:
    """The languages of the platform's workers (``COMMON``), named in ``language``, in that order."""
    names = dict(languages(language))
    return tuple((code, names.get(code, code)) for code in COMMON)


@functools.lru_cache(maxsize=1)
def country_currencies() -> dict[str, str]:
    """Each country's legal tender today (its first, where it has several): what the form fills in."""
    today = date.today()
    found = {}
    for code, _ in countries("en"):
        tender = get_territory_currencies(code, today, tender=True)
        if tender:
            found[code] = tender[0]
    return found


@functools.lru_cache(maxsize=8)
def currencies(language: str) -> tuple[tuple[str, str], ...]:
    """(ISO 4217 code, name) of the currencies some country pays in today, by name in ``language``."""
    names = _locale(language).currencies
    return _sorted((code, f"{names.get(code, code)} ({code})") for code in set(country_currencies().values()))


def with_current(options, value: str) -> tuple[tuple[str, str], ...]:
    """``options``, plus ``value`` as it is when it is not one of them (an older document's code)."""
    if not value or any(code == value for code, _ in options):
        return tuple(options)
    return ((value, value), *options)


def regions(client, kept: dict, clock=time.monotonic) -> tuple[tuple[str, str], ...]:
    """(country, region) of the minimum wage table, asked of ethics once an hour and kept in ``kept`` (the
    app's; none while ethics is down: the region is then typed)."""
    known = kept.get("regions")
    if known and known[0] > clock():
        return known[1]
    try:
        found = tuple((str(i["country"]), str(i["region"])) for i in client.regions())
        kept["regions"] = (clock() + REGIONS_SECONDS, found)
    except EthicsUnavailable:
        found = ()
        kept["regions"] = (clock() + REGIONS_DOWN_SECONDS, found)
    return found
