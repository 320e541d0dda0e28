"""Download handler that sends requests for the real sites to the local replica.

Switched on explicitly (``crawler.replica.settings``, ``evwatch crawl --replica URL``, the
demo); never part of the production settings. A request for
``https://www.jiemian.com/lists/51.html`` is fetched from
``http://127.0.0.1:PORT/https/www.jiemian.com/lists/51.html`` and the response is handed back
under the real URL, so spiders, robots.txt, redirects and canonicalisation all see the live
site's URLs: the same spider code crawls both.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler.interrupt import InterruptibleDownloadHandler


def replica_url_for(url: str, replica: str) -> str:
    """Where the replica serves a real URL."""
    parts = urlsplit(url)
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{replica.rstrip('/')}/{parts.scheme}/{parts.netloc}{path}{query}"


class ReplicaDownloadHandler(InterruptibleDownloadHandler):
    """Fetches every http(s) URL from the replica at ``EVWATCH_REPLICA_URL``."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.replica = crawler.settings.get("EVWATCH_REPLICA_URL") or ""
        if urlsplit(self.replica).hostname not in ("127.0.0.1", "localhost"):
            raise ValueError(
                f"EVWATCH_REPLICA_URL must be a loopback address, got {self.replica!r}"
            )

    async def fetch(self, request: Request) -> Response:
        mapped = request.replace(url=replica_url_for(request.url, self.replica))
        response = await super().fetch(mapped)
        location = response.headers.get(b"Location")
        if location and location.startswith(self.replica.encode()):
            # A redirect the replica spelled in its own terms: translate back to the real URL.
            rest = location[len(self.replica.rstrip("/")) + 1 :].decode()
            scheme, _, remainder = rest.partition("/")
            response.headers[b"Location"] = f"{scheme}://{remainder}".encode()
        return response.replace(url=request.url, request=request)
