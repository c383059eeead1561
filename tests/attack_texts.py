"""Texts built to make the ethics text rules slow, at the maximum lengths of services/documents.py (issue 12).

``commas``/``quotes``/``dots`` attack the backtracking of the old ``gap()`` ("loan a,'a,'a ... repaid"
took minutes at 80 characters); ``passports``/``fees``/``mixed`` put thousands of trigger matches in
one clause (each match is judged, which took minutes before the judge read only near the match);
``blanks`` is one long run of white space (the sentence and clause splitters once scanned it to its end
from each of its positions: seconds at 20,000 characters).
"""

from __future__ import annotations

from tests.documents import offer, vacancy

# The maximum lengths of the free-text fields (services/documents.py).
TITLE, DESCRIPTION, OTHER, TERMS, LABEL, DEDUCTIONS = 200, 20000, 5000, 20000, 100, 30
ATTACKS = {
    "commas": ("loan ", "a,'", "a repaid"),
    "quotes": ("prestamo ", "'", "0"),
    "dots": ("emprunt ", "a.", " rembourse"),
    "passports": ("", "passport kept by employer, ", ""),
    "fees": ("", "fee ", ""),
    "mixed": ("", "el la the le o yo fee cuota frais taxa fre, ", ""),
    "blanks": ("x", " \t\u00a0", "x"),
}


def fill(name: str, length: int) -> str:
    """The attack ``name`` repeated to exactly ``length`` characters (or just under)."""
    head, unit, tail = ATTACKS[name]
    return head + unit * ((length - len(head) - len(tail)) // len(unit)) + tail


def _deductions(name: str) -> list[dict]:
    return [{"label": fill(name, LABEL), "amount": 1, "per": "week"} for _ in range(DEDUCTIONS)]


def attack_vacancy(name: str) -> dict:
    """A vacancy whose every free-text field is the attack, at its maximum length."""
    requirements = {**vacancy()["requirements"], "other": fill(name, OTHER)}
    return vacancy(title=fill(name, TITLE), description=fill(name, DESCRIPTION), requirements=requirements,
                   deductions=_deductions(name))


def attack_offer(name: str) -> dict:
    """An offer whose terms and deduction labels are the attack, at their maximum lengths."""
    return offer(terms=fill(name, TERMS), deductions=_deductions(name))
