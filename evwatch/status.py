"""``evwatch status``: per source the last run, its health and next run; the delivery outbox
(pending, failing, dead, cancelled); the latest alerts; whether a daemon holds the database.
Exits 1 when something needs a human: a failing source, a dead or repeatedly failing delivery."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from alerts.configfile import config_path, source_health_runs
from alerts.runhealth import run_is_bad
from crawler.seedfiles import seed_switches
from evwatch.instance import holder
from evwatch.options import alert_config
from evwatch.tables import format_table, truncate
from store import readtables
from store.db import Database
from store.schedule import stored_next_runs

if TYPE_CHECKING:
    from collections.abc import Mapping

Alert, CrawlRun, Delivery, Source = (
    readtables.alerts.c,
    readtables.crawl_runs.c,
    readtables.deliveries.c,
    readtables.sources.c,
)

FAILING_ATTEMPTS = 3  # a pending delivery that failed this often needs a look
# what the table shows of a run, and what judging its health reads (never the whole row)
_RUN_COLUMNS = (
    CrawlRun.started_at, CrawlRun.finished_at, CrawlRun.status, CrawlRun.pages_fetched,
    CrawlRun.new_articles, CrawlRun.new_figures, CrawlRun.errors, CrawlRun.stats_json,
)  # fmt: skip


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def status_report(db: Database, needed: int, enabled: Mapping[str, bool]) -> dict[str, Any]:
    """The report: ``needed`` bad runs in a row make a source failing (evwatch.toml's
    ``[rules.source_health] runs``); ``enabled``: each seed's switch, by name."""
    next_runs = stored_next_runs(db)
    sources = []
    attention: list[str] = []
    with db.read_engine.connect() as connection:
        names = sorted(set(enabled) | set(connection.scalars(select(Source.name))))
        for name in names:
            runs = list(
                connection.execute(
                    select(*_RUN_COLUMNS)
                    .join(readtables.sources, CrawlRun.source_id == Source.id)
                    .where(
                        Source.name == name,
                        CrawlRun.finished_at.is_not(None),
                        CrawlRun.status != "skipped",
                    )
                    .order_by(CrawlRun.id.desc())
                    .limit(needed)
                )
            )
            bad = 0
            for run in runs:
                if not run_is_bad(run):
                    break
                bad += 1
            health = "never run" if not runs else "failing" if bad >= needed else "ok"
            if health == "failing":
                attention.append(f"source {name}: {bad} bad runs in a row")
            last = runs[0] if runs else None
            sources.append(
                {
                    "source": name,
                    "enabled": enabled.get(name, False),
                    "health": health,
                    "last_run": None if last is None else {
                        "started_at": _iso(last.started_at),
                        "seconds": round((last.finished_at - last.started_at).total_seconds(), 1)
                        if last.finished_at else None,
                        "status": last.status,
                        "pages": last.pages_fetched,
                        "new_articles": last.new_articles,
                        "new_figures": last.new_figures,
                        "errors": last.errors,
                    },
                    "next_run": _iso(next_runs.get(f"crawl:{name}")),
                }
            )  # fmt: skip
        pending = connection.scalar(select(func.count()).where(Delivery.status == "pending")) or 0
        failing = (
            connection.scalar(
                select(func.count()).where(
                    Delivery.status == "pending", Delivery.attempts >= FAILING_ATTEMPTS
                )
            )
            or 0
        )
        dead = list(
            connection.execute(
                select(Delivery.id, Delivery.subscriber, Delivery.channel, Delivery.last_error)
                .where(Delivery.status == "dead")
                .order_by(Delivery.id.desc())
                .limit(20)
            ).all()
        )
        dead_count = connection.scalar(select(func.count()).where(Delivery.status == "dead")) or 0
        # cancelled: never to be sent, their alert was retracted before they went out
        cancelled = (
            connection.scalar(select(func.count()).where(Delivery.status == "cancelled")) or 0
        )
        latest = connection.execute(
            select(Alert.id, Alert.created_at, Alert.kind, Alert.message, Alert.historical,
                   Alert.held).order_by(Alert.id.desc()).limit(5)
        )  # fmt: skip
        alerts = [
            {"id": a.id, "created_at": _iso(a.created_at), "kind": a.kind, "message": a.message,
             "historical": a.historical, "held": a.held}
            for a in latest
        ]  # fmt: skip
    if dead_count:
        attention.append(f"{dead_count} dead deliveries")
    if failing:
        attention.append(f"{failing} deliveries failing {FAILING_ATTEMPTS}+ times")
    return {
        "daemon": holder(db.url),
        "sources": sources,
        "deliveries": {
            "pending": pending,
            "failing": failing,
            "dead": dead_count,
            "cancelled": cancelled,
            "dead_recent": [
                {
                    "id": d.id,
                    "subscriber": d.subscriber,
                    "channel": d.channel,
                    "error": d.last_error,
                }
                for d in dead
            ],
        },
        "latest_alerts": alerts,
        "needs_attention": attention,
    }


def render_status(report: dict[str, Any]) -> str:
    lines = [f"daemon: {report['daemon'] or 'not running'}", ""]
    rows = []
    for s in report["sources"]:
        run = s["last_run"] or {}
        rows.append(
            (
                s["source"], "yes" if s["enabled"] else "no", s["health"],
                (run.get("started_at") or "-")[:16].replace("T", " "),
                "" if run.get("seconds") is None else f"{run['seconds']:.0f}s",
                run.get("status", ""), run.get("pages", ""), run.get("new_articles", ""),
                run.get("new_figures", ""), run.get("errors", ""),
                (s["next_run"] or "-")[:16].replace("T", " "),
            )
        )  # fmt: skip
    headers = ("source", "enabled", "health", "last run (UTC)", "took", "status", "pages",
               "new articles", "new figures", "errors", "next run (UTC)")  # fmt: skip
    lines.append(format_table(headers, rows))
    d = report["deliveries"]
    lines += [
        "",
        f"deliveries: {d['pending']} pending, {d['failing']} failing, {d['dead']} dead, "
        f"{d['cancelled']} cancelled",
    ]
    lines += [f"  dead #{x['id']} {x['subscriber']} {x['channel']}: {x['error']}"
              for x in d["dead_recent"]]  # fmt: skip
    lines += ["", "latest alerts:"]
    lines += [f"  #{a['id']} {a['created_at'][:16]} {a['kind']}"
              f"{' (held)' if a['held'] else ''}: {truncate(a['message'], 90)}"
              for a in report["latest_alerts"]] or ["  none"]  # fmt: skip
    if report["needs_attention"]:
        lines += ["", "needs attention: " + "; ".join(report["needs_attention"])]
    return "\n".join(lines)


def status_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def cmd_status(args: argparse.Namespace, db: Database) -> int:
    report = status_report(db, _health_runs(args), _seed_switches(args))
    print(status_json(report) if args.format == "json" else render_status(report))
    return 1 if report["needs_attention"] else 0


def _health_runs(args: argparse.Namespace) -> int:
    """The one rule status needs, read from evwatch.toml without validating the whole file;
    a file that cannot be read so simply is loaded and validated, which names the problem."""
    runs = source_health_runs(config_path(args.config))
    return alert_config(args).rules.source_health_runs if runs is None else runs


def _seed_switches(args: argparse.Namespace) -> dict[str, bool]:
    """Each seed's switch, read without validating the files; files that cannot be read so
    simply are loaded and validated, which names the problem."""
    switches = seed_switches(args.seeds)
    if switches is None:
        from crawler.seeds import load_seeds

        switches = {name: seed.enabled for name, seed in load_seeds(args.seeds).items()}
    return switches
