"""The daemon's schedule as stored: APScheduler's job table in evwatch's database, read here
without APScheduler (``evwatch status`` shows each source's next run)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from store.sqlread import EngineReader, Reader

if TYPE_CHECKING:
    from store.db import Database

JOBS_TABLE = "apscheduler_jobs"


def next_runs(reader: Reader) -> dict[str, datetime]:
    """Each stored job's next run, by job id."""
    if not reader.has_table(JOBS_TABLE):
        return {}
    rows = reader.rows(f"SELECT id, next_run_time FROM {JOBS_TABLE}")
    return {job_id: datetime.fromtimestamp(float(when), UTC) for job_id, when in rows if when}


def stored_next_runs(db: Database) -> dict[str, datetime]:
    """``next_runs`` of an open database (a read: it never waits for a writer)."""
    with db.read_engine.connect() as connection:
        return next_runs(EngineReader(db.url, connection))
