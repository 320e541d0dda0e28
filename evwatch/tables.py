"""Plain-text tables for people: aligned columns, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence
from unicodedata import east_asian_width


def display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
    if text.isascii():  # one column each: most cells, measured without a look-up per character
        return len(text)
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def truncate(text: str, width: int) -> str:
    """``text`` in at most ``width - 1`` columns, or cut there and ended with "…"."""
    if width >= 1 and text.isascii():
        return text if len(text) < width else text[: width - 1] + "…"
    out: list[str] = []
    used = 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            return "".join(out) + "…"
        out.append(ch)
        used += w
    return "".join(out)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in headers], *[["" if c is None else str(c) for c in r] for r in rows]]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [
        all(r[i].replace(",", "").isdigit() for r in cells[1:] if r[i]) for i in range(len(headers))
    ]
    lines = []
    for index, row in enumerate(cells):
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if numeric[i] and index else cell + pad)
        lines.append("  ".join(parts).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
