"""Stored figures: one row per (article, entity, metric, segment, period), reparse semantics,
the consolidated view, and a schema that matches its migrations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from store import queries
from store.db import Database
from store.dialects import compare_type
from store.figures import (
    FigureFilter,
    consolidate,
    list_figures,
    monthly_history,
    period_bounds,
    store_figures,
)
from store.models import Base, Figure
from tests.test_store import record


@pytest.fixture()
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


def figure(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "entity": "HIMA",
        "metric": "deliveries",
        "unit": "vehicles",
        "segment": "nev",
        "period_kind": "month",
        "period_start": date(2025, 11, 1),
        "period_end": date(2025, 11, 30),
        "value": 81864,
        "qualifier": "exact",
        "yoy_pct": 90.0,
        "mom_pct": None,
        "claims": ["first_time"],
        "snippet": "HIMA handed over 81,864 vehicles in November.",
        "span_start": 0,
        "span_end": 44,
    }
    values.update(changes)
    return values


def article(db: Database, source: str, n: int) -> int:
    with db.session() as session:
        source_id = queries.ensure_source(session, source, source, f"https://{source}.test/").id
        url = f"https://{source}.test/article/{n}.html"
        article_id, _ = queries.save_article(
            session, record(source_id, canonical_url=url, fetched_url=url, content_hash=f"h{n}")
        )
    return article_id


def count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Figure)) or 0


def test_schema_matches_the_migrations(db: Database) -> None:
    def modelled(_obj: object, name: str | None, type_: str, *_: object) -> bool:
        # the article search index (FTS5 and its shadow tables) is SQL, not a model
        return not (type_ == "table" and (name or "").startswith("articles_fts"))

    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": modelled, "compare_type": compare_type}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_storing_the_same_figures_again_adds_and_changes_nothing(db: Database) -> None:
    article_id = article(db, "jiemian", 1)
    with db.session() as session:
        first = store_figures(
            session, article_id, [figure(), figure(entity="NIO", value=36275)], "1"
        )
    with db.session() as session:
        again = store_figures(
            session, article_id, [figure(), figure(entity="NIO", value=36275)], "1"
        )
    assert len(first.added) == 2 and not again
    assert count(db) == 2


def test_a_changed_value_is_reported_and_kept_once(db: Database) -> None:
    article_id = article(db, "jiemian", 1)
    with db.session() as session:
        store_figures(session, article_id, [figure()], "1")
    with db.session() as session:
        changes = store_figures(session, article_id, [figure(value=81865)], "2")
    assert [diff for _id, diff in changes.changed] == [{"value": (81864, 81865)}]
    with db.session() as session:
        stored = session.scalars(select(Figure)).one()
        assert (stored.value, stored.parser_version) == (81865, "2")


def test_replace_removes_figures_the_parser_no_longer_finds(db: Database) -> None:
    article_id = article(db, "jiemian", 1)
    with db.session() as session:
        store_figures(session, article_id, [figure(), figure(entity="NIO", value=36275)], "1")
    with db.session() as session:
        kept = store_figures(session, article_id, [figure()], "2")
    assert not kept and count(db) == 2  # without replace nothing is deleted
    with db.session() as session:
        changes = store_figures(session, article_id, [figure()], "2", replace=True)
    assert [key[0] for key in changes.removed] == ["NIO"]
    assert count(db) == 1


def test_the_database_refuses_a_second_row_for_the_same_key(db: Database) -> None:
    article_id = article(db, "jiemian", 1)
    with db.session() as session:
        store_figures(session, article_id, [figure()], "1")
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Figure(article_id=article_id, parser_version="1", **figure()))
        session.flush()


def test_consolidated_view_takes_the_majority_and_flags_disagreement(db: Database) -> None:
    ids = [article(db, source, n) for n, source in enumerate(("jiemian", "autobeta", "tapas"))]
    values = [81864, 81864, 81000]
    with db.session() as session:
        for article_id, value in zip(ids, values, strict=True):
            store_figures(session, article_id, [figure(value=value)], "1")
        store_figures(session, ids[0], [figure(entity="NIO", value=36275)], "1")
        rows = list_figures(session, FigureFilter())
    by_entity = {c.entity: c for c in consolidate(rows)}
    hima = by_entity["HIMA"]
    assert (hima.value, hima.reports, hima.sources) == (81864, 3, ("autobeta", "jiemian", "tapas"))
    assert hima.disagreement == {81864: 2, 81000: 1}
    assert by_entity["NIO"].disagreement == {}


def test_filters_narrow_by_entity_metric_and_period(db: Database) -> None:
    article_id = article(db, "jiemian", 1)
    october = {"period_start": date(2025, 10, 1), "period_end": date(2025, 10, 31)}
    with db.session() as session:
        store_figures(
            session,
            article_id,
            [figure(), figure(value=70000, **october), figure(entity="NIO", metric="sales")],
            "1",
        )
        november = list_figures(session, FigureFilter(period="2025-11"))
        hima = list_figures(session, FigureFilter(entities=frozenset({"HIMA"})))
        sales = list_figures(session, FigureFilter(metric="sales"))
        since = list_figures(session, FigureFilter(since=date(2025, 11, 15)))
    assert sorted(r.entity for r in november) == ["HIMA", "NIO"]
    assert [r.value for r in hima] == [81864, 70000]  # newest period first
    assert [r.entity for r in sales] == ["NIO"]
    assert len(since) == 2


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("2025", (date(2025, 1, 1), date(2025, 12, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2025-Q4", (date(2025, 10, 1), date(2025, 12, 31))),
    ],
)
def test_period_bounds(text: str, bounds: tuple[date, date]) -> None:
    assert period_bounds(text) == bounds


@pytest.mark.parametrize("text", ["2025-13", "2025-Q5", "November", ""])
def test_unreadable_periods_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        period_bounds(text)


def test_monthly_history_agrees_with_the_consolidated_view(db: Database) -> None:
    ids = [article(db, source, n) for n, source in enumerate(("jiemian", "autobeta", "tapas"))]
    october = {"period_start": date(2025, 10, 1), "period_end": date(2025, 10, 31)}
    with db.session() as session:
        for article_id, value in zip(ids, (81864, 81000, 81864), strict=True):
            store_figures(session, article_id, [figure(value=value)], "1")
        store_figures(session, ids[1], [figure(value=68000, qualifier="approx", **october)], "1")
        history = monthly_history(session, "HIMA", "deliveries", "nev")
        consolidated = {
            c.period_start: (c.value, c.qualifier)
            for c in consolidate(list_figures(session, FigureFilter()))
        }
    assert (
        history
        == consolidated
        == {
            date(2025, 11, 1): (81864, "exact"),
            date(2025, 10, 1): (68000, "approx"),
        }
    )


def test_two_values_for_one_key_keep_the_better_evidenced_and_are_counted(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    article_id = article(db, "jiemian", 1)
    weak = figure(value=80000, qualifier="at_least", confidence=0.6)
    strong = figure(value=81864, confidence=0.9)
    with db.session() as session, caplog.at_level("INFO", logger="store.figures"):
        changes = store_figures(session, article_id, [weak, strong], "1")
    assert len(changes.conflicts) == 1
    (_, kept, aside) = changes.conflicts[0]
    assert (kept, aside) == (81864, 80000)
    assert "kept 81864, set aside 80000" in caplog.text
    with db.session() as session:
        rows = session.execute(select(Figure.value, Figure.confidence)).all()
    assert [tuple(r) for r in rows] == [(81864, 0.9)]


def test_equal_evidence_prefers_an_exact_value_over_a_bound(db: Database) -> None:
    article_id = article(db, "jiemian", 1)
    with db.session() as session:
        changes = store_figures(
            session, article_id, [figure(value=80000, qualifier="at_least"), figure()], "1"
        )
    assert [(kept, aside) for _, kept, aside in changes.conflicts] == [(81864, 80000)]
