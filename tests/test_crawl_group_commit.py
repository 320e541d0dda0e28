"""Group commit: the crawl's writer stores the articles that arrive within
``EVWATCH_WRITE_GATHER`` seconds of each other in one transaction, and a crawl that ends while
articles wait for their batch still stores every one of them."""

from __future__ import annotations

from pathlib import Path

from crawler.replica.process import ReplicaProcess
from tests.conftest import crawl_stats, query

SYNTHETIC = 60


def gather(seconds: float) -> tuple[str, str]:
    return ("--set", f"EVWATCH_WRITE_GATHER={seconds}")


def test_articles_arriving_together_share_a_transaction(tmp_path: Path) -> None:
    with ReplicaProcess(synthetic=SYNTHETIC) as replica:
        # Articles arriving within a second of the first of a batch are stored with it.
        gathered = crawl_stats(replica, tmp_path / "gathered.db", *gather(1))
        one_by_one = crawl_stats(replica, tmp_path / "one_by_one.db", *gather(0))
    for name in ("gathered.db", "one_by_one.db"):
        assert query(tmp_path / name, "SELECT count(*) FROM articles")[0][0] >= SYNTHETIC
    assert gathered["evwatch/articles/new"] == one_by_one["evwatch/articles/new"] >= SYNTHETIC
    assert gathered["evwatch/store/batches"] <= 10
    assert one_by_one["evwatch/store/batches"] > gathered["evwatch/store/batches"]
    # the same figures, whatever the batches
    figures = "SELECT entity, metric, period_end, value FROM figures ORDER BY 1, 2, 3, 4"
    assert query(tmp_path / "gathered.db", figures) == query(tmp_path / "one_by_one.db", figures)
