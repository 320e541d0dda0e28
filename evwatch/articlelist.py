"""``evwatch articles``: stored articles, newest first, a page at a time (and the demo's
articles per source). Reads the printed columns only; imports no crawler, so it starts fast."""

from __future__ import annotations

import argparse
from collections import Counter

from sqlalchemy import func, select

from evwatch.options import open_db
from evwatch.paging import Page
from evwatch.tables import format_table, truncate
from store.db import Database
from store.models import Article, Source


def article_rows(
    db: Database,
    limit: int | None,
    source: str | None = None,
    per_source: bool = False,
    offset: int = 0,
) -> str:
    """Stored articles, newest first: ``limit`` in all (after ``offset``; None: every one),
    with a last line saying how many more there are, or ``limit`` per source."""
    page = Page(limit, offset)
    total = 0
    with db.read() as session:
        # the printed columns only (never the text or the stored page)
        query = (
            select(
                Source.name.label("source"), Article.source_id, Article.published_at,
                Article.language, Article.title, Article.canonical_url,
            )
            .join(Source)
            .order_by(Article.published_at.desc().nulls_last(), Article.id.desc())
        )  # fmt: skip
        if source:
            query = query.where(Source.name == source)
        if not per_source:
            query = query.offset(offset or None).limit(limit)
        articles = list(session.execute(query.execution_options(yield_per=1000)))
        if per_source:
            shown: Counter[int] = Counter()
            kept = []
            for article in articles:
                if limit is None or shown[article.source_id] < limit:
                    shown[article.source_id] += 1
                    kept.append(article)
            articles = kept
        elif page.full(len(articles)):
            count = select(func.count(Article.id))
            if source:
                count = count.join(Source).where(Source.name == source)
            total = session.scalar(count) or 0
        rows = [
            (
                a.source,
                a.published_at.strftime("%Y-%m-%d %H:%M") if a.published_at else "?",
                a.language,
                truncate(a.title or "(untitled)", 60),
                a.canonical_url,
            )
            for a in articles
        ]
    table = format_table(("source", "published (UTC)", "lang", "title", "url"), rows)
    more = None if per_source else page.more_line(total, len(rows), "articles")
    return f"{table}\n{more}" if more else table


def cmd_articles(args: argparse.Namespace) -> int:
    page = Page.of(args, table=True)
    print(article_rows(open_db(args), page.limit, args.source, offset=page.offset))
    return 0
