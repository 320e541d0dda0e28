"""Sites that misbehave for a whole run, served by the replica: a listing that asks to be
retried after an hour is given up for the run (asked once), and a listing that redirects to
itself is recorded as an error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.replica.process import ReplicaProcess
from tests.conftest import FAST, query, run_evwatch


@pytest.fixture
def faulty(replica: ReplicaProcess) -> Iterator[ReplicaProcess]:
    replica.reset()
    yield replica
    replica.reset()


def crawl(replica: ReplicaProcess, db: Path, source: str) -> int:
    child = run_evwatch(
        "--db", f"sqlite:///{db}", "crawl", source, "--force", "--replica", replica.url,
        "--quiet", *FAST,
    )  # fmt: skip
    return child.returncode


def test_retry_after_longer_than_the_cap_gives_up_for_this_run(
    faulty: ReplicaProcess, tmp_path: Path
) -> None:
    faulty.fault("autobeta", "busy")
    db = tmp_path / "busy.db"
    crawl(faulty, db, "autobeta")
    asked = [h for h in faulty.hits() if not h["path"].endswith("/robots.txt")]
    assert asked and {h["status"] for h in asked} == {503}
    paths = [h["path"] for h in asked]
    assert sorted(paths) == sorted(set(paths))  # each asked once: no retry within the run
    assert query(db, "SELECT status FROM crawl_runs") == [("failed",)]


@pytest.mark.parametrize(("fault", "problem"), [("loop", "redirect loop"), ("offsite", "off-site")])
def test_redirect_loops_and_off_site_redirects_are_recorded_as_errors(
    faulty: ReplicaProcess, tmp_path: Path, fault: str, problem: str
) -> None:
    faulty.fault("autobeta", fault)
    db = tmp_path / f"{fault}.db"
    assert crawl(faulty, db, "autobeta") == 1
    errors = query(db, "SELECT url, kind, message FROM crawl_errors ORDER BY url")
    assert [(url, kind) for url, kind, _ in errors] == [
        ("https://www.autobeta.net/", "redirect"),
        ("https://www.autobeta.net/news/", "redirect"),
    ]
    assert all(message.startswith(problem) for _, _, message in errors)
    assert query(db, "SELECT status, errors FROM crawl_runs") == [("failed", 2)]


@pytest.mark.parametrize("fault", ["unavailable", "throttled"])
def test_a_listing_that_always_answers_503_or_429_is_reported_failing(
    faulty: ReplicaProcess, tmp_path: Path, fault: str
) -> None:
    faulty.fault("autobeta", fault)
    db = tmp_path / f"{fault}.db"
    for _ in range(3):  # source_health.runs in a row
        assert crawl(faulty, db, "autobeta") == 1
    answered = {h["status"] for h in faulty.hits() if not h["path"].endswith("/robots.txt")}
    assert answered == {503 if fault == "unavailable" else 429}
    # robots.txt answered every time: it is not a page of the site.
    assert query(db, "SELECT status, pages_fetched FROM crawl_runs") == [("failed", 0)] * 3
    status = run_evwatch("--db", f"sqlite:///{db}", "status", "--format", "json")
    assert status.returncode == 1
    [autobeta] = [s for s in json.loads(status.stdout)["sources"] if s["source"] == "autobeta"]
    assert autobeta["health"] == "failing"
    assert query(db, "SELECT count(*) FROM alerts WHERE kind = 'source_health'") == [(1,)]
