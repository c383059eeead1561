"""Reference lists the profile is validated against, and their names in the reader's language.

Names come from the Unicode CLDR data that Babel ships. CLDR has no country
or language names in Haitian Creole, so a few are written here (the
countries of the Americas that workers come from and go to); the rest fall
back to French, the other language most Haitian readers know.
"""

from __future__ import annotations

import functools

from babel import Locale

from services.documents import COUNTRY_CODES as COUNTRIES  # the codes a profile may hold (the matcher's too)

# Destinations offered first on the profile page: the Americas' seasonal programmes.
DESTINATIONS = ("CA", "US", "MX", "GT", "CR", "PA", "CO", "PE", "CL", "BR", "DO", "JM", "HN", "SV")
# Languages offered as boxes to tick; any other ISO 639-1 code can be typed.
COMMON_LANGUAGES = ("es", "en", "fr", "pt", "ht", "qu", "ay", "gn")

_CREOLE_COUNTRIES = {
    "AR": "Ajantin", "BO": "Bolivi", "BR": "Brezil", "BZ": "Beliz", "CA": "Kanada", "CL": "Chili",
    "CO": "Kolonbi", "CR": "Kosta Rika", "CU": "Kiba", "DO": "Repiblik Dominikèn", "EC": "Ekwatè",
    "GT": "Gwatemala", "HN": "Ondiras", "HT": "Ayiti", "JM": "Jamayik", "MX": "Meksik", "NI": "Nikaragwa",
    "PA": "Panama", "PE": "Pewou", "PY": "Paragwe", "SV": "Salvadò", "US": "Etazini", "UY": "Irigwe",
    "VE": "Venezyela", "ES": "Espay", "FR": "Frans",
}
_CREOLE_LANGUAGES = {"es": "Panyòl", "en": "Angle", "fr": "Franse", "pt": "Pòtigè", "ht": "Kreyòl ayisyen"}


@functools.cache
def _cldr(language: str) -> Locale:
    return Locale("fr" if language == "ht" else language)


def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` (the code itself if unknown)."""
    if language == "ht" and code in _CREOLE_COUNTRIES:
        return _CREOLE_COUNTRIES[code]
    return _cldr(language).territories.get(code, code)


def language_name(code: str, language: str) -> str:
    """The language's name in ``language``, capitalised."""
    if language == "ht" and code in _CREOLE_LANGUAGES:
        return _CREOLE_LANGUAGES[code]
    name = _cldr(language).languages.get(code, code)
    return name[:1].upper() + name[1:]


@functools.cache
def countries_by_name(language: str) -> tuple[tuple[str, str], ...]:
    """Every country as (code, name), sorted by name in ``language``."""
    return tuple(sorted(((c, country_name(c, language)) for c in COUNTRIES), key=lambda item: item[1]))
