"""The ``evwatch`` command line: its options, and which module runs each command.

A thin top layer: building the parser imports nothing heavy, and each command's module (with
Scrapy, trafilatura, SQLAlchemy, APScheduler as it needs them) is imported only when that
command runs, so ``evwatch --help`` and ``evwatch status`` start at once.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from crawler.errors import CommandError
from evwatch.options import close_databases
from evwatch.paging import add_paging

# Commands that set up logging themselves (crawls: one line per failed page; the daemon).
CRAWLING_COMMANDS = ("crawl", "demo", "run", "daemon")


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("evwatch")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class _Version(argparse.Action):
    """``--version``, which looks the version up only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"evwatch {package_version()}")
        parser.exit()


def runs(parser: argparse.ArgumentParser, target: str, *, db: bool = True) -> None:
    """The command runs ``module:function``, called with the arguments (and the database)."""
    parser.set_defaults(target=target, needs_db=db)


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
        help="record alerts as historical, deliver nothing (always, until a source's first "
        "successful crawl)",
    )
    crawl.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting, e.g. --set DOWNLOAD_TIMEOUT=10 (repeatable)",
    )


def _crawl_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser("demo", help="crawl a local replica of all four sites into demo.db")
    demo.add_argument("--show", type=int, default=2, help="stored articles to list per source")
    runs(demo, "evwatch.crawlcommands:cmd_demo", db=False)

    crawl = commands.add_parser("crawl", help="crawl the live sites (enabled sources by default)")
    add_crawl_options(crawl)
    runs(crawl, "evwatch.crawlcommands:cmd_crawl", db=False)

    articles = commands.add_parser("articles", help="list stored articles, newest first")
    articles.add_argument("--source")
    add_paging(articles)
    runs(articles, "evwatch.articlelist:cmd_articles", db=False)

    sources = commands.add_parser("sources", help="validate and list the seed files")
    runs(sources, "evwatch.crawlcommands:cmd_sources", db=False)

    seed = commands.add_parser("seed", help="try a seed file on a saved page")
    seed_commands = seed.add_subparsers(dest="seed_command", required=True, metavar="ACTION")
    check = seed_commands.add_parser(
        "check", help="print what the seed's selectors read from a saved page"
    )
    check.add_argument("source", metavar="SOURCE")
    check.add_argument("--page", required=True, help="a saved HTML page (listing or article)")
    check.add_argument("--url", help="the page's address (default: the seed's home page)")
    runs(check, "evwatch.seedcommands:cmd_seed_check", db=False)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="apply pending migrations")
    runs(upgrade, "evwatch.crawlcommands:cmd_db_upgrade", db=False)


def _figure_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # Its options are read when it runs (evwatch.extractcommand).
    extract = commands.add_parser(
        "extract", help="print the figures in an article or text", add_help=False
    )
    extract.add_argument("extract_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    runs(extract, "evwatch.cli:run_extract", db=False)

    figures = commands.add_parser("figures", help="list stored figures")
    figures.add_argument("--entity", help="a maker, brand, group (its brands too) or region")
    figures.add_argument("--metric", choices=("deliveries", "production", "sales", "exports"))
    figures.add_argument("--period", help="YYYY, YYYY-MM or YYYY-Qn (by period end)")
    figures.add_argument("--since", help="periods ending on or after YYYY-MM-DD")
    figures.add_argument("--source", help="only figures from this source")
    figures.add_argument(
        "--consolidated",
        action="store_true",
        help="one row per entity, metric, segment and period, with disagreements flagged",
    )
    figures.add_argument("--format", choices=("table", "csv", "jsonl"), default="table")
    add_paging(figures)
    runs(figures, "evwatch.figurecommands:cmd_figures")
    figure_actions = figures.add_subparsers(dest="figures_action", metavar="ACTION")
    reject = figure_actions.add_parser(
        "reject", help="reject a stored figure: retract its alerts, never store it again"
    )
    reject.add_argument("id", type=int, help="the figure's id (evwatch figures --format jsonl)")
    reject.add_argument("--reason", required=True, help="why, as the correction will say")
    runs(reject, "evwatch.figurecommands:cmd_figures_reject")

    reparse = commands.add_parser(
        "reparse", help="run the current figure parser over stored articles"
    )
    reparse.add_argument("--source", help="only articles from this source")
    reparse.add_argument("--dry-run", action="store_true", help="report, change nothing")
    reparse.add_argument(
        "--deliver",
        action="store_true",
        help="deliver the alerts new figures raise (default: record them as historical)",
    )
    runs(reparse, "evwatch.reparsecommand:cmd_reparse")


def _alert_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = commands.add_parser(
        "ingest", help="store saved pages or text files: figures and alerts as in a crawl"
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--published", help="publication date YYYY-MM-DD (else from the page)")
    ingest.add_argument("--url", help="the article's URL (one PATH only)")
    ingest.add_argument("--source", default="ingest", help="source name (default: ingest)")
    ingest.add_argument(
        "--quiet",
        "--backfill",
        dest="quiet",
        action="store_true",
        help="backfill: record alerts as historical, deliver nothing",
    )
    runs(ingest, "evwatch.alertcommands:cmd_ingest")

    alerts = commands.add_parser("alerts", help="list alerts")
    alerts.add_argument("--since", help="created on or after YYYY-MM-DD (UTC)")
    alerts.add_argument("--kind")
    alerts.add_argument("--format", choices=("table", "jsonl"), default="table")
    add_paging(alerts)
    runs(alerts, "evwatch.alertlist:cmd_alerts")

    dispatch = commands.add_parser("dispatch", help="send pending alert deliveries now")
    dispatch.add_argument(
        "--retry-now", action="store_true", help="retry failing deliveries now, not at their time"
    )
    runs(dispatch, "evwatch.alertcommands:cmd_dispatch")

    deliveries = commands.add_parser("deliveries", help="list the outbox; requeue dead deliveries")
    deliveries.add_argument(
        "--state", action="append", choices=("pending", "failing", "dead", "sent", "cancelled"),
        help="only deliveries in this state (repeatable)",
    )  # fmt: skip
    deliveries.add_argument("--subscriber")
    deliveries.add_argument("--channel", choices=("email", "webhook"))
    deliveries.add_argument("--alert", type=int, help="only this alert's deliveries")
    deliveries.add_argument("--format", choices=("table", "csv", "jsonl"), default="table")
    deliveries.add_argument(
        "--requeue-dead", action="store_true",
        help="make the (filtered) dead deliveries pending again, from attempt one",
    )  # fmt: skip
    runs(deliveries, "evwatch.deliverycommands:cmd_deliveries")

    notify = commands.add_parser(
        "notify-test", help="send a sample alert through a subscriber's channels"
    )
    notify.add_argument("subscriber")
    runs(notify, "evwatch.alertcommands:cmd_notify_test")


def _daemon_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    daemon = commands.add_parser("daemon", help="run the scheduler in the foreground")
    daemon.add_argument("--replica", help="crawl a replica at this loopback URL instead")
    daemon.add_argument("--log-format", choices=("text", "json"), default="text")
    runs(daemon, "evwatch.daemoncommands:cmd_daemon")

    run = commands.add_parser("run", help="one pass for cron: crawl, then dispatch alerts")
    add_crawl_options(run)
    runs(run, "evwatch.daemoncommands:cmd_run")

    status = commands.add_parser("status", help="sources, deliveries and alerts at a glance")
    status.add_argument("--format", choices=("table", "json"), default="table")
    runs(status, "evwatch.status:cmd_status", db=False)  # opens its own reader


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evwatch", description="Watch Chinese EV news for record figures."
    )
    parser.add_argument("--version", action=_Version)
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
    _crawl_commands(commands)
    _figure_commands(commands)
    _alert_commands(commands)
    _daemon_commands(commands)
    from evwatch.webcommands import add_web_commands

    add_web_commands(commands)
    return parser


def run_extract(args: argparse.Namespace) -> int:
    """``evwatch extract``: the figure parser's own command line."""
    from evwatch.extractcommand import add_extract_arguments
    from evwatch.extractcommand import run_extract as extract

    parser = argparse.ArgumentParser(
        prog="evwatch extract", description="Print the figures in an article or text."
    )
    add_extract_arguments(parser)
    parser.parse_args(args.extract_args, namespace=args)
    return int(extract(args) or 0)


def _user_error(exc: Exception, args: argparse.Namespace) -> str | None:
    """The one line to print for an error the user can act on; None for a bug."""
    if isinstance(exc, CommandError):
        return str(exc)
    seeds = sys.modules.get("crawler.seeds")
    if seeds is not None and isinstance(exc, seeds.SeedError):
        return str(exc)
    db = sys.modules.get("store.db")
    if db is not None and isinstance(exc, db.DatabaseError):
        return str(exc)
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.OperationalError):
        # The database refused: a read-only file or directory, a full disk, a server down.
        from sqlalchemy import make_url  # loaded already: the error came from it

        url = args.db or os.environ.get("EVWATCH_DB") or "evwatch.db"
        with contextlib.suppress(sa_exc.ArgumentError):  # its password is never shown
            url = make_url(url).render_as_string(hide_password=True)
        return f"database {url}: {exc.orig}"
    return None


def _call(args: argparse.Namespace) -> int:
    module_name, _, function_name = args.target.partition(":")
    command = getattr(importlib.import_module(module_name), function_name)
    if args.needs_db:
        from evwatch.options import open_db

        return int(command(args, open_db(args)) or 0)
    return int(command(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        if getattr(args, "command", None) != "extract":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.extract_args = list(sys.argv[1:] if argv is None else argv)
        args.extract_args = args.extract_args[args.extract_args.index("extract") + 1 :]
    if args.command not in CRAWLING_COMMANDS:
        logging.basicConfig(
            level=args.log_level or "WARNING", format="%(levelname)s %(name)s: %(message)s"
        )
    try:
        status = _call(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (``evwatch figures | head``): stop quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        message = _user_error(exc, args)
        if message is None:
            raise
        print(f"evwatch: error: {message}", file=sys.stderr)
        return 2
    finally:
        close_databases()


if __name__ == "__main__":
    sys.exit(main())
