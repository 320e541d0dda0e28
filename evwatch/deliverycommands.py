"""``evwatch deliveries``: the outbox as a subscriber's admin needs it (pending, failing with the
last error, dead, sent; filters; table, csv or jsonl), and ``--requeue-dead`` to try dead
deliveries again from scratch."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from sqlalchemy import ColumnElement, select, update

from evwatch.tables import format_table, truncate
from store.db import Database
from store.models import Alert, Delivery
from store.types import utcnow

COLUMNS = (
    "id", "state", "subscriber", "channel", "target", "attempts", "next_attempt_at",
    "last_error", "alert_id", "kind", "message", "message_id",
)  # fmt: skip


def state_of(status: str, attempts: int) -> str:
    """pending (never tried), failing (tried, will retry), dead, sent or cancelled."""
    return "failing" if status == "pending" and attempts else status


def _filters(args: argparse.Namespace) -> list[ColumnElement[bool]]:
    found = []
    if args.subscriber:
        found.append(Delivery.subscriber == args.subscriber)
    if args.channel:
        found.append(Delivery.channel == args.channel)
    if args.alert:
        found.append(Delivery.alert_id == args.alert)
    return found


def cmd_deliveries(args: argparse.Namespace, db: Database) -> int:
    if args.requeue_dead:
        with db.session() as session:
            ids = list(
                session.scalars(
                    select(Delivery.id).where(Delivery.status == "dead", *_filters(args))
                )
            )  # fmt: skip
            if ids:
                session.execute(
                    update(Delivery)
                    .where(Delivery.id.in_(ids))
                    .values(status="pending", attempts=0, next_attempt_at=utcnow())
                )
        print(f"requeued {len(ids)} dead deliveries")
        return 0
    query = (
        select(Delivery, Alert.kind, Alert.message)
        .join(Alert)
        .where(*_filters(args))
        .order_by(Delivery.id)
    )
    with db.read() as session:
        records = [
            {
                "id": d.id, "state": state_of(d.status, d.attempts), "subscriber": d.subscriber,
                "channel": d.channel, "target": d.target, "attempts": d.attempts,
                "next_attempt_at": d.next_attempt_at.isoformat(), "last_error": d.last_error,
                "alert_id": d.alert_id, "kind": kind, "message": message,
                "message_id": d.message_id or f"evw_{d.id}",
            }
            for d, kind, message in session.execute(query).all()
        ]  # fmt: skip
    if args.state:
        records = [r for r in records if r["state"] in args.state]
    if args.format == "jsonl":
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        rows = [
            (r["id"], r["state"], r["subscriber"], r["channel"], r["attempts"],
             str(r["next_attempt_at"])[:16].replace("T", " "),
             truncate(str(r["last_error"] or ""), 40), truncate(str(r["message"]), 50))
            for r in records
        ]  # fmt: skip
        print(format_table(("id", "state", "subscriber", "channel", "attempts", "next try (UTC)",
                            "last error", "alert"), rows))  # fmt: skip
    return 0
