"""``evwatch extract PATH|URL|-``: the figures in one article, for people (table) or programs
(jsonl, json). Pages are read by ``crawler.documents``, the same extraction the crawler uses."""

from __future__ import annotations

import argparse
import json
from datetime import date

from crawler.documents import parse_day, read_document
from crawler.errors import CommandError
from crawler.figures.labels import period_label
from crawler.figures.model import Figure
from crawler.figures.parser import NumberTrace, explain_figures, parse_figures
from evwatch.tables import format_table

FORMATS = ("table", "jsonl", "json")
HEADERS = (
    "entity", "metric", "segment", "period", "start", "end", "value", "qualifier", "yoy %",
    "mom %", "claims",
)  # fmt: skip


def add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help='a file, an http(s) URL, or "-" for stdin')
    parser.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date (default: from the page)"
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.add_argument(
        "--allow-private-addresses", action="store_true",
        help="fetch a URL on a loopback, private or link-local address (refused otherwise)",
    )  # fmt: skip
    parser.add_argument(
        "--explain", action="store_true",
        help="for every number in the article: the figure it became, or why it became none",
    )  # fmt: skip


def _row(f: Figure) -> tuple[object, ...]:
    return (
        f.entity, f.metric, f.segment, f.period_kind, f.period_start.isoformat(),
        f.period_end.isoformat(), f"{f.value:,}", f.qualifier,
        "" if f.yoy_pct is None else f"{f.yoy_pct:g}",
        "" if f.mom_pct is None else f"{f.mom_pct:g}", ",".join(f.claims),
    )  # fmt: skip


def run_extract(args: argparse.Namespace) -> int:
    published = parse_day(args.published) if args.published else None
    document = read_document(args.source, allow_private=args.allow_private_addresses)
    published = published or document.published_day()
    if published is None:
        raise CommandError(f"{args.source}: no publication date found; pass --published YYYY-MM-DD")
    text = f"{document.title}\n{document.text}" if document.title else document.text
    if args.explain:
        return _explain(text, published, args.format)
    figures = parse_figures(text, published)
    if args.format == "jsonl":
        for figure in figures:
            print(json.dumps(figure.as_json(), ensure_ascii=False))
    elif args.format == "json":
        print(json.dumps([f.as_json() for f in figures], ensure_ascii=False, indent=2))
    else:
        ordered = sorted(figures, key=lambda f: (f.entity, f.metric, f.period_start, f.period_end))
        print(format_table(HEADERS, [_row(f) for f in ordered]))
        print(f"{len(figures)} figure(s); published {published.isoformat()}")
    return 0


def _trace_json(text: str, t: NumberTrace) -> dict[str, object]:
    return {
        "number": text[t.start : t.end],
        "start": t.start,
        "end": t.end,
        "value": t.value,
        "figure": None if t.figure is None else t.figure.as_json(),
        "reason": t.reason,
    }


def _explain(text: str, published: date, fmt: str) -> int:
    figures, trace = explain_figures(text, published)
    if fmt != "table":
        rows = [_trace_json(text, t) for t in trace]
        if fmt == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        for row in rows if fmt == "jsonl" else ():
            print(json.dumps(row, ensure_ascii=False))
        return 0
    table = []
    for t in trace:
        line = text.count("\n", 0, t.start) + 1
        if t.figure is not None and not t.reason:
            f = t.figure
            outcome = (
                f"{f.entity} {f.metric} {period_label(f.period_kind, f.period_start, f.period_end)}"
                f" {f.qualifier}"
            )
        else:
            outcome = f"dropped: {t.reason}"
        table.append((line, text[t.start : t.end], f"{t.value:,}", outcome))
    print(format_table(("line", "number", "value", "became"), table))
    kept = sum(1 for t in trace if t.figure is not None and not t.reason)
    print(
        f"{len(trace)} number(s), {kept} became figures, {len(figures)} figure(s); "
        f"published {published.isoformat()}"
    )
    return 0
