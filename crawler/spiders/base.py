"""The seed-driven spider: listing pages -> article links -> article pages.

It serves any seed file as it is (``crawler.spiderloader`` names one after each seed); a
subclass adds only what a site needs in code (``crawler/spiders/jiemian.py``).
"""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawler.dates import parse_local_datetime
from crawler.interrupt import is_interrupted
from crawler.items import ArticlePage
from crawler.middlewares import RedirectRefused
from crawler.pipelines import StorePipeline
from crawler.seeds import Seed, load_seeds
from crawler.signals import page_failed
from crawler.urls import canonicalize

try:  # Scrapy >= 2.14 raises its own timeout error; older versions raise Twisted's
    from scrapy.exceptions import DownloadTimeoutError
except ImportError:  # pragma: no cover
    DownloadTimeoutError = TimeoutError  # type: ignore[misc,assignment]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_CANONICAL_LINK = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*[\"']([^\"']+)", re.IGNORECASE)
_NUMERIC_LEAF = re.compile(r"/[\w-]*\d{3,}[\w-]*(\.s?html?)?/?$")


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")


class SeedSpider(scrapy.Spider):
    """Crawls one source as its seed declares.

    Spider arguments (``-a``): ``refresh=1`` fetches stored articles again;
    ``max_pages=N`` overrides the listing depth.
    """

    seed: Seed

    @classmethod
    def load_seed(cls, settings: BaseSettings) -> Seed:
        seeds = load_seeds(settings.get("EVWATCH_SEEDS") or None)
        if cls.name not in seeds:
            raise ValueError(f"no seed file for source '{cls.name}'")
        return seeds[cls.name]

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        seed = cls.load_seed(settings)
        politeness = seed.politeness
        settings.set(
            "CONCURRENT_REQUESTS_PER_DOMAIN",
            politeness.concurrent_requests_per_domain,
            priority="spider",
        )
        settings.set("DOWNLOAD_DELAY", politeness.download_delay, priority="spider")
        settings.set("DOWNLOAD_TIMEOUT", politeness.download_timeout, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SeedSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.configure(
            cls.load_seed(crawler.settings),
            refresh=_truthy(kwargs.get("refresh", crawler.settings.getbool("EVWATCH_REFRESH"))),
            max_pages=kwargs.get("max_pages"),
        )
        return spider

    @classmethod
    def for_seed(cls, seed: Seed) -> SeedSpider:
        """A spider for a seed outside any crawl: to read saved pages (``evwatch seed check``,
        the saved-page tests)."""
        spider = cls(name=seed.name)
        spider.configure(seed)
        return spider

    def configure(self, seed: Seed, *, refresh: bool = False, max_pages: Any = None) -> None:
        self.seed = seed
        self.allowed_domains = list(seed.allowed_domains)
        self.refresh = refresh
        self.max_listing_pages = int(max_pages or seed.discovery.max_listing_pages)
        self.article_patterns = [re.compile(p) for p in seed.discovery.article_url_patterns]
        self.listing_patterns = [re.compile(p) for p in seed.discovery.listing_url_patterns]

    def count(self, key: str, value: int = 1) -> None:
        """A crawl statistic (nothing outside a crawl)."""
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(key, value)

    # -- URLs ---------------------------------------------------------------------------------

    def canonical(self, url: str) -> str:
        discovery = self.seed.discovery
        return canonicalize(url, discovery.host_aliases, discovery.keep_query_params)

    def is_article_url(self, url: str) -> bool:
        return any(p.search(url) for p in self.article_patterns)

    def is_listing_url(self, url: str) -> bool:
        return any(p.search(url) for p in self.listing_patterns)

    def is_known(self, url: str) -> bool:
        """Stored already (never fetched again unless ``refresh``)."""
        crawler = getattr(self, "crawler", None)
        store = StorePipeline.of(crawler) if crawler is not None else None
        if self.refresh or store is None:
            return False
        return store.is_known(url) or store.is_known(self.canonical(url))

    def page_failed(
        self, url: str, kind: str, status: int | None, message: str, *, article: bool
    ) -> None:
        self.count(f"evwatch/errors/{kind}")
        if getattr(self, "crawler", None) is None:
            return
        self.crawler.signals.send_catch_log(
            page_failed, url=url, kind=kind, status=status, message=message, article=article
        )

    def on_site(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == d or host.endswith(f".{d}") for d in self.seed.allowed_domains)

    # -- crawling -----------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        crawler = getattr(self, "crawler", None)
        store = StorePipeline.of(crawler) if crawler is not None else None
        if store is not None and store.skipped:
            return  # another crawl of this source is running: this one requests nothing
        for url in self.seed.start_urls:
            yield self.listing_request(url, page=1)

    def listing_request(self, url: str, page: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.on_error,
            cb_kwargs={"page": page},
            meta={"evwatch_kind": "listing"},
        )

    def article_links(self, response: TextResponse) -> list[tuple[str, datetime | None]]:
        """Article links on a listing page, each with the date printed beside it if any.

        Scoped to the seed's listing selectors; the whole page when they find nothing; generic
        article-like links when no URL pattern matches (a layout guess that was wrong).
        """
        discovery = self.seed.discovery
        hrefs: list[str] = []
        for query in discovery.listing_link_selectors:
            hrefs.extend(response.css(query).getall())
        matched = [u for u in map(response.urljoin, hrefs) if self.is_article_url(u)]
        if not matched:
            all_links = map(response.urljoin, response.css("a::attr(href)").getall())
            matched = [u for u in all_links if self.is_article_url(u)]
        if not matched and discovery.generic_fallback:
            matched = self.generic_article_links(response)
            self.count("evwatch/discovery/generic_fallback", len(matched))
        dates = self.listing_dates(response)
        seen: dict[str, datetime | None] = {}
        for url in matched:
            seen.setdefault(url, dates.get(url))
        return list(seen.items())

    def generic_article_links(self, response: TextResponse) -> list[str]:
        """Same-site links whose text reads like a headline and whose path ends in an id."""
        links = []
        for anchor in response.css("a[href]"):
            url = response.urljoin(anchor.attrib["href"])
            text = " ".join(" ".join(anchor.css("::text").getall()).split())
            long_enough = len(text) >= 24 or len(_HAN.findall(text)) >= 8
            path = urlsplit(url).path
            if self.on_site(url) and long_enough and _NUMERIC_LEAF.search(path):
                links.append(url)
        return links

    def listing_dates(self, response: TextResponse) -> dict[str, datetime | None]:
        """Dates printed next to links in list items (used when an article page has none)."""
        dates: dict[str, datetime | None] = {}
        for item in response.css("li, article, .item, .news-item"):
            text = " ".join(item.css("::text").getall())
            when = parse_local_datetime(text, self.seed.tz)
            if when is None:
                continue
            for href in item.css("a::attr(href)").getall():
                dates.setdefault(response.urljoin(href), when)
        return dates

    def pagination_links(self, response: TextResponse) -> Iterable[str]:
        for query in self.seed.discovery.pagination_selectors:
            for href in response.css(query).getall():
                url = response.urljoin(href)
                if self.is_listing_url(url):
                    yield url

    def parse_listing(self, response: Response, page: int) -> Iterable[scrapy.Request]:
        if not isinstance(response, TextResponse):
            self.count("evwatch/listing/not_text")
            return
        links = self.article_links(response)
        fresh = [(url, when) for url, when in links if not self.is_known(url)]
        self.count("evwatch/listing_pages")
        self.count("evwatch/links/found", len(links))
        self.count("evwatch/links/known", len(links) - len(fresh))
        for url, when in fresh:
            # The canonical spelling: m./www. twins and tracking-tagged links fetch once.
            yield scrapy.Request(
                self.canonical(url),
                callback=self.parse_article,
                errback=self.on_error,
                cb_kwargs={"listing_published_at": when},
                meta={"evwatch_kind": "article"},
            )
        # A listing page with nothing new means older pages hold nothing new either, once a
        # crawl has walked the whole listing (the source's frontier); until then, walk on.
        if page >= self.max_listing_pages:
            return
        if not fresh and self.frontier_reached():
            self.count("evwatch/listing/stopped_at_known")
            return
        for url in self.pagination_links(response):
            yield self.listing_request(url, page=page + 1)

    def frontier_reached(self) -> bool:
        """Whether an earlier crawl walked this source's whole listing, so that a page of
        known articles may end this one's walk (nothing is known outside a crawl)."""
        crawler = getattr(self, "crawler", None)
        store = StorePipeline.of(crawler) if crawler is not None else None
        return store is not None and store.listing_walked

    def canonical_for(self, response: TextResponse) -> str:
        # A regex, not a selector: parsing the whole page here would parse it a second time.
        match = _CANONICAL_LINK.search(response.text.split("</head>", 1)[0])
        declared = _HREF.search(match.group(0)) if match else None
        if declared:
            url = response.urljoin(html.unescape(declared.group(1)))
            if self.on_site(url) and self.is_article_url(url):
                return self.canonical(url)
        return self.canonical(response.url)

    def parse_article(
        self, response: Response, listing_published_at: datetime | None
    ) -> Iterable[ArticlePage]:
        self.count("evwatch/article_pages")
        if not isinstance(response, TextResponse):
            self.page_failed(
                response.url, "not_html", response.status, "response is not text", article=True
            )
            return
        yield ArticlePage(
            source=self.seed.name,
            fetched_url=self.canonical(response.url),
            canonical_url=self.canonical_for(response),
            body=response.body,
            encoding=response.encoding,
            html=response.text,
            listing_published_at=listing_published_at,
        )

    def on_error(self, failure: Failure) -> None:
        if getattr(self, "crawler", None) is not None and is_interrupted(self.crawler):
            return  # dropped because the crawl is stopping, not a failure of the page
        request = failure.request  # type: ignore[attr-defined]
        is_article = request.meta.get("evwatch_kind") == "article"
        status: int | None = None
        error = failure.value
        if isinstance(error, HttpError):
            status = error.response.status
            kind, message = "http", f"HTTP {status}"
        elif isinstance(error, DownloadTimeoutError | TimeoutError | TCPTimedOutError):
            kind, message = "timeout", "timed out"
        elif isinstance(error, RedirectRefused):
            kind, message = "redirect", str(error)
        elif isinstance(error, IgnoreRequest):
            kind, message = "ignored", str(error) or "ignored (robots.txt or size limit)"
        elif isinstance(error, DNSLookupError):
            kind, message = "dns", "DNS lookup failed"
        else:
            kind, message = "network", failure.getErrorMessage() or repr(error)
        url = self.canonical(request.url) if is_article else request.url
        if not is_article:
            self.count("evwatch/listing/failed")  # the walk of the listing is not complete
        self.page_failed(url, kind, status, message, article=is_article)
