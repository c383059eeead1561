"""Pay per hour net of deductions, and where it sits among vacancies paid in the same currency."""

from __future__ import annotations

import numpy as np

HOURS_PER_DAY = 8.0
WEEKS_PER_MONTH = 52 / 12
# Each PAY_SPAN above (below) the currency's median moves a quarter of the way to 1 (0).
PAY_SPAN = 0.125


def hourly(wage: dict, hours_per_week: float) -> float:
    """The wage per hour; a paid day counts 8 hours (or a seventh of the week if longer)."""
    amount, per = wage["amount"], wage["per"]
    if per == "hour":
        return amount
    if per == "day":
        return amount / min(hours_per_week, max(HOURS_PER_DAY, hours_per_week / 7))
    weekly = amount if per == "week" else amount / WEEKS_PER_MONTH
    return weekly / hours_per_week


def net_hourly(vacancy: dict, weeks: float) -> float:
    """Pay per hour after housing, other deductions and fees charged to the worker (season of ``weeks``)."""
    weekly = vacancy["housing"]["weekly_deduction"] + vacancy.get("worker_fees", 0) / weeks
    for deduction in vacancy.get("deductions", ()):
        per, amount = deduction["per"], deduction["amount"]
        weekly += amount if per == "week" else amount / WEEKS_PER_MONTH if per == "month" else amount / weeks
    return hourly(vacancy["wage"], vacancy["hours_per_week"]) - weekly / vacancy["hours_per_week"]


def pay_position(values: np.ndarray, groups: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Where each net pay sits against the median of the masked values of its currency, in [0, 1].

    0.5 is the median; each ``PAY_SPAN`` (a share of the median) above or
    below moves a quarter of the way to 1 or 0. Pay in CAD and pay in EUR are
    never compared. Unlike a rank percentile, a few cents more than the only
    other vacancy in the currency is worth a few cents, not the whole range.
    """
    out = np.full(len(values), 0.5, dtype=np.float32)
    for group in np.unique(groups[mask]):
        members = np.flatnonzero(groups == group)
        median = np.median(values[members[mask[members]]])
        relative = (values[members] - median) / max(abs(median), 1e-9)
        out[members] = np.clip(0.5 + relative / (4 * PAY_SPAN), 0.0, 1.0)
    return out
