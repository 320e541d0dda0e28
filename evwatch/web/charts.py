"""Monthly series as SVG, drawn on the server (no script, no network): one point per stored
month, the line broken where a month is missing, the alert ladder's rungs as lines, records and
threshold crossings marked. ``evwatch chart`` writes the same drawing to a file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

WIDTH, HEIGHT = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 78, 24, 34, 44
SVG_NS = "http://www.w3.org/2000/svg"
COLOURS = {"line": "#1f5fa8", "rung": "#b9770e", "record": "#b03a2e", "threshold": "#1e8449"}


@dataclass(frozen=True)
class Point:
    month: date  # first day of the month
    value: int
    qualifier: str = "exact"
    reports: int = 1


@dataclass(frozen=True)
class Mark:
    """An alert on a month: ``kind`` is record or threshold."""

    month: date
    kind: str
    label: str
    href: str | None = None


@dataclass
class Series:
    title: str
    points: Sequence[Point]
    rungs: Sequence[int] = ()
    marks: Sequence[Mark] = field(default_factory=list)


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_of(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _num(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1_000:
        return f"{value / 1_000:g}k"
    return f"{value:g}"


def _nice_top(value: float) -> float:
    """A round axis top above ``value``."""
    if value <= 0:
        return 1.0
    step = float(10 ** (len(str(int(value))) - 1))
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * step >= value:
            return float(factor * step)
    return 10.0 * step


def series_svg(series: Series, *, standalone: bool = False) -> Markup:
    """The chart of one monthly series. Every point is a ``circle.point`` with ``data-month``
    (YYYY-MM) and ``data-value``; missing months break the line and are shaded."""
    points = sorted(series.points, key=lambda p: p.month)
    parts: list[str] = []
    height = HEIGHT if points else 60
    head = f'<svg xmlns="{SVG_NS}" class="chart" width="{WIDTH}" height="{height}" '
    head += f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(series.title)}">'
    parts.append(head)
    parts.append(f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>')
    parts.append(
        f'<text x="{LEFT}" y="20" font-family="sans-serif" font-size="14" '
        f'font-weight="bold">{escape(series.title)}</text>'
    )
    if not points:
        parts.append(
            f'<text x="{LEFT}" y="44" font-family="sans-serif" font-size="13">'
            "no monthly figures stored</text></svg>"
        )
        return Markup("".join(parts))
    first, last = month_index(points[0].month), month_index(points[-1].month)
    span = max(last - first, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top_value = max(p.value for p in points)
    near_rungs = [r for r in series.rungs if r <= top_value * 1.5]
    y_top = _nice_top(max([top_value * 1.08, *near_rungs]))

    def x(index: int) -> float:
        if last == first:
            return LEFT + plot_w / 2
        return LEFT + (index - first) / span * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - value / y_top * plot_h

    # axes and horizontal grid
    for tick in range(5):
        value = y_top * tick / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            'stroke="#e5e5e5"/>'
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
            f'font-family="sans-serif" font-size="11" fill="#555">{_num(value)}</text>'
        )
    # missing months: shaded bands, the line does not cross them
    stored = {month_index(p.month) for p in points}
    band = plot_w / span if last > first else plot_w
    for index in range(first, last + 1):
        if index not in stored:
            parts.append(
                f'<rect class="gap" data-month="{month_of(index):%Y-%m}" '
                f'x="{x(index) - band / 2:.1f}" y="{TOP}" width="{band:.1f}" height="{plot_h}" '
                'fill="#f2f2f2"><title>'
                f"{month_of(index):%b %Y}: no figure stored</title></rect>"
            )
    # the ladder's rungs
    for rung in near_rungs:
        if rung <= y_top:
            parts.append(
                f'<line class="rung" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(rung):.1f}" '
                f'y2="{y(rung):.1f}" stroke="{COLOURS["rung"]}" stroke-dasharray="5 4"/>'
                f'<text x="{WIDTH - RIGHT - 2}" y="{y(rung) - 3:.1f}" text-anchor="end" '
                f'font-family="sans-serif" font-size="10" fill="{COLOURS["rung"]}">'
                f"{rung:,}</text>"
            )
    # the line, one run per stretch of consecutive months
    run: list[str] = []
    previous: int | None = None
    runs: list[list[str]] = []
    for p in points:
        index = month_index(p.month)
        if previous is not None and index != previous + 1:
            runs.append(run)
            run = []
        run.append(f"{x(index):.1f},{y(p.value):.1f}")
        previous = index
    runs.append(run)
    for stretch in runs:
        if len(stretch) > 1:
            parts.append(
                f'<polyline fill="none" stroke="{COLOURS["line"]}" stroke-width="2" '
                f'points="{" ".join(stretch)}"/>'
            )
    # month labels: at most about twelve
    step = max(1, (last - first + 1 + 11) // 12)
    for index in range(first, last + 1, step):
        parts.append(
            f'<text x="{x(index):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'font-family="sans-serif" font-size="11" fill="#555">{month_of(index):%Y-%m}</text>'
        )
    # the points
    for p in points:
        cx, cy = x(month_index(p.month)), y(p.value)
        hollow = p.qualifier != "exact"
        fill = "#ffffff" if hollow else COLOURS["line"]
        label = f"{p.month:%b %Y}: {p.value:,}"
        if p.qualifier != "exact":
            label += f" ({p.qualifier})"
        parts.append(
            f'<circle class="point" data-month="{p.month:%Y-%m}" data-value="{p.value}" '
            f'cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{fill}" stroke="{COLOURS["line"]}" '
            f'stroke-width="2"><title>{escape(label)}</title></circle>'
        )
    # records and threshold crossings
    values = {month_index(p.month): p.value for p in points}
    for mark in series.marks:
        index = month_index(mark.month)
        if index not in values:
            continue
        cx, cy = x(index), y(values[index]) - 12
        colour = COLOURS.get(mark.kind, "#333")
        if mark.kind == "record":
            shape = (
                f'<polygon points="{cx:.1f},{cy - 7:.1f} {cx + 6:.1f},{cy + 4:.1f} '
                f'{cx - 6:.1f},{cy + 4:.1f}" fill="{colour}"/>'
            )
        else:
            shape = (
                f'<polygon points="{cx:.1f},{cy - 7:.1f} {cx + 6:.1f},{cy:.1f} '
                f'{cx:.1f},{cy + 7:.1f} {cx - 6:.1f},{cy:.1f}" fill="{colour}"/>'
            )
        body = (
            f'<g class="mark {escape(mark.kind)}" data-month="{mark.month:%Y-%m}">'
            f"{shape}<title>{escape(mark.label)}</title></g>"
        )
        if mark.href:
            body = f'<a href="{escape(mark.href)}">{body}</a>'
        parts.append(body)
    # legend
    legend_y = HEIGHT - 8
    parts.append(
        f'<text x="{LEFT}" y="{legend_y}" font-family="sans-serif" font-size="10" fill="#555">'
        "● stored month  ○ approximate  ▲ record  ◆ threshold crossed  ╌ ladder rung  "
        "▒ month missing</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_svg(charts: Sequence[Series]) -> str:
    """Several charts one below the other, as one standalone SVG document."""
    height = HEIGHT * max(len(charts), 1)
    body = "".join(
        f'<g transform="translate(0,{HEIGHT * i})">{series_svg(chart)}</g>'
        for i, chart in enumerate(charts)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="{SVG_NS}" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}">{body}</svg>\n'
    )
