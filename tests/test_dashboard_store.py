"""The dashboard's store side, without a browser: the article search index follows the
articles table (insert, changed text, delete), short words fall back to LIKE, and the read-only
database cannot write."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, text
from sqlalchemy.exc import OperationalError

from store import queries, views
from store.db import Database, DatabaseError
from store.models import Article
from store.readonly import ReadOnlyDatabase


def save(db: Database, n: int, title: str, body: str) -> int:
    with db.session() as session:
        source = queries.ensure_source(session, "wire", "Wire", "https://wire.test/")
        url = f"https://wire.test/{n}.html"
        article_id, _ = queries.save_article(
            session,
            queries.ArticleRecord(
                source_id=source.id, canonical_url=url, fetched_url=url, title=title,
                author=None, source_line=None, published_at=None, language="zh", text=body,
                text_en=None, text_zh=None, raw_html=b"", raw_encoding=None,
                content_hash=f"{n}:{hash(body)}",
            ),
        )  # fmt: skip
    return article_id


def found(db: Database, words: str) -> tuple[list[int], str]:
    with db.read() as session:
        rows, how = views.search_articles(session, words)
    return [r["id"] for r in rows], how


def test_the_search_index_follows_the_articles(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'search.db'}")
    first = save(db, 1, "浙江新能源汽车产量", "浙江前11个月新能源汽车产量123.3万辆，同比增长49.9%")
    second = save(db, 2, "HIMA deliveries", "HIMA delivered 81,864 vehicles in November.")
    assert found(db, "新能源汽车") == ([first], "fts5")  # Chinese, no spaces: trigrams
    assert found(db, "deliver") == ([second], "fts5")  # part of a word
    assert found(db, "HIMA 81,864") == ([second], "fts5")  # every word
    assert found(db, "浙江") == ([first], "like")  # two characters: LIKE
    with db.read() as session:
        rows, _ = views.search_articles(session, "81,864")
    assert views.MARK_START + "81,864" + views.MARK_END in rows[0]["excerpt"]
    # the text changes on a refresh: the index follows
    save(db, 2, "HIMA deliveries", "HIMA delivered 90,000 vehicles in December.")
    assert found(db, "81,864")[0] == []
    assert found(db, "90,000")[0] == [second]
    with db.session() as session:
        session.execute(delete(Article).where(Article.id == first))
    assert found(db, "新能源汽车")[0] == []
    assert found(db, "")[0] == []


def test_the_read_only_database_reads_and_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    db = Database(f"sqlite:///{path}")
    article_id = save(db, 1, "t", "BYD exported 71,256 vehicles")
    db.dispose()
    ro = ReadOnlyDatabase(f"sqlite:///{path}")
    assert found(ro, "71,256")[0] == [article_id]
    with pytest.raises(DatabaseError), ro.session():
        pass
    with ro.read() as session, pytest.raises(OperationalError, match=r"readonly|read-only"):
        session.execute(text("DELETE FROM articles"))
    with pytest.raises(DatabaseError, match="no such database"):
        ReadOnlyDatabase(f"sqlite:///{tmp_path / 'missing.db'}")


def test_a_database_needing_a_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Database(f"sqlite:///{path}").dispose()
    with Database(f"sqlite:///{path}", migrate=False).engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    with pytest.raises(DatabaseError, match="evwatch db upgrade"):
        ReadOnlyDatabase(f"sqlite:///{path}")


def test_the_entity_summary_agrees_with_consolidate(tmp_path: Path) -> None:
    """The dashboard aggregates in the database what ``evwatch figures --consolidated``
    chooses in Python: same values, reports, sources and disagreements; snippets capped."""
    from datetime import date

    from store.figures import FigureFilter, consolidate, list_figures, store_figures
    from tests.test_store_figures import figure

    db = Database(f"sqlite:///{tmp_path / 'summary.db'}")
    october = {"period_start": date(2025, 10, 1), "period_end": date(2025, 10, 31)}
    ytd = {"period_kind": "ytd", "period_start": date(2025, 1, 1),
           "period_end": date(2025, 11, 30), "value": 600_000}  # fmt: skip
    reports = [
        [figure(), figure(**october, value=70_000)],
        [figure(), figure(**ytd)],
        [figure(value=81_000, qualifier="approx"), figure(**october, value=71_000)],
        [figure(metric="production", value=85_000), figure(**october, value=70_000)],
        *[[figure(snippet=f"report {n}")] for n in range(6)],
    ]
    for n, figures in enumerate(reports):
        article_id = save(db, n, f"article {n}", f"text {n}")
        with db.session() as session:
            store_figures(session, article_id, figures, "1")
    with db.read() as session:
        expected = consolidate(list_figures(session, FigureFilter(entities=frozenset({"HIMA"}))))
        summary, snippets = views.entity_figures(session, "HIMA", reports_per_period=3)
    assert sorted(summary, key=repr) == sorted(expected, key=repr)
    november = next(c for c in summary if c.period_kind == "month" and c.period_start.month == 11
                    and c.metric == "deliveries")  # fmt: skip
    assert (november.value, november.reports, november.disagreement) == (
        81864,
        9,
        {81864: 8, 81000: 1},
    )
    key = ("deliveries", "nev", "month", date(2025, 11, 1), date(2025, 11, 30))
    assert [r.snippet for r in snippets[key]] == ["report 5", "report 4", "report 3"]
