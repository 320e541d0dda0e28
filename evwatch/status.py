"""``evwatch status``: per source the last run, its health and next run; the delivery outbox
(pending, failing, dead, cancelled); the latest alerts; whether a daemon holds the database.
Exits 1 when something needs a human: a failing source, a dead or repeatedly failing delivery."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from alerts.configfile import config_path, source_health_runs
from alerts.runhealth import run_is_bad
from crawler.seedfiles import seed_switches
from evwatch.instance import holder
from evwatch.options import alert_config
from evwatch.tables import format_table, truncate
from store.dburl import resolve_db_url
from store.schedule import next_runs
from store.sqlread import Reader, reading, utc

if TYPE_CHECKING:
    from collections.abc import Mapping

FAILING_ATTEMPTS = 3  # a pending delivery that failed this often needs a look
# Plain SQL, the same text on every database (``store.sqlread``). A source's last runs: what
# the table shows of a run and what judging its health reads (never the whole row).
_LAST_RUNS = """
SELECT r.started_at, r.finished_at, r.status, r.pages_fetched, r.new_articles, r.new_figures,
       r.errors, r.stats_json
FROM crawl_runs r JOIN sources s ON s.id = r.source_id
WHERE s.name = :name AND r.finished_at IS NOT NULL AND r.status != 'skipped'
ORDER BY r.id DESC LIMIT :runs
"""
_DELIVERY_COUNTS = """
SELECT status, count(*) AS deliveries,
       count(CASE WHEN attempts >= :failing THEN 1 END) AS failing
FROM deliveries GROUP BY status
"""
_DEAD = """
SELECT id, subscriber, channel, last_error FROM deliveries WHERE status = 'dead'
ORDER BY id DESC LIMIT 20
"""
_LATEST_ALERTS = """
SELECT id, created_at, kind, message, historical, held FROM alerts ORDER BY id DESC LIMIT 5
"""


def _iso(moment: datetime | str | None) -> str | None:
    aware = utc(moment)
    return aware.isoformat(timespec="seconds") if aware else None


def status_report(reader: Reader, needed: int, enabled: Mapping[str, bool]) -> dict[str, Any]:
    """The report: ``needed`` bad runs in a row make a source failing (evwatch.toml's
    ``[rules.source_health] runs``); ``enabled``: each seed's switch, by name."""
    scheduled = next_runs(reader)
    sources = []
    attention: list[str] = []
    names = sorted(set(enabled) | {row.name for row in reader.rows("SELECT name FROM sources")})
    for name in names:
        runs = list(reader.rows(_LAST_RUNS, {"name": name, "runs": needed}))
        bad = 0
        for run in runs:
            if not run_is_bad(run):
                break
            bad += 1
        health = "never run" if not runs else "failing" if bad >= needed else "ok"
        if health == "failing":
            attention.append(f"source {name}: {bad} bad runs in a row")
        last = runs[0] if runs else None
        started, finished = (utc(last.started_at), utc(last.finished_at)) if last else (None, None)
        sources.append(
            {
                "source": name,
                "enabled": enabled.get(name, False),
                "health": health,
                "last_run": None if last is None else {
                    "started_at": _iso(started),
                    "seconds": round((finished - started).total_seconds(), 1)
                    if finished and started else None,
                    "status": last.status,
                    "pages": last.pages_fetched,
                    "new_articles": last.new_articles,
                    "new_figures": last.new_figures,
                    "errors": last.errors,
                },
                "next_run": _iso(scheduled.get(f"crawl:{name}")),
            }
        )  # fmt: skip
    outbox = reader.rows(_DELIVERY_COUNTS, {"failing": FAILING_ATTEMPTS})
    counts = {row.status: row for row in outbox}

    def count(status: str) -> int:
        return counts[status].deliveries if status in counts else 0

    failing = counts["pending"].failing if "pending" in counts else 0
    dead = list(reader.rows(_DEAD))
    alerts = [
        {"id": a.id, "created_at": _iso(a.created_at), "kind": a.kind, "message": a.message,
         "historical": bool(a.historical), "held": bool(a.held)}
        for a in reader.rows(_LATEST_ALERTS)
    ]  # fmt: skip
    if count("dead"):
        attention.append(f"{count('dead')} dead deliveries")
    if failing:
        attention.append(f"{failing} deliveries failing {FAILING_ATTEMPTS}+ times")
    return {
        "daemon": holder(reader.url),
        "sources": sources,
        "deliveries": {
            "pending": count("pending"),
            "failing": failing,
            "dead": count("dead"),
            # cancelled: never to be sent, their alert was retracted before they went out
            "cancelled": count("cancelled"),
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


def cmd_status(args: argparse.Namespace) -> int:
    with reading(resolve_db_url(args.db)) as reader:
        report = status_report(reader, _health_runs(args), _seed_switches(args))
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
