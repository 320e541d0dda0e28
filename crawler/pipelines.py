"""Item pipelines, one job each, in order: extract text -> validate -> store.

Counts go to crawl stats under ``evwatch/`` rather than to the log. ``StorePipeline`` owns the
database for the crawl the way Scrapy documents it: ``open_spider`` opens it and starts the
crawl-run row, ``process_item`` writes through the one write path (``crawler.writepath``),
``close_spider`` closes the run with its status.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import os
import signal
import time
import weakref
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import timedelta
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro, deferred_to_future
from sqlalchemy.exc import OperationalError
from twisted.internet import threads
from twisted.internet.base import DelayedCall
from twisted.internet.defer import Deferred
from twisted.python.threadpool import ThreadPool

from alerts.config import Config, config_path, load_config
from alerts.health import check_source_health
from crawler.extractworker import STOP_SIGNALS, timed_extraction, warm_up, worker_init
from crawler.figures import PARSER_VERSION
from crawler.interrupt import is_interrupted
from crawler.items import ArticlePage
from crawler.runstatus import run_status
from crawler.seeds import Seed
from crawler.signals import page_failed
from crawler.sourcelock import SourceBusy, SourceLock
from crawler.writepath import Written, write_articles
from store import queries
from store.db import Database
from store.retry import reason as busy_reason
from store.retry import with_retries
from store.types import utcnow

logger = logging.getLogger(__name__)

# An article page with less text than this is a stub, an index or an error page.
MIN_ARTICLE_CHARS = 120
# Articles stored per transaction at most when the writer falls behind (group commit).
MAX_BATCH = 50


class _CrawlerPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def seed(self) -> Seed:
        seed = getattr(self.crawler.spider, "seed", None)
        assert isinstance(seed, Seed), "evwatch pipelines run with a seed-driven spider"
        return seed

    def inc(self, key: str, count: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"evwatch/{key}", count)


class ExtractTextPipeline(_CrawlerPipeline):
    """trafilatura plus the seed's selectors, then the figure parser, in worker processes
    (EVWATCH_EXTRACT_WORKERS), or in a thread when that is 0 or the crawl is small: both are
    CPU-bound and must not hold up the reactor."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.pages = 0

    def use_pool(self, workers: int) -> bool:
        """The worker processes once a crawl has more than ``EVWATCH_SMALL_POLL`` article
        pages, counting those its listings have queued so far: a small poll is extracted in a
        thread and never starts (nor pays for) the pool; a large crawl uses the pool from its
        first page, and its own process never loads the extractor."""
        self.pages += 1
        small = self.crawler.settings.getint("EVWATCH_SMALL_POLL")
        if workers <= 0:
            return False
        if _POOL is not None or self.pages > small:
            return True
        stats = self.crawler.stats
        assert stats is not None
        queued = stats.get_value("evwatch/links/found", 0) - stats.get_value(
            "evwatch/links/known", 0
        )
        return bool(queued > small)

    async def process_item(self, item: ArticlePage, spider: Spider | None = None) -> ArticlePage:
        seed = self.seed
        arguments = (
            item.html, item.fetched_url, seed.article, seed.tz, item.listing_published_at,
            utcnow().astimezone(seed.tz).date(),
        )  # fmt: skip
        workers = self.crawler.settings.getint("EVWATCH_EXTRACT_WORKERS")
        if self.use_pool(workers):
            future = submit_extraction(workers, item.body, *arguments)
            (extracted, figures), seconds, page = await asyncio.wrap_future(future)
        else:
            (extracted, figures), seconds, page = await deferred_to_future(
                threads.deferToThread(timed_extraction, item.body, *arguments)
            )
            self.inc("extract/in_thread")
        item.stored_page = page
        # CPU time per stage, for bench/crawl.py (the writer's is counted by StorePipeline)
        self.inc("cpu_us/extract", round(seconds * 1e6))
        item.set_extracted(extracted, figures)
        return item


_POOL: ProcessPoolExecutor | None = None


def extraction_pool(workers: int) -> ProcessPoolExecutor:
    """One pool per process, shared by every crawler in it, started on first use.

    Spawned, not forked: a fork of a process running a reactor, threads and database
    connections is not safe.
    """
    global _POOL
    if _POOL is None:
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=worker_init,
            initargs=(os.getpid(),),
        )
        # Every worker is started now, with SIGINT and SIGTERM blocked (a process keeps its
        # signal mask from its start, through the exec of a spawn): a Ctrl-C at the terminal,
        # or systemd stopping the whole control group, must not kill a worker holding a page;
        # the crawl handles them and the workers end with it. Blocked in the spawning thread
        # only, not ignored: a signal meanwhile is taken by another thread, or waits, and
        # reaches the crawl's handler either way (an ignored one would be lost).
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            for _ in range(workers):
                pool.submit(warm_up)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        atexit.register(pool.shutdown, cancel_futures=True)
        _POOL = pool
    return _POOL


def kill_extraction_workers() -> None:
    """For a stop at once: the pages the workers hold are abandoned with the crawl, and a worker
    killed now frees the terminal at once, not when it notices that its crawl is gone.

    The pool's semaphores are released as a normal exit would release them (the process then
    leaves without running its exit handlers): else multiprocessing's resource tracker warns
    of "leaked semaphore objects" on the terminal after the crawl has gone.
    """
    for worker in multiprocessing.active_children():
        worker.kill()
    multiprocessing.util._run_finalizers(0)  # type: ignore[attr-defined]


def submit_extraction(workers: int, *arguments: Any) -> Future[Any]:
    """Hands one page to the pool of extraction workers."""
    return extraction_pool(workers).submit(timed_extraction, *arguments)


class ValidateArticlePipeline(_CrawlerPipeline):
    """Drops what is not an article: empty or near-empty text, no title."""

    def process_item(self, item: ArticlePage, spider: Spider | None = None) -> ArticlePage:
        extracted = item.extracted
        if extracted is None or len(extracted.text) < MIN_ARTICLE_CHARS:
            self.inc("articles/too_short")
            self.crawler.signals.send_catch_log(
                page_failed, url=item.fetched_url, kind="no_text", status=None,
                message="page has no article text", article=True,
            )  # fmt: skip
            raise DropItem(f"no article text at {item.fetched_url}", log_level="INFO")
        if not extracted.title:
            self.inc("articles/no_title")
        if extracted.published_at_utc is None:
            self.inc("articles/no_date")
        return item


_STORES: weakref.WeakKeyDictionary[Crawler, StorePipeline] = weakref.WeakKeyDictionary()
_DATABASES: dict[str, Database] = {}


def database(url: str, lock_timeout: float = 30.0) -> Database:
    """One Database per URL per process: several crawlers in a process share the engine."""
    if url not in _DATABASES:
        _DATABASES[url] = Database(url, busy_timeout_ms=int(lock_timeout * 1000))
    return _DATABASES[url]


class StoreUnavailable(Exception):
    """An article could not be stored: the database stayed locked (or unreachable) through
    every attempt. It is not remembered as known, so the next crawl fetches it again."""


def pages_fetched(stats: dict[str, Any]) -> int:
    """Pages the site served: an error answer (503, 429, 404...) is not a page, nor is
    robots.txt, so a site that answers only those has served nothing."""
    robots = int(stats.get("robotstxt/response_count", 0))
    errors = int(stats.get("evwatch/errors/http", 0))
    return max(0, int(stats.get("response_received_count", 0)) - robots - errors)


class StorePipeline(_CrawlerPipeline):
    """Saves each article (new, alias or refreshed copy) with its figures, alerts and outbox
    rows in one transaction, through a single writer thread that commits the articles queued
    within ``EVWATCH_WRITE_GATHER`` seconds at once (group commit); records the crawl run and
    its failed pages."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.db_url: str = settings.get("EVWATCH_DB")
        self.backoff = timedelta(hours=settings.getfloat("EVWATCH_FAILURE_BACKOFF_HOURS"))
        self.lock_timeout = settings.getfloat("EVWATCH_LOCK_TIMEOUT")
        self.write_attempts = settings.getint("EVWATCH_WRITE_ATTEMPTS")
        self.write_backoff = settings.getfloat("EVWATCH_WRITE_BACKOFF")
        self.write_gather = settings.getfloat("EVWATCH_WRITE_GATHER")
        # Set once a write failed through every attempt: later writes are tried once each,
        # and the crawl is closing.
        self.store_failed = False
        self.config: Config = load_config(config_path(settings.get("EVWATCH_CONFIG") or None))
        # A backfill records alerts as historical, without delivering them: asked for, or
        # any crawl of a source before its first successful one (its archive).
        self.historical = settings.getbool("EVWATCH_BACKFILL")
        self.db: Database | None = None
        self.source_id: int | None = None
        self.run_id: int | None = None
        self._known: set[str] = set()
        # URLs with a recorded fetch failure: storing one of them deletes its failure row; for
        # every other article that statement is skipped.
        self._failing: set[str] = set()
        # Whether an earlier crawl walked the whole listing (the source's frontier is reached).
        self.listing_walked = False
        # Why this crawl does not run (another crawl of the source holds its lock), if so.
        self.skipped: str | None = None
        self.source_lock: SourceLock | None = None
        self.writer = ThreadPool(minthreads=1, maxthreads=1, name="evwatch-store")
        self._queue: list[tuple[queries.ArticleRecord, Sequence[dict[str, Any]], Deferred[Any]]]
        self._queue = []
        self._first_queued = 0.0  # when the oldest queued article was queued (monotonic)
        self._gathering: DelayedCall | None = None  # the queue's write, while it gathers
        self._writing = False
        self.store_cpu = 0.0  # CPU seconds of the writer thread (bench/crawl.py reads it)
        crawler.signals.connect(self.record_error, signal=page_failed)
        # The run is closed on spider_closed: Scrapy's finish reason is known only then.
        crawler.signals.connect(self.finish_run, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        if not crawler.settings.get("EVWATCH_DB"):
            raise NotConfigured("EVWATCH_DB is not set")
        store = cls(crawler)
        _STORES[crawler] = store
        return store

    @staticmethod
    def of(crawler: Crawler) -> StorePipeline | None:
        """The store pipeline of a crawler, if it has one."""
        return _STORES.get(crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        seed = self.seed
        self.db = database(self.db_url, self.lock_timeout)
        self.writer.start()
        self.source_lock = SourceLock(self.db_url, seed.name)
        try:
            self.source_lock.acquire()
        except SourceBusy as busy:
            self.skipped = f"another crawl running ({busy.holder})"[:64]
            logger.warning("%s: skipped: %s", seed.name, busy)
        self.retrying(self._start_run, f"{seed.name}: starting the run")
        logger.info(
            "%s: run %s started, %d URLs already known", seed.name, self.run_id, len(self._known)
        )

    def _start_run(self) -> None:
        assert self.db is not None
        seed = self.seed
        with self.db.session() as session:
            source = queries.ensure_source(session, seed.name, seed.title, seed.home_url)
            self.source_id = source.id
            self.historical = self.historical or not queries.has_successful_run(session, source.id)
            run = queries.start_run(session, source.id)
            self.run_id = run.id
            if self.skipped:  # recorded, and closed at once: the spider requests nothing
                run.status, run.finish_reason, run.finished_at = "skipped", self.skipped, utcnow()
                return
            self.listing_walked = queries.listing_walked(session, source.id, self.run_id)
            self._known = queries.known_urls(session, source.id)
            self._failing = queries.failing_urls(session)

    def retrying(self, work: Any, what: str) -> Any:
        """``work()`` tried again with back-off while the database is locked."""
        attempts = 1 if self.store_failed else self.write_attempts
        return with_retries(work, attempts=attempts, first_delay=self.write_backoff, what=what)

    def is_known(self, url: str) -> bool:
        return url in self._known

    # -- storing ------------------------------------------------------------------------------

    async def process_item(self, item: ArticlePage, spider: Spider | None = None) -> ArticlePage:
        extracted = item.extracted
        assert extracted is not None and self.source_id is not None
        record = queries.ArticleRecord(
            source_id=self.source_id,
            canonical_url=item.canonical_url,
            fetched_url=item.fetched_url,
            title=extracted.title,
            author=extracted.author,
            source_line=extracted.source_line,
            published_at=extracted.published_at_utc,
            language=extracted.language,
            text=extracted.text,
            text_en=extracted.text_en,
            text_zh=extracted.text_zh,
            raw_html=item.body if item.stored_page is None else item.stored_page,
            raw_encoding=item.encoding,
            content_hash=extracted.content_hash,
        )
        try:
            written = await self._queue_write(record, item.figures)
        except StoreUnavailable as exc:
            self.inc("articles/unstored")
            logger.error(
                "%s: could not store %s (%s); the run fails and the article is fetched again "
                "next time", self.seed.name, item.canonical_url, exc,
            )  # fmt: skip
            self._close_for_store_failure()
            raise DropItem(f"not stored: {item.canonical_url}", log_level="INFO") from None
        self.inc("articles/new" if written.created else "articles/seen_again")
        if written.changes.added:
            self.inc("figures/new", len(written.changes.added))
        if written.alert_ids:
            self.inc("alerts/new", len(written.alert_ids))
        return item

    def _close_for_store_failure(self) -> None:
        """Ends the crawl once a write failed for good: what it would fetch next could not be
        stored either, and is fetched by the next crawl instead."""
        if getattr(self, "_closing", False) or self.crawler.engine is None:
            return
        self._closing = True
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_failed"))

    def save_batch(
        self, items: Sequence[tuple[queries.ArticleRecord, Sequence[dict[str, Any]]]]
    ) -> list[Written | Exception]:
        """Stores several articles in one transaction (one commit, one fsync: group commit).
        A held lock is waited out with back-off (``EVWATCH_WRITE_ATTEMPTS``); past that every
        article of the batch is ``StoreUnavailable``. If the transaction fails otherwise, each
        article is tried alone so one bad page costs only itself; its exception takes its
        place in the result."""
        assert self.db is not None
        started = time.thread_time()
        try:
            written: list[Written] = self.retrying(
                lambda: self._write_batch(items), f"{self.seed.name}: storing"
            )
        except OperationalError as exc:
            self.store_failed = True
            return [StoreUnavailable(f"database busy: {busy_reason(exc)}") for _ in items]
        except Exception as exc:
            if len(items) == 1:
                return [exc]
            return [result for item in items for result in self.save_batch([item])]
        finally:
            self.store_cpu += time.thread_time() - started
        for record, _ in items:
            urls = {record.canonical_url, record.fetched_url}
            self._known.update(urls)
            self._failing.difference_update(urls)
        return list(written)

    def _write_batch(
        self, items: Sequence[tuple[queries.ArticleRecord, Sequence[dict[str, Any]]]]
    ) -> list[Written]:
        assert self.db is not None
        with self.db.session() as session:
            return write_articles(
                session,
                [
                    (record, figures, not self._failing.isdisjoint(
                        (record.canonical_url, record.fetched_url)))
                    for record, figures in items
                ],
                PARSER_VERSION,
                self.config,
                historical=self.historical,
            )  # fmt: skip

    async def _queue_write(
        self, record: queries.ArticleRecord, figures: Sequence[dict[str, Any]]
    ) -> Written:
        """Queues the article for the single writer thread, which stores the queue in one
        transaction (in order, one writer) once it holds MAX_BATCH articles or its oldest has
        waited ``EVWATCH_WRITE_GATHER`` seconds."""
        done: Deferred[Written] = Deferred()
        if not self._queue:
            self._first_queued = time.monotonic()
        self._queue.append((record, figures, done))
        if not self._writing:
            self._writing = True
            self._write_soon()
        elif self._gathering is not None and len(self._queue) >= MAX_BATCH:
            self._gathering.cancel()
            self._write_next()
        return await deferred_to_future(done)

    def _write_soon(self) -> None:
        """Reactor thread: writes the queue once it holds MAX_BATCH articles or its oldest has
        waited ``EVWATCH_WRITE_GATHER`` seconds, whichever comes first."""
        from twisted.internet import reactor  # installed by Scrapy by now; never at import

        waited = time.monotonic() - self._first_queued
        if len(self._queue) >= MAX_BATCH or waited >= self.write_gather:
            self._write_next()
        else:
            clock: Any = reactor  # Scrapy's reactor: a ReactorBase, with callLater
            self._gathering = clock.callLater(self.write_gather - waited, self._write_next)

    def _write_next(self) -> None:
        """Reactor thread: hands the queued articles (up to MAX_BATCH) to the writer."""
        from twisted.internet import reactor  # installed by Scrapy by now; never at import

        self._gathering = None
        batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
        self._first_queued = time.monotonic()
        self.inc("store/batches")
        work = threads.deferToThreadPool(
            reactor, self.writer, self.save_batch, [(record, figs) for record, figs, _ in batch]
        )

        def settle(results: list[Written | Exception]) -> None:
            for (_, _, done), result in zip(batch, results, strict=True):
                if isinstance(result, Exception):
                    done.errback(result)
                else:
                    done.callback(result)

        def fail(failure: Any) -> None:
            for _, _, done in batch:
                done.errback(failure)

        def next_batch(_: object) -> None:
            if self._queue:
                self._write_soon()
            else:
                self._writing = False

        work.addCallbacks(settle, fail).addBoth(next_batch)

    # -- failures and the run -----------------------------------------------------------------

    def record_error(
        self, url: str, kind: str, status: int | None, message: str, article: bool
    ) -> None:
        """A failed page (the ``page_failed`` signal): one line in the log, a row for this run,
        and for article pages a back-off before the URL is tried again."""
        if self.db is None or self.run_id is None or self.source_id is None:
            return
        where = f" {status}" if status else ""
        logger.warning("%s: %s%s %s (%s)", self.seed.name, kind, where, url, message[:200])
        try:
            with self.db.session() as session:
                queries.add_crawl_error(session, self.run_id, url, kind, status, message[:2000])
                if article:
                    self._failing.add(url)
                    queries.record_fetch_failure(
                        session, self.source_id, url, status, message[:2000], self.backoff
                    )
        except OperationalError as exc:  # the page is tried again next run all the same
            self.inc("errors/unrecorded")
            logger.warning(
                "%s: could not record the failure of %s (database busy: %s)",
                self.seed.name, url, busy_reason(exc),
            )  # fmt: skip

    def close_spider(self, spider: Spider | None = None) -> None:
        if self.writer.started:
            self.writer.stop()  # waits for queued writes

    def finish_run(self, spider: Spider, reason: str) -> None:
        try:
            self._finish_run(reason)
        finally:
            if self.source_lock is not None:
                self.source_lock.release()

    def _finish_run(self, reason: str) -> None:
        if self.run_id is None or self.db is None or self.skipped:
            return
        if self.crawler.stats:
            self.crawler.stats.set_value("evwatch/cpu_us/store", round(self.store_cpu * 1e6))
        stats: dict[str, Any] = dict(self.crawler.stats.get_stats()) if self.crawler.stats else {}
        interrupted = is_interrupted(self.crawler) or reason == "shutdown"
        # This run walked the whole listing and kept all it fetched: the next may stop early.
        if (
            reason == "finished"
            and not interrupted
            and not stats.get("evwatch/listing/failed")
            and not stats.get("evwatch/articles/unstored")
        ):
            stats[queries.LISTING_COMPLETE] = 1
        unstored = int(stats.get("evwatch/articles/unstored", 0))

        def close_run() -> None:
            assert self.db is not None and self.run_id is not None
            with self.db.session() as session:
                run = queries.finish_run(
                    session,
                    self.run_id,
                    status="running",
                    finish_reason="store_failed" if unstored else reason,
                    pages_fetched=pages_fetched(stats),
                    article_pages_fetched=int(stats.get("evwatch/article_pages", 0)),
                    new_articles=int(stats.get("evwatch/articles/new", 0)),
                    new_figures=int(stats.get("evwatch/figures/new", 0)),
                    stats=stats,
                )
                run.status = run_status(
                    reason,
                    interrupted=interrupted,
                    pages_used=int(stats.get("evwatch/listing_pages", 0))
                    + int(stats.get("evwatch/article_pages", 0)),
                    errors=run.errors,
                    unstored=unstored,
                )
                if run.status == "interrupted":
                    run.finish_reason = "interrupted"
                session.flush()
                if self.source_id is not None:
                    check_source_health(session, self.source_id, self.config)

        self.store_failed = False  # the run's own row gets every attempt
        try:
            self.retrying(close_run, f"{self.seed.name}: closing run {self.run_id}")
        except OperationalError as exc:
            logger.error(
                "%s: could not close run %s (database busy: %s); it stays open and the crawl "
                "exits with an error", self.seed.name, self.run_id, busy_reason(exc),
            )  # fmt: skip

    def abandon_run(self, lock_wait_ms: int = 1000) -> None:
        """The process is exiting at once: the open run becomes ``interrupted`` (best effort,
        bounded by a short lock wait)."""
        if self.db is None or self.run_id is None:
            return
        queries.abandon_run(self.db.engine, self.run_id, lock_wait_ms)
