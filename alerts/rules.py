"""The alert rules, as pure functions over a figure and the stored history of its series.

A series is one (entity, metric, segment); its monthly history is one value per month (the
value sources agree on). Each rule returns candidates with a stable key: the store's unique
constraint on that key is what makes every alert happen once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
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


@dataclass(frozen=True)
class Reach:
    """How high a set of reports reaches, as far as ``reaches`` can tell: the highest value
    counted at face value (exact, at least) and the highest approximate one."""

    face: int | None = None
    approx: int | None = None

    def reaches(self, mark: int) -> bool:
        """Whether any of the reports reaches the mark."""
        return (self.face is not None and self.face >= mark) or (
            self.approx is not None and self.approx > mark
        )

    @staticmethod
    def of(points: Iterable[tuple[int, str]]) -> Reach:
        face = approx = None
        for value, qualifier in points:
            if qualifier == "approx":
                approx = value if approx is None else max(approx, value)
            elif qualifier != "at_most":
                face = value if face is None else max(face, value)
        return Reach(face, approx)


@dataclass(frozen=True)
class MonthlyContext:
    """What the monthly rules need to know of a series around one month, instead of its whole
    history: counts and highs of the months before and after, and lookups for the rest (the
    store answers these from its per-series summary in a few small queries)."""

    current: MonthPoint
    earlier: int  # stored months before this one
    earliest: date | None  # the first of them
    earlier_reach: Reach
    countable: int  # earlier months not stated as "at most"
    countable_since: date | None
    countable_max: int | None
    later_reach: Reach
    later_max: int | None  # the highest later value, whatever its qualifier
    #: the highest countable earlier month (latest of equals): the record to beat
    previous_best: Callable[[], MonthPoint]
    #: one stored month of the series, or None
    month: Callable[[date], MonthPoint | None]

    @staticmethod
    def of(figure: FigureFacts, history: Mapping[date, MonthPoint]) -> MonthlyContext:
        """The context from a full history (every stored month of the series)."""
        month = figure.period_start
        earlier = [p for m, p in history.items() if m < month]
        later = [p for m, p in history.items() if m > month]
        countable = [p for p in earlier if p.qualifier != "at_most"]
        return MonthlyContext(
            current=history.get(month) or MonthPoint(month, figure.value, figure.qualifier),
            earlier=len(earlier),
            earliest=min((p.month for p in earlier), default=None),
            earlier_reach=Reach.of((p.value, p.qualifier) for p in earlier),
            countable=len(countable),
            countable_since=min((p.month for p in countable), default=None),
            countable_max=max((p.value for p in countable), default=None),
            later_reach=Reach.of((p.value, p.qualifier) for p in later),
            later_max=max((p.value for p in later), default=None),
            previous_best=lambda: max(countable, key=lambda p: (p.value, p.month)),
            month=history.get,
        )


@dataclass(frozen=True)
class ScopeContext:
    """The other stored totals of a series in a cumulative figure's scope (all time, or its
    year): whether one ends earlier, and how high the earlier and later ones reach."""

    has_earlier: bool
    earlier_reach: Reach
    later_reach: Reach

    @staticmethod
    def of(figure: FigureFacts, same_scope: Sequence[FigureFacts]) -> ScopeContext:
        earlier = [f for f in same_scope if f.period_end < figure.period_end]
        later = [f for f in same_scope if f.period_end > figure.period_end]
        return ScopeContext(
            has_earlier=bool(earlier),
            earlier_reach=Reach.of((f.value, f.qualifier) for f in earlier),
            later_reach=Reach.of((f.value, f.qualifier) for f in later),
        )


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
    prefix = {
        "nev": "NEV ", "all": "vehicle ", "passenger": "passenger vehicle ",
        "nev_passenger": "NEV passenger vehicle ",
    }.get(segment, "")  # fmt: skip
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
    return monthly_candidates_in(figure, MonthlyContext.of(figure, history), settings)


def monthly_candidates_in(
    figure: FigureFacts, context: MonthlyContext, settings: RuleSettings
) -> list[Candidate]:
    """``monthly_candidates`` from what the rules need of the history (``MonthlyContext``)."""
    month = figure.period_start
    current = context.current
    what = metric_phrase(figure.metric, figure.segment)
    when = month_label(month)
    found: list[Candidate] = []

    ladder = settings.ladder(figure.metric)
    crossed = [
        rung
        for rung in ladder
        if reaches(current.value, current.qualifier, rung)
        and not context.earlier_reach.reaches(rung)
    ]
    # A crossing needs an earlier stored month below the rung: the first figure ever stored
    # of a series is not news that the series crossed anything.
    if crossed and context.earlier and not context.later_reach.reaches(crossed[-1]):
        rung = crossed[-1]
        assert context.earliest is not None
        found.append(
            Candidate(
                key=f"threshold:{figure.series}:{rung}",
                kind="threshold",
                rung=rung,
                message=f"{figure.entity}: {_first_above(figure, rung, what, context.earliest)} "
                f"— {current.value:,} in {when}",
            )
        )

    if (
        current.qualifier in ("exact", "at_least")
        and context.countable >= settings.record_min_history
        and context.countable_max is not None
        and current.value > context.countable_max
        and (context.later_max is None or context.later_max < current.value)
    ):
        previous = context.previous_best()
        assert context.countable_since is not None
        since = month_label(context.countable_since)
        found.append(
            Candidate(
                key=f"record:{figure.series}:{month:%Y-%m}",
                kind="record",
                previous_value=previous.value,
                previous_period=f"{previous.month:%Y-%m}",
                message=f"{figure.entity}: record {what} — {current.value:,} in {when}, "
                f"beating {previous.value:,} in {month_label(previous.month)}; highest of the "
                f"{context.countable + 1} months on record since {since}",
            )
        )

    streak = _streak(current, context.month, ladder, settings.streak_min)
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


def _first_above(figure: FigureFacts, rung: int, what: str, earliest: date) -> str:
    """ "first month above X" only when the article itself claims a first: stored history never
    shows where a series began. Otherwise what is known: since when records go back."""
    if "first_time" in figure.claims:
        return f"first month above {rung:,} {what}"
    since = month_label(earliest)
    return f"above {rung:,} {what} for the first time since records begin in {since}"


def highest_rung(point: MonthPoint | None, ladder: Sequence[int]) -> int | None:
    """The last rung of the ladder the point reaches (the highest, the ladder rising)."""
    if point is None:
        return None
    for rung in reversed(ladder):
        if reaches(point.value, point.qualifier, rung):
            return rung
    return None


def _streak(
    current: MonthPoint,
    month_at: Callable[[date], MonthPoint | None],
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
    while highest_rung(month_at(cursor), ladder) == rung:
        months += 1
        cursor = add_months(cursor, -1)
    if months < min_months:
        return None
    if highest_rung(month_at(add_months(current.month, 1)), ladder) == rung:
        return None
    return rung, months


def milestone_candidates(
    figure: FigureFacts, same_scope: Sequence[FigureFacts], settings: RuleSettings
) -> list[Candidate]:
    """A lifetime, year-to-date or yearly total passing a round mark. ``same_scope`` holds the
    other stored totals of the series for the same scope (all time, or the same year). A mark
    is passed only when an earlier stored total of the scope was below it."""
    return milestone_candidates_in(figure, ScopeContext.of(figure, same_scope), settings)


def milestone_candidates_in(
    figure: FigureFacts, scope_context: ScopeContext, settings: RuleSettings
) -> list[Candidate]:
    """``milestone_candidates`` from what the rule needs of the other totals."""
    if figure.period_kind not in CUMULATIVE_KINDS:
        return []
    if not scope_context.has_earlier:
        return []
    crossed = [
        mark
        for mark in settings.milestone_marks
        if reaches(figure.value, figure.qualifier, mark)
        and not scope_context.earlier_reach.reaches(mark)
    ]
    if not crossed:
        return []
    mark = crossed[-1]
    if scope_context.later_reach.reaches(mark):
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
    countable = [p.value for p in earlier_months if p.qualifier != "at_most"]
    return claim_candidates_in(
        figure, len(earlier_months), max(countable, default=None), raised, settings
    )


def claim_candidates_in(
    figure: FigureFacts,
    earlier_months: int,
    countable_max: int | None,
    raised: Sequence[Candidate],
    settings: RuleSettings,
) -> list[Candidate]:
    """``claim_candidates`` from the number of earlier stored months and the highest of them
    not stated as "at most"."""
    if not figure.claims or raised:
        return []
    if figure.period_kind == "month":
        unknown = earlier_months < max(1, settings.record_min_history)
        if countable_max is not None and countable_max >= figure.value:
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
