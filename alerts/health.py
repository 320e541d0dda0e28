"""Source health: one operator alert when a source fails or finds nothing on N consecutive
runs, and one when it recovers. Judged from the crawl-runs table after each run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from alerts.config import Config
from alerts.runhealth import run_is_bad
from store.models import Alert, CrawlRun, Source

if TYPE_CHECKING:
    from alerts.rules import Candidate


def check_source_health(session: Session, source_id: int, config: Config) -> list[int]:
    """Raises the down or recovered alert this source's latest runs call for, if any."""
    from alerts.rules import Candidate  # the rules and the parser's labels: not for status

    needed = config.rules.source_health_runs
    source = session.get_one(Source, source_id)
    runs = list(
        session.scalars(
            select(CrawlRun)
            .where(
                CrawlRun.source_id == source_id,
                CrawlRun.finished_at.is_not(None),
                CrawlRun.status != "skipped",  # another crawl was running: no news
            )
            .order_by(CrawlRun.id.desc())
            .limit(200)
        )
    )
    if not runs:
        return []
    bad_streak = []
    for run in runs:
        if not run_is_bad(run):
            break
        bad_streak.append(run)
    if len(bad_streak) >= needed:
        first_bad = bad_streak[-1]
        latest = bad_streak[0]
        candidate = Candidate(
            key=f"source_health:{source.name}:down:{first_bad.id}",
            kind="source_health",
            message=f"Source {source.name} is failing: {len(bad_streak)} consecutive runs "
            f"failed or found nothing (last run {latest.status}, {latest.errors} errors)",
        )
        return _raise(session, candidate, source_id, config)
    if bad_streak:
        return []
    # The latest run is good: was there an outage that has not been declared over?
    down = session.scalar(
        select(Alert)
        .where(Alert.source_id == source_id, Alert.key.like(f"source_health:{source.name}:down:%"))
        .order_by(Alert.id.desc())
        .limit(1)
    )
    if down is None:
        return []
    outage = down.key.rsplit(":", 1)[1]
    candidate = Candidate(
        key=f"source_health:{source.name}:recovered:{outage}",
        kind="source_health",
        message=f"Source {source.name} has recovered: the latest run fetched "
        f"{runs[0].pages_fetched} pages",
    )
    return _raise(session, candidate, source_id, config)


def _raise(session: Session, candidate: Candidate, source_id: int, config: Config) -> list[int]:
    from alerts.engine import enqueue, insert_alert

    alert_id = insert_alert(session, candidate, None, historical=False, source_id=source_id)
    if alert_id is None:
        return []
    enqueue(session, alert_id, config)
    return [alert_id]
