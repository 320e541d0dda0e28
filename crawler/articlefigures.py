"""From a stored or extracted article to figure rows the store accepts.

Owns what the figure parser reads (title, then text), the date it resolves "in November" and
"last month" against (the publication day in the source's timezone), and the mapping from the
parser's ``Figure`` to the store's columns.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from crawler.extracted import ExtractedArticle
from crawler.figures import PARSER_VERSION, Figure, parse_figures
from crawler.seeds import ArticleSpec
from crawler.textextract import extract_article

__all__ = ["PARSER_VERSION", "article_figures", "extract_with_figures", "figure_row", "local_day"]


def local_day(published_at_utc: datetime | None, tz: ZoneInfo, fallback: date) -> date:
    """The publication day where the article was written; ``fallback`` (the day it was first
    seen) when the page gave no date."""
    if published_at_utc is None:
        return fallback
    return published_at_utc.astimezone(tz).date()


def figure_row(figure: Figure) -> dict[str, Any]:
    """A parsed figure as store columns (see ``store.figures.FIGURE_FIELDS``)."""
    start, end = figure.span
    return {
        "entity": figure.entity,
        "metric": figure.metric,
        "unit": figure.unit,
        "segment": figure.segment,
        "period_kind": figure.period_kind,
        "period_start": figure.period_start,
        "period_end": figure.period_end,
        "value": figure.value,
        "qualifier": figure.qualifier,
        "yoy_pct": figure.yoy_pct,
        "mom_pct": figure.mom_pct,
        "claims": list(figure.claims),
        "snippet": figure.snippet,
        "span_start": start,
        "span_end": end,
        "confidence": figure.confidence,
    }


def article_figures(title: str | None, text: str, published: date) -> list[dict[str, Any]]:
    """Every figure in an article as store rows; the headline is read with the body so a
    figure stated in both comes out once."""
    full_text = f"{title}\n{text}" if title else text
    return [figure_row(f) for f in parse_figures(full_text, published)]


def extract_with_figures(
    html: str | bytes,
    url: str | None,
    spec: ArticleSpec,
    tz: ZoneInfo,
    fallback_published: datetime | None,
    today: date,
) -> tuple[ExtractedArticle, list[dict[str, Any]]]:
    """Text extraction then figure parsing: the CPU-heavy half of the crawl, in one call so it
    runs in one worker process."""
    extracted = extract_article(html, url, spec, tz, fallback_published)
    if extracted.is_empty:
        return extracted, []
    published = local_day(extracted.published_at_utc, tz, today)
    return extracted, article_figures(extracted.title, extracted.text, published)
