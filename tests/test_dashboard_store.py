"""The dashboard's store side, without a browser: the article search index follows the
articles table (insert, changed text, delete), short words fall back to LIKE, the read-only
database cannot write, the entity page's periods agree with consolidating every report, and
every page reads its database on both backends."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

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
    second = save(db, 2, "HIMA deliveries", "HIMA handed over 81,864 vehicles in November.")
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
    """The dashboard reads from the series summary what ``evwatch figures --consolidated``
    chooses in Python: same values, reports, sources and disagreements; snippets capped."""
    from datetime import date

    from store import summary as series_summary
    from store.figures import FigureFilter, consolidate, figure_key, list_figures, store_figures
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
            series_summary.refresh(session, [figure_key(f) for f in figures])  # as the writer
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


def test_the_entity_page_reads_the_summary_as_the_figures_aggregate(db_url: str) -> None:
    """Months and totals read from the series summary, and the periods it does not hold as
    they are (a quarter, a month reported up to an earlier day, that whole month) read from
    their figures, give what aggregating every report gives: values, reports, agreeing counts,
    disagreements, sources, newest publication, and the newest reports of each period; asked
    for the reports of the newest total of each series only, the same periods with the reports
    of every month and of that total."""
    from datetime import UTC, date, datetime, timedelta

    from store import summary as series_summary
    from store.figures import FigureFilter, consolidate, figure_key, list_figures, store_figures
    from tests.test_store_figures import figure

    db = Database(db_url)
    october = {"period_start": date(2025, 10, 1), "period_end": date(2025, 10, 31)}
    early_october = {"period_start": date(2025, 10, 1), "period_end": date(2025, 10, 20)}
    quarter = {"period_kind": "quarter", "period_start": date(2025, 7, 1),
               "period_end": date(2025, 9, 30), "value": 200_000}  # fmt: skip
    ytd = {"period_kind": "ytd", "period_start": date(2025, 1, 1),
           "period_end": date(2025, 10, 31), "value": 600_000}  # fmt: skip
    reports = [
        [figure(), figure(**october, value=70_000), figure(**quarter)],
        [figure(value=81_000, qualifier="approx"), figure(**early_october, value=40_000)],
        [figure(**october, value=71_000), figure(**ytd), figure(**{**quarter, "value": 201_000})],
        [figure(**early_october, value=41_000), figure(segment="all", value=90_000)],
        [figure(**october, value=71_000, qualifier="approx"), figure(**{**ytd, "value": 600_500})],
        *[[figure(snippet=f"report {n}"), figure(**quarter, snippet=f"q {n}")] for n in range(4)],
    ]
    sources = ("wire", "daily", "weekly")
    published = datetime(2025, 11, 3, 8, tzinfo=UTC)
    for n, figures in enumerate(reports):
        with db.session() as session:
            source = queries.ensure_source(session, sources[n % 3], "S", "https://s.test/")
            url = f"https://s.test/{n}.html"
            article_id, _ = queries.save_article(
                session,
                queries.ArticleRecord(
                    source_id=source.id, canonical_url=url, fetched_url=url, title=f"t{n}",
                    author=None, source_line=None, published_at=published + timedelta(hours=n),
                    language="zh", text=f"text {n}", text_en=None, text_zh=None, raw_html=b"",
                    raw_encoding=None, content_hash=f"h{n}",
                ),
            )  # fmt: skip
        with db.session() as session:
            store_figures(session, article_id, figures, "1")
            series_summary.refresh(session, [figure_key(f) for f in figures])  # as the writer
    with db.read() as session:
        stored = list_figures(session, FigureFilter(entities=frozenset({"HIMA"})))
        expected = consolidate(stored)
        got, snippets = views.entity_figures(session, "HIMA", reports_per_period=3)
        lean, lean_snippets = views.entity_figures(
            session, "HIMA", reports_per_period=3, sources=False
        )
        shown = views.entity_periods(session, "HIMA", reports_per_period=3, newest_totals=1)
    db.dispose()
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    assert {(c.period_kind, c.period_end) for c in got} >= {
        ("quarter", date(2025, 9, 30)), ("month", date(2025, 10, 20)),
        ("month", date(2025, 10, 31)), ("ytd", date(2025, 10, 31)),
    }  # fmt: skip
    october_total = next(c for c in got if c.period_end == date(2025, 10, 31)
                         and c.period_kind == "month")  # fmt: skip
    assert (october_total.value, october_total.reports, october_total.disagreement) == (
        71_000, 3, {70_000: 1, 71_000: 2},
    )  # fmt: skip
    # the newest three reports of each period, as ranking every figure by id gives them
    newest: dict[Any, list[int]] = {}
    for row in sorted(stored, key=lambda r: -r.id):
        key = (row.metric, row.segment, row.period_kind, row.period_start, row.period_end)
        if len(newest.setdefault(key, [])) < 3:
            newest[key].append(row.id)
    assert {k: [r.id for r in v] for k, v in snippets.items()} == newest
    # without sources: the same periods, values and reports
    assert [replace(c, sources=()) for c in got] == lean
    assert lean_snippets == snippets
    # the newest total of deliveries (nev) is the year to date (October): the quarter before
    # it is counted, not read; every month and every other period as before
    quarter_key = ("deliveries", "nev", "quarter", date(2025, 7, 1), date(2025, 9, 30))
    assert quarter_key in snippets
    assert shown.periods == [
        c for c in got
        if (c.metric, c.segment, c.period_kind, c.period_start, c.period_end) != quarter_key
    ]  # fmt: skip
    assert shown.reports == {k: v for k, v in snippets.items() if k != quarter_key}
    assert shown.totals == {("deliveries", "nev"): 2}


def test_the_page_keeps_every_month_and_the_newest_totals_with_ties() -> None:
    from datetime import date

    def key(kind: str, start: date, end: date, metric: str = "sales") -> views.SeriesKey:
        return (metric, "nev", kind, start, end)

    month = key("month", date(2020, 1, 1), date(2020, 1, 31))
    old = key("ytd", date(2025, 1, 1), date(2025, 6, 30))
    ytd = key("ytd", date(2025, 1, 1), date(2025, 9, 30))
    quarter = key("quarter", date(2025, 1, 1), date(2025, 9, 30))  # tied with the ytd
    lifetime = key("lifetime", date(1990, 1, 1), date(2025, 10, 12))
    other = key("year", date(2024, 1, 1), date(2024, 12, 31), metric="exports")
    keys = {month, old, ytd, quarter, lifetime, other}

    def kept(totals: int | None) -> set[views.SeriesKey]:
        cutoffs = views._newest_totals(keys, totals)
        return {k for k in keys if views._kept(k, cutoffs)}

    assert kept(None) == kept(4) == kept(3) == keys
    assert kept(2) == {month, ytd, quarter, lifetime, other}
    assert kept(1) == {month, lifetime, other}


def test_the_entity_page_shows_the_same_whether_it_reads_every_total_or_the_newest(
    db_url: str,
) -> None:
    """A series with more totals than the page shows: the page built from the newest totals
    only renders exactly as the one built from every total (the downloads')."""
    from datetime import date, timedelta

    from alerts.config import load_config
    from evwatch.web import pages
    from evwatch.web.app import template_env
    from store import summary as series_summary
    from store.figures import figure_key, store_figures
    from tests.test_store_figures import figure

    db = Database(db_url)
    day = date(2025, 1, 31)
    articles = [[figure(snippet="November"), figure(**{"period_kind": "quarter",
                 "period_start": date(2025, 7, 1), "period_end": date(2025, 9, 30),
                 "value": 200_000})]]  # fmt: skip
    for n in range(60):  # lifetime totals up to 30 different days, two reports each
        end = day + timedelta(days=n // 2 * 7)
        total = figure(period_kind="lifetime", period_start=date(2020, 1, 1), period_end=end,
                       value=1_000_000 + n, snippet=f"total {n}")  # fmt: skip
        articles.append([total])
    for n, figures in enumerate(articles):
        article_id = save(db, n, f"article {n}", f"text {n}")
        with db.session() as session:
            store_figures(session, article_id, figures, "1")
            series_summary.refresh(session, [figure_key(f) for f in figures])
    db.dispose()
    reader = ReadOnlyDatabase(db_url)
    try:
        config = load_config(None)
        template = template_env().get_template("entity.html")
        shown = pages.entity_page(reader, config, "HIMA", sources=False, every_report=False)
        every = pages.entity_page(reader, config, "HIMA", sources=False, every_report=True)
    finally:
        reader.dispose()
    assert shown is not None and every is not None
    assert pages.TOTALS_SHOWN == 24
    [series] = shown.extra["series"]
    assert (series.totals_count, len(series.totals.rows)) == (31, 24)
    assert len(every.extra["series"][0].totals.rows) == 31
    html = template.render(page=shown, base_query="", **shown.extra)
    assert html == template.render(page=every, base_query="", **every.extra)
    assert "The newest 24 of 31" in html and "1,000,058 (1) vs 1,000,059 (1)" in html


def test_every_dashboard_page_reads_the_database(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page's queries on each backend, over an archive month, a delivered alert and a
    rejected figure: the overview, alerts, one alert, the entity (and its download), the
    entities, article and figure search (and consolidated), and the feed's rows."""
    from alerts.config import load_config
    from crawler.seeds import load_seeds
    from evwatch.web import pages
    from evwatch.web.app import template_env
    from tests.conftest import REPO
    from tests.servers import SmtpServer, WebhookReceiver
    from tests.test_alert_dispatch import (
        SECRET,
        SECRET_ENV,
        evwatch,
        ingest_article,
        write_config,
    )

    monkeypatch.setenv(SECRET_ENV, SECRET)
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver(secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        ingest_article(tmp_path, db, config)
        assert evwatch(db, config, "dispatch") == 0
    reader = ReadOnlyDatabase(db)
    env = template_env()
    try:
        rules = load_config(config)
        overview = pages.overview(reader, rules, load_seeds(REPO / "seeds"))
        html = env.get_template("overview.html").render(page=overview, **overview.extra)
        assert "0 dead, 2 sent, 0 cancelled." in html  # mail and webhook
        [alert] = pages.alert_list(reader, entity="HIMA").tables["alerts"].rows
        assert alert["delivered"] and alert["kind"] == "threshold"
        page = pages.alert_page(reader, rules, alert["id"])
        assert page is not None and page.extra["figure"]["value"] == 81864
        assert [r["value"] for r in page.tables["history"].rows] == [68216, 81864]
        for every in (False, True):
            entity = pages.entity_page(reader, rules, "鸿蒙智行", sources=every, every_report=every)
            assert entity is not None and entity.extra["entity"]["name"] == "HIMA"
            [series] = entity.extra["series"]
            assert [m["value"] for m in series.months.rows] == [68216, 81864]
            assert series.months.rows[-1]["sources"] == (["jiemian"] if every else [])
            env.get_template("entity.html").render(page=entity, **entity.extra)
        assert pages.entity_index(reader).tables["entities"].rows == [
            {"entity": "HIMA", "figures": 2}
        ]
        found = pages.article_search(reader, "HIMA", None).tables["articles"].rows
        assert len(found) == 2
        assert pages.article_search(reader, "SU", None).extra["how"] == "like"
        figures = pages.figure_search(reader, {"entity": "HIMA", "period": "2025-11"})
        assert [r["value"] for r in figures.tables["figures"].rows] == [81864]
        merged = pages.figure_search(reader, {"entity": "HIMA", "consolidated": "1"})
        assert len(merged.tables["figures"].rows) == 2
        feed = pages.alert_list(reader, entity="HIMA", newest_first=True, limit=500)
        assert [a["id"] for a in feed.tables["alerts"].rows] == [alert["id"]]
    finally:
        reader.dispose()
