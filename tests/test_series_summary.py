"""The per-series summary the alert rules read: kept equal to a rebuild from the stored figures
by every write (new articles, reparses that drop figures, rejections), read by the rules with
the same answers as the whole monthly history, and filled by the migration that adds it. And
the consolidated view aggregated in SQL, equal to the one made from every report."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from alembic import command
from sqlalchemy import select, text

from alerts.config import Config
from alerts.history import month_context, scope_context
from alerts.rules import MonthlyContext, MonthPoint, ScopeContext
from crawler.writepath import write_article, write_figures
from store import queries
from store.db import Database
from store.figures import (
    FIGURE_KEY,
    FigureFilter,
    consolidate,
    consolidated,
    list_figures,
    monthly_history,
    previous_exact,
    reject_figure,
    series,
)
from store.migrate import alembic_config
from store.models import Figure
from store.summary import _from_figures, may_have_other_exact, rebuild, summary_key

CONFIG = Config()
SERIES = ("HIMA", "deliveries", "nev")
CONTEXT_FIELDS = (
    "current", "earlier", "earliest", "earlier_reach", "countable", "countable_since",
    "countable_max", "later_reach", "later_max",
)  # fmt: skip
QUALIFIERS = ("exact", "exact", "exact", "approx", "at_least", "at_most")


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'evwatch.db'}")
    yield database
    database.dispose()


def figure(rng: random.Random, month: date, kind: str = "month") -> dict[str, object]:
    if kind == "month":
        start, end = month, date(month.year + month.month // 12, month.month % 12 + 1, 1)
        end -= timedelta(days=1)
    else:
        start, end = date(month.year, 1, 1), month + timedelta(days=27)
    return {
        "entity": SERIES[0], "metric": SERIES[1], "segment": SERIES[2], "period_kind": kind,
        "period_start": start, "period_end": end, "unit": "vehicles",
        "value": rng.choice((40_000, 50_000, 60_000, 80_000, 81_864, 100_000, 300_000)),
        "qualifier": rng.choice(QUALIFIERS), "yoy_pct": None, "mom_pct": None, "claims": [],
        "snippet": "", "span_start": 0, "span_end": 1, "confidence": 0.9,
    }  # fmt: skip


def published(n: int) -> datetime:
    return datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=n % 7)


def store_article(
    db: Database, n: int, figures: list[dict[str, object]], *, undated: bool = False
) -> int:
    url = f"https://example.org/{n}"
    record = queries.ArticleRecord(
        source_id=0, canonical_url=url, fetched_url=url, title=str(n), author=None,
        source_line=None, published_at=None if undated else published(n),
        language="en", text=str(n), text_en=None, text_zh=None, raw_html=None,
        raw_encoding=None, content_hash=str(n),
    )  # fmt: skip
    with db.session() as session:
        source = queries.ensure_source(session, f"s{n % 3}", "s", "https://example.org/")
        record = queries.ArticleRecord(**{**vars(record), "source_id": source.id})
        return write_article(session, record, figures, "t", CONFIG, historical=True).article_id


SUMMARY_SQL = (
    "SELECT entity, metric, segment, period_kind, period_start, period_end, value, qualifier, "
    "face_max, approx_max, reports FROM series_summary"
)
VOTES_SQL = (
    "SELECT entity, metric, segment, period_kind, period_start, period_end, value, qualifier, "
    "reports, newest, earliest FROM series_votes"
)


def summary_rows(db: Database, sql: str = SUMMARY_SQL) -> list[tuple[object, ...]]:
    with db.read() as session:
        return sorted(tuple(row) for row in session.execute(text(sql)))


def rebuilt_rows(db: Database, sql: str = SUMMARY_SQL) -> list[tuple[object, ...]]:
    with db.engine.connect() as connection:
        transaction = connection.begin()
        rebuild(connection)
        rows = sorted(tuple(row) for row in connection.execute(text(sql)))
        transaction.rollback()
    return rows


def assert_up_to_date(db: Database) -> None:
    assert summary_rows(db) == rebuilt_rows(db)
    assert summary_rows(db, VOTES_SQL) == rebuilt_rows(db, VOTES_SQL)


def months(count: int) -> list[date]:
    return [date(2023 + i // 12, i % 12 + 1, 1) for i in range(count)]


def test_every_write_keeps_the_summary_equal_to_a_rebuild(db: Database) -> None:
    rng = random.Random(4)
    calendar = months(18)
    for n in range(40):
        chosen = rng.sample(calendar, 3)
        figures = [figure(rng, m) for m in chosen] + [figure(rng, rng.choice(calendar), "ytd")]
        store_article(db, n, figures, undated=n % 9 == 4)  # some without a publication time
    assert_up_to_date(db)
    assert len(summary_rows(db)) > 18  # months and year-to-date totals
    votes = summary_rows(db, VOTES_SQL)
    assert any(v[-1] is None for v in votes) and any(v[-1] not in (None, v[-2]) for v in votes)
    # a reparse that no longer finds some figures, and one that changes a value
    with db.session() as session:
        for article_id in (1, 2, 3):
            kept = [
                {name: getattr(f, name) for name in (*Figure.__table__.c.keys(),)}
                for f in session.scalars(select(Figure).where(Figure.article_id == article_id))
            ][:1]
            for values in kept:
                values["value"] += 1
            write_figures(session, article_id, kept, "t2", CONFIG, historical=True, replace=True)
    assert_up_to_date(db)
    # a user rejects figures: the summary forgets them too
    with db.session() as session:
        for figure_row in session.scalars(select(Figure).limit(15)).all():
            reject_figure(session, figure_row, "wrong")
    assert_up_to_date(db)


def test_the_rules_read_the_same_history_from_the_summary(db: Database) -> None:
    rng = random.Random(9)
    calendar = months(30)
    for n in range(60):
        chosen = rng.sample(calendar, 2)
        figures = [figure(rng, m) for m in chosen] + [figure(rng, rng.choice(calendar), "ytd")]
        store_article(db, n, figures)
    with db.read() as session:
        history = {
            m: MonthPoint(m, value, qualifier)
            for m, (value, qualifier) in monthly_history(session, *SERIES).items()
        }
        totals = list(series(session, *SERIES, kinds=("ytd", "year", "lifetime")))
        for month in calendar:
            judged = figure(rng, month)
            facts = _facts(judged)
            expected = MonthlyContext.of(facts, history)
            got = month_context(session, *SERIES, month, facts.value, facts.qualifier)
            for name in CONTEXT_FIELDS:
                assert getattr(got, name) == getattr(expected, name), (month, name)
            if expected.countable:
                assert got.previous_best() == expected.previous_best()
            for other in months(34):
                assert got.month(other) == expected.month(other)
        for total in totals:
            facts = _facts(dict(total._mapping))
            same_scope = [
                _facts(dict(t._mapping))
                for t in totals
                if t.id != total.id and t.period_end.year == total.period_end.year
            ]
            expected_scope = ScopeContext.of(facts, same_scope)
            got_scope = scope_context(session, *SERIES, facts.period_kind, facts.period_end)
            assert got_scope == expected_scope


def _facts(values: dict[str, object]):  # type: ignore[no-untyped-def]
    from alerts.rules import FigureFacts

    return FigureFacts(
        **{name: values[name] for name in ("entity", "metric", "segment", "period_kind",
                                           "period_start", "period_end", "value", "qualifier")}
    )  # type: ignore[arg-type]  # fmt: skip


def test_the_migration_fills_the_summary_of_an_existing_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    db = Database(url, migrate=False)
    command.upgrade(alembic_config(db.engine), "0008")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (id, name, title, home_url, created_at) "
                "VALUES (1, 's', 's', 'https://example.org/', '2025-01-01 00:00:00')"
            )
        )
        for n, value in enumerate((50_000, 50_000, 60_000, 58_000)):
            connection.execute(
                text(
                    "INSERT INTO articles (id, source_id, canonical_url, published_at, language, "
                    "text, content_hash, first_seen_at, last_seen_at) VALUES (:n, 1, :url, "
                    "'2025-03-01 00:00:00', 'en', 't', :url, '2025-03-01 00:00:00', "
                    "'2025-03-01 00:00:00')"
                ),
                {"n": n + 1, "url": f"https://example.org/{n}"},
            )
            connection.execute(
                text(
                    "INSERT INTO figures (article_id, entity, metric, unit, segment, period_kind, "
                    "period_start, period_end, value, qualifier, claims, snippet, span_start, "
                    "span_end, confidence, parser_version, first_seen_at, updated_at) VALUES "
                    "(:n, 'HIMA', 'deliveries', 'vehicles', 'nev', 'month', :start, :end, :value, "
                    "'exact', '[]', '', 0, 1, 1, 't', '2025-03-01 00:00:00', "
                    "'2025-03-01 00:00:00')"
                ),
                {"n": n + 1, "value": value, "start": f"2025-0{1 + n // 2}-01",
                 "end": f"2025-0{1 + n // 2}-28"},
            )  # fmt: skip
    db.dispose()
    migrated = Database(url)  # opening it migrates to head
    rows = summary_rows(migrated)
    with migrated.read() as session:
        chosen = monthly_history(session, *SERIES)  # what the rules read before the summary
    assert [(r[4], r[6], r[7], r[10]) for r in rows] == [
        ("2025-01-01", 50_000, "exact", 2),
        ("2025-02-01", chosen[date(2025, 2, 1)][0], "exact", 2),
    ]
    assert_up_to_date(migrated)
    migrated.dispose()


def test_the_consolidated_view_in_sql_matches_the_one_from_every_report(db: Database) -> None:
    rng = random.Random(11)
    calendar = months(6)
    for n in range(50):
        figures = [figure(rng, m) for m in rng.sample(calendar, 2)]
        figures.append(figure(rng, rng.choice(calendar), "ytd"))
        store_article(db, n, figures)
    filters = [
        FigureFilter(),
        FigureFilter(period="2023-03"),
        FigureFilter(source="s1"),
        FigureFilter(since=date(2023, 4, 1)),
    ]
    with db.read() as session:
        for wanted in filters:
            expected = consolidate(list_figures(session, wanted))
            assert list(consolidated(session, wanted)) == expected
            assert list(consolidated(session, wanted, limit=3)) == expected[:3]
        assert any(c.disagreement for c in consolidate(list_figures(session, FigureFilter())))


def test_the_votes_tell_the_revision_rule_when_no_other_exact_value_was_published(
    db: Database,
) -> None:
    """Whenever the votes say no other exact value of a key was published by a time, the
    reports agree (the rule then skips them); and for a figure dated before every report of its
    month they say so."""
    rng = random.Random(5)
    calendar = months(4)
    undated_id = 0
    for n in range(40):
        figures = [figure(rng, m) for m in rng.sample(calendar, 3)]
        figures.append(figure(rng, rng.choice(calendar), "ytd"))
        article_id = store_article(db, n, figures, undated=n == 17)
        undated_id = article_id if n == 17 else undated_id
    times = [None, published(0) - timedelta(days=1), *(published(n) for n in range(7))]
    skipped = 0
    with db.read() as session:
        stored = session.scalars(select(Figure).where(Figure.qualifier == "exact")).all()
        votes = _from_figures(session, sorted({summary_key(key_of(f)) for f in stored} - {None}))
        for stored_figure in stored:
            key = key_of(stored_figure)
            for value in (stored_figure.value, 1):
                judged = SimpleNamespace(**{**vars(stored_figure), "value": value, "id": 0})
                for before in times:
                    expected = previous_exact(session, judged, before)
                    may = may_have_other_exact(session, key, value, before)
                    # the same answer from votes already read (as the writer passes them)
                    assert may == may_have_other_exact(session, key, value, before, votes)
                    if not may:
                        skipped += 1
                        assert expected is None, (key, value, before)
                    elif before is None:
                        # all exact reports of another value count: the votes must see one
                        assert expected is not None or _only_other_period_ends(session, key)
        assert skipped > 0
        # before every report of its month, a figure has nothing to revise; unless one of them
        # is undated: that one may be older
        early = published(0) - timedelta(days=1)
        undated = {summary_key(key_of(f)) for f in stored if f.article_id == undated_id}
        for stored_figure in stored:
            key = key_of(stored_figure)
            may = may_have_other_exact(session, key, 1, early)
            assert may == (summary_key(key) in undated)
        assert undated


def key_of(stored: Figure) -> tuple[object, ...]:
    return tuple(getattr(stored, name) for name in FIGURE_KEY)


def _only_other_period_ends(session, key):  # type: ignore[no-untyped-def]
    """Whether the key's summary row also counts reports of the month with other period ends."""
    rows = session.scalars(
        select(Figure.period_end).where(
            Figure.entity == key[0], Figure.period_kind == key[3], Figure.period_start == key[4]
        )
    ).all()
    return len(set(rows)) > 1
