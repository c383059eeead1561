"""How the soak judges memory: flat within noise over time, or, for the processes that hold the data by
design (the database, the matcher's in-memory index), flat once the growth that follows the data is taken out.
Pure functions of the per-minute samples ({minute: value}), so tests can give them made-up series."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

WARM_UP_MINUTES = 3  # start-up, caches and the JIT of Kafka's JVMs fill in first: not a leak


def measured(points: dict[int, float]) -> list[int]:
    """The minutes after the warm-up, in order."""
    return sorted(m for m in points if m > WARM_UP_MINUTES)


def line(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares intercept and slope of ys against xs (slope 0 when xs do not vary)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    return my - slope * mx, slope


def slope_per_hour(points: dict[int, float]) -> float:
    """Least-squares slope of RSS against minutes, in MB an hour, after the warm-up."""
    xs = measured(points)
    if len(xs) < 2:
        return float("nan")
    return 60 * line(xs, [points[m] for m in xs])[1]


def flat(points: dict[int, float], level: float | None = None) -> bool:
    """Flat within noise: the drift the slope makes over the measured window is under 5 MB or 5% (of
    ``level``, by default the series' mean), or under twice the spread of the samples around their line."""
    xs = measured(points)
    if len(xs) < 2:
        return True
    drift = abs(slope_per_hour(points)) * (xs[-1] - xs[0]) / 60
    spread = statistics.pstdev(points[m] for m in xs)
    mean = statistics.fmean(points[m] for m in xs) if level is None else level
    return drift <= max(5.0, 0.05 * mean, 2 * spread)


def follows_data(name: str) -> bool:
    """Processes whose memory holds the platform's data by design: SecantusDB keeps its documents in the
    process; each matcher process keeps the ranking index of every worker and open vacancy."""
    return name == "database" or name.startswith("matcher")


@dataclass
class Judgement:
    """How one process's RSS was judged, and what that found."""

    flat: bool
    how: str  # "time" or "data"
    mb_per_1000_documents: float | None = None  # the RSS that follows the data (how == "data")
    residual: dict[int, float] | None = None  # RSS less that share, around the mean RSS


def against_data(rss: dict[int, float], documents: dict[int, float]) -> Judgement:
    """RSS less a linear fit against the documents held (plus the mean RSS, so the 5% allowance is of the
    process's size), judged flat over time as any other process, and also within 5 MB or 5% from its lowest
    to its highest: the fit takes up part of a step or a bend that comes with time, so the residual's own
    slope alone would miss them."""
    minutes = [m for m in measured(rss) if m in documents]
    if len(minutes) < 2:
        return Judgement(flat(rss), "data")
    intercept, per_document = line([documents[m] for m in minutes], [rss[m] for m in minutes])
    mean = statistics.fmean(rss[m] for m in minutes)
    residual = {m: rss[m] - intercept - per_document * documents[m] + mean for m in minutes}
    within = max(residual.values()) - min(residual.values()) <= max(5.0, 0.05 * mean)
    return Judgement(flat(residual, mean) and within, "data", 1000 * per_document, residual)


def judge(name: str, rss: dict[int, float], documents: dict[int, float]) -> Judgement:
    """The data-holding processes against the documents held (when those were sampled), every other one
    against time."""
    if follows_data(name) and documents:
        return against_data(rss, documents)
    return Judgement(flat(rss), "time")
