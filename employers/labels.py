"""Words shown for the codes stored in documents, and for the validation messages, in the page's language."""

from __future__ import annotations

from babel.core import UnknownLocaleError
from flask_babel import format_currency, format_decimal, get_locale, gettext
from flask_babel import lazy_gettext as _l

from services.documents import MAX_MONEY
from services.erasure import is_former
from services.flag_messages import localise

STATUS = {
    "pending_review": _l("Waiting for the ethics review"),
    "approved": _l("Approved"),
    "blocked": _l("Blocked"),
    "filled": _l("Filled"),
    "closed": _l("Closed"),
    "sent": _l("Sent to the worker"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "withdrawn": _l("Withdrawn"),
    "completed": _l("Season completed"),
}
PATHWAY = {"seasonal": _l("Seasonal"), "circular": _l("Circular"), "temporary": _l("Temporary")}
PERIOD = {"hour": _l("per hour"), "day": _l("per day"), "week": _l("per week"), "month": _l("per month"),
          "season": _l("per season")}
SEVERITY = {"block": _l("Blocking"), "review": _l("For review")}
VERDICT = {"pass": _l("No problem found"), "flag": _l("Acceptable, with points an auditor will look at"),
           "block": _l("Would be blocked")}
# Marshmallow's messages, said plainly; the others are looked up in the catalogue as they are.
PLAIN = {
    "Missing data for required field.": _l("Fill in this field."),
    "Not a valid number.": _l("Enter a number."),
    "Not a valid integer.": _l("Enter a whole number."),
    "Not a valid date.": _l("Enter a date as YYYY-MM-DD."),
    "Not a valid email address.": _l("Enter an e-mail address such as name@example.org."),
    "Special numeric values (nan or infinity) are not permitted.": _l("Enter a number."),
    f"Must be greater than 0 and less than or equal to {MAX_MONEY}.": _l("Enter an amount above 0."),
    f"Must be greater than or equal to 0 and less than or equal to {MAX_MONEY}.": _l("Enter an amount of 0 or more."),
}


def message(text: str) -> str:
    """A validation message in the page's language."""
    plain = PLAIN.get(text)
    return str(plain) if plain is not None else gettext(text)


def number(value) -> str:
    """A number as the page's language writes it (19.6 is "19,6" in Spanish; 45.0 is "45")."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    return format_decimal(value, format="#,##0.##")


def money(value, currency: str) -> str:
    """An amount in ``currency`` as the page's language writes it ("17,60\u00a0CAD"), two decimals."""
    if not currency or len(currency) != 3 or not currency.isalpha():
        return format_decimal(value, format="#,##0.00") + (f" {currency}" if currency else "")
    try:
        return format_currency(value, currency.upper(), format="#,##0.00\u00a0¤¤", currency_digits=False)
    except (ValueError, UnknownLocaleError):
        return f"{format_decimal(value, format='#,##0.00')} {currency}"


def flag_message(flag) -> str:
    """An ethics flag's reason in the page's language (a stored flag dict or an engine flag)."""
    message = flag.get("message", "") if isinstance(flag, dict) else getattr(flag, "message", "")
    return localise(message, str(get_locale() or "en"))


def register(app) -> None:
    """Make the label tables and ``message`` available to every template."""
    app.jinja_env.globals.update(STATUS=STATUS, PATHWAY=PATHWAY, PERIOD=PERIOD, SEVERITY=SEVERITY, VERDICT=VERDICT,
                                 error_text=message, is_former_worker=is_former)
    app.jinja_env.filters["error_text"] = message
    app.jinja_env.filters["number"] = number
    app.jinja_env.filters["money"] = money
    app.jinja_env.filters["flag_message"] = flag_message
