"""Article text and metadata from an HTML page: trafilatura first, the seed's selectors as
fallbacks and overrides, each site's furniture removed, language classified.

Pure function of the page bytes, so the crawler, ``evwatch extract`` and re-parsing of stored
raw pages all read a page the same way.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import trafilatura
from parsel import Selector
from parsel.csstranslator import css2xpath
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document

from crawler.dates import date_from_url, parse_published
from crawler.encoding import UndecodableError, decode_html
from crawler.extracted import ExtractedArticle
from crawler.language import split_languages
from crawler.schema import DEFAULT_TZ
from crawler.seeds import ArticleSpec

# Furniture common to Chinese news templates, removed from every source's text. Per-site lines
# live in the seeds (article.drop_lines).
COMMON_DROP_LINES = (
    r"^(来源|Source)\s*[:：]",
    r"^(责任编辑|编辑|Editor)\s*[:：]",
    r"^[\w .-]+\.(jpe?g|png|gif|webp)$",  # image file names shown as captions
    r"^(Share|Share To|分享到)\s*[:：]?$",
)


def _select_first(selector: Selector, queries: tuple[str, ...]) -> str | None:
    """Text of the first query (CSS, or XPath when it starts with / or ( ) that matches."""
    for query in queries:
        nodes = selector.xpath(query) if query.startswith(("/", "(")) else selector.css(query)
        values = [" ".join(v.split()) for v in nodes.getall()]
        text = " ".join(v for v in values if v).strip()
        if text:
            return text
    return None


def _node_text(selector: Selector, queries: tuple[str, ...]) -> str | None:
    """Paragraph text of the first body selector that matches, one block per line."""
    for query in queries:
        nodes = selector.xpath(query) if query.startswith(("/", "(")) else selector.css(query)
        if not nodes:
            continue
        blocks = nodes[0].xpath(
            ".//*[self::p or self::h2 or self::h3 or self::h4 or self::li or self::blockquote]"
        )
        lines = [" ".join(" ".join(b.xpath(".//text()").getall()).split()) for b in blocks]
        text = "\n".join(line for line in lines if line)
        if text:
            return text
    return None


def _clean_lines(text: str, drop_patterns: tuple[re.Pattern[str], ...], title: str | None) -> str:
    kept: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line or any(p.search(line) for p in drop_patterns):
            continue
        # Titles repeated inside the body (a template habit on two of our sites).
        if title and line == title:
            continue
        if kept and kept[-1] == line:
            continue
        kept.append(line)
    return "\n".join(kept)


def content_hash(text: str) -> str:
    """A hash of the text that ignores white space and Unicode width differences."""
    normal = unicodedata.normalize("NFKC", "".join(text.split()))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _strip_suffixes(title: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if title.endswith(suffix):
            return title[: -len(suffix)].strip(" -|_")
    return title


def _page_metadata(html: str, url: str | None) -> Document | None:
    return extract_metadata(html, default_url=url) if html.strip() else None


def extract_article(
    html: str | bytes,
    url: str | None = None,
    spec: ArticleSpec | None = None,
    tz: ZoneInfo = DEFAULT_TZ,
    fallback_published: datetime | None = None,
) -> ExtractedArticle:
    """Reads one article page. Never raises on bad markup: an unusable page comes back empty.

    Fields come from the seed's selectors first; trafilatura's metadata pass (htmldate
    included, a third of the cost) runs only when a selector leaves a field empty.
    """
    spec = spec or ArticleSpec()
    if isinstance(html, bytes):
        try:
            html = decode_html(html)[1]
        except UndecodableError:
            html = ""
    selector = Selector(text=html if html.strip() else "<html></html>")
    metadata: list[Document | None] = []

    def page_metadata() -> Document | None:
        if not metadata:
            metadata.append(_page_metadata(html, url))
        return metadata[0]

    title = _select_first(selector, spec.title) or getattr(page_metadata(), "title", None)
    if title:
        title = _strip_suffixes(" ".join(title.split()), spec.title_suffixes) or None

    published = None
    for query in spec.published:
        raw = _select_first(selector, (query,))
        if raw and (published := parse_published(raw, tz, spec.date_formats)):
            break
    # Then what the site itself says elsewhere (URL path, listing page), and only then
    # trafilatura's guess, which can pick up any date printed on the page.
    if published is None and url:
        published = date_from_url(url, spec.date_from_url, tz)
    if published is None:
        published = fallback_published
    if published is None and (guess := getattr(page_metadata(), "date", None)):
        published = parse_published(guess, tz, ("%Y-%m-%d",))

    author = _select_first(selector, spec.author) or getattr(page_metadata(), "author", None)
    source_line = _select_first(selector, spec.source_line)
    if source_line:
        match = re.search(r"(?:来源|Source|From)\s*[:：]\s*(\S+(?:\s\S+)?)", source_line)
        source_line = match.group(1) if match else source_line

    text = _main_text(html, url, selector, spec)
    text = _clean_lines(
        text, tuple(re.compile(p) for p in (*COMMON_DROP_LINES, *spec.drop_lines)), title
    )
    split = split_languages(text)
    mixed = split.language == "mixed"
    return ExtractedArticle(
        title=title,
        text=text,
        published_at_utc=published,
        language=split.language,
        text_en=split.english if mixed else None,
        text_zh=split.chinese if mixed else None,
        author=author,
        source_line=source_line,
        content_hash=content_hash(text),
    )


def _main_text(html: str, url: str | None, selector: Selector, spec: ArticleSpec) -> str:
    """trafilatura's main text, unless it misses a paragraph of the seed's body selector.

    trafilatura is right about unknown layouts; on a template we know, the body selector
    catches the paragraphs its heuristics sometimes drop (a short Chinese paragraph between
    English ones, for one).
    """
    prune = [css2xpath(css) for css in spec.remove] or None
    document = (
        trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            prune_xpath=prune,
            deduplicate=False,
            # no fallback extractors: the same text on the replica's pages and the labelled
            # corpus articles (205 pages compared), a third less CPU
            fast=True,
        )
        if html.strip()
        else None
    )
    text = str(getattr(document, "text", "") or "")
    if spec.body:
        for css in spec.remove:
            selector.css(css).drop()
        body_text = _node_text(selector, spec.body)
        if body_text:
            squeezed = _squeeze(text)
            paragraphs = [_squeeze(p) for p in body_text.splitlines()]
            if any(len(p) >= 20 and p not in squeezed for p in paragraphs):
                return body_text
    return text


def _squeeze(text: str) -> str:
    return "".join(text.split())
