"""``evwatch daemon`` (the scheduler, foreground) and ``evwatch run`` (one crawl-then-dispatch
pass for crontab). Both hold the one-instance lock."""

from __future__ import annotations

import argparse

from alerts.dispatch import Dispatcher
from crawler.seeds import load_seeds
from evwatch.crawlcommands import cmd_crawl
from evwatch.daemon import DaemonOptions, run_daemon
from evwatch.instance import InstanceLock
from evwatch.logs import setup_logging
from evwatch.options import alert_config
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


def cmd_run(args: argparse.Namespace, db: Database) -> int:
    """One pass: crawl (enabled sources, or those named), then send what is due."""
    config = alert_config(args)
    with InstanceLock(db.url, "run"):
        crawled = cmd_crawl(args)
        if crawled > 128:  # interrupted: stop here, as asked
            return crawled
        report = Dispatcher(db, config).run_once()
    print(f"dispatch: sent {report.sent}, failed {report.failed}, dead {report.dead}")
    return crawled
