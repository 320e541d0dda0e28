"""The per-source frontier: a first crawl cut short before it read the older listing pages
leaves them to the next crawl, which walks on past listing pages with nothing new until one
crawl has walked the whole listing (to the seed's depth)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.replica.process import ReplicaProcess
from tests.conftest import FAST, REPO, query, run_evwatch

SOURCE = "jiemian"


@pytest.fixture
def faulty(replica: ReplicaProcess) -> Iterator[ReplicaProcess]:
    replica.reset()
    yield replica
    replica.reset()


def crawl_args(replica: ReplicaProcess, db: Path) -> list[str]:
    return ["--db", f"sqlite:///{db}", "crawl", SOURCE, "--replica", replica.url, "--quiet", *FAST]


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return int(query(db, "SELECT count(*) FROM articles")[0][0])  # type: ignore[arg-type]
    except Exception:  # the schema is still being created
        return 0


def listing_pages(hits: list[dict[str, object]]) -> set[str]:
    return {str(h["path"]) for h in hits if "/lists/" in str(h["path"])}


def test_a_first_crawl_cut_short_leaves_the_older_pages_to_the_next_crawl(
    faulty: ReplicaProcess, tmp_path: Path
) -> None:
    full = tmp_path / "full.db"
    assert run_evwatch(*crawl_args(faulty, full)).returncode == 0
    every = {row[0] for row in query(full, "SELECT canonical_url FROM articles")}
    full_walk = listing_pages(faulty.hits())
    assert any("_2.html" in path for path in full_walk)  # the listing is paginated

    # The first crawl stops while the older listing pages hang: only the newest are stored.
    faulty.reset()
    faulty.fault(SOURCE, "stall")
    db = tmp_path / "evwatch.db"
    first = subprocess.Popen(
        [sys.executable, "-m", "evwatch", *crawl_args(faulty, db)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline, last, steady_since = time.monotonic() + 60, -1, time.monotonic()
    while time.monotonic() < deadline:
        count = stored(db)
        if count != last:
            last, steady_since = count, time.monotonic()
        elif count and time.monotonic() - steady_since > 3:
            break
        time.sleep(0.2)
    first.send_signal(signal.SIGINT)
    _, err = first.communicate(timeout=30)
    assert first.returncode == 130, err[-2000:]
    assert query(db, "SELECT status FROM crawl_runs") == [("interrupted",)]
    assert 0 < stored(db) < len(every)

    # The next crawl meets only stored articles on the first listing pages and walks on.
    faulty.reset()
    second = run_evwatch(*crawl_args(faulty, db))
    assert second.returncode == 0, second.stderr[-2000:]
    assert {row[0] for row in query(db, "SELECT canonical_url FROM articles")} == every
    assert listing_pages(faulty.hits()) == full_walk

    # That crawl walked the whole listing: the next one stops at the first page.
    faulty.reset()
    assert run_evwatch(*crawl_args(faulty, db)).returncode == 0
    walked = listing_pages(faulty.hits())
    assert walked and not any("_2.html" in path for path in walked)
