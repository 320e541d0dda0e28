"""Runs crawls in this process: several sources at once, with an optional progress line.

One call per process (Twisted's reactor cannot restart); the daemon runs each crawl in a
subprocess for that reason.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from twisted.internet import task

from crawler.recorder import CrawlRecorder

logger = logging.getLogger(__name__)


def crawl_settings(
    db_url: str,
    *,
    seeds_dir: str | None = None,
    replica_url: str | None = None,
    refresh: bool = False,
    config_path: str | None = None,
    backfill: bool = False,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("EVWATCH_DB", db_url, priority="cmdline")
    if seeds_dir:
        settings.set("EVWATCH_SEEDS", seeds_dir, priority="cmdline")
    if replica_url:
        settings.set("EVWATCH_REPLICA_URL", replica_url, priority="cmdline")
    settings.set("EVWATCH_REFRESH", refresh, priority="cmdline")
    settings.set("EVWATCH_BACKFILL", backfill, priority="cmdline")
    if config_path:
        settings.set("EVWATCH_CONFIG", config_path, priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


class _Progress:
    """One status line on stderr, rewritten while the crawls run."""

    def __init__(self, crawlers: list[Crawler]) -> None:
        self.crawlers = crawlers
        self.last = ""

    def render(self) -> str:
        parts = []
        for crawler in self.crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            name = crawler.spidercls.name
            parts.append(
                f"{name}: {stats.get('response_received_count', 0)} pages, "
                f"{stats.get('evwatch/articles/new', 0)} new"
            )
        return " | ".join(parts)

    def tick(self) -> None:
        line = self.render()
        if line != self.last:
            self.last = line
            end = "\r" if sys.stderr.isatty() else "\n"
            print(f"  {line}", end=end, file=sys.stderr, flush=True)

    def done(self) -> None:
        self.tick()
        if sys.stderr.isatty():
            print(file=sys.stderr)


def _watch_parent(process: CrawlerProcess) -> task.LoopingCall | None:
    """A crawl started by the daemon (EVWATCH_PARENT_PID) stops when the daemon is gone, even
    killed: the restarted daemon must not find an orphan crawling beside it."""
    parent = os.environ.get("EVWATCH_PARENT_PID")
    if not parent:
        return None

    def check() -> None:
        if os.getppid() != int(parent):
            logger.warning("the daemon (pid %s) is gone: stopping this crawl", parent)
            watch.stop()
            process.stop()

    watch = task.LoopingCall(check)
    watch.start(1.0, now=False)
    return watch


def run_crawls(sources: Iterable[str], settings: Settings, *, progress: bool = False) -> list[int]:
    """Crawls the sources concurrently; returns the crawl-run ids written to the database."""
    process = CrawlerProcess(settings)
    crawlers = [process.create_crawler(name) for name in sources]
    for crawler in crawlers:
        process.crawl(crawler)
    orphan_watch = _watch_parent(process)
    ticker = None
    if progress:
        bar = _Progress(crawlers)
        ticker = task.LoopingCall(bar.tick)
        ticker.start(1.0, now=False)
    process.start()
    if orphan_watch is not None and orphan_watch.running:
        orphan_watch.stop()
    if ticker is not None:
        if ticker.running:
            ticker.stop()
        bar.done()
    run_ids = []
    for crawler in crawlers:
        recorder = CrawlRecorder.of(crawler)
        if recorder.run_id is not None:
            run_ids.append(recorder.run_id)
    return run_ids
