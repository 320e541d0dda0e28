"""How many alerts a subscriber would get are right, on real news.

The labelled articles of tests/figures/corpus are ingested one at a time in publication order,
as live news (not a backfill), into a scratch SQLite database with the default rules, through
the same write path as a crawl. Every alert about a figure is then checked: it is right when its
figure (entity, metric, period, value, matched as the corpus GUIDE says: crawler/figures/corpus)
is a gold or neutral figure of its article. Printed per split (test, train, all; each replayed
in its own database) for the alerts that would be delivered (neither historical nor held) and,
for comparison, for every alert raised.

Run: .venv/bin/python bench/alert_precision.py [-v]   (-v lists every wrong delivered alert)
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from alerts.config import Config  # noqa: E402
from crawler.articlefigures import PARSER_VERSION, article_figures  # noqa: E402
from crawler.figures.corpus import Article, held_out_ids, key_of, label_key, load_corpus  # noqa: E402
from crawler.schema import DEFAULT_TZ  # noqa: E402
from crawler.textextract import content_hash  # noqa: E402
from crawler.writepath import write_article  # noqa: E402
from store import queries  # noqa: E402
from store.db import Database  # noqa: E402
from store.models import Alert, Figure  # noqa: E402

CORPUS = REPO / "tests/figures/corpus"


@dataclass
class Tally:
    """Alerts about a figure, and how many of them are right."""

    delivered: int = 0
    delivered_right: int = 0
    raised: int = 0
    raised_right: int = 0
    held: int = 0

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
            text=article.text, text_en=None, text_zh=None, raw_html=None, raw_encoding=None,
            content_hash=content_hash(article.text),
        )  # fmt: skip
        figures = article_figures(article.title, article.text, article.published)
        with db.session() as session:
            source = queries.ensure_source(session, "corpus", "corpus", "https://corpus.invalid/")
            record = dataclasses.replace(record, source_id=source.id)
            write_article(session, record, figures, PARSER_VERSION, config, historical=False)
    return db


def judge(db: Database, articles: list[Article], verbose: bool) -> Tally:
    """Checks every alert about a figure against the labels of the figure's article."""
    by_url = {f"https://corpus.invalid/{a.id}": a for a in articles}
    tally = Tally()
    with db.read() as session:
        rows = session.execute(
            select(Alert, Figure).join(Figure, Alert.figure_id == Figure.id).order_by(Alert.id)
        ).all()
        for alert, figure in rows:
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
                if verbose and not right:
                    print(f"  wrong [{article.id}] {alert.kind}: {alert.message}")
                    print(f"        figure: {figure.snippet!r}")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every wrong delivered alert")
    args = parser.parse_args()
    corpus = load_corpus(CORPUS)
    test_ids = held_out_ids(CORPUS)
    splits = {
        "test": [a for a in corpus if a.id in test_ids],
        "train": [a for a in corpus if a.id not in test_ids],
        "all": corpus,
    }
    config = Config()  # the default rules
    print(f"{'split':<6} {'articles':>8} {'delivered':>9} {'right':>6} {'share':>6}   "
          f"{'raised':>6} {'right':>6} {'share':>6} {'held':>5}")  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        for name, articles in splits.items():
            folder = Path(scratch) / name
            folder.mkdir()
            if args.v:
                print(f"{name}:")
            db = replay(articles, folder, config)
            t = judge(db, articles, args.v)
            db.dispose()
            print(
                f"{name:<6} {len(articles):>8} {t.delivered:>9} {t.delivered_right:>6} "
                f"{Tally.share(t.delivered_right, t.delivered):>6}   {t.raised:>6} "
                f"{t.raised_right:>6} {Tally.share(t.raised_right, t.raised):>6} {t.held:>5}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
