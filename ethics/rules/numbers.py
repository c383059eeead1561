"""Amounts written in words, in the five languages, rewritten as digits in folded text.

"eight hundred dollars" becomes "800 dollars", "quince por ciento" "15 por ciento", "de san dola"
"200 dola", so that the pattern rules that read amounts ("a fee of 800", "15 % of the wage") read
these too. Only a run of number words followed by a unit (a currency, a percentage or hours) is
rewritten: "one day", "un contrato", "yon travay" are articles and stay words.
"""

from __future__ import annotations

import re

# Units and teens/tens of every language (folded: no accents). One table: a run may mix nothing but
# number words, and a word means the same number in every language it appears in.
_VALUES = {
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    # Spanish
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veinticinco": 25,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70,
    "huitante": 80, "nonante": 90,
    # Portuguese
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "quatro": 4, "oito": 8, "nove": 9, "dez": 10, "doze": 12,
    "treze": 13, "dezesseis": 16, "dezessete": 17, "dezoito": 18, "dezenove": 19,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60, "oitenta": 80,
    # Haitian Creole
    "en": 1, "yon": 1, "de": 2, "twa": 3, "kat": 4, "senk": 5, "sis": 6, "uit": 8, "nef": 9, "dis": 10,
    "onz": 11, "douz": 12, "trez": 13, "katoz": 14, "kenz": 15, "sez": 16, "disset": 17, "dizuit": 18,
    "diznef": 19, "ven": 20, "trant": 30, "karant": 40, "senkant": 50, "swasant": 60,
}
_HUNDREDS = {
    "hundred": 100, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500,
    "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700, "ochocientos": 800,
    "ochocientas": 800, "novecientos": 900, "novecientas": 900, "cent": 100, "cents": 100, "cem": 100,
    "cento": 100, "duzentos": 200, "duzentas": 200, "trezentos": 300, "trezentas": 300, "quatrocentos": 400,
    "quatrocentas": 400, "quinhentos": 500, "quinhentas": 500, "seiscentos": 600, "seiscentas": 600,
    "setecentos": 700, "setecentas": 700, "oitocentos": 800, "oitocentas": 800, "novecentos": 900,
    "novecentas": 900, "san": 100,
}
_THOUSANDS = {"thousand": 1000, "mil": 1000, "mille": 1000, "milles": 1000}
_JOINERS = {"and", "y", "e", "et", "a"}  # "two hundred and fifty", "doscientos y", "vinte e cinco"
_UNITS = (r"(?:us )?dollars?|dolares|dolar|dola|pesos?|euros?|reais|real|gourdes?|goud|quetzales|lempiras|"
          r"usd|cad|mxn|brl|htg|percent|per cent|por ciento|pour cent|por cento|pousan|%|hours?|horas?|heures?|"
          r"edtan|le|days?|dias?|jours?|jou|weeks?|semanas?|semaines?|semen|per|por|par|pa|chak|a|an|each")
_NUMBER_WORDS = sorted({*_VALUES, *_HUNDREDS, *_THOUSANDS}, key=len, reverse=True)
_WORD = "(?:" + "|".join(_NUMBER_WORDS) + r")(?!\w)"
_JOIN = "(?:" + "|".join(sorted(_JOINERS)) + ")"
# A run of number words (joined by spaces, "and"/"y"/"e"/"et" or a French hyphen already folded to a
# space), then a unit. Each step consumes a whole word, so the run splits one way only.
_RUN = re.compile(rf"(?<![\w$])(?P<run>{_WORD}(?:(?: {_JOIN})? {_WORD})*) (?=(?:{_UNITS})(?!\w))")


def _value(words: list[str]) -> int | None:
    """The number a run of number words says, or None when it is not one number."""
    total, current, seen = 0, 0, False
    for word in words:
        if word in _JOINERS:
            continue
        if word in _VALUES:
            current += _VALUES[word]
        elif word in _HUNDREDS:
            current = (current or 1) * 100 if _HUNDREDS[word] == 100 else current + _HUNDREDS[word]
        elif word in _THOUSANDS:
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _replace(found: re.Match) -> str:
    words = found.group("run").split()
    # "quatre vingt" is 80 in French: four times twenty.
    if len(words) >= 2 and words[0] == "quatre" and words[1] in ("vingt", "vingts"):
        words = ["huitante", *words[2:]]
    # A lone article before a unit ("a dollar", "yon dola", "un dollar") stays as written.
    if len(words) == 1 and words[0] in ("a", "un", "une", "una", "uno", "um", "uma", "yon", "en", "one", "de"):
        return found.group(0)
    value = _value(words)
    return found.group(0) if value is None else f"{value} "


def digits(folded: str) -> str:
    """Folded text with amounts in words before a unit rewritten as digits."""
    return _RUN.sub(_replace, folded)
