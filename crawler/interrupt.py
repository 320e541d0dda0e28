"""Stopping a crawl when asked: pages not yet fetched are dropped at once, pages already
fetched still go through extraction and into the store.

``interrupt(crawler)`` sends ``crawl_interrupted`` (the download handler cancels the downloads
in flight and refuses new ones; the spider stops recording failures), empties the downloader's
queues and starts Scrapy's graceful stop, which waits only for the items already in the
pipelines.
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.defer import Deferred

from crawler.signals import crawl_interrupted

INTERRUPTED_STAT = "evwatch/interrupted"


def is_interrupted(crawler: Crawler) -> bool:
    return bool(crawler.stats and crawler.stats.get_value(INTERRUPTED_STAT))


class InterruptibleDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, whose downloads in flight end at once when the crawl is
    interrupted (as ``IgnoreRequest``), instead of running to their timeout."""

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._in_flight: set[asyncio.Future[Response]] = set()
        self._interrupted = False
        crawler.signals.connect(self._cancel_all, signal=crawl_interrupted)

    def _cancel_all(self) -> None:
        self._interrupted = True
        for download in list(self._in_flight):
            download.cancel()

    async def download_request(self, request: Request) -> Response:
        if self._interrupted:
            raise IgnoreRequest("crawl interrupted")
        try:
            download = asyncio.ensure_future(self.fetch(request))
        except RuntimeError:  # no asyncio loop (another reactor): not cancellable, still works
            return await self.fetch(request)
        self._in_flight.add(download)
        try:
            return await download
        except asyncio.CancelledError:
            if self._interrupted and download.cancelled():
                raise IgnoreRequest("crawl interrupted") from None
            raise
        finally:
            self._in_flight.discard(download)

    async def fetch(self, request: Request) -> Response:
        """The download itself; subclasses change where it goes."""
        return await super().download_request(request)


def _drain_downloader(crawler: Crawler) -> int:
    """Fails every request waiting in the downloader's per-site queues (they would otherwise
    be sent one by one, each after the download delay). Returns how many."""
    downloader = getattr(crawler.engine, "downloader", None)
    dropped = 0
    for slot in list(getattr(downloader, "slots", {}).values()):
        queue = getattr(slot, "queue", None)
        while queue:
            _request, waiting = queue.popleft()
            waiting.errback(IgnoreRequest("crawl interrupted"))
            dropped += 1
    return dropped


def interrupt(crawler: Crawler) -> Deferred[Any]:
    """Stops one crawl, keeping what it has fetched; fires when the spider has closed."""
    if crawler.stats is not None:
        crawler.stats.set_value(INTERRUPTED_STAT, True)
    crawler.signals.send_catch_log(signal=crawl_interrupted)
    _drain_downloader(crawler)
    return deferred_from_coro(crawler.stop_async())
