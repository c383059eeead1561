"""Small-multiples charts drawn on the server as plain SVG (no script): one small bar chart per measure,
side by side, each on its own scale (its peak is written on it), with the months under the last row.
The page shows the same numbers in a table next to the chart."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

PANEL_W, PANEL_H, COLUMNS = 200, 110, 4
TOP, BOTTOM, LEFT = 22, 18, 8
BAR, EMPTY = "#16324f", "#b0b7bf"


def small_multiples(starts: list[datetime], series: dict[str, list[int]], labels: dict[str, str],
                    title: str) -> str:
    """An SVG of one panel per entry of ``series`` (measure → counts per period of ``starts``)."""
    rows = max(1, -(-len(series) // COLUMNS))
    width, height = PANEL_W * min(COLUMNS, max(len(series), 1)), PANEL_H * rows
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" class="chart small-multiples">']
    for n, (measure, counts) in enumerate(series.items()):
        x0, y0 = PANEL_W * (n % COLUMNS), PANEL_H * (n // COLUMNS)
        parts.append(_panel(x0, y0, labels.get(measure, measure), counts, starts))
    parts.append("</svg>")
    return "".join(parts)


def _panel(x0: int, y0: int, label: str, counts: list[int], starts: list[datetime]) -> str:
    plot_w, plot_h = PANEL_W - LEFT * 2, PANEL_H - TOP - BOTTOM
    peak = max(counts + [0])
    step = plot_w / max(len(counts), 1)
    base = y0 + TOP + plot_h
    parts = [f'<g><text x="{x0 + LEFT}" y="{y0 + 14}" font-size="12" font-weight="700">{escape(label)}</text>',
             f'<text x="{x0 + PANEL_W - LEFT}" y="{y0 + 14}" font-size="11" text-anchor="end">max {peak}</text>',
             f'<line x1="{x0 + LEFT}" y1="{base}" x2="{x0 + LEFT + plot_w}" y2="{base}" stroke="#555"/>']
    for i, value in enumerate(counts):
        bar_h = plot_h * value / peak if peak else 0
        parts.append(f'<rect x="{x0 + LEFT + i * step + 1:.1f}" y="{base - max(bar_h, 1):.1f}" width="{step - 2:.1f}" '
                     f'height="{max(bar_h, 1):.1f}" fill="{BAR if value else EMPTY}"/>')
    if starts:
        parts.append(f'<text x="{x0 + LEFT}" y="{base + 13}" font-size="10">{starts[0]:%b %y}</text>')
        parts.append(f'<text x="{x0 + LEFT + plot_w}" y="{base + 13}" font-size="10" text-anchor="end">'
                     f'{starts[-1]:%b %y}</text>')
    parts.append("</g>")
    return "".join(parts)
