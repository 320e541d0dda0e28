"""Crawl bookkeeping: opens the database for a crawl, writes the crawl-run row and its errors.

One instance per crawler (a Scrapy extension). Spiders ask it which URLs are already known;
the store pipeline saves through it; at close the run gets its final stats and status.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_to_future
from twisted.internet import threads
from twisted.internet.defer import Deferred
from twisted.python.threadpool import ThreadPool

from alerts.config import config_path, load_config
from alerts.engine import record_figures
from alerts.health import check_source_health
from crawler.articlefigures import PARSER_VERSION
from store import queries
from store.db import Database

logger = logging.getLogger(__name__)

# Articles stored per transaction at most when the writer falls behind (group commit).
MAX_BATCH = 50

_DATABASES: dict[str, Database] = {}


def database(url: str) -> Database:
    """One Database per URL per process: several crawlers in a process share the engine."""
    if url not in _DATABASES:
        _DATABASES[url] = Database(url)
    return _DATABASES[url]


@dataclass(frozen=True)
class SavedArticle:
    article_id: int
    created: bool
    new_figures: int
    new_alerts: int


class CrawlRecorder:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db = database(crawler.settings.get("EVWATCH_DB"))
        self.backoff = timedelta(hours=crawler.settings.getfloat("EVWATCH_FAILURE_BACKOFF_HOURS"))
        self.config = load_config(config_path(crawler.settings.get("EVWATCH_CONFIG") or None))
        # A backfill records alerts as historical, without delivering them: asked for, or the
        # first crawl of a source (its archive).
        self.historical = crawler.settings.getbool("EVWATCH_BACKFILL")
        self.source_id: int | None = None
        self.run_id: int | None = None
        self._known: set[str] = set()
        self.writer = ThreadPool(minthreads=1, maxthreads=1, name="evwatch-store")
        self._queue: list[tuple[dict[str, Any], Sequence[dict[str, Any]], Deferred[Any]]] = []
        self._writing = False
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRecorder:
        if not crawler.settings.get("EVWATCH_DB"):
            raise NotConfigured("EVWATCH_DB is not set")
        return cls(crawler)

    @staticmethod
    def of(crawler: Crawler) -> CrawlRecorder:
        """The recorder attached to a crawler."""
        assert crawler.extensions is not None
        for extension in crawler.extensions.middlewares:
            if isinstance(extension, CrawlRecorder):
                return extension
        raise RuntimeError("crawler.recorder.CrawlRecorder is not enabled in EXTENSIONS")

    def spider_opened(self, spider: Spider) -> None:
        seed = spider.seed  # type: ignore[attr-defined]
        self.writer.start()
        with self.db.session() as session:
            source = queries.ensure_source(session, seed.name, seed.title, seed.home_url)
            self.source_id = source.id
            self.historical = self.historical or not queries.has_finished_run(session, source.id)
            self.run_id = queries.start_run(session, source.id).id
            self._known = queries.known_urls(session, source.id)
        logger.info(
            "%s: run %s started, %d URLs already known", seed.name, self.run_id, len(self._known)
        )

    def is_known(self, url: str) -> bool:
        return url in self._known

    def save_batch(
        self, items: Sequence[tuple[dict[str, Any], Sequence[dict[str, Any]]]]
    ) -> list[SavedArticle | Exception]:
        """Stores several articles in one transaction (one commit, one fsync: group commit).
        If the transaction fails, each article is tried alone so one bad page costs only
        itself; its exception takes its place in the result."""
        try:
            with self.db.session() as session:
                saved = [self._save(session, fields, figures) for fields, figures in items]
        except Exception as exc:
            if len(items) == 1:
                return [exc]
            return [result for item in items for result in self.save_batch([item])]
        for fields, _ in items:
            self._known.update({fields["canonical_url"], fields["fetched_url"]})
        return list(saved)

    def _save(
        self, session: Any, record_fields: dict[str, Any], figures: Sequence[dict[str, Any]]
    ) -> SavedArticle:
        assert self.source_id is not None
        record = queries.ArticleRecord(source_id=self.source_id, **record_fields)
        article_id, created = queries.save_article(session, record)
        changes, alerts = record_figures(
            session, article_id, figures, PARSER_VERSION, self.config, historical=self.historical
        )
        return SavedArticle(article_id, created, len(changes.added), len(alerts))

    async def save_article_async(
        self, record_fields: dict[str, Any], figures: Sequence[dict[str, Any]]
    ) -> SavedArticle:
        """Queues the article for the single writer thread, which stores whatever has queued
        up since its last commit in one transaction (in order, one writer)."""
        done: Deferred[SavedArticle] = Deferred()
        self._queue.append((record_fields, figures, done))
        if not self._writing:
            self._writing = True
            self._write_next()
        return await deferred_to_future(done)

    def _write_next(self) -> None:
        """Reactor thread: hands the queued articles (up to MAX_BATCH) to the writer."""
        from twisted.internet import reactor  # installed by Scrapy by now; never at import

        batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
        work = threads.deferToThreadPool(
            reactor, self.writer, self.save_batch, [(fields, figs) for fields, figs, _ in batch]
        )

        def settle(results: list[SavedArticle | Exception]) -> None:
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
                self._write_next()
            else:
                self._writing = False

        work.addCallbacks(settle, fail).addBoth(next_batch)

    def record_error(
        self, url: str, kind: str, status: int | None, message: str, *, article: bool
    ) -> None:
        """A failed page: logged for this run, and for article pages remembered with a backoff."""
        assert self.source_id is not None and self.run_id is not None
        with self.db.session() as session:
            queries.add_crawl_error(session, self.run_id, url, kind, status, message[:2000])
            if article:
                queries.record_fetch_failure(
                    session, self.source_id, url, status, message[:2000], self.backoff
                )
        logger.warning("%s: %s %s (%s)", kind, status or "", url, message[:200])

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.writer.started:
            self.writer.stop()  # waits for queued writes
        if self.run_id is None:
            return
        stats: dict[str, Any] = dict(self.crawler.stats.get_stats()) if self.crawler.stats else {}
        status = "ok" if reason == "finished" else "failed"
        with self.db.session() as session:
            run = queries.finish_run(
                session,
                self.run_id,
                status=status,
                finish_reason=reason,
                pages_fetched=int(stats.get("response_received_count", 0)),
                article_pages_fetched=int(stats.get("evwatch/article_pages", 0)),
                new_articles=int(stats.get("evwatch/articles/new", 0)),
                new_figures=int(stats.get("evwatch/figures/new", 0)),
                stats=stats,
            )
            if run.errors and status == "ok":
                run.status = "partial"
            session.flush()
            check_source_health(session, self.source_id, self.config)
