"""The one write path: an article, its figures, the alerts they raise and the outbox rows for
those alerts, in the caller's transaction.

Used alike by the crawl (``crawler.pipelines.StorePipeline``), ``evwatch ingest`` and
``evwatch reparse``, so a crash can never keep a figure and lose its alert, or the reverse.
The store saves, the alert rules judge; this module is where the two meet.

A crawl's transaction holds several articles (``write_articles``). New articles whose figures
share no series (entity, metric, segment) are stored and judged together: every read of the
rules and the summary is of one series, so none of them sees the others' figures, and the
figures, alerts, deliveries and their ids are those that writing them one by one would give,
in fewer statements.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from alerts.config import Config
from alerts.corrections import alerts_behind, contradicted_by_each, retract
from alerts.engine import Raised, raise_alerts
from store import queries, summary
from store.figures import (
    FigureChanges,
    figure_key,
    rejected_keys,
    store_figures,
    store_new_figures,
)


@dataclass(frozen=True)
class Written:
    """What one write did."""

    article_id: int
    created: bool
    changes: FigureChanges
    alert_ids: list[int]


Figures = Sequence[Mapping[str, Any]]


def write_figures(
    session: Session,
    article_id: int,
    figures: Figures,
    parser_version: str,
    config: Config,
    *,
    historical: bool,
    replace: bool = False,
) -> tuple[FigureChanges, list[int]]:
    """Stores the figures of an article stored before and raises what the new or changed ones
    call for. ``replace`` (a reparse) deletes figures the parser no longer finds and retracts
    the alerts that rested on them; ``historical`` records alerts without deliveries. Figures
    a user rejected are never stored again."""
    rejected = rejected_keys(session, article_id)
    if rejected:
        figures = [f for f in figures if figure_key(f) not in rejected]
    behind = alerts_behind(session, article_id) if replace else {}
    changes = store_figures(session, article_id, figures, parser_version, replace=replace)
    # the rules below read the summary: every key the article reports (its publication time
    # may have moved) or no longer reports is recounted
    summary.refresh(session, [*map(figure_key, figures), *changes.removed])
    for key in changes.removed:
        retract(session, behind.get(key, ()), "the figure is no longer read from the article")
    judged = changes.added + [figure_id for figure_id, _ in changes.changed]
    known = dict(zip(changes.added, changes.added_rows, strict=True))
    raised = raise_alerts(session, judged, config, historical=historical, known=known)
    _retract_revised(session, raised)
    return changes, raised.ids


@dataclass(frozen=True)
class _New:
    """An article met nowhere, waiting to be stored with its figures (``write_articles``)."""

    record: queries.ArticleRecord
    figures: Figures
    forget_failures: bool


def _write_new(
    session: Session,
    articles: Sequence[_New],
    parser_version: str,
    config: Config,
    *,
    historical: bool,
) -> list[Written]:
    """Stores new articles whose figures share no series, and their figures, counts them into
    the summary and judges them, all at once."""
    article_ids = queries.store_new_articles(
        session, [(new.record, new.forget_failures) for new in articles]
    )
    changes = store_new_figures(
        session,
        [(article_id, new.figures) for article_id, new in zip(article_ids, articles, strict=True)],
        parser_version,
    )
    rows = [row for change in changes for row in change.added_rows]
    published = [new.record.published_at for new, change in zip(articles, changes, strict=True)
                 for _ in change.added_rows]  # fmt: skip
    votes = summary.count_new(session, rows, published)
    raised = raise_alerts(
        session,
        [figure_id for change in changes for figure_id in change.added],
        config,
        historical=historical,
        known={figure_id: row for change in changes
               for figure_id, row in zip(change.added, change.added_rows, strict=True)},
        votes=votes,
        written={article_id: (new.record.source_id, new.record.published_at)
                 for article_id, new in zip(article_ids, articles, strict=True)},
    )  # fmt: skip
    _retract_revised(session, raised)
    return [
        Written(article_id, True, change, raised.by_article.get(article_id, []))
        for article_id, change in zip(article_ids, changes, strict=True)
    ]


def _retract_revised(session: Session, raised: Raised) -> None:
    """Retracts what each delivered revision contradicts, read at once; in order (an alert two
    revisions contradict is retracted once, for the first)."""
    delivered = [revision for revision in raised.revisions if not revision.held]
    for revision, contradicted in zip(
        delivered, contradicted_by_each(session, delivered), strict=True
    ):
        label = f"revised to {revision.value:,}" if revision.value is not None else "revised"
        retract(session, contradicted, f"the figure was {label}")


def write_articles(
    session: Session,
    items: Iterable[tuple[queries.ArticleRecord, Figures, bool]],
    parser_version: str,
    config: Config,
    *,
    historical: bool,
) -> list[Written]:
    """Saves (record, figures, forget_failures) articles in order, each new, an alias or a
    refreshed copy, with their figures and alerts: what ``write_article`` on each in turn
    does. Which stored article each record meets is read for all at once; new articles wait
    to be stored with their figures until an article shares a series with them or is met
    again. A record whose URL or text an earlier one of the batch brought is looked up again
    once the waiting articles are stored."""
    items = list(items)
    written: list[Written] = []
    waiting: list[_New] = []
    series: set[tuple[Any, ...]] = set()  # the series of the waiting articles' figures
    urls: set[str] = set()  # the URLs and texts the batch has brought so far
    texts: set[str] = set()

    def write_waiting() -> None:
        if waiting:
            written.extend(
                _write_new(session, waiting, parser_version, config, historical=historical)
            )
            waiting.clear()
            series.clear()

    met_before = queries.stored_articles(session, [record for record, _, _ in items])
    for (record, figures, forget_failures), met in zip(items, met_before, strict=True):
        own_urls = {record.canonical_url, record.fetched_url}
        if not urls.isdisjoint(own_urls) or record.content_hash in texts:
            write_waiting()
            met = queries.stored_article(session, record)
        urls.update(own_urls)
        texts.add(record.content_hash)
        own_series = {figure_key(f)[:3] for f in figures}  # entity, metric, segment
        if met is not None or not own_series.isdisjoint(series):
            write_waiting()
        if met is None:
            waiting.append(_New(record, figures, forget_failures))
            series.update(own_series)
            continue
        texts.add(met.content_hash)  # a refreshed copy's old text no longer meets it
        article_id = queries.store_article(session, record, met, forget_failures=forget_failures)
        changes, alert_ids = write_figures(
            session, article_id, figures, parser_version, config, historical=historical
        )
        written.append(Written(article_id, False, changes, alert_ids))
    write_waiting()
    return written


def write_article(
    session: Session,
    record: queries.ArticleRecord,
    figures: Figures,
    parser_version: str,
    config: Config,
    *,
    historical: bool,
    forget_failures: bool = True,
) -> Written:
    """Saves the article (new, alias or refreshed copy), then its figures and alerts.
    ``forget_failures=False``: no fetch failure is recorded for its URLs (nothing to delete)."""
    (written,) = write_articles(
        session, [(record, figures, forget_failures)], parser_version, config,
        historical=historical,
    )  # fmt: skip
    return written
