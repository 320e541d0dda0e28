"""Item pipelines, one job each, in order: extract text -> validate -> store.

Counts go to crawl stats under ``evwatch/`` rather than to the log.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_to_future
from twisted.internet import threads

from crawler.articlefigures import extract_with_figures
from crawler.items import ArticlePage
from crawler.recorder import CrawlRecorder
from crawler.seeds import Seed
from store.types import utcnow

# An article page with less text than this is a stub, an index or an error page.
MIN_ARTICLE_CHARS = 120


class _CrawlerPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def seed(self) -> Seed:
        return self.crawler.spider.seed  # type: ignore[union-attr]

    def inc(self, key: str, count: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"evwatch/{key}", count)


class ExtractTextPipeline(_CrawlerPipeline):
    """trafilatura plus the seed's selectors, then the figure parser, in worker processes
    (EVWATCH_EXTRACT_WORKERS), or in a thread when that is 0: both are CPU-bound and must not
    hold up the reactor."""

    async def process_item(self, item: ArticlePage, spider: Spider | None = None) -> ArticlePage:
        seed = self.seed
        arguments = (
            item.html, item.fetched_url, seed.article, seed.tz, item.listing_published_at,
            utcnow().astimezone(seed.tz).date(),
        )  # fmt: skip
        workers = self.crawler.settings.getint("EVWATCH_EXTRACT_WORKERS")
        if workers > 0:
            future = extraction_pool(workers).submit(extract_with_figures, *arguments)
            item.extracted, item.figures = await asyncio.wrap_future(future)
        else:
            item.extracted, item.figures = await deferred_to_future(
                threads.deferToThread(extract_with_figures, *arguments)
            )
        return item


_POOL: ProcessPoolExecutor | None = None


def extraction_pool(workers: int) -> ProcessPoolExecutor:
    """One pool per process, shared by every crawler in it, started on first use.

    Spawned, not forked: a fork of a process running a reactor, threads and database
    connections is not safe.
    """
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_exit_with_parent,
            initargs=(os.getpid(),),
        )
        atexit.register(_POOL.shutdown, cancel_futures=True)
    return _POOL


def _exit_with_parent(parent: int) -> None:
    """In each worker: leave when the crawl process is gone, even killed (a worker otherwise
    waits on its queue forever, holding its memory)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="evwatch-parent-watch", daemon=True).start()


class ValidateArticlePipeline(_CrawlerPipeline):
    """Drops what is not an article: empty or near-empty text, no title."""

    def process_item(self, item: ArticlePage, spider: Spider | None = None) -> ArticlePage:
        extracted = item.extracted
        if extracted is None or len(extracted.text) < MIN_ARTICLE_CHARS:
            self.inc("articles/too_short")
            CrawlRecorder.of(self.crawler).record_error(
                item.fetched_url, "no_text", None, "page has no article text", article=True
            )
            raise DropItem(f"no article text at {item.fetched_url}", log_level="INFO")
        if not extracted.title:
            self.inc("articles/no_title")
        if extracted.published_at_utc is None:
            self.inc("articles/no_date")
        return item


class StoreArticlePipeline(_CrawlerPipeline):
    """Saves the article (new, alias or refreshed copy) with its figures in one transaction,
    and counts what was new."""

    async def process_item(self, item: ArticlePage, spider: Spider | None = None) -> ArticlePage:
        extracted = item.extracted
        assert extracted is not None
        saved = await CrawlRecorder.of(self.crawler).save_article_async(
            {
                "canonical_url": item.canonical_url,
                "fetched_url": item.fetched_url,
                "title": extracted.title,
                "author": extracted.author,
                "source_line": extracted.source_line,
                "published_at": extracted.published_at_utc,
                "language": extracted.language,
                "text": extracted.text,
                "text_en": extracted.text_en,
                "text_zh": extracted.text_zh,
                "raw_html": item.body,
                "raw_encoding": item.encoding,
                "content_hash": extracted.content_hash,
            },
            item.figures,
        )
        self.inc("articles/new" if saved.created else "articles/seen_again")
        if saved.new_figures:
            self.inc("figures/new", saved.new_figures)
        if saved.new_alerts:
            self.inc("alerts/new", saved.new_alerts)
        return item
