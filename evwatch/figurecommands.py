"""``evwatch figures`` (stored figures, per article or consolidated) and ``evwatch figures
reject``. A listing reads the store only: this module imports no parser, extractor or alert
rules (``evwatch reparse`` is ``evwatch.reparsecommand``), so it starts fast."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from datetime import date
from itertools import islice
from typing import Any

from sqlalchemy import Connection, select

from crawler.errors import CommandError
from crawler.figures.labels import period_label
from evwatch.paging import Page
from evwatch.tables import format_table, truncate
from store.db import Database
from store.figures import (
    ConsolidatedFigure,
    FigureFilter,
    consolidated,
    count_consolidated,
    count_figures,
    figure_rows,
    period_bounds,
    stored_claims,
    stored_day,
    stored_time,
)
from store.models import Figure

FORMATS = ("table", "csv", "jsonl")
FIGURE_COLUMNS = (
    "entity", "metric", "unit", "segment", "period_kind", "period_start", "period_end", "value",
    "qualifier", "yoy_pct", "mom_pct", "claims", "snippet",
)  # fmt: skip
ARTICLE_COLUMNS = ("source", "url", "title", "published_at")
RECORD_COLUMNS = ("id", *FIGURE_COLUMNS, *ARTICLE_COLUMNS)
CONSOLIDATED_COLUMNS = (
    "entity", "metric", "segment", "period_kind", "period_start", "period_end", "value",
    "qualifier", "reports", "sources", "disagreement",
)  # fmt: skip


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def matching_entities(db: Database, name: str) -> set[str]:
    """Stored entity names that ``name`` covers: itself, a group's brands, and combined figures
    ("Lynk & Co+Zeekr") made only of those."""
    from crawler.figures.entities import covered_names  # the lexicon, not the parser

    wanted = covered_names(name)
    with db.read() as session:
        stored = set(session.scalars(select(Figure.entity).distinct()))
    return {
        entity
        for entity in stored
        if entity.casefold() in wanted
        or all(part.casefold() in wanted for part in entity.split("+"))
    }


def figure_filter(db: Database, args: argparse.Namespace) -> FigureFilter:
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise CommandError(f"--since takes YYYY-MM-DD, got {args.since!r}") from None
    if args.period:
        try:
            period_bounds(args.period)
        except ValueError:
            raise CommandError(
                f"--period takes YYYY, YYYY-MM or YYYY-Qn, got {args.period!r}"
            ) from None
    entities = None
    if args.entity:
        entities = frozenset(matching_entities(db, args.entity))
        if not entities:
            raise CommandError(f"no stored figures for entity {args.entity!r}")
    return FigureFilter(entities, args.metric, args.period, since, args.source)


def cmd_figures(args: argparse.Namespace, db: Database) -> int:
    wanted = figure_filter(db, args)
    table = args.format == "table"
    page = Page.of(args, table=table)
    with db.read_engine.connect() as connection:  # Core rows: no ORM layer per row
        if args.consolidated:
            figures: Generator[Any] = consolidated(connection, wanted, page.limit, page.offset)
            count: Callable[[Connection, FigureFilter], int] = count_consolidated
        else:
            figures = figure_rows(
                connection, wanted, table=table, limit=page.limit, offset=page.offset
            )
            count = count_figures
        with closing(figures):  # its cursor closes here, even when the output fails
            if not table:
                writer = write_consolidated if args.consolidated else write_figures
                writer(figures, args.format)
                return 0
            shown = list(figures)  # one page
        total = count(connection, wanted) if page.full(len(shown)) else 0
    (write_consolidated if args.consolidated else write_figures)(shown, "table")
    more = page.more_line(total, len(shown), "figures")
    if more:
        print(more)
    return 0


def write_figures(rows: Iterable[Any], fmt: str) -> None:
    if fmt == "table":
        table = [
            (
                r.entity,
                r.metric,
                r.segment,
                period_label(r.period_kind, r.period_start, r.period_end),
                f"{r.value:,}",
                r.qualifier,
                "" if r.yoy_pct is None else f"{r.yoy_pct:+g}%",
                ",".join(r.claims),
                r.source,
                truncate(r.title or "", 40),
            )
            for r in rows
        ]
        headers = (
            "entity", "metric", "segment", "period", "value", "qualifier", "yoy", "claims",
            "source", "article",
        )  # fmt: skip
        print(format_table(headers, table))
        return
    _write_records(map(figure_record, rows), RECORD_COLUMNS, fmt)


def figure_record(r: Sequence[Any]) -> dict[str, Any]:
    """A row of ``store.figures.figure_rows`` (the record's columns, in ``RECORD_COLUMNS``
    order) as its csv and jsonl record: read by position, not name by name, for a million rows
    of a large database."""
    return {
        "id": r[0], "entity": r[1], "metric": r[2], "unit": r[3], "segment": r[4],
        "period_kind": r[5], "period_start": stored_day(r[6]), "period_end": stored_day(r[7]),
        "value": r[8], "qualifier": r[9], "yoy_pct": r[10], "mom_pct": r[11],
        "claims": stored_claims(r[12]),
        "snippet": r[13], "source": r[14], "url": r[15], "title": r[16],
        "published_at": stored_time(r[17]),
    }  # fmt: skip


def write_consolidated(figures: Iterable[ConsolidatedFigure], fmt: str) -> None:
    def disagreement(c: ConsolidatedFigure) -> str:
        return " vs ".join(f"{v:,} ({n})" for v, n in sorted(c.disagreement.items()))

    if fmt == "table":
        table = [
            (
                c.entity,
                c.metric,
                c.segment,
                period_label(c.period_kind, c.period_start, c.period_end),
                f"{c.value:,}",
                c.qualifier,
                c.reports,
                ",".join(c.sources),
                disagreement(c) or "-",
            )
            for c in figures
        ]
        headers = (
            "entity", "metric", "segment", "period", "value", "qualifier", "reports", "sources",
            "disagreement",
        )  # fmt: skip
        print(format_table(headers, table))
        return
    records = (
        {
            **{name: _iso(getattr(c, name)) for name in CONSOLIDATED_COLUMNS[:-3]},
            "reports": c.reports,
            "sources": list(c.sources),
            "disagreement": {str(v): n for v, n in c.disagreement.items()},
        }
        for c in figures
    )
    _write_records(records, CONSOLIDATED_COLUMNS, fmt)


def _write_records(records: Iterator[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    if fmt == "jsonl":
        # one encoder for every line (json.dumps with an option builds one per call; records
        # are flat, no cycle to look for), lines written a thousand at a time
        encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
        write = sys.stdout.write
        while batch := [encode(record) + "\n" for record in islice(records, 1_000)]:
            write("".join(batch))
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
             for k, v in record.items()}
        )  # fmt: skip


def print_latest_figures(db: Database, limit: int) -> None:
    """The consolidated figures with the latest periods (the demo's closing table)."""
    with db.read() as session:
        figures = list(consolidated(session, FigureFilter(), limit))
    write_consolidated(figures, "table")


def cmd_figures_reject(args: argparse.Namespace, db: Database) -> int:
    """Rejects one stored figure: the rejection is kept (a reparse never stores the figure
    again), the figure deleted, its alerts retracted and every subscriber who got one is sent
    a correction by the next dispatch."""
    from alerts.corrections import retract
    from store.figures import reject_figure
    from store.models import Alert, Figure

    reason = args.reason.strip()
    if not reason:
        raise CommandError("--reason must say why")
    with db.session() as session:
        figure = session.get(Figure, args.id)
        if figure is None:
            raise CommandError(f"no stored figure with id {args.id}")
        alert_ids = list(session.scalars(select(Alert.id).where(Alert.figure_id == figure.id)))
        corrections = retract(session, alert_ids, reason)
        reject_figure(session, figure, reason)
    print(
        f"figure {args.id} rejected: {len(alert_ids)} alerts retracted, "
        f"{len(corrections)} corrections to send"
    )
    return 0
