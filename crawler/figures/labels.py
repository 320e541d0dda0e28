"""How people read a period: "Nov 2025", "Jan–Sep 2024", "Q3 2025", "2024 to 14 Nov". One
wording for alert messages, emails and the command line."""

from __future__ import annotations

from datetime import date

MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def month_label(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def period_label(kind: str, start: date, end: date) -> str:
    """How a message names a period: Nov 2025, Jan–Sep 2024, Q3 2025, 2025, to date."""
    if kind == "month":
        return month_label(start)
    if kind == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if kind == "half":
        return f"H{1 if start.month <= 6 else 2} {start.year}"
    if kind == "year":
        return str(start.year)
    if kind == "lifetime":
        return f"all time to {end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    if kind == "day":
        return f"{end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    if _is_month_end(end):
        first = MONTH_NAMES[start.month - 1]
        return f"{first}–{MONTH_NAMES[end.month - 1]} {end.year}" if start != end else first
    return f"{start.year} to {end.day} {MONTH_NAMES[end.month - 1]}"


def _is_month_end(day: date) -> bool:
    return date.fromordinal(day.toordinal() + 1).day == 1
