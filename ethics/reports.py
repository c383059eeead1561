"""Auditor reports: compliance per employer and flags by rule over time (as SVG)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

from ethics.flag_counts import STATE_FIELDS, week_start
from ethics.models import EmployerFlagCounts, WeekFlagCount

PALETTE = ("#1b5e20", "#b71c1c", "#0d47a1", "#e65100", "#4a148c", "#006064", "#827717", "#3e2723")


def compliance_by_employer() -> list[dict]:
    """Per employer: open block and review flags, confirmed and dismissed ones; worst first.

    Read from the counts ``ethics.flag_counts`` keeps (one small document per employer), in the order of
    their index: the page costs the number of employers, not of flags.
    """
    order = [("confirmed", -1), ("open_block", -1), ("total", -1)]
    stored = EmployerFlagCounts._get_collection().find({}).sort(order)
    return [{"employer_id": row["_id"], **{field: row.get(field, 0) for field in (*STATE_FIELDS, "total")}}
            for row in stored if row.get("total")]


def week_starts(weeks: int, now: datetime | None = None) -> list[datetime]:
    """The Mondays (00:00 UTC) of the last ``weeks`` weeks, oldest first, this week last."""
    start = week_start(now or datetime.now(UTC))
    return [start - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def weekly_counts(weeks: int = 12, now: datetime | None = None) -> tuple[list[datetime], dict[str, list[int]]]:
    """Flags per rule per week over the last ``weeks`` weeks (week starts, counts per rule), from the
    counts per rule and week ``ethics.flag_counts`` keeps."""
    starts = week_starts(weeks, now)
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * weeks)
    for row in WeekFlagCount._get_collection().find({"week": {"$gte": starts[0]}}):
        if row.get("count"):
            week = row["week"].replace(tzinfo=UTC) if row["week"].tzinfo is None else row["week"]
            counts[row["rule"]][min((week - starts[0]).days // 7, weeks - 1)] += row["count"]
    return starts, dict(counts)


def chart_svg(starts: list[datetime], counts: dict[str, list[int]], top: int = len(PALETTE)) -> str:
    """A line chart of the ``top`` busiest rules, one line each, labelled; plain SVG, no script."""
    width, height, left, bottom, right = 720, 320, 40, 40, 190
    rules = sorted(counts, key=lambda r: -sum(counts[r]))[:top]
    peak = max([max(counts[r]) for r in rules] + [1])
    plot_w, plot_h = width - left - right, height - bottom - 20

    def x(i: int) -> float:
        return left + plot_w * i / max(len(starts) - 1, 1)

    def y(v: int) -> float:
        return 20 + plot_h * (1 - v / peak)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="chart-title"><title id="chart-title">Flags by rule per week</title>',
             f'<line x1="{left}" y1="{y(0)}" x2="{left + plot_w}" y2="{y(0)}" stroke="#555"/>',
             f'<text x="{left - 6}" y="{y(peak) + 4}" text-anchor="end" font-size="11">{peak}</text>',
             f'<text x="{left - 6}" y="{y(0) + 4}" text-anchor="end" font-size="11">0</text>']
    for i, start in enumerate(starts):
        if i % 2 == 0 or i == len(starts) - 1:
            parts.append(f'<text x="{x(i):.0f}" y="{height - 18}" text-anchor="middle" font-size="10">'
                         f'{start:%d %b}</text>')
    for n, rule in enumerate(rules):
        colour = PALETTE[n % len(PALETTE)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(counts[rule]))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        parts.append(f'<rect x="{width - right + 12}" y="{24 + 18 * n}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{width - right + 30}" y="{34 + 18 * n}" font-size="12">{escape(rule)} '
                     f'({sum(counts[rule])})</text>')
    if not rules:
        parts.append(f'<text x="{left + plot_w / 2}" y="{height / 2}" text-anchor="middle">No flags yet</text>')
    parts.append("</svg>")
    return "".join(parts)
