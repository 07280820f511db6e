"""Charts as inline SVG strings, drawn in Python: no JavaScript, no external requests.

The same SVG goes into the HTML page and, through WeasyPrint, into the PDF, so
the chart the reader sees on screen is the one printed. Contrasting reports
(two values for one date) are both plotted, in a distinct colour, and the line
runs through their mean so that neither source is silently preferred.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from habeas.publish.formatting import format_number, unit_label

WIDTH, HEIGHT = 640, 210
LEFT, RIGHT, TOP, BOTTOM = 66, 16, 14, 30
LINE_COLOUR = "#1f4e79"
CONTRAST_COLOUR = "#c0392b"
GRID_COLOUR = "#d9dee5"

Point = tuple[float, float, bool]  # (x as fractional year, value, contrasting)


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A 1-2-5 step that divides ``span`` into about ``target_ticks`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _axis_label(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{format_number(round(value / 1_000_000, 2))}M"
    if abs(value) >= 10_000:
        return f"{format_number(round(value / 1000, 1))}k"
    return format_number(round(value, 2))


def line_chart_svg(title: str, unit: str, points: Sequence[Point]) -> str:
    """A line chart over years; every point is drawn and carries a tooltip with its value."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x_min, x_max = min(xs), max(xs)
    if x_max - x_min < 1:
        x_min, x_max = x_min - 0.5, x_max + 0.5
    y_low = min(0.0, min(ys))
    step = nice_step(max(ys) - y_low)
    y_max = math.ceil(max(ys) / step) * step if max(ys) > 0 else step
    if y_max <= y_low:
        y_max = y_low + step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return LEFT + (x - x_min) / (x_max - x_min) * plot_w

    def sy(y: float) -> float:
        return TOP + plot_h - (y - y_low) / (y_max - y_low) * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{escape(title)} over time">',
        f"<title>{escape(title)} ({escape(unit_label(unit))})</title>",
    ]
    tick = y_low
    while tick <= y_max + step / 2:
        y = sy(tick)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                     f'stroke="{GRID_COLOUR}" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
                     f'fill="#555">{escape(_axis_label(tick))}</text>')
        tick += step
    year_step = max(1, math.ceil((math.floor(x_max) - math.ceil(x_min) + 1) / 10))
    year = math.ceil(x_min)
    while year <= x_max:
        x = sx(year)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP + plot_h}" x2="{x:.1f}" y2="{TOP + plot_h + 4}" '
                     'stroke="#555" stroke-width="1"/>')
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="11" '
                     f'fill="#555">{year}</text>')
        year += year_step
    parts.append(f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
                 'stroke="#555" stroke-width="1"/>')
    by_x: dict[float, list[float]] = {}
    for x, y, _ in points:
        by_x.setdefault(x, []).append(y)
    line = " ".join(f"{sx(x):.1f},{sy(sum(v) / len(v)):.1f}" for x, v in sorted(by_x.items()))
    parts.append(f'<polyline points="{line}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2"/>')
    for x, y, contrasting in points:
        colour = CONTRAST_COLOUR if contrasting else LINE_COLOUR
        shape = "contrasting" if contrasting else "point"
        parts.append(f'<circle class="{shape}" cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3.5" fill="{colour}" '
                     f'stroke="#fff" stroke-width="1"><title>{int(x)}: {escape(format_number(y))}'
                     f'{" (contrasting reports)" if contrasting else ""}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)
