"""Raising alerts: runs the rules for newly stored figures against the stored history, and
writes each new alert with its outbox rows in the caller's transaction (the one that stored the
figures: ``crawler.writepath``). Alerts judge and deliver; they never store figures.

An alert whose key exists already is skipped: the unique key is the once-only guarantee. In a
backfill (``historical``) alerts are recorded but get no deliveries. An alert on weak evidence
(``alerts.evidence``) is held: recorded without deliveries until corroborated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row, bindparam, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alerts.config import Config, Subscriber
from alerts.evidence import held_alerts, implausible, is_confident, release_corroborated
from alerts.history import month_contexts, scope_contexts
from alerts.rules import (
    CUMULATIVE_KINDS,
    Candidate,
    FigureFacts,
    MonthlyContext,
    ScopeContext,
    claim_candidates_in,
    growth_candidates,
    milestone_candidates_in,
    monthly_candidates_in,
    revision_candidates,
)
from crawler.figures.entities import covered_names
from store.figures import FIGURE_KEY, previous_exacts
from store.models import Alert, Article, Delivery, DisabledChannel, Figure, Source
from store.summary import Votes, may_have_other_exact
from store.types import utcnow


def facts(figure: Figure | Row[Any], source: str = "") -> FigureFacts:
    return FigureFacts(
        entity=figure.entity,
        metric=figure.metric,
        segment=figure.segment,
        period_kind=figure.period_kind,
        period_start=figure.period_start,
        period_end=figure.period_end,
        value=figure.value,
        qualifier=figure.qualifier,
        yoy_pct=figure.yoy_pct,
        claims=tuple(figure.claims or ()),
        source=source,
    )


@dataclass(frozen=True)
class Raised:
    """What ``raise_alerts`` created: the new alerts' ids, the same by article, and the new
    revision alerts with the values they were written with (``id``, ``kind``, ``held``, the
    figure key, ``value``, ``previous_value``), so nothing just written is read back."""

    ids: list[int]
    revisions: list[Any]
    by_article: dict[int, list[int]]


def raise_alerts(
    session: Session,
    figure_ids: Iterable[int],
    config: Config,
    *,
    historical: bool,
    known: Mapping[int, Mapping[str, Any]] | None = None,
    votes: Votes | None = None,
    written: Mapping[int, tuple[int, datetime | None]] | None = None,
) -> Raised:
    """Runs every rule for these stored figures; returns the alerts it created.
    ``known``: the column values of figures just written, by id (they are not read back);
    ``votes``: the summary votes of their keys, as they stand (``store.summary.count_new``);
    ``written``: the source id and publication time of articles just written, by id."""
    # Everything pending is written now: the rules below read through the connection.
    session.flush()
    connection = session.connection()
    articles: dict[int, tuple[str, datetime | None, int]] = {}
    known = known or {}
    wanted = sorted(set(figure_ids))
    unknown = [figure_id for figure_id in wanted if figure_id not in known]
    read = {
        row.id: row for row in (connection.execute(_FIGURES, {"ids": unknown}) if unknown else ())
    }
    # plain values (duck-typed like ``Figure``): nothing here needs the ORM
    figures: list[Any] = [
        SimpleNamespace(id=figure_id, **known[figure_id]) if figure_id in known else read[figure_id]
        for figure_id in wanted
        if figure_id in known or figure_id in read
    ]
    # the held alerts the figures may corroborate and release, for all of them at once
    held_by_key = {} if historical else held_alerts(session, figures)
    # What to enqueue, in order: alerts released by a figure (ids), then its new alerts
    # (indexes into ``new``); new alerts are inserted together once every figure is judged
    # (none of the rules reads the alerts of the article being judged).
    queue: list[tuple[bool, int]] = []
    new: list[tuple[Candidate, Any, bool]] = []
    for article_id in sorted({figure.article_id for figure in figures}):
        if written and article_id in written:
            source_id, published_at = written[article_id]
            articles[article_id] = (source_name(session, source_id), published_at, source_id)
            continue
        row = connection.execute(_ARTICLE_SOURCE, {"id": article_id}).one()
        articles[article_id] = (row.name, row.published_at, row.source_id)
    # what the rules read of the history, for every figure at once (the loop below writes no
    # figure and no summary row)
    history = read_history(
        session, figures, {a: published for a, (_, published, _) in articles.items()}, votes
    )
    for figure in figures:
        source, published, source_id = articles[figure.article_id]
        # Weak evidence: stored and listed, delivered only once corroborated (alerts.evidence).
        held = not historical and not is_confident(figure, config)
        if not historical:
            released_ids = release_corroborated(session, figure, config, source_id, held_by_key)
            for released in released_ids:
                queue.append((False, released))
        for candidate in candidates_for(session, figure, source, published, config, votes, history):
            hold = held or (
                not historical
                and implausible(candidate.kind, figure.value, candidate.previous_value)
            )
            queue.append((True, len(new)))
            new.append((candidate, figure, hold))
    new_ids = insert_alerts(session, new, historical=historical)
    created = [alert_id for alert_id in new_ids if alert_id is not None]
    by_article: dict[int, list[int]] = {}
    for (_, figure, _), alert_id in zip(new, new_ids, strict=True):
        if alert_id is not None:
            by_article.setdefault(figure.article_id, []).append(alert_id)
    revisions = sorted(
        (
            SimpleNamespace(
                id=alert_id, kind=candidate.kind, held=hold, value=figure.value,
                previous_value=candidate.previous_value,
                **{name: getattr(figure, name) for name in FIGURE_KEY},
            )
            for (candidate, figure, hold), alert_id in zip(new, new_ids, strict=True)
            if alert_id is not None and candidate.kind == "revision"
        ),
        key=lambda revision: revision.id,
    )  # fmt: skip
    if not historical:
        due = []
        for is_new, number in queue:
            if not is_new:
                due.append(number)
            elif (alert_id := new_ids[number]) is not None and not new[number][2]:
                due.append(alert_id)
        enqueue_many(session, due, config)
    return Raised(created, revisions, by_article)


def source_name(session: Session, source_id: int) -> str:
    """A source's name, from the names read once per session (``session.info``; read again
    for a source added since): a crawl's transaction stores many articles of one source."""
    names: dict[int, str] | None = session.info.get(_SOURCE_NAMES)
    if names is None or source_id not in names:
        session.flush()
        rows = session.connection().execute(select(Source.id, Source.name))
        names = session.info[_SOURCE_NAMES] = {source_id: name for source_id, name in rows}
    return names[source_id]


_SOURCE_NAMES = "evwatch.source_names"


# Built once, bound per call: figures as plain rows, and an article's source and date.
_FIGURES = (
    select(*Figure.__table__.columns)
    .where(Figure.id.in_(bindparam("ids", expanding=True)))
    .order_by(Figure.id)
)
_ARTICLE_SOURCE = (
    select(Source.name, Article.published_at, Article.source_id)
    .join(Article)
    .where(Article.id == bindparam("id"))
)


@dataclass(frozen=True)
class History:
    """What the rules read of the stored history for some figures, by figure id: the monthly
    context of each month, the scope of each total, and the other exact value each exact
    figure's revision rule compares with (None: none stored)."""

    months: dict[int, MonthlyContext]
    scopes: dict[int, ScopeContext]
    previous: dict[int, int | None]


def read_history(
    session: Session,
    figures: Sequence[Any],
    published: Mapping[int, datetime | None],
    votes: Votes | None = None,
) -> History:
    """The history the rules read for these figures (``published``: each article's
    publication time, by id), in one statement per kind of read whatever their number: the
    summary around every month, the scope of every total, the previous exact reports of the
    figures whose key's votes show one (``votes``: as ``store.summary.count_new`` read them)."""
    months = [figure for figure in figures if figure.period_kind == "month"]
    totals = [figure for figure in figures if figure.period_kind in CUMULATIVE_KINDS]
    exact = [figure for figure in figures if figure.qualifier == "exact"]
    compared = [
        figure
        for figure in exact
        if may_have_other_exact(
            session, tuple(getattr(figure, name) for name in FIGURE_KEY), figure.value,
            published[figure.article_id], votes,
        )  # else the key's votes show no other exact value published by then
    ]  # fmt: skip
    month_found = month_contexts(
        session,
        [(f.entity, f.metric, f.segment, f.period_start, f.value, f.qualifier) for f in months],
    )
    scope_found = scope_contexts(
        session, [(f.entity, f.metric, f.segment, f.period_kind, f.period_end) for f in totals]
    )
    previous_found = previous_exacts(
        session, [(figure, published[figure.article_id]) for figure in compared]
    )
    previous: dict[int, int | None] = dict.fromkeys((figure.id for figure in exact), None)
    previous |= {figure.id: value for figure, value in zip(compared, previous_found, strict=True)}
    return History(
        months={f.id: context for f, context in zip(months, month_found, strict=True)},
        scopes={f.id: scope for f, scope in zip(totals, scope_found, strict=True)},
        previous=previous,
    )


def candidates_for(
    session: Session,
    figure: Figure,
    source: str,
    published_before: datetime | None,
    config: Config,
    votes: Votes | None = None,
    history: History | None = None,
) -> list[Candidate]:
    """Every rule's candidates for one stored figure, judged against its series: the monthly
    summary for months, same-scope totals for cumulative figures, same-period reports for
    revisions. Each reads only what it needs of the series (``alerts.history``); ``votes``:
    the summary votes of some keys, already read (``store.summary.count_new``); ``history``:
    what ``read_history`` read for the figure, when it was read with others."""
    if history is None:
        history = read_history(session, [figure], {figure.article_id: published_before}, votes)
    settings = config.rules
    judged = facts(figure, source)
    found: list[Candidate] = []
    earlier_months, countable_max = 0, None
    if figure.period_kind == "month":
        context = history.months[figure.id]
        found += monthly_candidates_in(judged, context, settings)
        earlier_months, countable_max = context.earlier, context.countable_max
    elif figure.period_kind in CUMULATIVE_KINDS:
        found += milestone_candidates_in(judged, history.scopes[figure.id], settings)
    found += growth_candidates(judged, settings)
    found += claim_candidates_in(judged, earlier_months, countable_max, found, settings)
    if figure.qualifier == "exact":  # the revision rule judges exact figures only
        previous = history.previous[figure.id]
        found += revision_candidates(judged, [] if previous is None else [previous])
    return found


_ALERTS = Alert.__table__
# Built once: parameters are bound per call, so the statement compiles once (hot in crawls).
_INSERT_NEW_ALERT = {
    name: module.insert(_ALERTS).on_conflict_do_nothing(index_elements=["key"])
    .returning(_ALERTS.c.id)
    for name, module in (("sqlite", sqlite), ("postgresql", postgresql))
}  # fmt: skip


_INSERT_NEW_ALERTS = {
    name: module.insert(_ALERTS).on_conflict_do_nothing(index_elements=["key"])
    .returning(_ALERTS.c.id, _ALERTS.c.key)
    for name, module in (("sqlite", sqlite), ("postgresql", postgresql))
}  # fmt: skip


def _alert_values(
    candidate: Candidate,
    figure: Figure | None,
    *,
    historical: bool,
    held: bool = False,
    source_id: int | None = None,
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "key": candidate.key,
        "kind": candidate.kind,
        "rung": candidate.rung,
        "previous_value": candidate.previous_value,
        "previous_period": candidate.previous_period,
        "streak": candidate.streak,
        "claims": list(candidate.claims or (figure.claims if figure else ())),
        "message": candidate.message,
        "historical": historical,
        "held": held,
        "source_id": source_id,
        "created_at": utcnow(),
    }
    if figure is not None:
        values |= {
            name: getattr(figure, name)
            for name in ("entity", "metric", "segment", "period_kind", "period_start",
                         "period_end", "value", "qualifier", "article_id")
        }  # fmt: skip
        values["figure_id"] = figure.id
    return values


def insert_alert(
    session: Session,
    candidate: Candidate,
    figure: Figure | None,
    *,
    historical: bool,
    held: bool = False,
    source_id: int | None = None,
) -> int | None:
    """Inserts the alert unless its key exists; returns its id when it is new. One statement
    (INSERT ... ON CONFLICT DO NOTHING RETURNING) where the database has it."""
    values = _alert_values(candidate, figure, historical=historical, held=held, source_id=source_id)
    statement = _INSERT_NEW_ALERT.get(session.get_bind().dialect.name)
    if statement is not None:
        new_id = session.scalar(statement, values)
        return None if new_id is None else int(new_id)
    if session.scalar(select(Alert.id).where(Alert.key == candidate.key)) is not None:
        return None
    try:  # portable fallback
        with session.begin_nested():
            alert = Alert(**values)
            session.add(alert)
    except IntegrityError:  # raised meanwhile by another writer: still once
        return None
    return alert.id


def insert_alerts(
    session: Session, alerts: Sequence[tuple[Candidate, Any, bool]], *, historical: bool
) -> list[int | None]:
    """Inserts (candidate, figure, held) alerts as ``insert_alert`` does, in one statement
    where the database has ON CONFLICT; returns each one's id, None where its key existed
    (or came earlier in the list)."""
    if not alerts:
        return []
    statement = _INSERT_NEW_ALERTS.get(session.get_bind().dialect.name)
    if statement is None:
        return [
            insert_alert(session, candidate, figure, historical=historical, held=held)
            for candidate, figure, held in alerts
        ]
    rows = [
        _alert_values(candidate, figure, historical=historical, held=held)
        for candidate, figure, held in alerts
    ]
    ids = {key: int(alert_id) for alert_id, key in session.connection().execute(statement, rows)}
    return [ids.pop(candidate.key, None) for candidate, _, _ in alerts]


def wants(subscriber: Subscriber, alert: Any) -> bool:
    """Whether a subscriber's filters let this alert (a stored one, or a row of its kind,
    entity and metric) through. A group stands for its brands;
    a combined figure ("Lynk & Co+Zeekr") counts for each part."""
    if alert.kind == "source_health":
        return alert.kind in subscriber.kinds or not (
            subscriber.kinds or subscriber.entities or subscriber.metrics
        )
    if subscriber.kinds and alert.kind not in subscriber.kinds:
        return False
    if subscriber.metrics and alert.metric not in subscriber.metrics:
        return False
    if subscriber.entities and alert.entity:
        followed = frozenset().union(*(covered_names(name) for name in subscriber.entities))
        parts = {part.casefold() for part in alert.entity.split("+")}
        return bool(parts & followed)
    return True


def enqueue(session: Session, alert_id: int, config: Config, now: datetime | None = None) -> int:
    """Outbox rows for every subscriber channel that wants the alert; returns how many."""
    return enqueue_many(session, [alert_id], config, now)


def enqueue_many(
    session: Session, alert_ids: Sequence[int], config: Config, now: datetime | None = None
) -> int:
    """Outbox rows for every subscriber channel that wants each alert, in the order of
    ``alert_ids``, inserted in one statement; returns how many."""
    if not config.subscribers or not alert_ids:
        return 0
    found = {
        row.id: row
        for row in session.execute(
            select(Alert.id, Alert.kind, Alert.entity, Alert.metric).where(
                Alert.id.in_(sorted(set(alert_ids)))
            )
        )
    }
    now = now or utcnow()
    disabled = {
        (d.subscriber, d.channel, d.target)
        for d in session.execute(
            select(DisabledChannel.subscriber, DisabledChannel.channel, DisabledChannel.target)
        )
    }
    rows = []
    for alert_id in alert_ids:
        alert = found[alert_id]
        for subscriber in config.subscribers:
            if not wants(subscriber, alert):
                continue
            due = now if subscriber.mode == "immediate" else next_digest_time(subscriber, now)
            for channel, target in subscriber.channels():
                if (subscriber.name, channel, target) in disabled:
                    continue
                rows.append(
                    {"alert_id": alert_id, "subscriber": subscriber.name, "channel": channel,
                     "target": target, "mode": subscriber.mode, "status": "pending",
                     "attempts": 0, "next_attempt_at": due, "created_at": now}
                )  # fmt: skip
    if rows:
        session.execute(insert(Delivery), rows)
    return len(rows)


def next_digest_time(subscriber: Subscriber, now: datetime) -> datetime:
    """The subscriber's next digest moment (local time), as UTC."""
    local = now.astimezone(subscriber.zone)
    moment = datetime.combine(local.date(), subscriber.digest_at, subscriber.zone)
    if moment <= local:
        moment = datetime.combine(
            local.date() + timedelta(days=1), subscriber.digest_at, subscriber.zone
        )
    return moment.astimezone(now.tzinfo)
