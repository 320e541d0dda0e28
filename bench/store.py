"""The store at scale: what storing one article costs after years of history, and what the read
commands cost on a large database.

Builds (once, cached) databases of 1k, 10k and 100k articles: 10 figures each on the series of
popular makers (monthly deliveries, sales, production since 2010, and year-to-date totals), a
page per article, an alert per ten articles with deliveries, crawl runs per source. Then, per
size:

- CPU ms to store one 11-figure article through the write path (``crawler.writepath``: the
  article, its figures, the alert rules against the stored history, the alerts and outbox),
  median of several articles, each in a transaction rolled back afterwards;
- CPU ms to insert the same rows plainly (one INSERT per table), and the ratio of the two;
  and the statements the write path sends per article;
- wall time, CPU time (user + system) and peak RSS of ``evwatch alerts``, ``evwatch figures
  --consolidated``, ``evwatch figures`` and ``evwatch status``, each beside an equivalent
  hand-written SQL query run by a bare Python process (``sqlite3``) that prints every row (the
  commands as a whole table, ``--limit 0``, or jsonl, and as the table's first page).

With ``--backends sqlite,postgresql`` the same history is also loaded into PostgreSQL, and the
store cost and the three commands are printed for both backends side by side; on PostgreSQL
with the server's CPU beside the client's (the work happens in the server's processes). The
PostgreSQL databases are a throwaway cluster the bench starts itself (as the tests do: needs
the server binaries and psycopg), or ``--pg-url URL``: a database the bench empties and fills
for each size (the URL is passed to the commands in their environment, never as arguments; the
server's CPU is then not measured).

Run: .venv/bin/python bench/store.py [--sizes 1000,10000,100000] [--cache DIR] [--repeat N]
[--backends sqlite,postgresql] [--pg-url URL]
(the SQLite databases are cached in DIR, by default evwatch-bench-store under the temp folder;
``--rebuild`` builds them again)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import Connection, create_engine, event, insert, text  # noqa: E402

from alerts.config import Config  # noqa: E402
from crawler.articlefigures import PARSER_VERSION  # noqa: E402
from crawler.writepath import write_article  # noqa: E402
from store import queries  # noqa: E402
from store.db import Database  # noqa: E402
from store.figures import FIGURE_KEY  # noqa: E402
from store.models import (  # noqa: E402
    Alert,
    Article,
    ArticleUrl,
    Base,
    CrawlRun,
    Delivery,
    Figure,
    Source,
)

BUILD_VERSION = "1"  # bump when the generated history changes (invalidates the cache)
SOURCES = ("jiemian", "autobeta", "tapas", "henandaily")
MAKERS = (
    "BYD", "Tesla", "Geely", "Li Auto", "NIO", "XPeng", "Leapmotor", "HIMA", "Xiaomi", "Zeekr",
    "Chery", "Great Wall Motor",
)  # fmt: skip
# (metric, segment): the monthly series each maker has
SERIES_KINDS = (("deliveries", "nev"), ("sales", "nev"), ("production", "all"), ("sales", "all"))
FIRST_MONTH = date(2010, 1, 1)
LAST_MONTH = date(2025, 11, 1)
FIGURES_PER_ARTICLE = 10
PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    + "<p>{body}</p>" * 12
    + "</article><footer>site furniture, links, scripts</footer></body></html>"
)


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_of(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def month_end(first: date) -> date:
    return month_of(month_index(first) + 1) - timedelta(days=1)


MONTHS = [month_of(i) for i in range(month_index(FIRST_MONTH), month_index(LAST_MONTH) + 1)]


def base_value(maker: int, series: int, month: int) -> int:
    """A smooth, growing series with a seasonal swing, different per maker and metric."""
    scale = 3_000 + 900 * (len(MAKERS) - maker) + 400 * series
    return int(scale * (1 + month * 0.035) * (1 + 0.15 * ((month % 12) - 5.5) / 5.5))


@dataclass
class Built:
    path: Path | str
    articles: int
    figures: int
    alerts: int


def chunks(rows: Iterator[dict[str, Any]], size: int = 5_000) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def article_figures(rng: random.Random, article: int, month: int) -> list[dict[str, Any]]:
    """Ten figures an article of ``month`` (an index into MONTHS) reports: eight months of
    popular series (mostly last month, sometimes older) and two year-to-date totals."""
    figures: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    while len(figures) < FIGURES_PER_ARTICLE:
        maker = min(int(rng.expovariate(0.35)), len(MAKERS) - 1)  # popular makers more often
        kind = rng.randrange(len(SERIES_KINDS))
        metric, segment = SERIES_KINDS[kind]
        ytd = len(figures) >= 8
        reported = max(0, month - (0 if rng.random() < 0.7 else rng.randrange(1, 13)))
        first = MONTHS[reported]
        start = date(first.year, 1, 1) if ytd else first
        key = (maker, kind, ytd, start, first)
        if key in seen:
            continue
        seen.add(key)
        value = base_value(maker, kind, reported)
        if ytd:
            value = sum(base_value(maker, kind, m) for m in range(reported - first.month + 1,
                                                                   reported + 1))  # fmt: skip
        qualifier = "exact"
        roll = rng.random()
        if roll < 0.05:
            value = value + rng.randrange(1, 500)  # another outlet's different number
        elif roll < 0.12:
            value, qualifier = round(value, -3), "approx"
        figures.append(
            {
                "entity": MAKERS[maker], "metric": metric, "segment": segment,
                "period_kind": "ytd" if ytd else "month", "period_start": start,
                "period_end": month_end(first), "unit": "vehicles", "value": value,
                "qualifier": qualifier, "yoy_pct": None, "mom_pct": None, "claims": [],
                "snippet": f"{MAKERS[maker]} {metric} {value} in {first:%B %Y}",
                "span_start": 0, "span_end": 40, "confidence": 0.9,
            }
        )  # fmt: skip
    return figures


def build(path: Path | str, size: int) -> Built:
    """A database of ``size`` articles, loaded with plain INSERTs through the store's tables:
    a SQLite file at ``path``, or the (new, migrated) database at the URL ``path``."""
    if isinstance(path, Path) and path.exists():
        path.unlink()
    db = Database(f"sqlite:///{path}" if isinstance(path, Path) else path)
    rng = random.Random(size)
    now = datetime(2025, 12, 20, tzinfo=UTC)
    figure_total = alert_total = 0
    with db.engine.begin() as connection:
        connection.execute(
            insert(Source),
            [{"id": i + 1, "name": name, "title": name, "home_url": f"https://{name}.example/",
              "created_at": now} for i, name in enumerate(SOURCES)],
        )  # fmt: skip
        for source in range(1, len(SOURCES) + 1):
            runs = max(3, size // 200)
            connection.execute(
                insert(CrawlRun),
                [{"source_id": source, "started_at": now - timedelta(hours=runs - r),
                  "finished_at": now - timedelta(hours=runs - r, minutes=-3), "status": "ok",
                  "finish_reason": "finished", "pages_fetched": 40, "article_pages_fetched": 12,
                  "new_articles": 10, "new_figures": 30, "errors": 0, "stats_json": "{}"}
                 for r in range(runs)],
            )  # fmt: skip
        figure_id = 0
        for batch in chunks(iter(range(1, size + 1)), 2_000):
            articles, urls, figures, alerts, deliveries = [], [], [], [], []
            for article in batch:
                month = min(len(MONTHS) - 1, (article - 1) * len(MONTHS) // size)
                published = datetime.combine(MONTHS[month], datetime.min.time(), UTC) + timedelta(
                    days=32 + article % 20, hours=article % 11
                )
                title = f"Automaker deliveries for {MONTHS[month]:%B %Y}, report {article}"
                body = " ".join(f"word{rng.randrange(5000)}" for _ in range(40))
                url = f"https://{SOURCES[article % 4]}.example/article/{article}.html"
                articles.append(
                    {"id": article, "source_id": article % 4 + 1, "canonical_url": url,
                     "title": title, "author": None, "source_line": None,
                     "published_at": published, "language": "en", "text": body * 3,
                     "text_en": None, "text_zh": None,
                     "raw_html": PAGE.format(title=title, body=body).encode(),
                     "raw_encoding": "utf-8", "content_hash": f"{article:064x}",
                     "first_seen_at": published, "last_seen_at": published}
                )  # fmt: skip
                urls.append({"url": url, "article_id": article, "first_seen_at": published})
                first_figure = figure_id + 1
                for values in article_figures(rng, article, month):
                    figure_id += 1
                    figures.append(
                        {"id": figure_id, "article_id": article, **values,
                         "parser_version": PARSER_VERSION, "first_seen_at": published,
                         "updated_at": published}
                    )  # fmt: skip
                if article % 10 == 0:
                    alert_total += 1
                    held = article % 70 == 0
                    alerts.append(
                        {"id": alert_total, "key": f"record:bench:{article}", "kind": "record",
                         **{k: figures[first_figure - figures[0]["id"]][k]
                            for k in ("entity", "metric", "segment", "period_kind",
                                      "period_start", "period_end", "value", "qualifier")},
                         "rung": None, "previous_value": None, "previous_period": None,
                         "streak": None, "claims": [],
                         "message": f"{title}: record deliveries, beating the previous "
                         f"best of the series by a comfortable margin ({article})",
                         "figure_id": first_figure, "article_id": article, "source_id": None,
                         "historical": article % 3 == 0, "held": held, "retracted_at": None,
                         "created_at": published}
                    )  # fmt: skip
                    if article % 20 == 0:
                        deliveries.append(
                            {"alert_id": alert_total, "subscriber": "ops", "channel": "webhook",
                             "target": "https://hooks.example/evwatch", "mode": "immediate",
                             "status": "sent", "attempts": 1, "next_attempt_at": published,
                             "sent_at": published, "created_at": published,
                             "message_id": f"evw_bench{alert_total:024x}"}
                        )  # fmt: skip
            connection.execute(insert(Article), articles)
            connection.execute(insert(ArticleUrl), urls)
            connection.execute(insert(Figure), figures)
            if alerts:
                connection.execute(insert(Alert), alerts)
            if deliveries:
                connection.execute(insert(Delivery), deliveries)
            figure_total += len(figures)
        rebuild = summary_rebuilder()
        if rebuild is not None:
            rebuild(connection)
        if connection.dialect.name == "postgresql":
            follow_ids(connection)
    if db.engine.dialect.name == "postgresql":  # statistics, as a live database has them
        with db.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    db.dispose()
    return Built(path, size, figure_total, alert_total)


def follow_ids(connection: Connection) -> None:
    """PostgreSQL: each table's id sequence continues after the ids loaded explicitly."""
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                )
            )


def summary_rebuilder() -> Any:
    """The store's function that rebuilds derived tables after a bulk load, if it has one."""
    try:
        from store.summary import rebuild
    except ImportError:
        return None
    return rebuild


def new_article(rng: random.Random, n: int, source_id: int) -> tuple[queries.ArticleRecord, list]:
    """One new article for December 2025: nine monthly figures of popular series (some above
    every stored month, so records and thresholds fire) and two year-to-date totals."""
    month = len(MONTHS) - 1
    figures = article_figures(rng, 10_000_000 + n, month)
    keys = {tuple(f[k] for k in FIGURE_KEY) for f in figures}
    figures += [
        f
        for f in article_figures(rng, 20_000_000 + n, month)
        if tuple(f[k] for k in FIGURE_KEY) not in keys
    ][:1]
    for values in figures:
        if rng.random() < 0.5:
            values["value"] = int(values["value"] * 1.6)  # a strong month: a record
    title = f"December deliveries, new article {n}"
    url = f"https://jiemian.example/article/new-{n}-{rng.randrange(10**9)}.html"
    body = " ".join(f"word{rng.randrange(5000)}" for _ in range(40))
    published = datetime(2025, 12, 2, 10, tzinfo=UTC)
    record = queries.ArticleRecord(
        source_id=source_id, canonical_url=url, fetched_url=url, title=title, author=None,
        source_line=None, published_at=published, language="en", text=body * 3, text_en=None,
        text_zh=None, raw_html=PAGE.format(title=title, body=body).encode(),
        raw_encoding="utf-8", content_hash=f"new{n:061x}",
    )  # fmt: skip
    return record, figures[:11]


@dataclass
class StoreCost:
    """Medians per article: client CPU ms of the write path and of plain inserts, alerts
    raised, wall ms of the write path; the server's CPU ms of the write path (mean; None when
    not measured: SQLite has no server, a remote PostgreSQL's processes are not ours); and the
    statements the write path sent (mean; SQLite's BEGIN included)."""

    written: float
    plain: float
    alerts: int
    wall: float
    server: float | None
    statements: float


def store_costs(path: Path | str, repeat: int, local_server: bool = False) -> StoreCost:
    """The cost of storing ``repeat`` new articles in the SQLite file ``path`` or the database at
    the URL ``path``; ``local_server``: a PostgreSQL server on this machine, whose backend's
    CPU time is read from /proc."""
    db = Database(f"sqlite:///{path}" if isinstance(path, Path) else path)
    config = Config()
    rng = random.Random(7)
    written, plain, alerts, walls, server = [], [], [], [], 0.0
    sent = {"counting": False, "statements": 0}

    @event.listens_for(db.engine, "before_cursor_execute")
    def count(*_: Any) -> None:
        if sent["counting"]:
            sent["statements"] += 1

    for n in range(repeat + 1):  # the first one warms the caches and is not counted
        record, figures = new_article(rng, n, 1)
        with db.session() as session:
            backend = backend_cpu(session) if local_server else None
            server_before = backend() if backend else 0.0
            sent["counting"] = bool(n)
            started, wall_started = time.process_time(), time.perf_counter()
            result = write_article(
                session, record, figures, PARSER_VERSION, config, historical=False
            )
            session.flush()
            cost, wall = time.process_time() - started, time.perf_counter() - wall_started
            sent["counting"] = False
            server_cost = backend() - server_before if backend else 0.0
            session.rollback()
        with db.session() as session:
            started = time.process_time()
            plain_insert(session.connection(), record, figures)
            plain_cost = time.process_time() - started
            session.rollback()
        if n:
            written.append(cost * 1000)
            plain.append(plain_cost * 1000)
            alerts.append(len(result.alert_ids))
            walls.append(wall * 1000)
            server += server_cost * 1000
    db.dispose()
    return StoreCost(
        statistics.median(written), statistics.median(plain), int(statistics.median(alerts)),
        statistics.median(walls), server / repeat if local_server else None,
        sent["statements"] / repeat,
    )  # fmt: skip


def backend_cpu(session: Any) -> Callable[[], float]:
    """CPU seconds so far of the PostgreSQL server process serving ``session`` (from
    /proc/PID/schedstat, in nanoseconds: the server runs on this machine)."""
    pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
    stat = Path(f"/proc/{pid}/schedstat")
    return lambda: int(stat.read_text().split()[0]) / 1e9


def plain_insert(connection: Connection, record: queries.ArticleRecord, figures: list) -> None:
    now = datetime.now(UTC)
    fields = {k: v for k, v in vars(record).items() if k != "fetched_url"}
    article_id = connection.execute(
        insert(Article).returning(Article.id),
        {**fields, "first_seen_at": now, "last_seen_at": now},
    ).scalar_one()
    connection.execute(
        insert(ArticleUrl), [{"url": record.canonical_url, "article_id": article_id}]
    )
    connection.execute(
        insert(Figure),
        [{**values, "article_id": article_id, "parser_version": PARSER_VERSION,
          "first_seen_at": now, "updated_at": now} for values in figures],
    )  # fmt: skip


SQL_SCRIPT = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
out = sys.stdout
for query in sys.argv[2:]:
    for row in connection.execute(query):
        out.write("\t".join("" if c is None else str(c) for c in row) + "\n")
"""

HAND_SQL = {
    "alerts": [
        "SELECT a.id, a.created_at, a.kind, a.message, a.historical, a.held, a.retracted_at, "
        "ar.canonical_url, a.id IN (SELECT alert_id FROM deliveries WHERE status = 'sent') "
        "FROM alerts a LEFT JOIN articles ar ON ar.id = a.article_id ORDER BY a.id"
    ],
    "figures --consolidated": [
        "SELECT f.entity, f.metric, f.segment, f.period_kind, f.period_start, f.period_end, "
        "f.value, f.qualifier, count(*), max(ar.published_at), group_concat(DISTINCT s.name) "
        "FROM figures f JOIN articles ar ON ar.id = f.article_id "
        "JOIN sources s ON s.id = ar.source_id "
        "GROUP BY f.entity, f.metric, f.segment, f.period_kind, f.period_start, f.period_end, "
        "f.value, f.qualifier ORDER BY f.period_end DESC, f.entity, f.metric, f.segment"
    ],
    "figures": [
        "SELECT f.id, f.entity, f.metric, f.unit, f.segment, f.period_kind, f.period_start, "
        "f.period_end, f.value, f.qualifier, f.yoy_pct, f.mom_pct, f.claims, f.snippet, s.name, "
        "ar.canonical_url, ar.title, ar.published_at FROM figures f "
        "JOIN articles ar ON ar.id = f.article_id JOIN sources s ON s.id = ar.source_id "
        "ORDER BY f.period_end DESC, f.entity, f.metric, f.segment, f.id"
    ],
    "status": [
        "SELECT s.name, r.id, r.started_at, r.finished_at, r.status, r.pages_fetched, "
        "r.new_articles, r.new_figures, r.errors FROM sources s JOIN crawl_runs r "
        "ON r.id IN (SELECT id FROM crawl_runs WHERE source_id = s.id "
        "AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 3) ORDER BY s.name, r.id DESC",
        "SELECT status, count(*), sum(attempts >= 3) FROM deliveries GROUP BY status",
        "SELECT id, created_at, kind, message, historical, held FROM alerts "
        "ORDER BY id DESC LIMIT 5",
    ],
}


@dataclass
class Usage:
    wall: float
    cpu: float
    peak_mb: int


# A small launcher runs each command: a child forked from this (large) process would start
# with its peak RSS. It reports the command's CPU time and peak RSS (its largest process).
LAUNCHER = r"""
import json, resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write("\n" + json.dumps([code, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))
"""


def measure(argv: list[str], env: dict[str, str] | None = None) -> Usage:
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        done = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, *argv], cwd=REPO, stdout=sink,
            stderr=subprocess.PIPE, check=True, env=env,
        )  # fmt: skip
    wall = time.perf_counter() - started
    error, _, last = done.stderr.decode(errors="replace").rpartition("\n")
    code, cpu, peak_kb = json.loads(last)
    if code not in (0, 1):  # status exits 1 when something needs attention
        sys.exit(f"{' '.join(argv)} failed: {error[-2000:]}")
    return Usage(wall, cpu, peak_kb // 1024)


# Each command beside the hand-written SQL that prints every row it could show: the whole
# table (``--limit 0``) and the machine format are every row; a bare table is its first page.
READS = (
    ("alerts --limit 0", "alerts"),
    ("alerts", "alerts"),
    ("figures --consolidated --limit 0", "figures --consolidated"),
    ("figures --consolidated", "figures --consolidated"),
    ("figures --format jsonl", "figures"),
    ("figures", "figures"),
    ("status", "status"),
)


def read_costs(path: Path) -> list[tuple[str, Usage, Usage]]:
    evwatch = [sys.executable, "-m", "evwatch", "--db", f"sqlite:///{path}"]
    sql_usage = {
        name: measure([sys.executable, "-c", SQL_SCRIPT, str(path), *queries])
        for name, queries in HAND_SQL.items()
    }
    return [(command, measure([*evwatch, *command.split()]), sql_usage[sql])
            for command, sql in READS]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "evwatch-bench-store"
    )
    parser.add_argument("--repeat", type=int, default=0, help="articles stored per size")
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument("--no-reads", action="store_true", help="skip the read commands")
    parser.add_argument(
        "--backends", default="sqlite",
        help="sqlite,postgresql: both, side by side (after the SQLite tables)",
    )  # fmt: skip
    parser.add_argument(
        "--pg-url", help="a PostgreSQL database to empty and fill (default: a throwaway cluster)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.cache.mkdir(parents=True, exist_ok=True)
    writes: dict[int, tuple[float, float, int]] = {}
    print(f"{'articles':>8} {'figures':>9} {'store+alerts':>12} {'plain':>7} {'ratio':>6} "
          f"{'alerts':>6} {'stmts':>6}   (CPU ms per 11-figure article, median; statements "
          f"sent, mean)")  # fmt: skip
    for size in sizes:
        path = args.cache / f"history-{size}-v{BUILD_VERSION}.db"
        if args.rebuild or not path.exists():
            started = time.perf_counter()
            built = build(path.with_suffix(".part"), size)
            built.path.rename(path)
            for suffix in ("-wal", "-shm"):
                Path(f"{built.path}{suffix}").unlink(missing_ok=True)
            print(f"  (built {size} articles, {built.figures} figures, {built.alerts} alerts "
                  f"in {time.perf_counter() - started:.0f} s: {path})", flush=True)  # fmt: skip
        repeat = args.repeat or (20 if size <= 10_000 else 7)
        cost = store_costs(path, repeat)
        written, plain, alerts = cost.written, cost.plain, cost.alerts
        writes[size] = (written, plain, alerts)
        print(f"{size:>8} {size * FIGURES_PER_ARTICLE:>9} {written:>12.2f} {plain:>7.2f} "
              f"{written / plain:>6.1f} {alerts:>6} {cost.statements:>6.1f}",
              flush=True)  # fmt: skip
    if len(sizes) > 1:
        first, last = writes[sizes[0]][0], writes[sizes[-1]][0]
        print(f"growth {sizes[0]} -> {sizes[-1]}: {last / first:.2f}x  "
              f"(goal: <= 5 ms at 100k, growth <= 1.5x)")  # fmt: skip
    if args.no_reads:
        return compare_backends(args, sizes)
    print()
    print(f"{'articles':>8} {'command':<32} {'wall s':>7} {'CPU s':>6} {'peak MB':>7}   "
          f"{'SQL wall':>8} {'CPU s':>6} {'peak MB':>7}  {'CPU x':>5}")  # fmt: skip
    for size in sizes:
        path = args.cache / f"history-{size}-v{BUILD_VERSION}.db"
        for command, ours, sql in read_costs(path):
            print(f"{size:>8} {command:<32} {ours.wall:>7.2f} {ours.cpu:>6.2f} "
                  f"{ours.peak_mb:>7}   {sql.wall:>8.2f} {sql.cpu:>6.2f} {sql.peak_mb:>7}  "
                  f"{ours.cpu / max(sql.cpu, 0.001):>5.1f}", flush=True)  # fmt: skip
    return compare_backends(args, sizes)


# -- SQLite and PostgreSQL side by side -----------------------------------------------------------


class ServerCpu:
    """CPU seconds used so far by a PostgreSQL server on this machine: its postmaster with every
    child it has reaped (backends of ended connections), plus its live children (/proc)."""

    def __init__(self, data_dir: Path) -> None:
        self.postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
        self.tick = os.sysconf("SC_CLK_TCK")

    def seconds(self) -> float:
        time.sleep(0.2)  # lets the postmaster reap the backends of connections just closed
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:  # ended meanwhile
                continue
            pid, ppid = int(stat.parent.name), int(fields[1])
            if pid == self.postmaster or ppid == self.postmaster:
                total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
        return total / self.tick


@contextlib.contextmanager
def postgres_databases(pg_url: str | None) -> Iterator[Callable[[], tuple[str, ServerCpu | None]]]:
    """Yields a function giving an empty, migrated PostgreSQL database (its URL) and, when the
    bench runs the server, its CPU meter: a throwaway cluster (tests/pg.py), or ``pg_url``
    emptied each time."""
    if pg_url is not None:

        def emptied() -> tuple[str, ServerCpu | None]:
            engine = create_engine(pg_url)
            with engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
            engine.dispose()
            return pg_url, None

        yield emptied
        return
    from tests.pg import PostgresCluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        sys.exit("PostgreSQL server binaries (initdb, pg_ctl) not installed; or give --pg-url")
    with PostgresCluster(bin_dir) as cluster:
        meter = ServerCpu(cluster.data)
        created: list[str] = []

        def fresh() -> tuple[str, ServerCpu | None]:
            for url in created:  # one database at a time: the disk holds the largest only
                cluster.drop_database(url)
            created[:] = [cluster.create_database()]
            return created[0], meter

        yield fresh


def compare_backends(args: argparse.Namespace, sizes: list[int]) -> int:
    """The store cost and the read commands on SQLite (the cached files) and PostgreSQL (the
    same history loaded there), printed side by side."""
    backends = args.backends.split(",")
    if set(backends) - {"sqlite", "postgresql"}:
        sys.exit(f"--backends takes sqlite and postgresql, got {args.backends}")
    if "postgresql" not in backends:
        return 0
    store_rows, read_rows = [], []
    with postgres_databases(args.pg_url) as new_database:
        for size in sizes:
            path = args.cache / f"history-{size}-v{BUILD_VERSION}.db"
            url, server = new_database()
            started = time.perf_counter()
            build(url, size)
            print(f"  (PostgreSQL: loaded {size} articles in "
                  f"{time.perf_counter() - started:.0f} s)", flush=True)  # fmt: skip
            repeat = args.repeat or (20 if size <= 10_000 else 7)
            lite, pg = store_costs(path, repeat), store_costs(url, repeat, server is not None)
            store_rows.append((size, lite, pg))
            if args.no_reads:
                continue
            env = {**os.environ, "EVWATCH_DB": url}  # the password never in arguments
            for command in HAND_SQL:
                lite_use = measure([sys.executable, "-m", "evwatch", "--db", f"sqlite:///{path}",
                                    *command.split()])  # fmt: skip
                before = server.seconds() if server else 0.0
                pg_use = measure([sys.executable, "-m", "evwatch", *command.split()], env=env)
                pg_server = server.seconds() - before if server else None
                read_rows.append((size, command, lite_use, pg_use, pg_server))

    def ms(value: float | None, width: int) -> str:
        return f"{value:>{width}.2f}" if value is not None else f"{'n/a':>{width}}"

    print()
    print("SQLite | PostgreSQL: storing one 11-figure article with alert evaluation (ms per "
          "article: CPU of this process, median; PG server CPU, mean; wall, median; "
          "statements sent, mean)")  # fmt: skip
    print(f"{'articles':>8} {'alerts':>6} | {'SQLite CPU':>10} {'wall':>7} {'stmts':>6} | "
          f"{'PG CPU':>7} {'server':>7} {'total':>7} {'wall':>7} {'stmts':>6}")  # fmt: skip
    for size, lite, pg in store_rows:
        total = pg.written + pg.server if pg.server is not None else None
        alerts = f"{lite.alerts}/{pg.alerts}"
        print(f"{size:>8} {alerts:>6} | {lite.written:>10.2f} {lite.wall:>7.2f} "
              f"{lite.statements:>6.1f} | {pg.written:>7.2f} {ms(pg.server, 7)} {ms(total, 7)} "
              f"{pg.wall:>7.2f} {pg.statements:>6.1f}")  # fmt: skip
    if read_rows:
        print()
        print("SQLite | PostgreSQL: read commands (seconds; CPU of the command's processes; "
              "PG server CPU for its queries)")  # fmt: skip
        print(f"{'articles':>8} {'command':<24} | {'wall':>6} {'CPU':>6} {'MB':>5} | "
              f"{'wall':>6} {'CPU':>6} {'server':>6} {'MB':>5}")  # fmt: skip
        for size, command, lite_use, pg_use, pg_server in read_rows:
            server_text = f"{pg_server:>6.2f}" if pg_server is not None else f"{'n/a':>6}"
            print(f"{size:>8} {command:<24} | {lite_use.wall:>6.2f} {lite_use.cpu:>6.2f} "
                  f"{lite_use.peak_mb:>5} | {pg_use.wall:>6.2f} {pg_use.cpu:>6.2f} "
                  f"{server_text} {pg_use.peak_mb:>5}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
