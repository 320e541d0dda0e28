"""The per-series summary (``series_summary``): one row per entity, metric, segment, period kind
and period, one per month for monthly figures, holding the value the reports agree on and how
high they reach. The alert rules read it instead of every report of a series, so judging a
figure costs the same however long the history.

Behind each row, ``series_votes`` counts the reports per value and qualifier, with their newest
and earliest publication. A new article's figures are added to those counts (``count_new``); a
reparse, a rejection or a refreshed article recounts its keys from the figures (``refresh``);
both in the writer's transaction. ``rebuild`` recomputes both tables (migrations, bulk loads).
The votes also tell the revision rule when no other exact value was published before a time
(``other_exact_values``), so it reads the reports only when one may have been.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Select,
    Table,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.figures import FIGURE_KEY, FigureKey, _chosen, _month_end, _Support
from store.models import Article, Figure, SeriesSummary, SeriesVote

#: the period kinds the rules judge against a history: months, and totals (milestones)
MONTH = "month"
TOTAL_KINDS = ("lifetime", "ytd", "year")
SUMMARY_KEY = ("entity", "metric", "segment", "period_kind", "period_start", "period_end")
_TABLE = cast(Table, SeriesSummary.__table__)
_VOTES_TABLE = cast(Table, SeriesVote.__table__)
_KEY_COLUMNS = [_TABLE.c[name] for name in SUMMARY_KEY]


def _votes() -> Select[Any]:
    key = [getattr(Figure, name) for name in SUMMARY_KEY]
    columns = [*key, Figure.value, Figure.qualifier]
    return (
        select(
            *columns,
            func.count().label("reports"),
            func.max(Article.published_at).label("newest"),
            # an undated report counts as the earliest: NULL when there is one
            case(
                (func.count() == func.count(Article.published_at), func.min(Article.published_at))
            ).label("earliest"),
        )
        .join(Article, Figure.article_id == Article.id)
        .group_by(*[getattr(Figure, name) for name in SUMMARY_KEY], Figure.value, Figure.qualifier)
        # the order in which values and qualifiers are met decides ties (store.figures._Support)
        .order_by(*[getattr(Figure, name) for name in SUMMARY_KEY], Figure.value, Figure.qualifier)
    )


def summary_key(key: FigureKey) -> FigureKey | None:
    """The summary row a figure key counts in (a month's whole month), or None for kinds the
    rules do not judge against a history (quarters, halves, days)."""
    entity, metric, segment, kind, start, _end = key
    if kind == MONTH:
        return (entity, metric, segment, kind, start, _month_end(start.year, start.month))
    if kind in TOTAL_KINDS:
        return key
    return None


VoteKey = tuple[Any, ...]  # summary key + (value, qualifier)
VOTE_KEY = (*SUMMARY_KEY, "value", "qualifier")
Votes = dict[
    FigureKey, dict[tuple[int, str], list[Any]]
]  # key -> (value, qualifier) -> [n, newest, earliest]


def _summary_rows(votes: Votes) -> list[dict[str, Any]]:
    """The summary row of each key from its votes (met in value, qualifier order: the order
    decides ties exactly as ``store.figures.consolidate`` does)."""
    result = []
    for key in sorted(votes):
        by_value: dict[int, _Support] = defaultdict(_Support)
        face = approx = None
        for (value, qualifier), (reports, newest, _earliest) in sorted(votes[key].items()):
            by_value[value].add(qualifier, newest, reports)
            if qualifier == "approx":
                approx = value if approx is None else max(approx, value)
            elif qualifier != "at_most":
                face = value if face is None else max(face, value)
        if not by_value:
            continue
        chosen = _chosen(by_value)
        result.append(
            {
                **dict(zip(SUMMARY_KEY, key, strict=True)),
                "value": chosen,
                "qualifier": by_value[chosen].qualifier,
                "face_max": face,
                "approx_max": approx,
                "reports": sum(s.reports for s in by_value.values()),
            }
        )
    return result


def _vote_rows(votes: Votes) -> list[dict[str, Any]]:
    return [
        {**dict(zip(SUMMARY_KEY, key, strict=True)), "value": value, "qualifier": qualifier,
         "reports": reports, "newest": newest, "earliest": earliest}
        for key in sorted(votes)
        for (value, qualifier), (reports, newest, earliest) in sorted(votes[key].items())
    ]  # fmt: skip


def _key_condition(model: Any, key: FigureKey, *, whole_month: bool = False) -> Any:
    """WHERE clause for one summary key; ``whole_month``: every monthly report of the month
    (a monthly figure's period may end before the month does)."""
    entity, metric, segment, kind, start, end = key
    return and_(
        model.entity == entity, model.metric == metric, model.segment == segment,
        model.period_kind == kind, model.period_start == start,
        *([] if whole_month and kind == MONTH else [model.period_end == end]),
    )  # fmt: skip


def _from_figures(session: Session | Connection, keys: Sequence[FigureKey]) -> Votes:
    """The votes of these summary keys counted from the stored figures."""
    votes: Votes = {key: {} for key in keys}
    if not keys:
        return votes
    # One condition per key (OR): each uses the series index, which a tuple IN may not.
    conditions = [_key_condition(Figure, key, whole_month=True) for key in keys]
    for row in session.execute(_votes().where(or_(*conditions))):
        key = summary_key(tuple(row[:6]))
        if key is None:
            continue
        _add(votes.setdefault(key, {}), row)  # a month's reports may have several period ends
    return votes


def _add(votes: dict[tuple[int, str], list[Any]], row: Any) -> None:
    """Adds one aggregate row of ``_votes()`` to the votes of its key."""
    held = votes.get((row.value, row.qualifier))
    if held is None:
        votes[(row.value, row.qualifier)] = [row.reports, row.newest, row.earliest]
    else:
        held[0] += row.reports
        held[1] = _newer(held[1], row.newest)
        held[2] = _earlier(held[2], row.earliest)


def _newer(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else max(a, b)


def _earlier(a: datetime | None, b: datetime | None) -> datetime | None:
    """The earliest publication of two groups of reports (None: undated, the earliest)."""
    return None if a is None or b is None else min(a, b)


def refresh(session: Session, keys: Iterable[FigureKey]) -> None:
    """Recomputes the votes and summary rows of these figure keys from the stored figures
    (rows whose figures are all gone are deleted). Costs what the keys' reports cost, not the
    series'. For a reparse, a rejection, or an article whose publication time moved."""
    wanted = sorted({k for k in map(summary_key, keys) if k is not None})
    if not wanted:
        return
    votes = _from_figures(session, wanted)
    for key in wanted:
        session.execute(delete(SeriesVote).where(_key_condition(SeriesVote, key)))
    _insert(session, _VOTES_TABLE, _vote_rows(votes))
    summaries = _summary_rows(votes)
    gone = set(wanted) - {tuple(row[name] for name in SUMMARY_KEY) for row in summaries}
    for key in sorted(gone):
        session.execute(delete(SeriesSummary).where(_key_condition(SeriesSummary, key)))
    _upsert(session, summaries)


def count_new(
    session: Session,
    rows: Sequence[Mapping[str, Any]],
    published: Sequence[datetime | None],
) -> Votes:
    """Adds new articles' figures (column values, one per key and article) to the votes and
    summary, ``published[i]`` being the publication time of the article of ``rows[i]``: reads
    and writes only the few vote rows of their keys, never the reports themselves. Returns
    every vote of those keys as they now stand (what ``other_exact_in`` reads)."""
    counted = [
        (summary_key(tuple(row[n] for n in FIGURE_KEY)), row, when)
        for row, when in zip(rows, published, strict=True)
    ]
    keys = sorted({key for key, _, _ in counted if key is not None})
    if not keys:
        return {}
    votes: Votes = {key: {} for key in keys}
    ids: dict[tuple[Any, ...], int] = {}
    session.flush()  # then plain reads, without the session's per-statement work
    params = {f"{name}_{i}": part for i, key in enumerate(keys)
              for name, part in zip(SUMMARY_KEY, key, strict=True)}  # fmt: skip
    for i, vote_id, value, qualifier, reports, newest, earliest in session.connection().execute(
        _votes_of(len(keys)), params
    ):
        votes[keys[i]][(value, qualifier)] = [reports, newest, earliest]
        ids[(*keys[i], value, qualifier)] = vote_id
    touched: dict[VoteKey, list[Any]] = {}  # only the votes counted in are written
    for counted_key, row, when in counted:
        if counted_key is None:
            continue
        held = votes[counted_key].setdefault((row["value"], row["qualifier"]), [0, None, None])
        held[2] = when if held[0] == 0 else _earlier(held[2], when)
        held[0] += 1
        held[1] = _newer(held[1], when)
        touched[(*counted_key, row["value"], row["qualifier"])] = held
    changed, new = [], []
    for vote_key, (reports, newest, earliest) in sorted(touched.items()):
        values = {"reports": reports, "newest": newest, "earliest": earliest}
        if vote_key in ids:
            changed.append({"vote_id": ids[vote_key], **values})
        else:
            new.append({**dict(zip(VOTE_KEY, vote_key, strict=True)), **values})
    if changed:
        session.connection().execute(_UPDATE_VOTE, changed)
    _insert(session, _VOTES_TABLE, new)
    _upsert(session, _summary_rows(votes))
    return votes


@functools.cache
def _votes_of(count: int) -> CompoundSelect[Any]:
    """The votes of ``count`` summary keys (parameters ``entity_0`` ... ``period_end_{count-1}``)
    in one statement, built once per count: one part per key, each through the votes' key
    index, its rows led by the key's index (the key's own columns are not read back)."""
    columns = _VOTES_TABLE.c
    return union_all(
        *[
            select(
                literal_column(str(i)).label("i"), columns.id, columns.value, columns.qualifier,
                columns.reports, columns.newest, columns.earliest,
            ).where(*[columns[name] == bindparam(f"{name}_{i}") for name in SUMMARY_KEY])
            for i in range(count)
        ]
    )  # fmt: skip


# Built once (bound per call): a vote's update.
_UPDATE_VOTE = (
    update(_VOTES_TABLE)
    .where(_VOTES_TABLE.c.id == bindparam("vote_id"))
    .values(
        reports=bindparam("reports"),
        newest=bindparam("newest"),
        earliest=bindparam("earliest"),
    )
)


_VOTE = _VOTES_TABLE.c
# Built once (bound per call): one exact vote of another value of a summary key, and one whose
# earliest report was published no later than a given time.
_OTHER_EXACT = (
    select(_VOTE.value)
    .where(
        *[_VOTE[name] == bindparam(name) for name in SUMMARY_KEY],
        _VOTE.qualifier == "exact",
        _VOTE.value != bindparam("value"),
    )
    .limit(1)
)
_OTHER_EXACT_BEFORE = _OTHER_EXACT.where(
    or_(_VOTE.earliest.is_(None), _VOTE.earliest <= bindparam("before"))
)


def other_exact_in(
    votes: Mapping[tuple[int, str], Sequence[Any]], value: int, published_before: datetime | None
) -> bool:
    """``may_have_other_exact`` from the votes of the key's summary row, already read."""
    return any(
        qualifier == "exact"
        and other != value
        and (published_before is None or earliest is None or earliest <= published_before)
        for (other, qualifier), (_reports, _newest, earliest) in votes.items()
    )


def may_have_other_exact(
    session: Session,
    key: FigureKey,
    value: int,
    published_before: datetime | None,
    votes: Votes | None = None,
) -> bool:
    """Whether an exact report of this figure key with another value than ``value`` may be
    stored (from an article published no later than ``published_before``, when given): False
    when the votes of its summary row show none, which they tell from a few rows however many
    reports the key has. True for keys the summary does not hold. What the revision rule
    asks before it looks for that report (``store.figures.previous_exact``). ``votes``: the
    votes of some summary keys as ``count_new`` returned them (read again when absent)."""
    counted = summary_key(key)
    if counted is None:
        return True
    if votes is not None and counted in votes:
        return other_exact_in(votes[counted], value, published_before)
    params: dict[str, Any] = dict(zip(SUMMARY_KEY, counted, strict=True)) | {"value": value}
    if published_before is None:
        found = session.connection().scalar(_OTHER_EXACT, params)
    else:
        params["before"] = published_before
        found = session.connection().scalar(_OTHER_EXACT_BEFORE, params)
    return found is not None


def _connection(session: Session | Connection) -> Connection:
    """Where the summary's writes go: straight to the connection (plain rows, no ORM)."""
    return session.connection() if isinstance(session, Session) else session


def _insert(session: Session | Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        _connection(session).execute(_INSERTS[table.name], rows)


_INSERTS = {table.name: insert(table) for table in (_TABLE, _VOTES_TABLE)}
_REPLACED = ("value", "qualifier", "face_max", "approx_max", "reports")
# Built once per dialect that has ON CONFLICT: insert or replace a summary row by its key.
_UPSERTS = {
    module.dialect.name: (statement := module.insert(_TABLE)).on_conflict_do_update(
        index_elements=_KEY_COLUMNS,
        set_={name: statement.excluded[name] for name in _REPLACED},
    )
    for module in (sqlite, postgresql)
}


def _upsert(session: Session | Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Inserts or replaces summary rows by key: one statement where the database has ON
    CONFLICT (SQLite, PostgreSQL), else delete and insert."""
    if not rows:
        return
    connection = _connection(session)
    upsert = _UPSERTS.get(connection.dialect.name)
    if upsert is not None:
        connection.execute(upsert, list(rows))
        return
    for row in rows:
        key = tuple(row[name] for name in SUMMARY_KEY)
        session.execute(delete(SeriesSummary).where(_key_condition(SeriesSummary, key)))
    _insert(session, _TABLE, list(rows))


def rebuild(connection: Connection, batch: int = 5_000) -> int:
    """Recomputes the whole summary and its votes from the stored figures; returns how many
    summary rows it has. Streams the figures series by series: memory stays small."""
    connection.execute(delete(SeriesSummary))
    connection.execute(delete(SeriesVote))
    query = _votes().where(Figure.period_kind.in_((MONTH, *TOTAL_KINDS)))
    votes: Votes = {}
    total = 0
    series: tuple[Any, ...] | None = None
    # the option on the statement: on the connection it would stay for every later statement
    # (on PostgreSQL, a server-side cursor for alembic's own UPDATE)
    for row in connection.execute(query.execution_options(yield_per=batch)):
        if tuple(row[:3]) != series and len(votes) >= batch:
            total += _write(connection, votes)
            votes = {}
        series = tuple(row[:3])
        key = summary_key(tuple(row[:6]))
        assert key is not None
        _add(votes.setdefault(key, {}), row)
    return total + _write(connection, votes)


def _write(connection: Connection, votes: Votes) -> int:
    summaries = _summary_rows(votes)
    _insert(connection, _VOTES_TABLE, _vote_rows(votes))
    _insert(connection, _TABLE, summaries)
    return len(summaries)
