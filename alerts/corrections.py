"""Corrections: when the figure behind an alert turns out wrong (a user rejects it, or a reparse
no longer finds it), the alert is retracted and everyone who got it is told, once, through the
channel that carried it. The correction is an alert of kind ``retracted`` (webhook payload type
``alert.retracted``) under the key ``retracted:<original key>``, so it can happen only once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import CompoundSelect, bindparam, literal_column, select, union_all, update
from sqlalchemy.orm import Session

from alerts.engine import insert_alert
from alerts.rules import Candidate
from store.figures import FIGURE_KEY, FigureKey, figure_key
from store.models import Alert, Delivery, Figure
from store.types import utcnow


def alerts_behind(session: Session, article_id: int) -> dict[FigureKey, list[int]]:
    """The live (unretracted) alerts resting on each of an article's stored figures."""
    rows = session.execute(
        select(Alert.id, Figure)
        .join(Figure, Alert.figure_id == Figure.id)
        .where(Figure.article_id == article_id, Alert.retracted_at.is_(None))
    ).all()
    behind: dict[FigureKey, list[int]] = {}
    for alert_id, figure in rows:
        behind.setdefault(figure_key(vars(figure)), []).append(alert_id)
    return behind


def contradicted_by(session: Session, revision: Any) -> list[int]:
    """The live alerts a revision contradicts: raised on the earlier value of the same series
    and period, with a claim the revised value no longer supports (a rung it does not reach, a
    record it does not set)."""
    return contradicted_by_each(session, [revision])[0]


@functools.cache
def _contradictable(count: int) -> CompoundSelect[Any]:
    """``_CONTRADICTABLE`` for ``count`` revisions in one statement, built once per count: a
    part per revision (parameters suffixed ``_0`` ...), its rows led by the revision's index."""
    return union_all(
        *[
            select(
                literal_column(str(i)).label("i"), Alert.id, Alert.kind, Alert.previous_value,
                Alert.rung,
            ).where(
                Alert.id != bindparam(f"id_{i}"),
                Alert.retracted_at.is_(None),
                Alert.kind.in_(("threshold", "streak", "milestone", "record")),
                *[getattr(Alert, name) == bindparam(f"{name}_{i}") for name in FIGURE_KEY],
                Alert.value == bindparam(f"previous_value_{i}"),
            )
            for i in range(count)
        ]
    )  # fmt: skip


def contradicted_by_each(session: Session, revisions: Sequence[Any]) -> list[list[int]]:
    """``contradicted_by`` for each of these revision alerts (stored ones, or their values),
    read in one statement."""
    found: list[list[int]] = [[] for _ in revisions]
    judged = [
        (i, revision)
        for i, revision in enumerate(revisions)
        if revision.kind == "revision"
        and revision.value is not None
        and revision.previous_value is not None
    ]
    if not judged:
        return found
    session.flush()  # then a plain read through the connection
    params: dict[str, Any] = {}
    for n, (_, revision) in enumerate(judged):
        params |= {f"{name}_{n}": getattr(revision, name) for name in FIGURE_KEY}
        params |= {f"id_{n}": revision.id, f"previous_value_{n}": revision.previous_value}
    rows = session.connection().execute(_contradictable(len(judged)), params)
    for n, alert_id, kind, previous_value, rung in sorted(rows, key=lambda row: row[:2]):
        i, revision = judged[n]
        revised = revision.value
        if kind == "record":
            wrong = previous_value is not None and revised <= previous_value
        else:
            wrong = rung is not None and revised < rung
        if wrong:
            found[i].append(alert_id)
    return found


def retract(session: Session, alert_ids: Iterable[int], reason: str) -> list[int]:
    """Retracts these alerts (each once) and queues one correction per subscriber channel that
    was sent the alert; deliveries not yet sent are cancelled. Returns the correction ids."""
    corrections = []
    now = utcnow()
    for alert_id in sorted(set(alert_ids)):
        taken = session.execute(
            update(Alert)
            .where(Alert.id == alert_id, Alert.retracted_at.is_(None))
            .values(retracted_at=now, held=False)
        )
        if not taken.rowcount:  # type: ignore[attr-defined]
            continue
        alert = session.get_one(Alert, alert_id)
        session.execute(
            update(Delivery)
            .where(Delivery.alert_id == alert_id, Delivery.status == "pending")
            .values(status="cancelled", last_error=f"retracted: {reason}")
        )
        sent = session.execute(
            select(Delivery.subscriber, Delivery.channel, Delivery.target)
            .where(Delivery.alert_id == alert_id, Delivery.status == "sent")
            .distinct()
        ).all()
        if not sent:
            continue
        correction = Candidate(
            key=f"retracted:{alert.key}",
            kind="retracted",
            message=f"Correction: {alert.message} — {reason}",
            rung=alert.rung,
        )
        correction_id = insert_alert(session, correction, None, historical=False)
        if correction_id is None:
            continue
        session.execute(
            update(Alert)
            .where(Alert.id == correction_id)
            .values(
                entity=alert.entity, metric=alert.metric, segment=alert.segment,
                period_kind=alert.period_kind, period_start=alert.period_start,
                period_end=alert.period_end, value=alert.value, qualifier=alert.qualifier,
                article_id=alert.article_id,
            )
        )  # fmt: skip
        for subscriber, channel, target in sent:
            session.add(
                Delivery(
                    alert_id=correction_id, subscriber=subscriber, channel=channel,
                    target=target, mode="immediate", status="pending", attempts=0,
                    next_attempt_at=now, created_at=now,
                )
            )  # fmt: skip
        corrections.append(correction_id)
    session.flush()
    return corrections
