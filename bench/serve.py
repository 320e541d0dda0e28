"""The dashboard's server time on a big database: the overview, an entity page (a typical
entity and the one with the most figures) and article searches, on 100,000 articles and
1,000,000 figures (goal: under 200 ms each at the 95th percentile).

The database is built once by bulk SQL inserts (seeded random, so every run builds the same
one) and cached in bench/.cache/. The server is the real one (``evwatch serve`` on a free
port); each page is requested one at a time after a warm-up. Printed per page: the server's
own time (its ``Server-Timing`` header) p50/p95, the client's wall time p50/p95, and the server
process's CPU time per request. The dashboard keeps an entity page until the database changes:
the largest entity page is measured again with a write to the database before each request,
so that each one is built afresh.

Run: .venv/bin/python bench/serve.py [--articles 100000] [--figures 1000000] [--requests 30]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine  # noqa: E402

from crawler.figures.entities import lexicon  # noqa: E402
from store import summary  # noqa: E402
from store.db import Database  # noqa: E402

CACHE = REPO / "bench" / ".cache"
SOURCES = ("jiemian", "autobeta", "tapas", "henandaily", "ingest")
METRICS = ("deliveries", "production", "sales", "exports")
KINDS = ("record", "threshold", "streak", "milestone", "claim", "revision")
WORDS_EN = [
    "battery",
    "plant",
    "exports",
    "dealers",
    "price",
    "subsidy",
    "overseas",
    "charging",
    "factory",
    "capacity",
    "model",
    "launch",
    "sedan",
    "SUV",
    "hybrid",
    "range",
    "orders",
    "ships",
    "market",
    "share",
    "quarter",
    "growth",
    "demand",
    "supplier",
    "chip",
    "platform",
    "software",
    "autonomous",
    "lidar",
    "warranty",
    "fleet",
    "taxi",
    "trucks",
    "buses",
]
WORDS_ZH = [
    "新能源",
    "汽车",
    "交付",
    "销量",
    "产量",
    "出口",
    "电池",
    "工厂",
    "充电",
    "订单",
    "市场",
    "增长",
    "同比",
    "环比",
    "车型",
    "发布",
    "海外",
    "价格",
]
T0 = datetime(2023, 1, 1, tzinfo=UTC)


def month_start(index: int) -> date:
    return date(2023 + index // 12, index % 12 + 1, 1)


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(path: Path, n_articles: int, n_figures: int) -> None:
    """Schema by the migrations (search index and its triggers included), rows by executemany."""
    rng = random.Random(20261201)
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    Database(f"sqlite:///{tmp}").dispose()
    names = list(lexicon().entities)
    # a few entities are reported far more often than the rest (1/sqrt(rank))
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(names))]
    connection = sqlite3.connect(tmp)
    connection.execute("PRAGMA synchronous = OFF")
    started = time.perf_counter()
    with connection:
        connection.executemany(
            "INSERT INTO sources (id, name, title, home_url, created_at) VALUES (?, ?, ?, ?, ?)",
            [(i + 1, s, s, f"https://{s}.example/", stamp(T0)) for i, s in enumerate(SOURCES)],
        )
        runs = []
        for i, _ in enumerate(SOURCES):
            for n in range(200):
                begun = T0 + timedelta(days=365 * 3) + timedelta(minutes=30 * n)
                runs.append(
                    (i + 1, stamp(begun), stamp(begun + timedelta(seconds=40)),
                     "ok" if n % 17 else "partial", "finished", 30, 5, 2, 9, n % 17 == 0)
                )  # fmt: skip
        connection.executemany(
            "INSERT INTO crawl_runs (source_id, started_at, finished_at, status, finish_reason, "
            "pages_fetched, article_pages_fetched, new_articles, new_figures, errors) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            runs,
        )
    span = timedelta(days=3 * 365).total_seconds()
    per_article = max(1, n_figures // n_articles)
    figure_rows: list[tuple[object, ...]] = []
    article_rows: list[tuple[object, ...]] = []

    def flush() -> None:
        with connection:
            connection.executemany(
                "INSERT INTO articles (id, source_id, canonical_url, title, published_at, "
                "language, text, content_hash, first_seen_at, last_seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                article_rows,
            )
            connection.executemany(
                "INSERT INTO figures (article_id, entity, metric, unit, segment, period_kind, "
                "period_start, period_end, value, qualifier, claims, snippet, span_start, "
                "span_end, confidence, parser_version, first_seen_at, updated_at) "
                "VALUES (?, ?, ?, 'vehicles', ?, ?, ?, ?, ?, ?, '[]', ?, 0, 60, ?, 'bench', ?, ?)",
                figure_rows,
            )
        article_rows.clear()
        figure_rows.clear()

    for a in range(1, n_articles + 1):
        published = T0 + timedelta(seconds=span * a / n_articles)
        source = a % len(SOURCES) + 1
        chinese = a % 3 == 0
        entity = rng.choices(names, weights)[0]
        if chinese:
            body = "".join(rng.choice(WORDS_ZH) for _ in range(120))
            title = f"{entity}{rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}{rng.randint(1, 99)}万辆"
        else:
            body = " ".join(rng.choice(WORDS_EN) for _ in range(90))
            title = f"{entity} {rng.choice(WORDS_EN)} {rng.choice(WORDS_EN)} {rng.randint(1, 99)}"
        seen_at = stamp(published + timedelta(minutes=20))
        article_rows.append(
            (a, source, f"https://{SOURCES[source - 1]}.example/{a}.html", title,
             stamp(published), "zh" if chinese else "en", f"{title}. {body}", f"h{a}",
             seen_at, seen_at)
        )  # fmt: skip
        month_now = (published.year - 2023) * 12 + published.month - 1
        keys: set[tuple[object, ...]] = set()
        while len(keys) < per_article:
            who = entity if len(keys) < per_article // 2 else rng.choices(names, weights)[0]
            metric = rng.choice(METRICS)
            segment = rng.choice(("nev", "nev", "all"))
            roll = rng.random()
            if roll < 0.75:
                first = month_start(max(0, month_now - rng.randint(0, 2)))
                kind, end = "month", month_end(first)
            elif roll < 0.9:
                kind = "ytd"
                first, end = (
                    date(published.year, 1, 1),
                    month_end(month_start(max(month_now - 1, 0))),
                )
            elif roll < 0.95:
                kind, first, end = (
                    "year",
                    date(published.year - 1, 1, 1),
                    date(published.year - 1, 12, 31),
                )
            else:
                kind, first, end = "lifetime", date(1990, 1, 1), published.date()
            key = (who, metric, segment, kind, first, end)
            if key in keys:
                continue
            keys.add(key)
            # outlets mostly agree on a period's value; one report in ten differs (a revision,
            # a misreading)
            scale = {"month": 1, "ytd": 8, "year": 12, "lifetime": 40}[kind]
            value = scale * (20_000 + zlib.crc32(repr(key).encode()) % 60_000)
            if rng.random() < 0.1:
                value = int(value * rng.uniform(0.9, 1.1))
            figure_rows.append(
                (a, who, metric, segment, kind, first.isoformat(), end.isoformat(),
                 value, "exact" if rng.random() < 0.85 else "approx",
                 f"{who} {metric} reached {value:,} vehicles", round(rng.uniform(0.5, 1), 2),
                 seen_at, seen_at)
            )  # fmt: skip
        if len(article_rows) >= 5_000:
            flush()
            done = a / n_articles
            print(f"  built {a:,} articles ({time.perf_counter() - started:.0f}s, {done:.0%})",
                  file=sys.stderr)  # fmt: skip
    flush()
    with connection:
        n_alerts = 3_000
        total_figures = connection.execute("SELECT max(id) FROM figures").fetchone()[0]
        alerts = []
        for i in range(1, n_alerts + 1):
            figure_id = rng.randint(1, total_figures)
            who, metric, segment, kind, first, end, value, article_id = connection.execute(
                "SELECT entity, metric, segment, period_kind, period_start, period_end, value, "
                "article_id FROM figures WHERE id = ?",
                (figure_id,),
            ).fetchone()
            alert_kind = rng.choice(KINDS)
            alerts.append(
                (i, f"bench:{alert_kind}:{who}:{metric}:{segment}:{kind}:{first}:{i}", alert_kind,
                 who, metric, segment, kind, first, end, value, "exact",
                 f"{who}: {alert_kind} — {value:,} {metric}", figure_id, article_id, 1,
                 i % 50 != 0, i % 97 == 0, stamp(T0 + timedelta(seconds=span * i / n_alerts)),
                 stamp(T0 + timedelta(days=1100)) if i % 211 == 0 else None)
            )  # fmt: skip
        connection.executemany(
            "INSERT INTO alerts (id, key, kind, entity, metric, segment, period_kind, "
            "period_start, period_end, value, qualifier, message, figure_id, article_id, "
            "source_id, historical, held, created_at, retracted_at, claims) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')",
            alerts,
        )
        deliveries = []
        for i in range(1, 6_001):
            status = "sent" if i % 60 else rng.choice(("pending", "dead"))
            attempts = 0 if status == "sent" else rng.randint(0, 8)
            deliveries.append(
                (rng.randint(1, n_alerts), f"desk{i % 7}", "webhook", f"https://hooks.example/{i}",
                 "immediate", status, attempts, stamp(T0 + timedelta(days=1100)),
                 None if attempts == 0 else "HTTP 503 from receiver", stamp(T0), f"evw_{i:032x}")
            )  # fmt: skip
        connection.executemany(
            "INSERT OR IGNORE INTO deliveries (alert_id, subscriber, channel, target, mode, "
            "status, attempts, next_attempt_at, last_error, created_at, message_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            deliveries,
        )
    connection.close()
    # the per-series summary the writer keeps on every write (the alert rules and the entity
    # page read it), computed once from the figures as the migration that adds it does
    engine = create_engine(f"sqlite:///{tmp}")
    with engine.begin() as summary_connection:
        rows = summary.rebuild(summary_connection)
    engine.dispose()
    print(f"  series summary: {rows:,} rows", file=sys.stderr)
    connection = sqlite3.connect(tmp)
    connection.execute("ANALYZE")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    tmp.rename(path)
    print(f"  built in {time.perf_counter() - started:.0f}s: {path}", file=sys.stderr)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    url: str, pid: int, requests: int, before: Callable[[], None] | None = None
) -> dict[str, float]:
    """``before``: run before each request, outside the timing (a write to the database)."""
    server_ms, wall_ms = [], []
    for _ in range(3):  # warm-up
        urllib.request.urlopen(url, timeout=120).read()
    cpu = 0.0
    for _ in range(requests):
        if before is not None:
            before()
        cpu_before = cpu_seconds(pid)
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            timing = response.headers["server-timing"]
        wall_ms.append((time.perf_counter() - started) * 1000)
        cpu += cpu_seconds(pid) - cpu_before
        server_ms.append(float(timing.split("dur=")[1]))
    cpu = cpu / requests * 1000

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    return {
        "server_p50": statistics.median(server_ms),
        "server_p95": p95(server_ms),
        "wall_p50": statistics.median(wall_ms),
        "wall_p95": p95(wall_ms),
        "cpu_per_request": cpu,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    db = CACHE / f"serve-{args.articles}-{args.figures}-v4.db"
    if not db.exists():
        print(f"building {db.name} (once; cached)", file=sys.stderr)
        build(db, args.articles, args.figures)
    with sqlite3.connect(db) as connection:
        counts = connection.execute(
            "SELECT entity, count(*) FROM figures GROUP BY entity ORDER BY 2 DESC"
        ).fetchall()
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    biggest, typical = counts[0], counts[len(counts) // 2]
    print(f"database: {articles:,} articles, {sum(n for _, n in counts):,} figures, "
          f"{len(counts)} entities")  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "evwatch", "--db", f"sqlite:///{db}", "serve", "--port", "0"],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        base = server.stdout.readline().split()[3]
        quote = urllib.parse.quote
        pages = {
            "overview": "",
            f"entity, typical ({typical[0]}: {typical[1]:,} figures)": "entity/"
            + quote(typical[0]),
            f"entity, largest ({biggest[0]}: {biggest[1]:,} figures)": "entity/"
            + quote(biggest[0]),
            "search 'lidar warranty' (FTS5)": "articles?q=" + quote("lidar warranty"),
            "search '新能源汽车' (FTS5)": "articles?q=" + quote("新能源汽车"),
            "search 'SUV' (FTS5, 3 letters)": "articles?q=SUV",
            "search '交付' (LIKE, 2 characters)": "articles?q=" + quote("交付"),
            "alerts feed (500 newest)": "alerts.atom",
        }
        biggest_page = pages[f"entity, largest ({biggest[0]}: {biggest[1]:,} figures)"]

        with sqlite3.connect(db) as writer:  # a table of the bench's own, no page reads it
            writer.execute("CREATE TABLE IF NOT EXISTS bench_writes (n INTEGER NOT NULL)")
            writer.execute("INSERT INTO bench_writes SELECT 0 WHERE NOT EXISTS "
                           "(SELECT 1 FROM bench_writes)")  # fmt: skip

        def write() -> None:
            """A commit (a changed value: SQLite ignores a write of the same one) that tells
            every reader the database changed."""
            with sqlite3.connect(db) as writer:
                writer.execute("UPDATE bench_writes SET n = n + 1")

        afresh = {
            "entity, largest, built afresh (a write before each request)": (biggest_page, write)
        }
        results = {}
        print(f"{'page':58} {'server p50':>10} {'p95':>7} {'wall p50':>9} {'p95':>7} "
              f"{'CPU/req':>8}  (ms, {args.requests} requests each)")  # fmt: skip
        measured: list[tuple[str, str, Callable[[], None] | None]]
        measured = [(label, path, None) for label, path in pages.items()]
        measured += [(label, path, before) for label, (path, before) in afresh.items()]
        for label, path, before in measured:
            r = measure(base + path, server.pid, args.requests, before)
            results[label] = r
            print(
                f"{label:58} {r['server_p50']:10.1f} {r['server_p95']:7.1f} "
                f"{r['wall_p50']:9.1f} {r['wall_p95']:7.1f} {r['cpu_per_request']:8.1f}"
            )
        if args.json:
            print(json.dumps(results, indent=1))
    finally:
        server.terminate()
        server.wait(timeout=15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
