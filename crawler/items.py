"""The item a spider yields for each fetched article page, before extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crawler.textextract import ExtractedArticle


@dataclass
class ArticlePage:
    """A fetched article page; pipelines fill ``extracted`` and ``figures`` and store them."""

    source: str
    fetched_url: str
    canonical_url: str
    body: bytes = field(repr=False)
    encoding: str
    html: str = field(repr=False)
    listing_published_at: datetime | None = None
    extracted: ExtractedArticle | None = field(default=None, repr=False)
    figures: list[dict[str, Any]] = field(default_factory=list, repr=False)
