"""Charts as inline SVG strings, drawn in Python: no JavaScript, no external requests.

The same SVG goes into the HTML page and, through WeasyPrint, into the PDF, so
the chart the reader sees on screen is the one printed. Contrasting reports
(two values for one date) are both plotted, in a distinct colour, and the line
runs through their mean so that neither source is silently preferred.
"""

from __future__ import annotations

import math
import re
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



_POINT = re.compile(r'<circle class="[^"]*" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="(#[0-9a-fA-F]+)"'
                    r'[^>]*>(?:<title>[^<]*</title>)?</circle>')

_LINE = re.compile(r'<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="(#[0-9a-fA-F]+)" '
                   r'stroke-width="1"/>')


def for_print(svg: str) -> str:
    """The chart as paper needs it: every point, grid line and tick kept, but drawn as one
    path per colour, and without hover tooltips (the values are in the table above the
    chart). WeasyPrint draws one path of many segments far faster than hundreds of elements."""
    dots: dict[str, list[str]] = {}

    def collect(match: re.Match[str]) -> str:
        cx, cy, r, fill = float(match[1]), float(match[2]), float(match[3]), match[4]
        dots.setdefault(f"{fill} {2 * r}", []).append(f"M{cx:.1f},{cy:.1f}h0.01")
        return ""

    strokes: dict[str, list[str]] = {}

    def collect_line(match: re.Match[str]) -> str:
        x1, y1, x2, y2, colour = match.groups()
        strokes.setdefault(colour, []).append(f"M{x1},{y1}L{x2},{y2}")
        return ""

    stripped = _LINE.sub(collect_line, _POINT.sub(collect, svg))
    grid = "".join(f'<path d="{"".join(d)}" fill="none" stroke="{colour}" stroke-width="1"/>'
                   for colour, d in strokes.items())
    # A dot is a round-capped stroke of (almost) no length: PDF draws it as a disc natively,
    # where SVG arcs would each be expanded into Bézier curves; a wider white dot rings it.
    paths = "".join(f'<path d="{"".join(d)}" fill="none" stroke="{stroke}" stroke-width="{width}" '
                    'stroke-linecap="round"/>'
                    for key, d in dots.items()
                    for stroke, width in (("#fff", float(key.split()[1]) + 2), (key.split()[0], key.split()[1])))
    # Grid and axes go first, under the line and the points, as in the screen chart.
    head, _, rest = stripped.partition("</title>")
    return f"{head}</title>{grid}{rest}".replace("</svg>", paths + "</svg>")
