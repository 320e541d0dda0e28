"""The evidence gate: an alert raised on a figure the parser is not confident about is held
(stored and listed, never delivered) until another report corroborates the same figure: a
second source, or a confident restatement. Corroboration releases the alert exactly once.

Two reports of one figure agree when their values are equal, or when one is approximate ("48.02
万辆", "about 480,000") and the other lies within its rounding (480,186).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Select, Table, and_, bindparam, or_, select, update
from sqlalchemy.orm import Session

from alerts.config import Config
from store.figures import FIGURE_KEY, FigureKey
from store.models import Alert, Article, Figure


def rounding_unit(value: int) -> int:
    """The unit an approximate value was rounded to: 480,200 -> 100; 480,000 -> 10,000."""
    unit = 1
    while value and value % (unit * 10) == 0:
        unit *= 10
    return unit


def agrees(value: int, qualifier: str, other: int, other_qualifier: str) -> bool:
    """Whether two reported values can be the same figure."""
    if value == other:
        return True
    if qualifier == "exact" and other_qualifier == "exact":
        return False
    tolerance = max(
        rounding_unit(v) for v, q in ((value, qualifier), (other, other_qualifier)) if q != "exact"
    )
    return abs(value - other) < tolerance


#: a revision moving a figure by more than this share is more likely a misreading than a
#: revision (real ones move a figure by a few per cent): it is held like a weak figure
REVISION_PLAUSIBLE_SHARE = 0.25


def implausible(kind: str, value: int | None, previous: int | None) -> bool:
    """Whether an alert is too surprising to deliver on one report."""
    if kind != "revision" or not value or not previous:
        return False
    return abs(value - previous) > REVISION_PLAUSIBLE_SHARE * max(value, previous)


def is_confident(figure: Figure, config: Config) -> bool:
    return figure.confidence >= config.rules.evidence.min_confidence


# Built once, bound per figure: the held, live alerts of a figure key from other articles.
_HELD = (
    select(Alert.id, Alert.value, Alert.qualifier, Article.source_id)
    .join(Article, Alert.article_id == Article.id)
    .where(
        Alert.held.is_(True),
        Alert.retracted_at.is_(None),
        *[getattr(Alert, name) == bindparam(name) for name in FIGURE_KEY],
        Alert.article_id != bindparam("article_id"),
    )
    .order_by(Alert.id)
)


@functools.cache
def _held_of(count: int) -> Select[Any]:
    """The held, live alerts of ``count`` figure keys (parameters ``entity_0`` ...
    ``period_end_{count-1}``) in one statement, built once per count: one condition per key,
    each through the alerts' series index (entity, metric, segment, period_start)."""
    return (
        select(Alert.id, Alert.value, Alert.qualifier, Article.source_id, Alert.article_id,
               *[getattr(Alert, name) for name in FIGURE_KEY])
        .join(Article, Alert.article_id == Article.id)
        .where(
            Alert.held.is_(True),
            Alert.retracted_at.is_(None),
            or_(*[and_(*[getattr(Alert, name) == bindparam(f"{name}_{i}") for name in FIGURE_KEY])
                  for i in range(count)]),
        )
        .order_by(Alert.id)
    )  # fmt: skip


def held_alerts(session: Session, figures: Sequence[Any]) -> dict[FigureKey, list[Any]]:
    """What ``release_corroborated`` reads for each of these figures, in one query: the held,
    live alerts of each figure's key, by key, oldest first (with their article, which
    ``release_corroborated`` leaves out when it is the figure's own)."""
    keys = sorted({tuple(getattr(figure, name) for name in FIGURE_KEY) for figure in figures})
    if not keys:
        return {}
    params = {f"{name}_{i}": part for i, key in enumerate(keys)
              for name, part in zip(FIGURE_KEY, key, strict=True)}  # fmt: skip
    found: dict[FigureKey, list[Any]] = defaultdict(list)
    for row in session.connection().execute(_held_of(len(keys)), params):
        found[tuple(row[5:])].append(row)
    return found


def release_corroborated(
    session: Session,
    figure: Figure,
    config: Config,
    figure_source: int | None = None,
    held_by_key: Mapping[FigureKey, Sequence[Any]] | None = None,
) -> list[int]:
    """Releases the held alerts this figure corroborates: same entity, metric, segment and
    period in another article, agreeing value, and either another source or a confident
    figure. Returns the ids released (each once: the update only takes a still-held alert).
    ``figure_source`` is the source id of the figure's article, when the caller knows it;
    ``held_by_key`` what ``held_alerts`` read, when the caller read it."""
    if held_by_key is None:
        params = {name: getattr(figure, name) for name in FIGURE_KEY}
        held: list[Any] = [
            tuple(row)
            for row in session.connection().execute(
                _HELD, params | {"article_id": figure.article_id}
            )
        ]
    else:
        held = [
            tuple(row[:4])
            for row in held_by_key.get(tuple(getattr(figure, n) for n in FIGURE_KEY), ())
            if row.article_id != figure.article_id
        ]
    if not held:
        return []
    if figure_source is None:
        figure_source = session.scalar(
            select(Article.source_id).where(Article.id == figure.article_id)
        )
    released = []
    for alert_id, value, qualifier, alert_source in held:
        if value is None or qualifier is None:
            continue
        if not agrees(value, qualifier, figure.value, figure.qualifier):
            continue
        if alert_source == figure_source and not is_confident(figure, config):
            continue
        taken = session.connection().execute(_RELEASE, {"alert_id": alert_id})
        if taken.rowcount:
            released.append(alert_id)
    return released


# Built once, bound per alert: releases a held alert (only while it is still held).
_ALERTS = cast(Table, Alert.__table__)
_RELEASE = (
    update(_ALERTS)
    .where(_ALERTS.c.id == bindparam("alert_id"), _ALERTS.c.held.is_(True))
    .values(held=False)
)
