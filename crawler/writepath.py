"""The one write path: an article, its figures, the alerts they raise and the outbox rows for
those alerts, in the caller's transaction.

Used alike by the crawl (``crawler.pipelines.StorePipeline``), ``evwatch ingest`` and
``evwatch reparse``, so a crash can never keep a figure and lose its alert, or the reverse.
The store saves, the alert rules judge; this module is where the two meet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from alerts.config import Config
from alerts.engine import raise_alerts
from store import queries
from store.figures import FigureChanges, store_figures


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
) -> tuple[FigureChanges, list[int]]:
    """Stores an article's figures and raises what the new or changed ones call for.
    ``replace`` (a reparse) deletes figures the parser no longer finds; ``historical`` records
    alerts without deliveries."""
    changes = store_figures(session, article_id, figures, parser_version, replace=replace)
    judged = changes.added + [figure_id for figure_id, _ in changes.changed]
    return changes, raise_alerts(session, judged, config, historical=historical)


def write_article(
    session: Session,
    record: queries.ArticleRecord,
    figures: Sequence[Mapping[str, Any]],
    parser_version: str,
    config: Config,
    *,
    historical: bool,
) -> Written:
    """Saves the article (new, alias or refreshed copy), then its figures and alerts."""
    article_id, created = queries.save_article(session, record)
    changes, alert_ids = write_figures(
        session, article_id, figures, parser_version, config, historical=historical
    )
    return Written(article_id, created, changes, alert_ids)
