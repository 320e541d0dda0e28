"""The one write path: an article, its figures, the alerts they raise and the outbox rows for
those alerts, in the caller's transaction.

Used alike by the crawl (``crawler.pipelines.StorePipeline``), ``evwatch ingest`` and
``evwatch reparse``, so a crash can never keep a figure and lose its alert, or the reverse.
The store saves, the alert rules judge; this module is where the two meet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from alerts.config import Config
from alerts.corrections import alerts_behind, contradicted_by_each, retract
from alerts.engine import raise_alerts
from store import queries, summary
from store.figures import FigureChanges, figure_key, rejected_keys, store_figures


@dataclass(frozen=True)
class Written:
    """What one write did."""

    article_id: int
    created: bool
    changes: FigureChanges
    alert_ids: list[int]


def write_figures(
    session: Session,
    article_id: int,
    figures: Sequence[Mapping[str, Any]],
    parser_version: str,
    config: Config,
    *,
    historical: bool,
    replace: bool = False,
    new_article: bool = False,
    published: datetime | None = None,
    source_id: int | None = None,
) -> tuple[FigureChanges, list[int]]:
    """Stores an article's figures and raises what the new or changed ones call for.
    ``replace`` (a reparse) deletes figures the parser no longer finds and retracts the alerts
    that rested on them; ``historical`` records alerts without deliveries. Figures a user
    rejected are never stored again. ``new_article``: the article was stored just now (it
    has no figures yet), published at ``published`` by the source ``source_id``."""
    # a new article has no figure anyone could have rejected
    rejected = set() if new_article else rejected_keys(session, article_id)
    if rejected:
        figures = [f for f in figures if figure_key(f) not in rejected]
    behind = alerts_behind(session, article_id) if replace else {}
    changes = store_figures(
        session, article_id, figures, parser_version, replace=replace, new_article=new_article
    )
    # the rules below read the summary: a new article's figures are counted in; otherwise
    # every key the article reports (its publication time may have moved) or no longer
    # reports is recounted
    votes: summary.Votes | None = None
    if new_article:
        votes = summary.count_new(session, changes.added_rows, published)
    else:
        summary.refresh(session, [*map(figure_key, figures), *changes.removed])
    for key in changes.removed:
        retract(session, behind.get(key, ()), "the figure is no longer read from the article")
    judged = changes.added + [figure_id for figure_id, _ in changes.changed]
    known = dict(zip(changes.added, changes.added_rows, strict=True))
    written = {article_id: (source_id, published)} if new_article and source_id else None
    raised = raise_alerts(
        session, judged, config, historical=historical, known=known, votes=votes,
        written=written,
    )  # fmt: skip
    # what each delivered revision contradicts, read at once; retracted in order (an alert two
    # revisions contradict is retracted once, for the first)
    delivered = [revision for revision in raised.revisions if not revision.held]
    for revision, contradicted in zip(
        delivered, contradicted_by_each(session, delivered), strict=True
    ):
        label = f"revised to {revision.value:,}" if revision.value is not None else "revised"
        retract(session, contradicted, f"the figure was {label}")
    return changes, raised.ids


def write_article(
    session: Session,
    record: queries.ArticleRecord,
    figures: Sequence[Mapping[str, Any]],
    parser_version: str,
    config: Config,
    *,
    historical: bool,
    forget_failures: bool = True,
) -> Written:
    """Saves the article (new, alias or refreshed copy), then its figures and alerts.
    ``forget_failures=False``: no fetch failure is recorded for its URLs (nothing to delete)."""
    article_id, created = queries.save_article(session, record, forget_failures=forget_failures)
    changes, alert_ids = write_figures(
        session, article_id, figures, parser_version, config, historical=historical,
        new_article=created, published=record.published_at, source_id=record.source_id,
    )  # fmt: skip
    return Written(article_id, created, changes, alert_ids)
