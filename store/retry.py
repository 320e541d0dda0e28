"""Database work that meets a held lock is tried again with a doubling back-off.

A write that still fails after the last attempt raises: the caller decides what that costs
(a crawl stores nothing it cannot keep, fails its run and fetches the articles again next time).
Only ``OperationalError`` is retried (a lock held too long, a connection lost): a bad row fails
at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

logger = logging.getLogger(__name__)

T = TypeVar("T")


def reason(error: OperationalError) -> str:
    """The driver's one-line reason ("database is locked"), without SQL or parameters."""
    return str(error.orig).strip().splitlines()[0] if error.orig is not None else "unavailable"


def with_retries(work: Callable[[], T], *, attempts: int, first_delay: float, what: str) -> T:
    """``work()``, tried up to ``attempts`` times while it raises ``OperationalError``,
    waiting ``first_delay`` seconds after the first failure, twice that after the second..."""
    delay = max(0.0, first_delay)
    for attempt in range(1, max(1, attempts) + 1):
        try:
            return work()
        except OperationalError as exc:
            if attempt >= attempts:
                raise
            logger.warning(
                "%s: database busy (%s); trying again in %.1fs (attempt %d of %d)",
                what, reason(exc), delay, attempt + 1, attempts,
            )  # fmt: skip
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover
