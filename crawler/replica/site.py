"""What every replica site shares: article content loading, pages, faults and robots.txt.

A site renders its own templates; faults are declared per article in the content files
(``role``): ``retry503`` (503 twice, then 200), ``slow`` (answers after a delay), ``dead``
(linked but 404), ``gb18030`` (served GB18030-encoded), ``two_urls`` (linked under two URLs),
``malformed`` (closing tags missing, stray bytes), ``empty`` (200 with no body) and ``huge``
(larger than the crawler's size limit). ``late`` articles are held back until published
through ``/_replica/publish/<source>`` (news appearing while a daemon runs).
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any

from crawler.schema import DEFAULT_TZ as SHANGHAI  # the four sites publish in Beijing time

PAGE_SIZE = 4
HUGE_PAGE_BYTES = 11 * 1024 * 1024  # over the crawler's 10 MB DOWNLOAD_MAXSIZE

ROBOTS_TXT = "User-agent: *\nDisallow: /search\nDisallow: /private/\n"


@dataclass
class Page:
    """One HTTP answer."""

    status: int = 200
    body: str = ""
    content_type: str = "text/html; charset=utf-8"
    encoding: str = "utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def payload(self) -> bytes:
        return self.body.encode(self.encoding)


def not_found(path: str) -> Page:
    return Page(404, f"<html><body><h1>404 Not Found</h1><p>{esc(path)}</p></body></html>")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def paragraphs(body: list[str]) -> str:
    return "\n".join(f"<p>{esc(p)}</p>" for p in body)


def load_articles(source: str, *, late: bool = False) -> list[dict[str, Any]]:
    """A site's articles, newest first: those online from the start, or with ``late`` the ones
    held back for publishing later."""
    data = resources.files("crawler.replica").joinpath(f"content/{source}.toml").read_bytes()
    articles = [
        a
        for a in tomllib.loads(data.decode("utf-8"))["article"]
        if (a.get("role") == "late") == late
    ]
    return newest_first(articles)


def newest_first(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(articles, key=lambda a: str(a.get("published") or a.get("posted")), reverse=True)


def local_time(text: str) -> datetime:
    fmt = "%Y-%m-%d %H:%M" if " " in text else "%Y-%m-%d"
    return datetime.strptime(text, fmt).replace(tzinfo=SHANGHAI)


class ReplicaSite:
    """Base for one replicated site: subclasses set ``source`` and ``hosts`` and render pages."""

    source = ""
    hosts: tuple[str, ...] = ()
    page_size = PAGE_SIZE

    def __init__(self, slow_seconds: float) -> None:
        self.slow_seconds = slow_seconds
        self.articles = load_articles(self.source)
        self.unpublished = load_articles(self.source, late=True)
        self.hits: dict[str, int] = {}

    def publish(self) -> dict[str, Any] | None:
        """Puts the next held-back article online; None when none is left."""
        if not self.unpublished:
            return None
        article = self.unpublished.pop()  # oldest first
        self.articles = newest_first([*self.articles, article])
        return article

    def pages_of(self, items: list[dict[str, Any]], page: int) -> list[dict[str, Any]]:
        return items[(page - 1) * self.page_size : page * self.page_size]

    def page_count(self, items: list[dict[str, Any]]) -> int:
        return max(1, -(-len(items) // self.page_size))

    def article_by_id(self, article_id: int) -> dict[str, Any] | None:
        return next((a for a in self.articles if a["id"] == article_id), None)

    def serve_article(self, key: str, article: dict[str, Any] | None, render: Any) -> Page:
        """An article page with its declared fault applied."""
        if article is None:
            return not_found(key)
        role = article.get("role", "")
        self.hits[key] = self.hits.get(key, 0) + 1
        if role == "dead":
            return not_found(key)
        if role == "retry503" and self.hits[key] <= 2:
            return Page(503, "<html><body>Service busy</body></html>", headers={"Retry-After": "1"})
        if role == "empty":
            return Page(body="")
        page: Page = render(article)
        if role == "huge":
            page.body += "<!-- " + "x" * HUGE_PAGE_BYTES + " -->"
        if role == "malformed":
            # Omitted end tags, an unclosed <b>, a bare "<", a NUL byte, a dangling element.
            page.body = (
                re.sub(r"</(p|li|span)>", "", page.body).replace(
                    "<div class", "<b>1 < 2 \x00<div class", 1
                )
                + "<div><p>\ufffd"
            )
        if role == "slow":
            page.delay = self.slow_seconds
        if role == "gb18030":
            page.body = page.body.replace('charset="utf-8"', 'charset="gb18030"')
            page.encoding, page.content_type = "gb18030", "text/html; charset=GB18030"
        return page

    def handle(self, host: str, path: str, query: str) -> Page:  # pragma: no cover - abstract
        raise NotImplementedError
