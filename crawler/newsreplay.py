"""How many alerts would be right on real news: the labelled corpus replayed as live news.

The labelled articles (crawler/figures/corpus) are ingested one at a time in publication order,
as live news (not a backfill), through the same write path as a crawl, with the given rules.
Every alert about a figure is right when its figure (entity, metric, period, value, matched as
the corpus GUIDE says) is a gold or neutral figure of its article. bench/alert_precision.py
prints it; tests/test_alert_precision.py holds the floor.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path

from sqlalchemy import select

from alerts.config import Config
from crawler.articlefigures import PARSER_VERSION, article_figures
from crawler.figures.corpus import Article, key_of, label_key
from crawler.schema import DEFAULT_TZ
from crawler.textextract import content_hash
from crawler.writepath import write_article
from store import queries
from store.db import Database
from store.models import Alert, Figure


@dataclass
class Tally:
    """Alerts about a figure, and how many of them are right."""

    delivered: int = 0
    delivered_right: int = 0
    raised: int = 0
    raised_right: int = 0
    held: int = 0
    wrong: list[str] = field(default_factory=list)  # each wrong delivered alert, described

    @staticmethod
    def share(right: int, total: int) -> str:
        return f"{right / total:.3f}" if total else "  -  "


def replay(articles: list[Article], folder: Path, config: Config) -> Database:
    """Ingests the articles in publication order, as live news, into a new database."""
    db = Database(f"sqlite:///{folder / 'alerts.db'}")
    for article in sorted(articles, key=lambda a: (a.published, a.id)):
        published_at = datetime.combine(article.published, time(10, 0), DEFAULT_TZ)
        url = f"https://corpus.invalid/{article.id}"
        record = queries.ArticleRecord(
            source_id=0, canonical_url=url, fetched_url=url, title=article.title, author=None,
            source_line=None, published_at=published_at.astimezone(UTC), language=article.lang,
            text=article.text, text_en=None, text_zh=None, raw_html=article.text.encode(),
            raw_encoding="utf-8",
            content_hash=content_hash(article.text),
        )  # fmt: skip
        figures = article_figures(article.title, article.text, article.published)
        with db.session() as session:
            source = queries.ensure_source(session, "corpus", "corpus", "https://corpus.invalid/")
            record = dataclasses.replace(record, source_id=source.id)
            write_article(session, record, figures, PARSER_VERSION, config, historical=False)
    return db


def judge(db: Database, articles: list[Article]) -> Tally:
    """Checks every alert about a figure against the labels of the figure's article."""
    by_url = {f"https://corpus.invalid/{a.id}": a for a in articles}
    tally = Tally()
    with db.read() as session:
        rows = session.execute(
            select(Alert, Figure).join(Figure, Alert.figure_id == Figure.id).order_by(Alert.id)
        ).all()
        for alert, figure in rows:
            assert alert.article is not None
            article = by_url[alert.article.canonical_url]
            labels = {label_key(label) for label in (*article.gold, *article.neutral)}
            key = key_of(
                figure.entity, figure.metric, figure.period_kind, figure.period_end, figure.value
            )
            right = key in labels
            held = alert.held
            tally.raised += 1
            tally.raised_right += right
            tally.held += held
            if not alert.historical and not held:
                tally.delivered += 1
                tally.delivered_right += right
                if not right:
                    said = f"[{article.id}] {alert.kind}: {alert.message}"
                    tally.wrong.append(f"{said}\n  figure: {figure.snippet!r}")
    return tally
