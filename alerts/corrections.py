"""Corrections: when the figure behind an alert turns out wrong (a user rejects it, or a reparse
no longer finds it), the alert is retracted and everyone who got it is told, once, through the
channel that carried it. The correction is an alert of kind ``retracted`` (webhook payload type
``alert.retracted``) under the key ``retracted:<original key>``, so it can happen only once.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select, update
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


# Built once, bound per revision: the live alerts of a key raised on a given value.
_CONTRADICTABLE = select(Alert.id, Alert.kind, Alert.previous_value, Alert.rung).where(
    Alert.id != bindparam("id"),
    Alert.retracted_at.is_(None),
    Alert.kind.in_(("threshold", "streak", "milestone", "record")),
    *[getattr(Alert, name) == bindparam(name) for name in FIGURE_KEY],
    Alert.value == bindparam("previous_value"),
)


def contradicted_by(session: Session, revision: Alert) -> list[int]:
    """The live alerts a revision contradicts: raised on the earlier value of the same series
    and period, with a claim the revised value no longer supports (a rung it does not reach, a
    record it does not set)."""
    if revision.kind != "revision" or revision.value is None or revision.previous_value is None:
        return []
    params = {name: getattr(revision, name) for name in FIGURE_KEY}
    params |= {"id": revision.id, "previous_value": revision.previous_value}
    rows = session.execute(_CONTRADICTABLE, params)
    revised = revision.value
    found = []
    for alert in rows:
        if alert.kind == "record":
            wrong = alert.previous_value is not None and revised <= alert.previous_value
        else:
            wrong = alert.rung is not None and revised < alert.rung
        if wrong:
            found.append(alert.id)
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
