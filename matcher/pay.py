"""Where a vacancy's net pay sits among vacancies paid in the same currency (the ranking's pay feature).

Net pay per hour itself is the kernel's (``services.pay.net_hourly``), so the ranking, the wage-floor
check and the worker's pages convert pay the same way.
"""

from __future__ import annotations

import numpy as np

# Each PAY_SPAN above (below) the currency's median moves a quarter of the way to 1 (0).
PAY_SPAN = 0.125


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
