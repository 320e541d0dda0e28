"""The daemon's schedule as stored: APScheduler's job table in evwatch's database, read here
without APScheduler (``evwatch status`` shows each source's next run)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import column, inspect, select, table

from store.db import Database

JOBS_TABLE = "apscheduler_jobs"
jobs = table(JOBS_TABLE, column("id"), column("next_run_time"))


def stored_next_runs(db: Database) -> dict[str, datetime]:
    """Each stored job's next run, by job id (a read: it never waits for a writer)."""
    with db.read_engine.connect() as connection:
        if not inspect(connection).has_table(JOBS_TABLE):
            return {}
        rows = connection.execute(select(jobs.c.id, jobs.c.next_run_time)).all()
    return {job_id: datetime.fromtimestamp(float(when), UTC) for job_id, when in rows if when}
