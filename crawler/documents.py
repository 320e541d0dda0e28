"""Reading an article that did not come from a crawl: a saved HTML page or a plain-text file,
by path, "-" for stdin, or an http(s) URL. HTML goes through the crawler's own extraction
(trafilatura plus fallbacks), so a saved page yields the same text as a crawled one."""

from __future__ import annotations

import sys
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from crawler.errors import CommandError
from crawler.schema import DEFAULT_TZ
from crawler.textextract import ExtractedArticle, extract_article

MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """What was read: the raw bytes, and for HTML the extracted article."""

    location: str
    raw: bytes
    is_html: bool
    extracted: ExtractedArticle | None
    text: str
    title: str | None

    def published_day(self, tz: ZoneInfo = DEFAULT_TZ) -> date | None:
        if self.extracted and self.extracted.published_at_utc:
            return self.extracted.published_at_utc.astimezone(tz).date()
        return None


def looks_like_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith(b"<") or b"<html" in head or b"<body" in head


def decode_text(raw: bytes, location: str) -> str:
    """UTF-8 (with or without BOM), else GB18030, the superset of GBK and GB2312."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError(f"{location}: neither UTF-8 nor GB18030 text")


def read_bytes(location: str) -> bytes:
    if location == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    if location.startswith(("http://", "https://")):
        request = urllib.request.Request(location, headers={"User-Agent": "evwatch"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return bytes(response.read(MAX_BYTES + 1))
        except OSError as exc:
            raise CommandError(f"{location}: cannot fetch ({exc})") from None
    try:
        return Path(location).read_bytes()
    except OSError as exc:
        raise CommandError(f"{location}: cannot read ({exc.strerror or exc})") from None


def read_document(location: str, raw: bytes | None = None) -> Document:
    raw = read_bytes(location) if raw is None else raw
    if len(raw) > MAX_BYTES:
        raise CommandError(f"{location}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not raw.strip():
        raise CommandError(f"{location}: empty")
    url = location if location.startswith(("http://", "https://")) else None
    if looks_like_html(raw):
        extracted = extract_article(raw, url)
        if extracted.is_empty:
            raise CommandError(f"{location}: no article text found in the page")
        return Document(location, raw, True, extracted, extracted.text, extracted.title)
    text = decode_text(raw, location)
    return Document(location, raw, False, None, text, None)


def parse_day(text: str, option: str = "--published") -> date:
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(f"{option} takes YYYY-MM-DD, got {text!r}") from None
