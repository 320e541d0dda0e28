"""A kill run by hand: the daemon SIGKILLed N times at random instants against the replica,
every other kill (at random) sparing its crawls, which then overlap the next daemon for a moment.
Henan Daily publishes its held-back news during the run; Jiemian (a paginated listing) is killed
from its very first crawl. A last daemon then runs until everything is settled, and the run
checks that every article is stored once, that exactly the alerts the published news called
for are live, and that each was delivered (webhook ids counted with multiplicity).

Run: .venv/bin/python bench/kill_run.py [--kills 60] [--seed 11] [--max-wait 5]
Prints the numbers and exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.replica.process import ReplicaProcess  # noqa: E402
from crawler.replica.site import load_articles  # noqa: E402
from tests import processes  # noqa: E402
from tests.servers import WebhookReceiver  # noqa: E402

SECRET_ENV = "EVWATCH_BENCH_SECRET"
SECRET = "whsec_" + base64.b64encode(b"evwatch kill-run benchmark key!!").decode()
SOURCES = ("henandaily", "jiemian")
POLL_SECONDS = 3.0
DUE = {"threshold:Henan:production:nev:100000", "streak:Henan:production:nev:100000:2025-11"}


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute(sql).fetchall()
    except sqlite3.Error:
        return []


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"not reached within {timeout:.0f} s: {what}")
        time.sleep(0.2)


class Run:
    def __init__(self, folder: Path, replica: ReplicaProcess, hook: WebhookReceiver) -> None:
        self.folder = folder
        self.replica = replica
        self.db = folder / "evwatch.db"
        self.seeds = folder / "seeds"
        self.seeds.mkdir()
        for source in SOURCES:
            shutil.copy(REPO / "seeds" / f"{source}.toml", self.seeds)
        self.config = folder / "evwatch.toml"
        self.config.write_text(
            "[daemon]\ndispatch_interval_seconds = 1\nstop_timeout_seconds = 8\n"
            "crawl_timeout_seconds = 120\n"
            + "".join(
                f"[daemon.sources.{s}]\ninterval_minutes = {POLL_SECONDS / 60}\n" for s in SOURCES
            )
            + "[dispatch]\nbackoff_seconds = 0\nmax_attempts = 100\n"
            '[[subscriber]]\nname = "desk"\n'
            f'webhook = {{ url = "{hook.url}", secret_env = "{SECRET_ENV}", '
            "allow_private_addresses = true }\n",
            encoding="utf-8",
        )
        self.log = (folder / "daemons.log").open("w")

    def args(self, db: Path, *more: str) -> list[str]:
        return [sys.executable, "-m", "evwatch", "--db", f"sqlite:///{db}",
                "--seeds", str(self.seeds), "--config", str(self.config), *more]  # fmt: skip

    def start(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self.args(self.db, "daemon", "--replica", self.replica.url), cwd=REPO,
            env={**os.environ, SECRET_ENV: SECRET}, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    @staticmethod
    def kill_tree(daemon: subprocess.Popen[bytes]) -> None:
        processes.kill_tree(daemon.pid)
        daemon.wait(timeout=30)

    @staticmethod
    def kill_daemon(daemon: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(daemon.pid, signal.SIGKILL)
        daemon.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--max-wait", type=float, default=5.0, help="longest life of a daemon")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    folder = Path(tempfile.mkdtemp(prefix="evwatch-kill-run-"))
    began = time.monotonic()
    failures: list[str] = []
    late = load_articles("henandaily", late=True)
    publish_at = {round(options.kills * (i + 1) / (len(late) + 1)) for i in range(len(late))}
    with ReplicaProcess(slow_seconds=0.2) as replica, WebhookReceiver(secret=SECRET) as hook:
        run = Run(folder, replica, hook)
        reference = folder / "reference.db"
        subprocess.run(run.args(reference, "crawl", *SOURCES, "--replica", replica.url,
                                "--quiet"), cwd=REPO, check=True, capture_output=True)  # fmt: skip
        expected = {t for (t,) in rows(reference, "SELECT title FROM articles")}
        expected |= {a["title"] for a in late}

        # Henan Daily's archive once to the end (its backfill): the news published later is due.
        daemon = run.start()
        wait_for(
            lambda: bool(
                rows(
                    run.db,
                    "SELECT 1 FROM crawl_runs r JOIN sources s ON s.id = "
                    "r.source_id WHERE s.name = 'henandaily' AND r.status IN "
                    "('ok', 'partial')",
                )
            ),
            120,
            "a first whole crawl of henandaily",
        )
        run.kill_tree(daemon)
        spared = 0
        for kill in range(options.kills):
            if kill in publish_at:
                replica.publish("henandaily")
            daemon = run.start()
            time.sleep(rng.uniform(0.5, options.max_wait))
            if rng.random() < 0.5:
                run.kill_daemon(daemon)
                spared += 1
            else:
                run.kill_tree(daemon)
        killing_done = time.monotonic()

        daemon = run.start()

        def settled() -> bool:
            pending = rows(run.db, "SELECT count(*) FROM deliveries WHERE status != 'sent'")
            stored = {t for (t,) in rows(run.db, "SELECT title FROM articles")}
            return pending == [(0,)] and expected <= stored

        try:
            wait_for(settled, 240, "every article stored and every delivery sent")
        except SystemExit as exc:
            failures.append(str(exc))
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
        received = Counter(r.headers["webhook-id"] for r in hook.requests)

    db = run.db
    titles = [t for (t,) in rows(db, "SELECT title FROM articles")]
    live = {k for (k,) in rows(db, "SELECT key FROM alerts WHERE historical = 0")}
    deliveries = rows(db, "SELECT a.key, d.message_id, d.status FROM deliveries d "
                      "JOIN alerts a ON a.id = d.alert_id")  # fmt: skip
    statuses = Counter(s for (s,) in rows(db, "SELECT status FROM crawl_runs"))
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    checks = {
        "integrity": rows(db, "PRAGMA integrity_check") == [("ok",)],
        "every article stored": expected <= set(titles),
        "no article twice": len(titles) == len(set(titles)),
        "no unexpected article": set(titles) <= expected,
        "live alerts are exactly the due ones": live == DUE,
        "one delivery per due alert": sorted(k for k, _, _ in deliveries) == sorted(DUE),
        "every delivery sent": {s for _, _, s in deliveries} == {"sent"},
        "webhook ids received are the deliveries'": set(received) == {m for _, m, _ in deliveries},
        "no run left open": rows(db, "SELECT count(*) FROM crawl_runs WHERE finished_at IS NULL")
        == [(0,)],
    }
    print(f"kills: {options.kills} ({spared} sparing the crawls), seed {options.seed}")
    print(f"wall: {killing_done - began:.0f} s killing, {time.monotonic() - began:.0f} s in all;"
          f" CPU of the daemons reaped here: {cpu.ru_utime + cpu.ru_stime:.0f} s")  # fmt: skip
    print(f"articles: {len(titles)} stored ({len(set(titles))} distinct), {len(expected)} expected;"
          f" missing {sorted(expected - set(titles))}")  # fmt: skip
    print(f"crawl runs: {dict(sorted(statuses.items()))}")
    print(f"alerts: {len(rows(db, 'SELECT 1 FROM alerts'))} in all, live {sorted(live)}")
    print(f"webhook requests: {sum(received.values())} for {len(received)} ids "
          f"(re-sent with the same id: {sum(received.values()) - len(received)})")  # fmt: skip
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    failures += [name for name, ok in checks.items() if not ok]
    if options.keep or failures:
        print(f"scratch folder kept: {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
