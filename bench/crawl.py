"""Crawl throughput: evwatch end to end (fetch + trafilatura + store) against a bare Scrapy
spider that only fetches the same pages, on a replica with N synthetic articles.

    .venv/bin/python bench/crawl.py [--articles 2000]

Prints articles/s for both and their ratio; CPU ms per article of each process tree (the
crawl's extraction workers included) and, end to end, per stage (extraction in the workers, the
database writer, the rest: fetching, parsing listings, Scrapy); the writer's transactions (group
commit); and the peak memory of each whole process tree (the sum of its processes' RSS,
sampled every 50 ms).
Goal: end to end at least 0.55 of the bare fetch rate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.replica.process import ReplicaProcess  # noqa: E402

SPEED = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "CONCURRENT_REQUESTS": "32",
    "LOG_LEVEL": "ERROR",
}

BARE_SPIDER = r"""
import json, re, sys, time
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

ARTICLE = re.compile(r"^https?://(www|m|en)\.jiemian\.com/article/\d+\.html$")
LISTING = re.compile(r"^https?://m\.jiemian\.com/lists/51_\d+\.html$")

class Bare(scrapy.Spider):
    name = "bare"
    start_urls = ["https://m.jiemian.com/lists/51_1.html"]
    pages = 0
    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if ARTICLE.match(url):
                yield scrapy.Request(url, callback=self.article)
            elif LISTING.match(url):
                yield scrapy.Request(url, callback=self.parse)
    def article(self, response):
        Bare.pages += 1

settings = Settings()
settings.setmodule("crawler.replica.settings", priority="project")
settings.set("ITEM_PIPELINES", {})
settings.set("EXTENSIONS", {})
for name, value in json.loads(sys.argv[2]).items():
    settings.set(name, value)
settings.set("EVWATCH_REPLICA_URL", sys.argv[1])
process = CrawlerProcess(settings)
started = time.perf_counter()
process.crawl(Bare)
process.start()
print(json.dumps({"articles": Bare.pages, "seconds": time.perf_counter() - started}))
"""


def tree_rss_mb(pid: int) -> float:
    """The summed RSS of a process and all its descendants, in MB (0 when it is gone)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total / 1024


@dataclass
class Run:
    seconds: float
    cpu: float  # CPU seconds of the process and the children it waited for (its workers)
    peak_mb: float  # peak of the whole tree's summed RSS
    output: str


def run(argv: list[str], env: dict[str, str]) -> Run:
    """Runs one process (tree) to its end, sampling its memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output: dict[str, bytes] = {}

    def drain(name: str, stream: IO[bytes]) -> None:
        output[name] = stream.read()

    assert proc.stdout is not None and proc.stderr is not None
    readers = [
        threading.Thread(target=drain, args=("out", proc.stdout)),
        threading.Thread(target=drain, args=("err", proc.stderr)),
    ]
    for reader in readers:
        reader.start()
    peak = 0.0
    while True:
        # wait4 reports the child's CPU time with that of the children it reaped (workers)
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, tree_rss_mb(proc.pid))
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    for reader in readers:
        reader.join()
    if proc.returncode != 0:
        sys.exit(f"bench run failed: {output['err'].decode(errors='replace')[-2000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak, output["out"].decode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="evwatch-bench-"))
    seeds = workdir / "seeds"
    seeds.mkdir()
    seed_text = (REPO / "seeds" / "jiemian.toml").read_text(encoding="utf-8")
    seed_text = seed_text.replace("max_listing_pages = 3", "max_listing_pages = 1000")
    # Only the paginated mobile list: both spiders walk the same pages.
    start = seed_text.index("start_urls = [")
    end = seed_text.index("\n]", start) + 2
    seed_text = (
        seed_text[:start]
        + 'start_urls = ["https://m.jiemian.com/lists/51_1.html"]'
        + (seed_text[end:])
    )
    (seeds / "jiemian.toml").write_text(seed_text, encoding="utf-8")
    env = {**os.environ, "EVWATCH_SEEDS": str(seeds), "PYTHONPATH": str(REPO)}
    try:
        with ReplicaProcess(synthetic=args.articles) as replica:
            # A file, not -c: Scrapy inspects callback source code, which -c does not keep.
            bare_script = workdir / "bare_spider.py"
            bare_script.write_text(BARE_SPIDER, encoding="utf-8")
            bare_argv = [sys.executable, str(bare_script), replica.url, json.dumps(SPEED)]
            bare = run(bare_argv, env)
            bare_pages = json.loads(bare.output.strip().splitlines()[-1])["articles"]
            db = workdir / "bench.db"
            sets = [x for name, value in SPEED.items() for x in ("--set", f"{name}={value}")]
            e2e_argv = [
                sys.executable,
                "-m",
                "evwatch",
                "--db",
                f"sqlite:///{db}",
                "--log-level",
                "ERROR",
                "crawl",
                "jiemian",
                "--replica",
                replica.url,
                "--quiet",
                *sets,
            ]
            e2e = run(e2e_argv, env)
        import sqlite3

        with sqlite3.connect(db) as connection:
            stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
            stats = json.loads(
                connection.execute("SELECT stats_json FROM crawl_runs ORDER BY id DESC").fetchone()[
                    0
                ]
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    bare_rate = bare_pages / bare.seconds
    e2e_rate = stored / e2e.seconds
    per = 1 / max(stored, 1)
    extract = stats.get("evwatch/cpu_us/extract", 0) / 1000 * per
    store = stats.get("evwatch/cpu_us/store", 0) / 1000 * per
    total = e2e.cpu * 1000 * per
    print(f"articles in replica      {args.articles}")
    print(
        f"bare fetch ({bare_pages} pages)  {bare_rate:8.1f} articles/s  ({bare.seconds:.1f} s, "
        f"CPU {bare.cpu * 1000 / max(bare_pages, 1):.2f} ms/article, "
        f"tree peak {bare.peak_mb:.0f} MB)"
    )
    print(
        f"end to end (stored {stored})  {e2e_rate:8.1f} articles/s  ({e2e.seconds:.1f} s, "
        f"CPU {total:.2f} ms/article, tree peak {e2e.peak_mb:.0f} MB)"
    )
    print(
        f"  CPU ms/article by stage: extraction {extract:.2f} (workers), writer {store:.2f}, "
        f"rest {total - extract - store:.2f} (fetch, listings, Scrapy)"
    )
    batches = stats.get("evwatch/store/batches", 0)
    print(
        f"  writer transactions      {batches}  ({stored / max(batches, 1):.1f} articles each, "
        "EVWATCH_WRITE_GATHER)"
    )
    print(f"ratio end-to-end / bare  {e2e_rate / bare_rate:8.2f}  (goal >= 0.55)")


if __name__ == "__main__":
    main()
