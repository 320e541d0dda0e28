"""``evwatch reparse``: the current figure parser over stored articles, one transaction per
article, with the alert rules over what changed, reporting what changed."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from sqlalchemy import select

from alerts.config import Config
from crawler import writepath
from crawler.articlefigures import PARSER_VERSION, article_figures, local_day
from crawler.schema import DEFAULT_TZ
from crawler.seeds import SeedError, load_seeds
from evwatch.figurecommands import _iso
from evwatch.options import alert_config
from store.db import Database
from store.figures import FigureChanges
from store.models import Article, Source


def source_timezones(seeds_dir: str | None) -> dict[str, ZoneInfo]:
    try:
        return {name: seed.tz for name, seed in load_seeds(seeds_dir).items()}
    except SeedError:
        return {}


def reparse_articles(
    db: Database,
    source: str | None,
    timezones: dict[str, ZoneInfo],
    config: Config,
    *,
    dry_run: bool = False,
    deliver: bool = False,
) -> Iterator[tuple[Article, FigureChanges, list[int]]]:
    """Runs the current parser over stored articles, one transaction per article, with the
    alert rules over what changed, and yields the articles whose figures changed. Alerts are
    historical unless ``deliver``. A dry run rolls every change back."""
    with db.read() as session:
        query = select(Article.id).order_by(Article.id)
        if source:
            query = query.join(Source).where(Source.name == source)
        article_ids = list(session.scalars(query))
    for article_id in article_ids:
        with db.session() as session:
            article = session.get_one(Article, article_id)
            tz = timezones.get(article.source.name, DEFAULT_TZ)
            published = local_day(article.published_at, tz, article.first_seen_at.date())
            rows = article_figures(article.title, article.text, published)
            changes, alerts = writepath.write_figures(
                session, article.id, rows, PARSER_VERSION, config, historical=not deliver,
                replace=True,
            )  # fmt: skip
            if changes:
                session.flush()
                yield article, changes, alerts
            if dry_run:
                session.rollback()


def cmd_reparse(args: argparse.Namespace, db: Database) -> int:
    totals = {"articles": 0, "added": 0, "changed": 0, "removed": 0, "alerts": 0}
    for article, changes, alerts in reparse_articles(
        db, args.source, source_timezones(args.seeds), alert_config(args),
        dry_run=args.dry_run, deliver=args.deliver,
    ):  # fmt: skip
        totals["articles"] += 1
        totals["alerts"] += len(alerts)
        totals["added"] += len(changes.added)
        totals["changed"] += len(changes.changed)
        totals["removed"] += len(changes.removed)
        print(
            f"{article.canonical_url}: +{len(changes.added)} ~{len(changes.changed)} "
            f"-{len(changes.removed)}"
        )
        for _figure_id, diff in changes.changed:
            described = ", ".join(f"{k} {old!r} -> {new!r}" for k, (old, new) in diff.items())
            print(f"  changed: {described}")
        for key in changes.removed:
            print(f"  removed: {' '.join(str(_iso(part)) for part in key)}")
    verb = "would change" if args.dry_run else "changed"
    print(
        f"parser {PARSER_VERSION}: {verb} {totals['articles']} articles: "
        f"{totals['added']} figures added, {totals['changed']} changed, "
        f"{totals['removed']} removed; {totals['alerts']} new alerts"
    )
    return 0
