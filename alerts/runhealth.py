"""Whether one crawl run was bad for its source: what the source-health rule counts, and what
``evwatch status`` shows. No database or configuration here (status imports it)."""

from __future__ import annotations

import json
from typing import Protocol


class RunOutcome(Protocol):
    """What judging a run reads: a stored run, or a row of just these columns."""

    @property
    def status(self) -> str: ...
    @property
    def pages_fetched(self) -> int: ...
    @property
    def stats_json(self) -> str | None: ...


def run_is_bad(run: RunOutcome) -> bool:
    """A run that failed, fetched nothing, or found no article link on its listing pages.
    An interrupted run says nothing about the source."""
    if run.status == "interrupted":
        return False
    if run.status == "failed" or not run.pages_fetched:
        return True
    stats = json.loads(run.stats_json or "{}")
    return int(stats.get("evwatch/links/found", 1)) == 0
