"""Runs crawls in this process: several sources at once, an optional progress line, and a
clean stop on SIGINT or SIGTERM.

The first signal interrupts every crawl: downloads in flight are cancelled, queued requests
dropped, and the articles already fetched are extracted and stored; each run closes as
``interrupted``. If that takes longer than ``STOP_GRACE_SECONDS``, or a second signal arrives,
the runs are marked and the process exits at once. One call per process (Twisted's reactor
cannot restart); the daemon runs each crawl in a subprocess for that reason.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from twisted.internet import task

from crawler.interrupt import interrupt
from crawler.pipelines import StorePipeline, kill_extraction_workers

logger = logging.getLogger(__name__)

# Longest wait, after the first signal, for fetched articles to be stored before exiting anyway.
STOP_GRACE_SECONDS = 4.0
# how long an exit at once waits, in all, for the database to mark the open runs interrupted
EXIT_LOCK_WAIT_SECONDS = 1.5
REPLICA_HANDLERS = {
    "http": "crawler.replica.handler.ReplicaDownloadHandler",
    "https": "crawler.replica.handler.ReplicaDownloadHandler",
}


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
    if replica_url:  # the replica, switched on explicitly
        settings.set("EVWATCH_REPLICA_URL", replica_url, priority="cmdline")
        settings.set("DOWNLOAD_HANDLERS", REPLICA_HANDLERS, priority="cmdline")
    settings.set("EVWATCH_REFRESH", refresh, priority="cmdline")
    settings.set("EVWATCH_BACKFILL", backfill, priority="cmdline")
    if config_path:
        settings.set("EVWATCH_CONFIG", config_path, priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


@dataclass
class CrawlOutcome:
    """What a call to ``run_crawls`` did: the crawl-run ids it wrote, and the signal that
    interrupted it, if one did."""

    run_ids: list[int] = field(default_factory=list)
    signal_number: int | None = None

    @property
    def exit_status(self) -> int | None:
        """128 + the signal, as a shell reports a process a signal ended; None if none did."""
        return None if self.signal_number is None else 128 + self.signal_number


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
            _say(f"  {line}", end=end)

    def done(self) -> None:
        self.tick()
        if sys.stderr.isatty():
            _say("")


def _say(text: str, end: str = "\n") -> None:
    """A line on stderr that never raises (a closed pipe must not stop a crawl)."""
    with contextlib.suppress(OSError, ValueError):
        print(text, end=end, file=sys.stderr, flush=True)


class _Stopper:
    """SIGINT/SIGTERM handling: first signal interrupts the crawls, a second one (or the grace
    period running out) exits at once."""

    def __init__(self, crawlers: list[Crawler], grace: float) -> None:
        self.crawlers = crawlers
        self.grace = grace
        self.signal_number: int | None = None
        self.previous: dict[int, Any] = {}

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self.previous[signum] = signal.signal(signum, self.on_signal)

    def uninstall(self) -> None:
        """Back to the handlers from before, unless a signal came: then the crawls are over
        and the process is on its way out with 128 + that signal; a second one is ignored
        (the default handler would kill it by the signal, a status of its own)."""
        for signum, handler in self.previous.items():
            signal.signal(signum, handler if self.signal_number is None else signal.SIG_IGN)

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        from twisted.internet import reactor

        if self.signal_number is None:
            self.signal_number = signum
            reactor.callFromThread(self._interrupt)
        else:
            self.exit_now("second signal")

    def _interrupt(self) -> None:
        from twisted.internet import reactor as installed

        reactor: Any = installed  # Twisted's stubs type the reactor as a module

        name = signal.Signals(self.signal_number or signal.SIGINT).name
        _say(f"evwatch: {name}: stopping, keeping what was fetched (again to stop at once)")
        for crawler in self.crawlers:
            if crawler.crawling:
                interrupt(crawler)
        watchdog = reactor.callLater(self.grace, self.exit_now, "grace period over")

        def cancel_watchdog() -> None:
            if watchdog.active():
                watchdog.cancel()

        reactor.addSystemEventTrigger("before", "shutdown", cancel_watchdog)

    def exit_now(self, why: str) -> None:
        """Marks the runs still open as interrupted (bounded) and exits, from a thread of its
        own: called in the signal handler, the main thread may be inside a write transaction
        (closing a run), and it must go on to release the database lock the marking needs."""

        def close_runs_and_exit() -> None:
            deadline = time.monotonic() + EXIT_LOCK_WAIT_SECONDS
            for crawler in self.crawlers:
                store = StorePipeline.of(crawler)
                left = deadline - time.monotonic()
                if store is None or left <= 0:
                    continue
                try:
                    store.abandon_run(lock_wait_ms=int(left * 1000))
                except Exception as exc:  # on the way out: one line, no traceback
                    _say(f"evwatch: could not mark a run interrupted ({type(exc).__name__})")
            kill_extraction_workers()
            _say(f"evwatch: stopped at once ({why})")
            os._exit(128 + (self.signal_number or signal.SIGINT))

        threading.Thread(target=close_runs_and_exit, name="evwatch-close-runs", daemon=True).start()


def _watch_parent(process: CrawlerProcess, stop: Callable[[], None]) -> task.LoopingCall | None:
    """A crawl started by the daemon (EVWATCH_PARENT_PID) stops when the daemon is gone, even
    killed: the restarted daemon must not find an orphan crawling beside it."""
    parent = os.environ.get("EVWATCH_PARENT_PID")
    if not parent:
        return None

    def check() -> None:
        if os.getppid() != int(parent):
            logger.warning("the daemon (pid %s) is gone: stopping this crawl", parent)
            watch.stop()
            stop()

    watch = task.LoopingCall(check)
    watch.start(1.0, now=False)
    return watch


def run_crawls(
    sources: Iterable[str],
    settings: Settings,
    *,
    progress: bool = False,
    grace: float = STOP_GRACE_SECONDS,
) -> CrawlOutcome:
    """Crawls the sources concurrently; returns the crawl-run ids written to the database and
    the signal that interrupted the crawls, if any."""
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # the CLI's logging
    process = CrawlerProcess(settings)
    crawlers = [process.create_crawler(name) for name in sources]
    for crawler in crawlers:
        process.crawl(crawler)
    stopper = _Stopper(crawlers, grace)
    stopper.install()

    def stop_all() -> None:
        for crawler in crawlers:
            if crawler.crawling:
                interrupt(crawler)

    orphan_watch = _watch_parent(process, stop_all)
    ticker = None
    if progress:
        bar = _Progress(crawlers)
        ticker = task.LoopingCall(bar.tick)
        ticker.start(1.0, now=False)
    try:
        process.start(install_signal_handlers=False)
    finally:
        stopper.uninstall()
    if orphan_watch is not None and orphan_watch.running:
        orphan_watch.stop()
    if ticker is not None:
        if ticker.running:
            ticker.stop()
        bar.done()
    outcome = CrawlOutcome(signal_number=stopper.signal_number)
    for crawler in crawlers:
        store = StorePipeline.of(crawler)
        if store is not None and store.run_id is not None:
            outcome.run_ids.append(store.run_id)
    return outcome
