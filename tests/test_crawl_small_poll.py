"""Where a crawl extracts its pages: a small poll in a thread of its own process (no worker
processes to start), a large crawl in the extraction workers from its first page on (what its
listings have queued already counts), so the crawl process never loads the extractor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.replica.process import ReplicaProcess
from tests.conftest import crawl_stats, query

SYNTHETIC = 60  # article links on the replica's first jiemian listing pages: more than 20


@pytest.fixture(scope="module")
def large_replica() -> Iterator[ReplicaProcess]:
    with ReplicaProcess(synthetic=SYNTHETIC) as server:
        yield server


def test_a_large_crawl_extracts_every_page_in_the_workers(
    large_replica: ReplicaProcess, tmp_path: Path
) -> None:
    db = tmp_path / "large.db"
    stats = crawl_stats(large_replica, db)
    assert query(db, "SELECT count(*) FROM articles")[0][0] >= SYNTHETIC
    assert stats["evwatch/cpu_us/extract"] > 0
    assert stats.get("evwatch/extract/in_thread", 0) == 0


def test_a_small_poll_extracts_in_a_thread(large_replica: ReplicaProcess, tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    stats = crawl_stats(large_replica, db, "--set", "EVWATCH_SMALL_POLL=1000")
    assert query(db, "SELECT count(*) FROM articles")[0][0] >= SYNTHETIC
    assert stats["evwatch/extract/in_thread"] == stats["evwatch/article_pages"]
