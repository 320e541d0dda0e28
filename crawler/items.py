"""The item a spider yields for each fetched article page; the pipelines fill in what was
extracted. ``EXPORTED_FIELDS`` are what a feed export (``scrapy crawl SOURCE -O items.jsonl``)
writes: the raw page stays out of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.extracted import ExtractedArticle


EXPORTED_FIELDS = (
    "source", "canonical_url", "fetched_url", "title", "author", "published_at", "language",
    "text", "figures",
)  # fmt: skip


@dataclass
class ArticlePage:
    """A fetched article page; the pipelines fill ``extracted`` (and the plain fields copied
    from it) and ``figures``, and store them."""

    source: str
    fetched_url: str
    canonical_url: str
    body: bytes = field(repr=False)
    encoding: str
    html: str = field(repr=False)
    listing_published_at: datetime | None = None
    extracted: ExtractedArticle | None = field(default=None, repr=False)
    figures: list[dict[str, Any]] = field(default_factory=list, repr=False)
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    text: str = field(default="", repr=False)
    #: ``body`` compressed for storage (by the extraction worker), once extracted
    stored_page: bytes | None = field(default=None, repr=False)

    def set_extracted(self, extracted: ExtractedArticle, figures: list[dict[str, Any]]) -> None:
        self.extracted, self.figures = extracted, figures
        self.title, self.author = extracted.title, extracted.author
        self.published_at, self.language = extracted.published_at_utc, extracted.language
        self.text = extracted.text
