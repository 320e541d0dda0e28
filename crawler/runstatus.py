"""What a finished crawl run is called, from how it ended.

- ``ok``: it ran to the end and every page worked;
- ``partial``: it fetched pages it could use, but some failed (or a limit ended it early);
- ``failed``: it fetched nothing it could use (every start page failed, the site unreachable),
  or it could not store what it fetched (the database stayed locked);
- ``interrupted``: it was asked to stop (SIGINT, SIGTERM); what it fetched is stored;
- ``skipped``: another crawl of the source was running, so this one fetched nothing (its
  ``finish_reason`` names the other's process); it says nothing about the source.
"""

from __future__ import annotations

RUN_STATUSES = ("ok", "partial", "failed", "interrupted", "skipped")


def run_status(
    reason: str, *, interrupted: bool, pages_used: int, errors: int, unstored: int = 0
) -> str:
    """``reason`` is Scrapy's finish reason; ``pages_used`` counts listing and article pages
    the spider could read; ``unstored`` the articles it fetched but could not store."""
    if unstored:
        return "failed"
    if interrupted:
        return "interrupted"
    if pages_used == 0:
        return "failed"
    if errors or reason != "finished":
        return "partial"
    return "ok"
