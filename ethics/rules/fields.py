"""Tolerant accessors: documents are validated upstream, but a missing or odd field must never raise."""

from __future__ import annotations

from datetime import date

from services.pay import amount_of


def mapping(value) -> dict:
    """The value if it is a dict, else an empty dict."""
    return value if isinstance(value, dict) else {}


def items(value) -> list:
    """The value if it is a list, else an empty list."""
    return value if isinstance(value, list) else []


def text(value) -> str:
    """The value if it is a string, else an empty string."""
    return value if isinstance(value, str) else ""


# The value as a finite float, or None (booleans and strings are not numbers here): the kernel's reading.
number = amount_of


def day(value) -> date | None:
    """An ISO date (``2027-08-01``) or None."""
    try:
        return date.fromisoformat(text(value)[:10])
    except ValueError:
        return None


def money(amount: float, currency: str = "") -> str:
    """An amount for a message: ``500`` or ``17.60 CAD``."""
    shown = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{shown} {currency}".strip()
