"""The daemon over many polls of an unchanged replica: its memory over time (it must stay flat,
under 200 MB), the requests each idle poll makes (listing pages only, no article page), and the
seconds from "article appears" to "webhook received".

Run: .venv/bin/python bench/daemon.py [--polls 40] [--interval 1.5]   (a few minutes; more
polls for a longer soak)
"""

from __future__ import annotations

import argparse
import base64
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.replica.process import ReplicaProcess  # noqa: E402
from tests.servers import WebhookReceiver  # noqa: E402

SOURCE = "henandaily"
SECRET = "whsec_" + base64.b64encode(b"evwatch daemon benchmark secret!").decode()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def finished_runs(db: Path) -> int:
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute(
                "SELECT count(*) FROM crawl_runs WHERE finished_at IS NOT NULL"
            ).fetchone()[0]
    except sqlite3.Error:
        return 0


def wait_runs(db: Path, count: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while finished_runs(db) < count:
        if time.monotonic() > deadline:
            raise SystemExit(
                f"only {finished_runs(db)} of {count} polls finished; see {db.parent}/daemon.log"
            )
        time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--polls", type=int, default=40, help="polls (40: a few minutes)")
    parser.add_argument("--interval", type=float, default=1.5, help="seconds between polls")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="evwatch-bench-"))
    seeds = work / "seeds"
    seeds.mkdir()
    shutil.copy(REPO / "seeds" / f"{SOURCE}.toml", seeds)
    db = work / "evwatch.db"
    with ReplicaProcess(slow_seconds=0.2) as replica, WebhookReceiver(secret=SECRET) as hook:
        config = work / "evwatch.toml"
        config.write_text(
            f"[daemon]\ndispatch_interval_seconds = 1\n"
            f"[daemon.sources.{SOURCE}]\ninterval_minutes = {args.interval / 60}\n"
            f'[[subscriber]]\nname = "bench"\n'
            f'webhook = {{ url = "{hook.url}", secret_env = "EVWATCH_BENCH_SECRET", '
            f"allow_private_addresses = true }}\n",
            encoding="utf-8",
        )
        command = [
            sys.executable, "-m", "evwatch", "--db", f"sqlite:///{db}", "--seeds",
            str(seeds), "--config", str(config), "--log-level", "WARNING", "daemon",
            "--replica", replica.url,
        ]  # fmt: skip
        env = {**os.environ, "EVWATCH_BENCH_SECRET": SECRET}
        log = (work / "daemon.log").open("wb")
        daemon = subprocess.Popen(command, cwd=REPO, env=env, stderr=log)
        try:
            wait_runs(db, 1)  # the first crawl stores the archive
            replica.reset()
            samples = [(1, rss_mb(daemon.pid))]
            started = time.monotonic()
            for done in range(1, args.polls + 1):
                wait_runs(db, 1 + done)
                if done % max(1, args.polls // 10) == 0:
                    samples.append((1 + done, rss_mb(daemon.pid)))
            idle_seconds = time.monotonic() - started
            hits = replica.hits()
            article_hits = [h for h in hits if h["path"].rsplit("/", 1)[-1][:1].isdigit()]
            latencies = []
            for _ in range(2):
                before = len(hook.requests)
                replica.publish(SOURCE)
                appeared = time.monotonic()
                while len(hook.requests) == before:
                    if time.monotonic() - appeared > 120:
                        raise SystemExit("no webhook within 120 s")
                    time.sleep(0.05)
                latencies.append(time.monotonic() - appeared)
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(timeout=120)
    shutil.rmtree(work, ignore_errors=True)

    print(f"{args.polls} idle polls of {SOURCE} every {args.interval:g} s "
          f"({idle_seconds / args.polls:.2f} s per poll)")  # fmt: skip
    print("daemon RSS (MB) by poll: " + ", ".join(f"{n}: {mb:.0f}" for n, mb in samples))
    growth = samples[-1][1] - samples[0][1]
    print(f"peak {max(mb for _, mb in samples):.0f} MB, growth {growth:+.1f} MB over the run")
    print(f"requests per idle poll: {len(hits) / args.polls:.2f} "
          f"(article pages: {len(article_hits)})")  # fmt: skip
    print("article appears -> webhook received: "
          + ", ".join(f"{s:.1f} s" for s in latencies))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
