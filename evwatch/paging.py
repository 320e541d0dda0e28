"""Paging for the read commands (``figures``, ``alerts``, ``articles``): ``--limit`` and
``--offset``, and the closing line of a table that says how many rows are left.

A table is for a person: it shows ``TABLE_LIMIT`` rows unless ``--limit`` says otherwise
(``--limit 0``: all). The machine formats (csv, jsonl) are for scripts: they stream every row
unless ``--limit`` is given.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

TABLE_LIMIT = 50


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"0 or more, not {value}")
    return value


def add_paging(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limit",
        type=_count,
        metavar="N",
        help=f"rows to print (default: {TABLE_LIMIT} in a table, every row in csv and jsonl; "
        "0: every row)",
    )
    parser.add_argument(
        "--offset", type=_count, default=0, metavar="N", help="skip the first N rows"
    )


@dataclass(frozen=True)
class Page:
    """Which rows to print: ``limit`` None is every row."""

    limit: int | None
    offset: int = 0

    @classmethod
    def of(cls, args: argparse.Namespace, *, table: bool) -> Page:
        limit = args.limit
        if limit is None:
            limit = TABLE_LIMIT if table else 0
        return cls(limit or None, args.offset)

    def full(self, shown: int) -> bool:
        """Whether ``shown`` rows fill the page, so more may follow."""
        return self.limit is not None and shown >= self.limit

    def more_line(self, total: int, shown: int, noun: str = "rows") -> str | None:
        """The table's last line when ``total`` rows match and this page showed ``shown``."""
        left = total - self.offset - shown
        if left <= 0 or self.limit is None:
            return None
        after = self.offset + shown
        return (
            f"… {left:,} more {noun}: --offset {after} shows the next {min(left, self.limit):,}, "
            "--limit 0 shows every one"
        )
