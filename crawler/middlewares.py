"""Downloader middlewares: Retry-After on 429 and 503 waited out (or, beyond the cap, the page
given up for the run), and redirects that loop or leave the seed's domains refused as errors."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import deferred_to_future
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for: delta-seconds or an HTTP date; None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    """Honours Retry-After: the request is retried after the wait, within the retry budget.

    Without the header the response passes on to Scrapy's RetryMiddleware unchanged. A wait
    longer than EVWATCH_RETRY_AFTER_MAX gives up on the page for this run.
    """

    STATUSES = (429, 503)

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("EVWATCH_RETRY_AFTER_MAX")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in self.STATUSES:
            return response
        header = response.headers.get(b"Retry-After")
        wait = retry_after_seconds(header.decode("latin-1") if header else None)
        if wait is None:
            return response
        stats = self.crawler.stats
        if wait > self.max_wait:
            logger.warning(
                "%s asks to retry after %.0fs; giving up for this run", request.url, wait
            )
            if stats:
                stats.inc_value("evwatch/retry_after/too_long")
            # Scrapy's RetryMiddleware (after this one) would ask again at once: not this run.
            request.meta["dont_retry"] = True
            return response
        assert self.crawler.spider is not None
        retry = get_retry_request(
            request, spider=self.crawler.spider, reason=f"{response.status} Retry-After {wait:.0f}s"
        )
        if retry is None:
            return response
        if stats:
            stats.inc_value("evwatch/retry_after/waited")
        from twisted.internet import reactor  # installed by Scrapy by now; never at import

        await deferred_to_future(deferLater(reactor, wait))
        return retry


class RedirectRefused(IgnoreRequest):
    """A redirect not followed: it leads back to a URL of its own chain, or off the seed's
    domains. The spider records it as a crawl error of kind ``redirect``."""


class RedirectCheckMiddleware:
    """Sees 3xx answers before Scrapy's RedirectMiddleware (600) does and refuses loops (a page
    that redirects to itself or to a page of its own chain) and off-site targets, which Scrapy
    would drop silently (the duplicate filter, the off-site filter)."""

    STATUSES = (301, 302, 303, 307, 308)

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectCheckMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in self.STATUSES or not location:
            return response
        target = urldefrag(urljoin(request.url, location.decode("latin-1").strip()))[0]
        chain = [urldefrag(u)[0] for u in [*request.meta.get("redirect_urls", ()), request.url]]
        if target in chain:
            raise RedirectRefused(f"redirect loop: {request.url} redirects to {target}")
        domains = getattr(self.crawler.spider, "allowed_domains", None) or ()
        host = (urlsplit(target).hostname or "").lower()
        if domains and not any(host == d or host.endswith(f".{d}") for d in domains):
            raise RedirectRefused(f"off-site redirect: {request.url} redirects to {target}")
        return response
