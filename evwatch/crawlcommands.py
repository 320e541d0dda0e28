"""``evwatch crawl``, ``demo``, ``articles``, ``sources`` and ``db upgrade``: crawls in this
process (``evwatch.runner``), and what they stored."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crawler.errors import CommandError
from crawler.seeds import Seed, load_seeds
from evwatch.articlelist import article_rows
from evwatch.logs import crawl_logging
from evwatch.options import alert_config, open_db
from evwatch.tables import format_table
from store.db import Database

if TYPE_CHECKING:
    from evwatch.runner import CrawlOutcome


def _run_summary(db: Database, run_ids: list[int]) -> str:
    from store.queries import latest_runs

    with db.read() as session:
        runs = latest_runs(session, run_ids)
        rows = [
            (
                r.source.name,
                r.status,
                r.pages_fetched,
                r.article_pages_fetched,
                r.new_articles,
                r.new_figures,
                r.errors,
            )
            for r in runs
        ]
    headers = (
        "source", "status", "pages fetched", "article pages", "new articles", "new figures",
        "errors",
    )  # fmt: skip
    return format_table(headers, rows)


def crawl_exit_status(db: Database, outcome: CrawlOutcome, expected: int) -> int:
    """0 when every source ran (``ok`` or ``partial``); 1 when one failed, fetched nothing or
    left no run; 128 + N when signal N interrupted the crawl."""
    if outcome.exit_status is not None:
        return outcome.exit_status
    from store.queries import latest_runs

    with db.read() as session:
        statuses = [run.status for run in latest_runs(session, outcome.run_ids)]
    if len(statuses) < expected or any(s not in ("ok", "partial") for s in statuses):
        return 1
    return 0


def chosen_sources(seeds: dict[str, Seed], named: list[str], force: bool) -> list[str]:
    """The sources to crawl: those named (a disabled one only with ``force``), else every
    enabled one."""
    unknown = sorted(set(named) - set(seeds))
    if unknown:
        raise CommandError(f"unknown source {', '.join(unknown)} (known: {', '.join(seeds)})")
    disabled = [name for name in named if not seeds[name].enabled]
    if disabled and not force:
        raise CommandError(
            f"source {', '.join(disabled)} is disabled in its seed file; "
            "name it with --force to crawl it anyway"
        )
    return named or [name for name, seed in seeds.items() if seed.enabled]


def cmd_crawl(args: argparse.Namespace) -> int:
    from evwatch.runner import crawl_settings, run_crawls

    seeds = load_seeds(args.seeds)
    names = chosen_sources(seeds, args.sources, args.force)
    db = open_db(args)
    crawl_logging(args.log_level, quiet=args.quiet)
    overrides: dict[str, str] = {}
    for assignment in args.set:
        name, sep, value = assignment.partition("=")
        if not sep or not name:
            raise CommandError(f"--set takes NAME=VALUE, got {assignment!r}")
        overrides[name] = value
    config = alert_config(args)  # a bad file fails here, in one line, before any request
    settings = crawl_settings(
        db.url,
        seeds_dir=args.seeds,
        replica_url=args.replica,
        refresh=args.refresh,
        config_path=str(config.path) if config.path else None,
        backfill=args.backfill,
        overrides=overrides,
    )
    outcome = run_crawls(names, settings, progress=not args.quiet)
    print(_run_summary(db, outcome.run_ids))
    return crawl_exit_status(db, outcome, len(names))


DEMO_DB_URL = "sqlite:///demo.db"


def cmd_demo(args: argparse.Namespace) -> int:
    from crawler.replica.process import ReplicaProcess
    from evwatch.figurecommands import print_latest_figures
    from evwatch.runner import crawl_settings, run_crawls
    from store.db import Database

    seeds = load_seeds(args.seeds)
    # The demo's replica news is invented: it never shares the live database unless --db asks
    # for it, and its alerts are always historical (nothing judged in a demo is delivered).
    db = Database(args.db or DEMO_DB_URL)
    print(f"Database: {db.display_url}")
    crawl_logging(args.log_level or "ERROR", quiet=False)
    with ReplicaProcess() as replica:
        print(f"Replica of {', '.join(seeds)} serving on {replica.url} (loopback only)")
        settings = crawl_settings(
            db.url,
            seeds_dir=args.seeds,
            replica_url=replica.url,
            backfill=True,
            # The replica is ours: no need to pace requests to it.
            overrides={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False},
        )
        outcome = run_crawls(list(seeds), settings, progress=True)
    print()
    print(_run_summary(db, outcome.run_ids))
    print()
    print(article_rows(db, limit=args.show, per_source=True))
    print()
    print_latest_figures(db, limit=10)
    return crawl_exit_status(db, outcome, len(seeds))


def cmd_sources(args: argparse.Namespace) -> int:
    seeds = load_seeds(args.seeds)
    rows = [
        (s.name, "yes" if s.enabled else "no", s.poll_interval_minutes, len(s.start_urls), s.title)
        for s in seeds.values()
    ]
    print(format_table(("source", "enabled", "poll (min)", "start urls", "title"), rows))
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from store.migrate import current_revision

    db = open_db(args)  # opening the database applies pending migrations
    print(f"{db.display_url}: at revision {current_revision(db.engine)}")
    return 0
