"""Publish-time parsing: epoch attributes, site date formats and dates in URL paths, to UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

# A date, optionally followed by a time, as the sites print them: 2024-11-18 09:30,
# 2025/12/01 18:30, 2024年11月18日, Published:2023-09-18 13:46.
_DATE_TIME = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[T\s]*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_EPOCH = re.compile(r"^\s*(\d{10})(?:\d{3})?\s*$")
# Epochs before 2000 or after 2100 are taken as corrupt attributes, not dates.
_EPOCH_RANGE = (946_684_800, 4_102_444_800)


def parse_epoch(text: str) -> datetime | None:
    """Seconds (or milliseconds) since 1970 in a bare attribute value, as aware UTC."""
    match = _EPOCH.match(text)
    if not match:
        return None
    seconds = int(match.group(1))
    if not _EPOCH_RANGE[0] <= seconds <= _EPOCH_RANGE[1]:
        return None
    return datetime.fromtimestamp(seconds, UTC)


def parse_local_datetime(text: str, tz: ZoneInfo) -> datetime | None:
    """The first valid date(-time) in ``text``, read in the site's zone and returned as UTC.

    Impossible dates (2025-13-45) are skipped, not raised: a bad date on a page falls through to
    the next fallback.
    """
    for match in _DATE_TIME.finditer(text):
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        try:
            local = datetime(
                parts["y"],
                parts["m"],
                parts["d"],
                parts.get("H", 0),
                parts.get("M", 0),
                parts.get("S", 0),
                tzinfo=tz,
            )
        except ValueError:
            continue
        return local.astimezone(UTC)
    return None


def parse_published(text: str, tz: ZoneInfo, formats: tuple[str, ...] = ()) -> datetime | None:
    """A publish time from a selector's text: an epoch when ``epoch`` is an allowed format,
    else the seed's strptime formats, else any recognisable date in the text."""
    text = text.strip()
    if not text:
        return None
    if "epoch" in formats and (epoch := parse_epoch(text)) is not None:
        return epoch
    if "T" in text:  # ISO 8601 with an offset, as in <meta property="article:published_time">
        try:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            stamp = None
        if stamp is not None:
            return (stamp if stamp.tzinfo else stamp.replace(tzinfo=tz)).astimezone(UTC)
    for fmt in formats:
        if fmt == "epoch":
            continue
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=tz).astimezone(UTC)
        except ValueError:
            continue
    return parse_local_datetime(text, tz)


def date_from_url(url: str, pattern: str, tz: ZoneInfo) -> datetime | None:
    """The date a URL path carries (``/2024/11-18/``), as midnight local time in UTC."""
    if not pattern:
        return None
    match = re.search(pattern, url)
    if not match:
        return None
    year, month, day = (int(group) for group in match.groups()[:3])
    try:
        return datetime(year, month, day, tzinfo=tz).astimezone(UTC)
    except ValueError:
        return None
