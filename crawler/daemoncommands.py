"""``evwatch daemon`` (the scheduler, foreground), ``evwatch run`` (one crawl-then-dispatch
pass for crontab) and ``evwatch status``. Daemon and run hold the one-instance lock."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from alerts.dispatch import Dispatcher
from crawler.alertcommands import alert_config
from crawler.daemon import DaemonOptions, run_daemon
from crawler.instance import InstanceLock
from crawler.logs import setup_logging
from crawler.seeds import load_seeds
from crawler.status import render_status, status_json, status_report
from store.db import Database


def cmd_daemon(args: argparse.Namespace, db: Database) -> int:
    setup_logging(args.log_level or "INFO", args.log_format)
    config = alert_config(args)
    seeds = load_seeds(args.seeds)
    with InstanceLock(db.url, "daemon"):
        options = DaemonOptions(
            db_url=db.url,
            config=str(config.path) if config.path else None,
            seeds=args.seeds,
            replica=args.replica,
        )
        return run_daemon(db, config, seeds, options)


def cmd_run(
    args: argparse.Namespace, db: Database, crawl: Callable[[argparse.Namespace], int]
) -> int:
    """One pass: crawl (enabled sources, or those named), then send what is due."""
    config = alert_config(args)
    with InstanceLock(db.url, "run"):
        crawled = crawl(args)
        if crawled > 128:  # interrupted: stop here, as asked
            return crawled
        report = Dispatcher(db, config).run_once()
    print(f"dispatch: sent {report.sent}, failed {report.failed}, dead {report.dead}")
    return crawled


def cmd_status(args: argparse.Namespace, db: Database) -> int:
    report = status_report(db, alert_config(args), load_seeds(args.seeds))
    print(status_json(report) if args.format == "json" else render_status(report))
    return 1 if report["needs_attention"] else 0


def add_daemon_commands(
    commands: argparse._SubParsersAction,
    db_of: Any,
    crawl: Callable[[argparse.Namespace], int],
    add_crawl_options: Callable[[argparse.ArgumentParser], None],
) -> None:
    daemon = commands.add_parser("daemon", help="run the scheduler in the foreground")
    daemon.add_argument("--replica", help="crawl a replica at this loopback URL instead")
    daemon.add_argument("--log-format", choices=("text", "json"), default="text")
    daemon.set_defaults(func=lambda args: cmd_daemon(args, db_of(args)))

    run = commands.add_parser("run", help="one pass for cron: crawl, then dispatch alerts")
    add_crawl_options(run)
    run.set_defaults(func=lambda args: cmd_run(args, db_of(args), crawl))

    status = commands.add_parser("status", help="sources, deliveries and alerts at a glance")
    status.add_argument("--format", choices=("table", "json"), default="table")
    status.set_defaults(func=lambda args: cmd_status(args, db_of(args)))
