"""What text extraction gives back for one page (``ExtractedArticle``). A module of its own,
importing no extractor: the crawl process receives these from its extraction workers and
must not load trafilatura to read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ExtractedArticle:
    """What a page says about itself once the furniture is gone."""

    title: str | None
    text: str
    published_at_utc: datetime | None
    language: str
    text_en: str | None
    text_zh: str | None
    author: str | None
    source_line: str | None
    content_hash: str

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()
