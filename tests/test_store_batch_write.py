"""A crawl's transaction written as a batch (``write_articles``) leaves the database exactly as
writing its articles one by one does: the same articles, URLs, figures, alerts (held, released
and retracted), deliveries and series summary, with the same ids, in fewer statements. The
batches mix makers that share no series with articles that repeat a series, revise a figure,
corroborate a held one, or are met again (the same URL, the same text, a refreshed page)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from alerts.config import Config
from crawler.writepath import write_article, write_articles
from store import queries
from store.db import Database

CONFIG = Config.model_validate(
    {"subscriber": [{"name": "desk", "email": "desk@example.org"}], "smtp": {"host": "127.0.0.1"}}
)
MAKERS = ("BYD", "Xpeng", "NIO", "Li Auto", "Leapmotor", "Zeekr", "HIMA", "Xiaomi", "Geely", "Aito")
SOURCES = ("jiemian", "autobeta", "tapas")
# every column but the moments of writing, which differ between two runs
TABLES = {
    "articles": "id, source_id, canonical_url, title, published_at, text, content_hash",
    "article_urls": "url, article_id",
    "figures": "id, article_id, entity, metric, segment, period_kind, period_start, "
    "period_end, value, qualifier, confidence",
    "alerts": 'id, "key", kind, entity, metric, period_start, value, qualifier, previous_value, '
    "streak, rung, article_id, figure_id, held, historical, retracted_at IS NULL",
    "deliveries": "id, alert_id, subscriber, channel, target, status",
    "series_votes": "entity, metric, segment, period_kind, period_start, period_end, value, "
    "qualifier, reports, newest, earliest",
    "series_summary": "entity, metric, segment, period_kind, period_start, period_end, value, "
    "qualifier, face_max, approx_max, reports",
}
# the tables whose row ids are internal: compared as sets
UNORDERED = {"article_urls", "series_votes", "series_summary"}


def month_figure(maker: str, month: date, value: int, qualifier: str, confidence: float) -> dict:
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1) - timedelta(days=1)
    return {
        "entity": maker, "metric": "deliveries", "segment": "nev", "period_kind": "month",
        "period_start": month, "period_end": end, "unit": "vehicles", "value": value,
        "qualifier": qualifier, "yoy_pct": None, "mom_pct": None, "claims": [],
        "snippet": "", "span_start": 0, "span_end": 1, "confidence": confidence,
    }  # fmt: skip


def articles(seed: int, count: int) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Articles in crawl order: each reports one to three makers' months, at times a revised,
    rounded or weakly read value; some are the same page met again."""
    rng = random.Random(seed)
    made: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for n in range(count):
        month = date(2025, 1 + n // 12, 1)
        if made and rng.random() < 0.12:  # met again: same URL, an alias, or same text
            record, figures = rng.choice(made)
            how = rng.choice(("url", "alias", "refreshed"))
            again = dict(record)
            if how == "alias":
                again["fetched_url"] = f"https://m.example.org/{n}"
            elif how == "refreshed":
                again["text"] = again["content_hash"] = f"{record['text']} (updated)"
                figures = [{**figures[0], "value": figures[0]["value"] + 7}] if figures else []
            made.append((again, figures))
            continue
        figures = []
        for maker in rng.sample(MAKERS[: rng.choice((3, 8))], rng.randint(0, 3)):
            value = rng.choice((18_000, 39_950, 40_000, 40_120, 79_990, 80_000, 80_150))
            qualifier = rng.choice(("exact", "exact", "exact", "approx"))
            figures.append(month_figure(maker, month, value, qualifier, rng.choice((0.9, 0.5))))
        url = f"https://example.org/{n}"
        record = {
            "source": rng.choice(SOURCES), "canonical_url": url, "fetched_url": url,
            "title": str(n), "published_at": datetime(2025, 1, 1, tzinfo=UTC)
            + timedelta(hours=6 * n), "text": f"article {n}", "content_hash": f"article {n}",
        }  # fmt: skip
        made.append((record, figures))
    return made


def record_of(values: dict[str, Any], source_ids: dict[str, int]) -> queries.ArticleRecord:
    return queries.ArticleRecord(
        source_id=source_ids[values["source"]], canonical_url=values["canonical_url"],
        fetched_url=values["fetched_url"], title=values["title"], author=None,
        source_line=None, published_at=values["published_at"], language="en",
        text=values["text"], text_en=None, text_zh=None, raw_html=None, raw_encoding=None,
        content_hash=values["content_hash"],
    )  # fmt: skip


def write(path: Path, made: list, *, batched: bool) -> tuple[dict[str, list], int, list]:
    """Writes the articles in transactions of ten; returns the tables, the statements sent
    and what each write returned (article id, created, figures added, alerts raised)."""
    db = Database(f"sqlite:///{path}")
    sent = [0]
    with db.session() as session:
        source_ids = {
            name: queries.ensure_source(session, name, name, f"https://{name}.example/").id
            for name in SOURCES
        }

    @event.listens_for(db.engine, "before_cursor_execute")
    def count(*_: Any) -> None:
        sent[0] += 1

    results = []
    for start in range(0, len(made), 10):
        batch = [(record_of(values, source_ids), figures) for values, figures in made[start:][:10]]
        with db.session() as session:
            if batched:
                written = write_articles(
                    session, [(record, figures, True) for record, figures in batch], "t",
                    CONFIG, historical=False,
                )  # fmt: skip
            else:
                written = [
                    write_article(session, record, figures, "t", CONFIG, historical=False)
                    for record, figures in batch
                ]
        results += [(w.article_id, w.created, w.changes.added, w.alert_ids) for w in written]
    event.remove(db.engine, "before_cursor_execute", count)
    with db.engine.connect() as connection:
        tables = {
            name: [
                tuple(row)
                for row in connection.execute(text(f"SELECT {columns} FROM {name} ORDER BY 1"))
            ]
            for name, columns in TABLES.items()
        }
    db.dispose()
    for name in UNORDERED:
        tables[name].sort(key=repr)
    return tables, sent[0], results


@pytest.fixture(scope="module", params=[7, 11, 2024])
def both(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    made = articles(request.param, 120)
    folder = tmp_path_factory.mktemp(f"batch{request.param}")
    yield write(folder / "one.db", made, batched=False), write(folder / "b.db", made, batched=True)


def test_a_batch_leaves_every_table_as_one_by_one_writes_do(both: tuple) -> None:
    (one, _, one_results), (batched, _, batched_results) = both
    assert batched_results == one_results
    for name in TABLES:
        assert batched[name] == one[name], name
    # the histories exercise what the batch must keep apart
    alerts = one["alerts"]
    assert len(one["articles"]) < 120  # pages met again stored once
    assert {row[2] for row in alerts} >= {"threshold", "record", "revision"}
    assert any(row[13] for row in alerts) and any(not row[13] for row in alerts)  # held or not
    assert any(not row[15] for row in alerts)  # some retracted by a revision
    assert one["deliveries"]


def test_a_batch_sends_fewer_statements(both: tuple) -> None:
    (_, one_sent, _), (_, batched_sent, _) = both
    assert batched_sent < one_sent


def test_makers_that_share_no_series_are_judged_together(tmp_path: Path) -> None:
    """Two batches of ten articles about ten makers (April, then May): the rules' reads and
    the summary's writes are sent once a batch, not once an article."""
    made = []
    for month, value in ((date(2025, 4, 1), 30_000), (date(2025, 5, 1), 40_000)):
        for n, maker in enumerate(MAKERS):
            url = f"https://example.org/{maker}/{month}"
            record = {
                "source": SOURCES[n % 3], "canonical_url": url, "fetched_url": url,
                "title": maker, "published_at": datetime(month.year, month.month + 1, 1, n,
                tzinfo=UTC), "text": url, "content_hash": url,
            }  # fmt: skip
            made.append((record, [month_figure(maker, month, value + n, "exact", 0.9)]))
    one, one_sent, one_results = write(tmp_path / "one.db", made, batched=False)
    batched, batched_sent, batched_results = write(tmp_path / "b.db", made, batched=True)
    assert batched == one and batched_results == one_results
    assert len(one["alerts"]) == 10  # each maker crosses 40,000 in May
    assert batched_sent < 0.5 * one_sent


def test_records_that_meet_each_other_within_a_batch(tmp_path: Path) -> None:
    """Which stored article a record meets is read for the whole batch at once; records that
    meet what an earlier record of the same batch brought (a new page's URL or text, a
    refreshed page's old or new text) are stored as writing them one by one stores them."""
    made: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []

    def page(n: int, url: str, body: str, maker: str, value: int, **more: str) -> None:
        record = {
            "source": "jiemian", "canonical_url": url, "fetched_url": more.get("fetched", url),
            "title": str(n), "published_at": datetime(2025, 6, 1, n, tzinfo=UTC),
            "text": body, "content_hash": body,
        }  # fmt: skip
        made.append((record, [month_figure(maker, date(2025, 5, 1), value, "exact", 0.9)]))

    # the first transaction stores an older page
    page(0, "https://example.org/old", "old text", "NIO", 30_000)
    made += [made[0]] * 9  # the same page met again, nine times
    # the second: new pages, met again by alias and by text, and the old page refreshed
    page(1, "https://example.org/a", "text a", "BYD", 380_000)
    page(2, "https://example.org/b", "text b", "Xpeng", 40_000)
    page(3, "https://example.org/a2", "text a", "BYD", 380_000)  # a's text, another URL
    page(4, "https://example.org/b", "text b2", "Xpeng", 40_500, fetched="https://m.example.org/b")
    page(5, "https://example.org/c", "text c", "Zeekr", 40_100, fetched="https://m.example.org/b")
    page(6, "https://example.org/old", "new text", "NIO", 30_100)  # refreshed
    page(7, "https://example.org/d", "old text", "Leapmotor", 50_000)  # the old text, now new
    page(8, "https://example.org/e", "new text", "NIO", 30_100)  # the refreshed text
    page(9, "https://example.org/f", "text f", "Aito", 44_000)
    one, _, one_results = write(tmp_path / "one.db", made, batched=False)
    batched, _, batched_results = write(tmp_path / "b.db", made, batched=True)
    assert batched == one and batched_results == one_results
    created = [result[1] for result in one_results[10:]]
    assert created == [True, True, False, False, False, False, True, False, True]
