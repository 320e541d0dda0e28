"""The read commands page their tables and stream their machine formats: on a database with
more rows than a table shows, ``figures``, ``figures --consolidated``, ``alerts`` and
``articles`` print 50 rows and a last line saying how many more there are and how to see
them, while csv and jsonl give every row unless ``--limit`` is given."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from evwatch.cli import main
from evwatch.figurecommands import RECORD_COLUMNS
from evwatch.tables import display_width, truncate
from store.db import Database
from store.models import Alert, Article, Figure, Source

ARTICLES = 60
FIGURES_PER_ARTICLE = 2  # 120 figures, each its own key: 120 consolidated rows
ALERTS = 60


@pytest.fixture()
def big_db(db_url: str) -> str:
    """A database with more articles, figures and alerts than a table page shows."""
    db = Database(db_url)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    try:
        with db.engine.begin() as connection:
            connection.execute(
                insert(Source),
                [{"id": 1, "name": "wire", "title": "Wire", "home_url": "https://wire.example/",
                  "created_at": start}],
            )  # fmt: skip
            articles, figures, alerts = [], [], []
            for n in range(1, ARTICLES + 1):
                published = start + timedelta(days=31 * n)
                articles.append(
                    {"id": n, "source_id": 1, "canonical_url": f"https://wire.example/{n}",
                     "title": f"Report {n}", "published_at": published, "language": "en",
                     "text": "text", "content_hash": f"{n:064x}", "first_seen_at": published,
                     "last_seen_at": published}
                )  # fmt: skip
                month = date(2020 + (n - 1) // 12, (n - 1) % 12 + 1, 1)
                for m, metric in enumerate(("deliveries", "sales")[:FIGURES_PER_ARTICLE]):
                    figures.append(
                        {"id": n * 10 + m, "article_id": n, "entity": "BYD", "metric": metric,
                         "segment": "nev", "period_kind": "month", "period_start": month,
                         "period_end": month + timedelta(days=27), "unit": "vehicles",
                         "value": 1000 * n + m, "qualifier": "exact", "claims": [],
                         "snippet": f"BYD {metric}", "span_start": 0, "span_end": 5,
                         "confidence": 0.9, "parser_version": "t", "first_seen_at": published,
                         "updated_at": published}
                    )  # fmt: skip
            for n in range(1, ALERTS + 1):
                alerts.append(
                    {"id": n, "key": f"record:{n}", "kind": "record", "message": f"alert {n}",
                     "article_id": n, "claims": [], "historical": True,
                     "created_at": start + timedelta(days=n)}
                )  # fmt: skip
            connection.execute(insert(Article), articles)
            connection.execute(insert(Figure), figures)
            connection.execute(insert(Alert), alerts)
    finally:
        db.dispose()
    return db_url


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> list[str]:
    capsys.readouterr()
    assert main(["--db", url, *args]) == 0
    return capsys.readouterr().out.splitlines()


def table_rows(lines: list[str]) -> tuple[int, str | None]:
    """Data rows of a printed table (after its header and rule) and its closing line."""
    last = lines[-1] if lines[-1].startswith("… ") else None
    return len(lines) - 2 - (last is not None), last


@pytest.mark.parametrize(
    ("command", "total", "noun"),
    [
        (("figures",), ARTICLES * FIGURES_PER_ARTICLE, "figures"),
        (("figures", "--consolidated"), ARTICLES * FIGURES_PER_ARTICLE, "figures"),
        (("alerts",), ALERTS, "alerts"),
        (("articles",), ARTICLES, "articles"),
    ],
)
def test_a_table_shows_one_page_and_says_how_many_more(
    big_db: str, capsys: pytest.CaptureFixture[str], command: tuple[str, ...], total: int,
    noun: str,
) -> None:  # fmt: skip
    shown, last = table_rows(run(capsys, big_db, *command))
    assert shown == 50
    assert last == (
        f"… {total - 50} more {noun}: --offset 50 shows the next {min(50, total - 50)}, "
        "--limit 0 shows every one"
    )
    assert table_rows(run(capsys, big_db, *command, "--limit", "0")) == (total, None)
    assert table_rows(run(capsys, big_db, *command, "--offset", str(total - 5))) == (5, None)
    shown, last = table_rows(run(capsys, big_db, *command, "--limit", "7", "--offset", "3"))
    assert shown == 7
    assert last is not None and last.startswith(f"… {total - 10} more {noun}: --offset 10 ")


@pytest.mark.parametrize("consolidated", [(), ("--consolidated",)], ids=["plain", "consolidated"])
def test_machine_formats_stream_every_row_unless_limited(
    big_db: str, capsys: pytest.CaptureFixture[str], consolidated: tuple[str, ...]
) -> None:
    total = ARTICLES * FIGURES_PER_ARTICLE
    figures = ("figures", *consolidated)
    records = [json.loads(line) for line in run(capsys, big_db, *figures, "--format", "jsonl")]
    assert len(records) == total
    assert len(run(capsys, big_db, *figures, "--format", "csv")) == total + 1  # and its header
    page = run(capsys, big_db, *figures, "--format", "jsonl", "--limit", "10", "--offset", "55")
    assert [json.loads(line) for line in page] == records[55:65]
    alerts = run(capsys, big_db, "alerts", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in alerts] == list(range(1, ALERTS + 1))
    limited = run(capsys, big_db, "alerts", "--format", "jsonl", "--limit", "4", "--offset", "2")
    assert [json.loads(line)["id"] for line in limited] == [3, 4, 5, 6]


def test_a_table_page_is_the_same_rows_as_the_machine_format(
    big_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [json.loads(line) for line in run(capsys, big_db, "figures", "--format", "jsonl")]
    lines = run(capsys, big_db, "figures", "--offset", "50", "--limit", "5")
    assert len(lines) == 2 + 5 + 1  # header, rule, five rows, the closing line
    for line, record in zip(lines[2:7], records[50:55], strict=True):
        assert f" {record['value']:,} " in line


def test_a_negative_limit_is_refused(big_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", big_db, "figures", "--limit", "-1"])
    assert exited.value.code == 2
    assert "--limit: 0 or more, not -1" in capsys.readouterr().err


def test_a_figure_record_is_every_column_in_order_as_stored(
    big_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    [line] = run(capsys, big_db, "figures", "--format", "jsonl", "--limit", "1")
    assert json.loads(line) == {
        "id": ARTICLES * 10, "entity": "BYD", "metric": "deliveries", "unit": "vehicles",
        "segment": "nev", "period_kind": "month", "period_start": "2024-12-01",
        "period_end": "2024-12-28", "value": 1000 * ARTICLES, "qualifier": "exact",
        "yoy_pct": None, "mom_pct": None, "claims": [], "snippet": "BYD deliveries",
        "source": "wire", "url": f"https://wire.example/{ARTICLES}", "title": f"Report {ARTICLES}",
        "published_at": (datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=31 * ARTICLES))
        .isoformat(),
    }  # fmt: skip
    assert list(json.loads(line)) == list(RECORD_COLUMNS)
    header = run(capsys, big_db, "figures", "--format", "csv", "--limit", "1")[0]
    assert header == ",".join(RECORD_COLUMNS)


def test_table_cells_are_measured_in_terminal_columns() -> None:
    assert display_width("BYD 比亚迪") == 10 and display_width("Tesla") == 5
    assert truncate("aaaaa", 6) == "aaaaa"
    assert truncate("aaaaaa", 6) == "aaaaa…"
    assert truncate("比亚迪汽车", 6) == "比亚…"
    assert truncate("", 0) == ""


@pytest.mark.parametrize(
    "published",
    [datetime(2026, 1, 2, 3, 4, 5, 120000, tzinfo=UTC), datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)],
    ids=["microseconds", "whole-seconds"],
)
def test_a_record_gives_claims_days_and_time_as_the_models_do(
    big_db: str, capsys: pytest.CaptureFixture[str], published: datetime
) -> None:
    """The machine formats read days, claims and the publication time as the database hands
    them back (SQLite's stored text), and write them as the models' values would be."""
    db = Database(big_db)
    try:
        with db.engine.begin() as connection:
            connection.execute(
                insert(Article),
                {"id": 999, "source_id": 1, "canonical_url": "https://wire.example/nio",
                 "title": "NIO record", "published_at": published, "language": "en",
                 "text": "text", "content_hash": "f" * 64, "first_seen_at": published,
                 "last_seen_at": published},
            )  # fmt: skip
            connection.execute(
                insert(Figure),
                {"id": 9990, "article_id": 999, "entity": "NIO", "metric": "deliveries",
                 "segment": "nev", "period_kind": "month", "period_start": date(2025, 12, 1),
                 "period_end": date(2025, 12, 31), "unit": "vehicles", "value": 48135,
                 "qualifier": "exact", "claims": ["record", "first_time"], "snippet": "NIO",
                 "span_start": 0, "span_end": 3, "confidence": 0.9, "parser_version": "t",
                 "first_seen_at": published, "updated_at": published},
            )  # fmt: skip
    finally:
        db.dispose()
    [line] = run(capsys, big_db, "figures", "--format", "jsonl", "--entity", "NIO")
    record = json.loads(line)
    assert (record["period_start"], record["period_end"]) == ("2025-12-01", "2025-12-31")
    assert record["claims"] == ["record", "first_time"]
    assert record["published_at"] == published.isoformat()
    [_, row] = run(capsys, big_db, "figures", "--format", "csv", "--entity", "NIO")
    assert '"[""record"", ""first_time""]"' in row and published.isoformat() in row
