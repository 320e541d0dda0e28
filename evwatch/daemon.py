"""``evwatch daemon``: APScheduler 3 in the foreground, with one crawl job per enabled source,
the dispatcher (immediate alerts, and digests when they fall due) and daily housekeeping.

Jobs live in the database (APScheduler's SQLAlchemy job store on evwatch's own engine) under
stable ids, so a restart keeps each source's next run. Each crawl runs in a subprocess with a
hard wall-clock limit (Scrapy's reactor cannot restart within one process); the subprocess
writes its own crawl-run row and stops by itself if the daemon dies. SIGTERM or SIGINT stops
scheduling, lets a running crawl finish up to ``daemon.stop_timeout_seconds``, then ends it; a
second signal ends everything at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import column, delete, make_url, select, table
from sqlalchemy.exc import ArgumentError

from alerts.config import Config, config_path, load_config
from alerts.dispatch import Dispatcher
from crawler.errors import CommandError
from crawler.seeds import Seed
from crawler.sourcelock import is_held
from evwatch.relay import start_relay
from store.db import Database
from store.maintenance import backup, checkpoint, close_interrupted_runs, prune_raw_pages
from store.models import CrawlRun, Source
from store.schedule import JOBS_TABLE, stored_next_runs

logger = logging.getLogger("evwatch.daemon")
# APScheduler's job table, for deleting the jobs of seeds that are gone
jobs = table(JOBS_TABLE, column("id"))


@dataclass(frozen=True)
class DaemonOptions:
    """What every job needs, as plain strings: jobs are stored (pickled) in the database."""

    db_url: str
    config: str | None
    seeds: str | None
    replica: str | None


_databases: dict[str, Database] = {}
_running: dict[str, subprocess.Popen[bytes]] = {}
# A crawl is started and registered in ``_running`` under this lock, and a stop reads
# ``_running`` under it: a crawl started while a stop begins is one the stop sees and ends.
_registry = threading.Lock()
_dispatch_lock = threading.Lock()
_dispatch_wanted = threading.Event()
_stopping = threading.Event()


def database(url: str) -> Database:
    if url not in _databases:
        _databases[url] = Database(url)
    return _databases[url]


# The database URLs this process was started with, by their masked form: jobs are stored
# (pickled) in the database with the password masked, and find the real URL here.
_real_urls: dict[str, str] = {}


def masked_url(url: str) -> str:
    """``url`` with its password, if any, as ``***`` (for logs, job rows, process arguments)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def stored_options(options: DaemonOptions) -> DaemonOptions:
    """The options as job rows keep them: the database URL without its password."""
    _real_urls[masked_url(options.db_url)] = options.db_url
    return replace(options, db_url=masked_url(options.db_url))


def _url(options: DaemonOptions) -> str:
    return _real_urls.get(options.db_url, options.db_url)


def _config(options: DaemonOptions) -> Config:
    return load_config(config_path(options.config))


def crawl_job(source: str, options: DaemonOptions, timeout: float) -> None:
    """One crawl of one source in a subprocess, then a dispatch so new alerts go out now."""
    # The URL travels in the environment, never in the arguments (``ps`` shows those to all).
    command = [sys.executable, "-m", "evwatch"]
    if options.config:
        command += ["--config", options.config]
    if options.seeds:
        command += ["--seeds", options.seeds]
    command += ["crawl", source, "--quiet"]
    if options.replica:
        command += ["--replica", options.replica]
    env = {**os.environ, "EVWATCH_PARENT_PID": str(os.getpid()), "EVWATCH_DB": _url(options)}
    started = time.monotonic()
    with _registry:
        if _stopping.is_set():
            return
        child = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,
        )  # fmt: skip
        _running[source] = child
    assert child.stderr is not None
    relay = start_relay(child.stderr, source)
    try:
        child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        logger.warning("crawl %s: over its %.0f s limit, stopping it", source, timeout)
        end_child(child)
        _close_runs(_url(options), source)
    finally:
        _running.pop(source, None)
    relay.join(timeout=5.0)  # its last lines before the run's summary
    _log_run(_url(options), source, child.returncode, time.monotonic() - started)
    request_dispatch(options)


def request_dispatch(options: DaemonOptions) -> None:
    """Asks for a dispatch pass now so new alerts go out at once, without waiting for it: a
    crawl job never waits on a receiver (a pass already running makes one more)."""
    _dispatch_wanted.set()
    threading.Thread(
        target=dispatch_job, args=(options,), name="evwatch-dispatch-now", daemon=True
    ).start()


def end_child(child: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM (Scrapy closes the spider and records the run), then SIGKILL after ``grace``."""
    if child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def _close_runs(db_url: str, source: str) -> None:
    """The run of a crawl stopped at its time limit becomes ``interrupted``, unless the
    source's lock is held again: then a crawl elsewhere (another host) has the source."""
    if is_held(db_url, source):
        return
    db = database(db_url)
    with db.read() as session:
        source_id = session.scalar(select(Source.id).where(Source.name == source))
    if source_id is not None:
        close_interrupted_runs(db, source_id)


def close_abandoned_runs(db: Database, db_url: str) -> int:
    """Runs left open by a crawl that is gone become ``interrupted``; a crawl still running
    (one a killed daemon left behind, finishing) holds its source's lock and keeps its run."""
    with db.read() as session:
        open_sources = session.execute(
            select(Source.id, Source.name)
            .join(CrawlRun, CrawlRun.source_id == Source.id)
            .where(CrawlRun.finished_at.is_(None))
            .distinct()
        ).all()
    closed = 0
    for source_id, name in open_sources:
        if is_held(db_url, name):
            logger.info("crawl %s: a crawl left by the last daemon is still running", name)
            continue
        closed += close_interrupted_runs(db, source_id)
    return closed


def _log_run(db_url: str, source: str, returncode: int | None, seconds: float) -> None:
    with database(db_url).read() as session:
        run = session.scalar(
            select(CrawlRun).join(Source).where(Source.name == source).order_by(CrawlRun.id.desc())
        )
        if run is None:
            logger.error("crawl %s: exited %s without a run record", source, returncode)
            return
        logger.info(
            "crawl %s: %s in %.1f s, %d pages, %d new articles, %d new figures, %d errors",
            source, run.status, seconds, run.pages_fetched, run.new_articles, run.new_figures,
            run.errors,
        )  # fmt: skip


def dispatch_job(options: DaemonOptions) -> None:
    """Sends due deliveries (immediate alerts, and digests at their hour). One pass at a time:
    while one runs, a call returns at once and the running pass makes one more."""
    _dispatch_wanted.set()
    while _dispatch_wanted.is_set() and not _stopping.is_set():
        if not _dispatch_lock.acquire(blocking=False):
            return  # the pass running sees the request when it ends
        try:
            _dispatch_wanted.clear()
            _dispatch_pass(options)
        finally:
            _dispatch_lock.release()


def _dispatch_pass(options: DaemonOptions) -> None:
    report = Dispatcher(database(_url(options)), _config(options)).run_once()
    if report.sent or report.failed or report.dead:
        logger.info(
            "dispatch: %d sent, %d failed (will retry), %d dead",
            report.sent, report.failed, report.dead,
        )  # fmt: skip
    for line in report.details:
        logger.warning("dispatch: %s", line)


def housekeeping_job(options: DaemonOptions) -> None:
    config = _config(options).daemon
    db = database(_url(options))
    pruned = prune_raw_pages(db, config.raw_retention_days)
    checkpoint(db)
    saved = backup(db, config.backup_path) if config.backup_path else None
    logger.info(
        "housekeeping: %d raw pages pruned, log checkpointed%s",
        pruned, f", backup at {saved}" if saved else "",
    )  # fmt: skip


def crawl_trigger(seed: Seed, config: Config) -> tuple[BaseTrigger, float]:
    """The trigger for a source and its misfire grace: the evwatch.toml schedule, else the
    seed's poll interval, with jitter so sources do not fire together."""
    tz = config.daemon.zone
    schedule = config.daemon.sources.get(seed.name)
    if schedule and schedule.cron:
        return CronTrigger.from_crontab(schedule.cron, timezone=tz), 300.0
    minutes = (schedule.interval_minutes if schedule else None) or seed.poll_interval_minutes
    seconds = minutes * 60
    jitter = min(120, int(seconds * 0.1))
    # A poll that could not start within half its interval is skipped: the next one is near.
    return IntervalTrigger(seconds=seconds, jitter=jitter or None, timezone=tz), seconds / 2


def job_store(db: Database) -> SQLAlchemyJobStore:
    """APScheduler's job table in evwatch's database. Its transactions begin deferred: its
    reads must not queue behind a crawl writing, and each of its writes is one statement,
    which takes the write lock as it runs."""
    return SQLAlchemyJobStore(engine=db.read_engine, tablename=JOBS_TABLE)


def build_scheduler(
    db: Database, config: Config, seeds: dict[str, Seed], options: DaemonOptions
) -> BlockingScheduler:
    enabled = [seed for seed in seeds.values() if seed.enabled]
    scheduler = Scheduler(
        jobstores={"default": job_store(db)},
        # Dispatch has its own thread: a slow receiver never holds up a crawl job.
        executors={
            "default": ThreadPoolExecutor(max_workers=len(enabled) + 1),
            "dispatch": ThreadPoolExecutor(max_workers=1),
        },
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
        timezone=config.daemon.zone,
    )
    now = datetime.now(UTC)
    previous = stored_next_runs(db)
    wanted = {f"crawl:{seed.name}" for seed in enabled} | {"dispatch", "housekeeping"}
    stale = [job_id for job_id in previous if job_id not in wanted]
    if stale:
        with db.engine.begin() as connection:
            connection.execute(delete(jobs).where(jobs.c.id.in_(stale)))

    def resume_at(job_id: str) -> datetime:
        """Where a restart picks up: the stored next run, or now if it passed meanwhile."""
        return max(previous.get(job_id, now), now)

    for seed in enabled:
        trigger, grace = crawl_trigger(seed, config)
        job_id = f"crawl:{seed.name}"
        scheduler.add_job(
            crawl_job, trigger, id=job_id, name=f"crawl {seed.name}",
            args=[seed.name, options, config.daemon.crawl_timeout_seconds],
            replace_existing=True, misfire_grace_time=max(1, int(grace)),
            next_run_time=resume_at(job_id),
        )  # fmt: skip
    scheduler.add_job(
        dispatch_job, IntervalTrigger(seconds=config.daemon.dispatch_interval_seconds),
        id="dispatch", name="dispatch alerts", args=[options], replace_existing=True,
        next_run_time=now, executor="dispatch",
    )  # fmt: skip
    at = config.daemon.housekeeping_at
    scheduler.add_job(
        housekeeping_job,
        CronTrigger(hour=at.hour, minute=at.minute, timezone=config.daemon.zone),
        id="housekeeping", name="housekeeping", args=[options], replace_existing=True,
        misfire_grace_time=3600,
    )  # fmt: skip
    return scheduler


class Scheduler(BlockingScheduler):  # type: ignore[misc]  # APScheduler 3 is untyped
    """APScheduler 3's BlockingScheduler, except that its main loop looks at the state after
    waking: the original processes due jobs once more after ``shutdown`` and logs an ERROR for
    each job it cannot submit to the stopped executor (four lines on every clean stop)."""

    def _main_loop(self) -> None:
        wait_seconds: float | None = threading.TIMEOUT_MAX
        while self.state != STATE_STOPPED:
            self._event.wait(wait_seconds)
            self._event.clear()
            if self.state == STATE_STOPPED:
                break
            wait_seconds = self._process_jobs()


# The longest a crawl gets between SIGTERM and SIGKILL once stop_timeout_seconds is up.
STOP_GRACE_SECONDS = 5.0


def end_children(children: dict[str, subprocess.Popen[bytes]], grace: float) -> None:
    """SIGTERM to every crawl at once, then SIGKILL to those still running after ``grace``."""
    for child in children.values():
        if child.poll() is None:
            with contextlib.suppress(OSError):
                child.terminate()
    deadline = time.monotonic() + grace
    for child in children.values():
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _stop(scheduler: BlockingScheduler, timeout: float) -> None:
    """Waits up to ``timeout`` for running crawls, then ends the rest together: the whole stop
    takes at most ``timeout`` plus STOP_GRACE_SECONDS (plus closing the scheduler)."""
    scheduler.pause()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _registry:
            if not _running:
                break
        time.sleep(0.2)
    with _registry:
        left = dict(_running)
    for source in left:
        logger.warning("stopping: crawl %s still running after %.0f s, ending it", source, timeout)
    end_children(left, grace=min(STOP_GRACE_SECONDS, timeout))
    scheduler.shutdown(wait=True)


def stop_at_once(db: Database, signum: int) -> None:
    """A second signal: running crawls are killed, their runs marked interrupted (waiting at
    most a moment for that), and the daemon exits now."""
    for child in list(_running.values()):
        with contextlib.suppress(OSError):
            child.kill()
    closer = threading.Thread(target=close_interrupted_runs, args=(db,), daemon=True)
    closer.start()
    closer.join(timeout=2.0)
    os._exit(128 + signum)


def check_schedules(config: Config, seeds: dict[str, Seed]) -> None:
    """Every ``[daemon.sources.X]`` names a source of the seeds directory (a typo would
    otherwise schedule nothing and say nothing)."""
    where = str(config.path or "evwatch.toml")
    for name in config.daemon.sources:
        if name not in seeds:
            known = ", ".join(sorted(seeds)) or "none"
            raise CommandError(f"{where}: daemon.sources.{name}: no such source (known: {known})")


def run_daemon(db: Database, config: Config, seeds: dict[str, Seed], options: DaemonOptions) -> int:
    """Runs until SIGTERM or SIGINT; the caller holds the instance lock."""
    check_schedules(config, seeds)
    _stopping.clear()
    _databases[options.db_url] = db
    interrupted = close_abandoned_runs(db, options.db_url)
    if interrupted:
        logger.warning("%d crawl runs were interrupted by the last shutdown", interrupted)
    scheduler = build_scheduler(db, config, seeds, stored_options(options))
    timeout = config.daemon.stop_timeout_seconds

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if _stopping.is_set():
            stop_at_once(db, signum)
        _stopping.set()
        logger.info(
            "%s: no new jobs; waiting up to %.0f s for running crawls",
            signal.Signals(signum).name, timeout,
        )  # fmt: skip
        threading.Thread(target=_stop, args=(scheduler, timeout), daemon=True).start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    names = ", ".join(sorted(s.name for s in seeds.values() if s.enabled))
    logger.info("daemon started (pid %d): crawling %s; database %s", os.getpid(), names,
                db.engine.url.render_as_string(hide_password=True))  # fmt: skip
    scheduler.start()
    logger.info("daemon stopped")
    return 0
