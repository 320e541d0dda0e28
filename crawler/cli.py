"""The ``evwatch`` command line: a thin layer over the crawler, the store and the replica."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from crawler.alertcommands import add_alert_commands, alert_config
from crawler.daemoncommands import add_daemon_commands
from crawler.errors import CommandError
from crawler.figurecommands import add_figure_commands, print_latest_figures
from crawler.figures.cli import add_extract_arguments, run_extract
from crawler.logs import crawl_logging
from crawler.seeds import Seed, SeedError, load_seeds
from crawler.tables import format_table, truncate
from store.db import Database, DatabaseError, resolve_db_url

if TYPE_CHECKING:
    from crawler.runner import CrawlOutcome

log = logging.getLogger("evwatch")


CRAWLING_COMMANDS = ("crawl", "demo", "run", "daemon")


def _db(args: argparse.Namespace) -> Database:
    return Database(resolve_db_url(args.db))


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


def _article_rows(
    db: Database, limit: int, source: str | None = None, per_source: bool = False
) -> str:
    """Stored articles, newest first: ``limit`` in all, or ``limit`` per source."""
    from store.models import Article, Source

    with db.read() as session:
        query = select(Article).join(Source).order_by(Article.published_at.desc().nulls_last())
        if source:
            query = query.where(Source.name == source)
        articles = list(session.scalars(query if per_source else query.limit(limit)))
        if per_source:
            shown: Counter[int] = Counter()
            kept = []
            for article in articles:
                if shown[article.source_id] < limit:
                    shown[article.source_id] += 1
                    kept.append(article)
            articles = kept
        rows = [
            (
                a.source.name,
                a.published_at.strftime("%Y-%m-%d %H:%M") if a.published_at else "?",
                a.language,
                truncate(a.title or "(untitled)", 60),
                a.canonical_url,
            )
            for a in articles
        ]
    return format_table(("source", "published (UTC)", "lang", "title", "url"), rows)


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
    from crawler.runner import crawl_settings, run_crawls

    seeds = load_seeds(args.seeds)
    names = chosen_sources(seeds, args.sources, args.force)
    db = _db(args)
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


def cmd_demo(args: argparse.Namespace) -> int:
    from crawler.replica.process import ReplicaProcess
    from crawler.runner import crawl_settings, run_crawls

    seeds = load_seeds(args.seeds)
    db = _db(args)
    print(f"Database: {db.url}")
    crawl_logging(args.log_level or "ERROR", quiet=False)
    with ReplicaProcess() as replica:
        print(f"Replica of {', '.join(seeds)} serving on {replica.url} (loopback only)")
        settings = crawl_settings(
            db.url,
            seeds_dir=args.seeds,
            replica_url=replica.url,
            # The replica is ours: no need to pace requests to it.
            overrides={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False},
        )
        outcome = run_crawls(list(seeds), settings, progress=True)
    print()
    print(_run_summary(db, outcome.run_ids))
    print()
    print(_article_rows(db, limit=args.show, per_source=True))
    print()
    print_latest_figures(db, limit=10)
    return crawl_exit_status(db, outcome, len(seeds))


def cmd_articles(args: argparse.Namespace) -> int:
    print(_article_rows(_db(args), limit=args.limit, source=args.source))
    return 0


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

    db = _db(args)  # opening the database applies pending migrations
    print(f"{db.url}: at revision {current_revision(db.engine)}")
    return 0


def add_crawl_options(crawl: argparse.ArgumentParser) -> None:
    crawl.add_argument("sources", nargs="*", metavar="SOURCE")
    crawl.add_argument("--refresh", action="store_true", help="fetch stored articles again")
    crawl.add_argument("--replica", help="send requests to a replica at this loopback URL")
    crawl.add_argument(
        "--quiet", action="store_true", help="no progress line, no error lines: the summary only"
    )
    crawl.add_argument(
        "--force", action="store_true", help="crawl a source named here even if it is disabled"
    )
    crawl.add_argument(
        "--backfill",
        action="store_true",
        help="record alerts as historical, deliver nothing (a source's first crawl always is)",
    )
    crawl.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting, e.g. --set DOWNLOAD_TIMEOUT=10 (repeatable)",
    )


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("evwatch")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evwatch", description="Watch Chinese EV news for record figures."
    )
    parser.add_argument("--version", action="version", version=f"evwatch {package_version()}")
    parser.add_argument(
        "--db", help="SQLAlchemy URL (default: $EVWATCH_DB or sqlite:///evwatch.db)"
    )
    parser.add_argument("--seeds", help="seed directory (default: $EVWATCH_SEEDS or ./seeds)")
    parser.add_argument(
        "--config", help="alert rules and subscribers (default: $EVWATCH_CONFIG or ./evwatch.toml)"
    )
    parser.add_argument(
        "--log-level",
        help="log level (default WARNING; ERROR for the demo, whose summary "
        "table lists the errors)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="crawl a local replica of all four sites")
    demo.add_argument("--show", type=int, default=2, help="stored articles to list per source")
    demo.set_defaults(func=cmd_demo)

    crawl = commands.add_parser("crawl", help="crawl the live sites (enabled sources by default)")
    add_crawl_options(crawl)
    crawl.set_defaults(func=cmd_crawl)

    articles = commands.add_parser("articles", help="list stored articles, newest first")
    articles.add_argument("--source")
    articles.add_argument("--limit", type=int, default=20)
    articles.set_defaults(func=cmd_articles)

    sources = commands.add_parser("sources", help="validate and list the seed files")
    sources.set_defaults(func=cmd_sources)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="apply pending migrations")
    upgrade.set_defaults(func=cmd_db_upgrade)

    extract = commands.add_parser("extract", help="print the figures in an article or text")
    add_extract_arguments(extract)
    extract.set_defaults(func=run_extract)
    add_figure_commands(commands, _db)
    add_alert_commands(commands, _db)
    add_daemon_commands(commands, _db, cmd_crawl, add_crawl_options)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command not in CRAWLING_COMMANDS:  # crawls set up their own logging
        logging.basicConfig(
            level=args.log_level or "WARNING", format="%(levelname)s %(name)s: %(message)s"
        )
    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except (CommandError, SeedError, DatabaseError) as exc:
        print(f"evwatch: error: {exc}", file=sys.stderr)
        return 2
    except OperationalError as exc:  # the database refused: read-only file, disk full, locked
        print(
            f"evwatch: error: database {args.db or resolve_db_url()}: {exc.orig}", file=sys.stderr
        )
        return 2
    except BrokenPipeError:
        # The reader went away (``evwatch figures | head``): stop quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
