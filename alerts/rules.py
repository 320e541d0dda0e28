"""The alert rules, as pure functions over a figure and the stored history of its series.

A series is one (entity, metric, segment); its monthly history is one value per month (the
value sources agree on). Each rule returns candidates with a stable key: the store's unique
constraint on that key is what makes every alert happen once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from alerts.config import RuleSettings
from crawler.figures.labels import month_label, period_label

ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]
CUMULATIVE_KINDS = ("lifetime", "ytd", "year")


@dataclass(frozen=True)
class FigureFacts:
    """The figure being judged, as stored."""

    entity: str
    metric: str
    segment: str
    period_kind: str
    period_start: date
    period_end: date
    value: int
    qualifier: str
    yoy_pct: float | None = None
    claims: tuple[str, ...] = ()
    source: str = ""

    @property
    def series(self) -> str:
        return f"{self.entity}:{self.metric}:{self.segment}"

    @property
    def period_id(self) -> str:
        return f"{self.period_kind}:{self.period_start}:{self.period_end}"


@dataclass(frozen=True)
class MonthPoint:
    """One month of a series: its first day and the agreed value."""

    month: date
    value: int
    qualifier: str


@dataclass(frozen=True)
class Candidate:
    key: str
    kind: str
    message: str
    rung: int | None = None
    previous_value: int | None = None
    previous_period: str | None = None
    streak: int | None = None
    claims: tuple[str, ...] = field(default_factory=tuple)


def reaches(value: int, qualifier: str, mark: int) -> bool:
    """Whether a reported value reaches a mark: an at-least figure counts as its value, an
    approximate one must be above the mark ("nearly 80,000" is not 80,000), an at-most one
    never counts."""
    if qualifier == "at_most":
        return False
    return value > mark if qualifier == "approx" else value >= mark


def ordinal(n: int) -> str:
    if 1 <= n <= len(ORDINALS):
        return ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def metric_phrase(metric: str, segment: str) -> str:
    """'deliveries', 'NEV production', 'vehicle sales' ..."""
    if metric == "deliveries":
        return "deliveries"
    prefix = {"nev": "NEV ", "all": "vehicle "}.get(segment, "")
    return f"{prefix}{metric}"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def monthly_candidates(
    figure: FigureFacts, history: Mapping[date, MonthPoint], settings: RuleSettings
) -> list[Candidate]:
    """Threshold, record and streak for a monthly figure against the other stored months.

    ``history`` holds every stored month of the series, this one included. A month judged
    after newer months were stored raises nothing those newer months already made old news.
    """
    month = figure.period_start
    current = history.get(month) or MonthPoint(month, figure.value, figure.qualifier)
    earlier = [p for m, p in history.items() if m < month]
    later = [p for m, p in history.items() if m > month]
    what = metric_phrase(figure.metric, figure.segment)
    when = month_label(month)
    found: list[Candidate] = []

    crossed = [
        rung
        for rung in settings.ladder(figure.metric)
        if reaches(current.value, current.qualifier, rung)
        and not any(reaches(p.value, p.qualifier, rung) for p in earlier)
    ]
    # A crossing needs an earlier stored month below the rung: the first figure ever stored
    # of a series is not news that the series crossed anything.
    if crossed and earlier and not any(reaches(p.value, p.qualifier, crossed[-1]) for p in later):
        rung = crossed[-1]
        found.append(
            Candidate(
                key=f"threshold:{figure.series}:{rung}",
                kind="threshold",
                rung=rung,
                message=f"{figure.entity}: {_first_above(figure, rung, what, earlier)} — "
                f"{current.value:,} in {when}",
            )
        )

    countable = [p for p in earlier if p.qualifier != "at_most"]
    if (
        current.qualifier in ("exact", "at_least")
        and len(countable) >= settings.record_min_history
        and current.value > max(p.value for p in countable)
        and not any(p.value >= current.value for p in later)
    ):
        previous = max(countable, key=lambda p: (p.value, p.month))
        since = month_label(min(p.month for p in countable))
        found.append(
            Candidate(
                key=f"record:{figure.series}:{month:%Y-%m}",
                kind="record",
                previous_value=previous.value,
                previous_period=f"{previous.month:%Y-%m}",
                message=f"{figure.entity}: record {what} — {current.value:,} in {when}, "
                f"beating {previous.value:,} in {month_label(previous.month)}; highest of the "
                f"{len(countable) + 1} months on record since {since}",
            )
        )

    streak = _streak(current, history, settings.ladder(figure.metric), settings.streak_min)
    if streak is not None:
        rung, months = streak
        found.append(
            Candidate(
                key=f"streak:{figure.series}:{rung}:{month:%Y-%m}",
                kind="streak",
                rung=rung,
                streak=months,
                message=f"{figure.entity}: {ordinal(months)} straight month above {rung:,} "
                f"{what} — {current.value:,} in {when}",
            )
        )
    return found


def _first_above(figure: FigureFacts, rung: int, what: str, earlier: Sequence[MonthPoint]) -> str:
    """ "first month above X" only when the article itself claims a first: stored history never
    shows where a series began. Otherwise what is known: since when records go back."""
    if "first_time" in figure.claims:
        return f"first month above {rung:,} {what}"
    since = month_label(min(p.month for p in earlier))
    return f"above {rung:,} {what} for the first time since records begin in {since}"


def highest_rung(point: MonthPoint | None, ladder: Sequence[int]) -> int | None:
    if point is None:
        return None
    reached = [rung for rung in ladder if reaches(point.value, point.qualifier, rung)]
    return reached[-1] if reached else None


def _streak(
    current: MonthPoint,
    history: Mapping[date, MonthPoint],
    ladder: Sequence[int],
    min_months: int,
) -> tuple[int, int] | None:
    """(rung, months) when this month and the ones just before it sit at the same rung (the
    highest each reached) for at least ``min_months`` months, unless the next month is stored
    at that rung too (then that month tells the longer streak)."""
    rung = highest_rung(current, ladder)
    if rung is None:
        return None
    months, cursor = 1, add_months(current.month, -1)
    while highest_rung(history.get(cursor), ladder) == rung:
        months += 1
        cursor = add_months(cursor, -1)
    if months < min_months:
        return None
    if highest_rung(history.get(add_months(current.month, 1)), ladder) == rung:
        return None
    return rung, months


def milestone_candidates(
    figure: FigureFacts, same_scope: Sequence[FigureFacts], settings: RuleSettings
) -> list[Candidate]:
    """A lifetime, year-to-date or yearly total passing a round mark. ``same_scope`` holds the
    other stored totals of the series for the same scope (all time, or the same year). A mark
    is passed only when an earlier stored total of the scope was below it."""
    if figure.period_kind not in CUMULATIVE_KINDS:
        return []
    earlier = [f for f in same_scope if f.period_end < figure.period_end]
    if not earlier:
        return []
    later = [f for f in same_scope if f.period_end > figure.period_end]
    crossed = [
        mark
        for mark in settings.milestone_marks
        if reaches(figure.value, figure.qualifier, mark)
        and not any(reaches(f.value, f.qualifier, mark) for f in earlier)
    ]
    if not crossed:
        return []
    mark = crossed[-1]
    if any(reaches(f.value, f.qualifier, mark) for f in later):
        return []
    scope = "lifetime" if figure.period_kind == "lifetime" else str(figure.period_end.year)
    what = metric_phrase(figure.metric, figure.segment)
    if figure.period_kind == "lifetime":
        message = f"{figure.entity}: cumulative {what} passed {mark:,}"
    else:
        label = period_label(figure.period_kind, figure.period_start, figure.period_end)
        message = f"{figure.entity}: {what} passed {mark:,} in {label}"
    return [
        Candidate(
            key=f"milestone:{figure.series}:{scope}:{mark}",
            kind="milestone",
            rung=mark,
            message=f"{message} ({figure.value:,} reported)",
        )
    ]


def growth_candidates(figure: FigureFacts, settings: RuleSettings) -> list[Candidate]:
    yoy = figure.yoy_pct
    if not settings.growth_enabled or yoy is None:
        return []
    if settings.growth_yoy_at_most < yoy < settings.growth_yoy_at_least:
        return []
    direction = "up" if yoy >= 0 else "down"
    label = period_label(figure.period_kind, figure.period_start, figure.period_end)
    return [
        Candidate(
            key=f"growth:{figure.series}:{figure.period_id}",
            kind="growth",
            message=f"{figure.entity}: {metric_phrase(figure.metric, figure.segment)} "
            f"{direction} {abs(yoy):g}% year on year — {figure.value:,} in {label}",
        )
    ]


CLAIM_PHRASES = {"record": "a record", "first_time": "a first"}


def claim_candidates(
    figure: FigureFacts,
    earlier_months: Sequence[MonthPoint],
    raised: Sequence[Candidate],
    settings: RuleSettings,
) -> list[Candidate]:
    """What the article claims (record, first time, Nth straight month) when our history can
    neither confirm nor refute it: too few earlier months stored. A claim our own rules
    already confirmed, or that stored history contradicts, raises nothing."""
    if not figure.claims or raised:
        return []
    if figure.period_kind == "month":
        unknown = len(earlier_months) < max(1, settings.record_min_history)
        if any(p.value >= figure.value and p.qualifier != "at_most" for p in earlier_months):
            return []  # an earlier stored month was as high: the claim is not news to us
    else:
        unknown = True  # totals: the milestone rule covers what history can confirm
    if not unknown:
        return []
    label = period_label(figure.period_kind, figure.period_start, figure.period_end)
    what = metric_phrase(figure.metric, figure.segment)
    found = []
    for claim in sorted(figure.claims):
        if claim.startswith("streak:"):
            phrase = f"{ordinal(int(claim.split(':')[1]))} straight month at this level"
        else:
            phrase = CLAIM_PHRASES.get(claim, claim)
        found.append(
            Candidate(
                key=f"claim:{figure.series}:{figure.period_id}:{claim}",
                kind="claim",
                claims=(claim,),
                message=f"{figure.entity}: {phrase} — {figure.value:,} {what} in {label}, "
                f"reported by {figure.source or 'the source'}",
            )
        )
    return found


def revision_candidates(figure: FigureFacts, earlier_values: Sequence[int]) -> list[Candidate]:
    """The same series and period reported earlier, exactly, with another value."""
    if figure.qualifier != "exact":
        return []
    old = [v for v in earlier_values if v != figure.value]
    if not old:
        return []
    previous = old[-1]
    label = period_label(figure.period_kind, figure.period_start, figure.period_end)
    return [
        Candidate(
            key=f"revision:{figure.series}:{figure.period_id}:{previous}->{figure.value}",
            kind="revision",
            previous_value=previous,
            message=f"{figure.entity}: {label} {metric_phrase(figure.metric, figure.segment)} "
            f"revised from {previous:,} to {figure.value:,}",
        )
    ]
