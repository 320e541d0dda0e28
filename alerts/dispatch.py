"""The dispatcher: sends due deliveries from the outbox and records every attempt.

Each message is sent outside any transaction, then its outcome is recorded in one. A crash
between the two is the only way a message goes out twice, and the re-send carries the same
webhook-id (random, stored with the delivery) and Message-ID (derived from the alert).
Failures back off exponentially (or as Retry-After asks) up to ``dispatch.max_attempts``, then
the delivery is dead. A webhook answering 410 disables that channel. Channels are
independent: one failing never holds another back. Each receiver (subscriber, channel and
target) gets its messages one at a time, in order, while different receivers are sent to
concurrently, at most ``MAX_CONCURRENT`` sends per kind of channel; a receiver whose send
fails is left for the next pass, so a slow one costs at most one send deadline per pass.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from alerts.channels import DeliveryResult, SmtpSettings
from alerts.config import Config, ConfigError, Subscriber
from alerts.email import alert_email, digest_email, send_email
from alerts.render import AlertView, webhook_payload
from alerts.webhook import send_webhook
from store.db import Database
from store.locks import claimed_deliveries
from store.models import Alert, Delivery, DeliveryAttempt, DisabledChannel
from store.types import utcnow

# Sends in flight at once, per kind of channel.
MAX_CONCURRENT = {"webhook": 8, "email": 2}


@dataclass
class DispatchReport:
    sent: int = 0
    failed: int = 0
    dead: int = 0
    details: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)


def alert_view(alert: Alert) -> AlertView:
    article = alert.article
    return AlertView(
        alert_id=alert.id,
        key=alert.key,
        kind=alert.kind,
        entity=alert.entity,
        metric=alert.metric,
        segment=alert.segment,
        period_kind=alert.period_kind,
        period_start=alert.period_start,
        period_end=alert.period_end,
        value=alert.value,
        qualifier=alert.qualifier,
        rung=alert.rung,
        previous_value=alert.previous_value,
        previous_period=alert.previous_period,
        streak=alert.streak,
        claims=tuple(alert.claims or ()),
        message=alert.message,
        source_name=(
            article.source.name if article else alert.source.name if alert.source else None
        ),
        article_url=article.canonical_url if article else None,
        article_title=article.title if article else None,
        published_at=article.published_at if article else None,
        snippet=alert.figure.snippet if alert.figure else None,
        created_at=alert.created_at,
        historical=alert.historical,
    )


def smtp_settings(config: Config) -> SmtpSettings:
    if config.smtp is None:
        raise ConfigError("no [smtp] section: email cannot be sent")
    return config.smtp.with_password()


class Dispatcher:
    """Sends what is due from the outbox of one database, with one configuration."""

    def __init__(self, db: Database, config: Config, webhook_timeout: float = 10.0) -> None:
        self.db = db
        self.config = config
        self.webhook_timeout = webhook_timeout
        self._slots = {kind: threading.BoundedSemaphore(n) for kind, n in MAX_CONCURRENT.items()}

    def run_once(
        self, now: datetime | None = None, limit: int = 500, *, alert_id: int | None = None
    ) -> DispatchReport:
        """Sends every delivery due at ``now``: immediate ones one by one, digests grouped
        per subscriber channel and day. With ``alert_id``, that alert's pending deliveries
        only, due or not (``evwatch notify-test``)."""
        now = now or utcnow()
        report = DispatchReport()
        query = (
            select(Delivery.id, Delivery.subscriber, Delivery.channel, Delivery.target,
                   Delivery.mode)
            .where(Delivery.status == "pending")
            .order_by(Delivery.id)
            .limit(limit)
        )  # fmt: skip
        if alert_id is None:
            query = query.where(Delivery.next_attempt_at <= now)
        else:
            query = query.where(Delivery.alert_id == alert_id)
        with self.db.read() as session:
            due = list(session.execute(query).all())
        # Per receiver, in order: single messages, then its digest (one message).
        routes: dict[tuple[str, str, str], list[list[int]]] = defaultdict(list)
        digests: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for row in due:
            route = (row.subscriber, row.channel, row.target)
            if row.mode == "digest" and row.channel == "email":
                digests[route].append(row.id)
            else:
                routes[route].append([row.id])
        for route, ids in digests.items():
            routes[route].append(ids)
        if len(routes) <= 1:
            for messages in routes.values():
                self._send_route(messages, report)
            return report
        with ThreadPoolExecutor(
            max_workers=min(len(routes), sum(MAX_CONCURRENT.values())),
            thread_name_prefix="evwatch-dispatch",
        ) as pool:
            for future in [pool.submit(self._send_route, m, report) for m in routes.values()]:
                future.result()
        return report

    def _send_route(self, messages: list[list[int]], report: DispatchReport) -> None:
        """One receiver's messages in order, stopping at the first that fails and may succeed
        later (the rest are tried on the next pass)."""
        for delivery_ids in messages:
            result = self._send(delivery_ids, report)
            if not result.ok and not result.permanent:
                return

    def _send(self, delivery_ids: Sequence[int], report: DispatchReport) -> DeliveryResult:
        """Sends one message; on PostgreSQL its deliveries are claimed first (another
        dispatcher holding them sends them, and this one moves on)."""
        with claimed_deliveries(self.db, delivery_ids) as (claim, ids):
            if not ids:
                return DeliveryResult(True, "claimed by another dispatcher")
            return self._send_claimed(ids, report, claim)

    def _send_claimed(
        self, delivery_ids: Sequence[int], report: DispatchReport, claim: Session | None
    ) -> DeliveryResult:
        with self.db.read() as session:
            deliveries = [session.get_one(Delivery, i) for i in delivery_ids]
            first = deliveries[0]
            views = [alert_view(d.alert) for d in deliveries]
            subscriber = self._subscriber(first.subscriber)
            route = (first.subscriber, first.channel, first.target)
            message_id = first.message_id or f"evw_{first.id}"
            due = first.next_attempt_at
        if subscriber is None:
            result = DeliveryResult(False, f"subscriber {route[0]!r} is no longer configured",
                                    permanent=True)  # fmt: skip
        else:
            slot = self._slots.get(route[1]) or threading.BoundedSemaphore(1)
            with slot:
                try:
                    result = self._deliver(subscriber, route, message_id, views, due)
                except (ConfigError, ValueError) as exc:
                    result = DeliveryResult(False, str(exc))
        self._record(delivery_ids, result, report, claim)
        return result

    def _subscriber(self, name: str) -> Subscriber | None:
        return next((s for s in self.config.subscribers if s.name == name), None)

    def _deliver(
        self,
        subscriber: Subscriber,
        route: tuple[str, str, str],
        message_id: str,
        views: list[AlertView],
        due: datetime,
    ) -> DeliveryResult:
        _name, channel, target = route
        if channel == "webhook":
            if subscriber.webhook is None or subscriber.webhook.url != target:
                return DeliveryResult(False, "webhook no longer configured", permanent=True)
            return send_webhook(
                target,
                subscriber.webhook.secret(),
                message_id,
                webhook_payload(views[0]),
                timeout=self.webhook_timeout,
                allow_private_addresses=subscriber.webhook.allow_private_addresses,
            )
        settings = smtp_settings(self.config)
        recipients = [a.strip() for a in target.split(",") if a.strip()]
        if len(views) > 1 or subscriber.mode == "digest":
            day = due.astimezone(subscriber.zone).date()
            message = digest_email(views, day, settings.sender, recipients)
        else:
            message = alert_email(views[0], settings.sender, recipients)
        return send_email(settings, message)

    def _record(
        self,
        delivery_ids: Sequence[int],
        result: DeliveryResult,
        report: DispatchReport,
        claim: Session | None = None,
    ) -> None:
        with report.lock:  # one record at a time: concurrent sends share the report
            self._record_locked(delivery_ids, result, report, claim)

    def _record_locked(
        self,
        delivery_ids: Sequence[int],
        result: DeliveryResult,
        report: DispatchReport,
        claim: Session | None,
    ) -> None:
        now = utcnow()
        settings = self.config.dispatch
        with nullcontext(claim) if claim is not None else self.db.session() as session:
            for delivery_id in delivery_ids:
                delivery = session.get_one(Delivery, delivery_id)
                if delivery.status != "pending":
                    continue  # recorded by an earlier pass that we are repeating
                delivery.attempts += 1
                session.add(
                    DeliveryAttempt(
                        delivery_id=delivery_id,
                        attempted_at=now,
                        ok=result.ok,
                        http_status=result.status,
                        detail=result.detail[:2000],
                    )
                )
                if result.ok:
                    delivery.status, delivery.sent_at, delivery.last_error = "sent", now, None
                    report.sent += 1
                    continue
                delivery.last_error = result.detail[:2000]
                if result.permanent or delivery.attempts >= settings.max_attempts:
                    delivery.status = "dead"
                    report.dead += 1
                    if result.status == 410 and delivery.channel == "webhook":
                        self._disable(session, delivery, result.detail)
                else:
                    delay = min(
                        settings.backoff_seconds * 2 ** (delivery.attempts - 1),
                        settings.max_backoff_seconds,
                    )
                    delivery.next_attempt_at = now + timedelta(
                        seconds=max(delay, result.retry_after or 0)
                    )
                    report.failed += 1
                report.details.append(f"delivery {delivery_id}: {result.detail}")

    @staticmethod
    def _disable(session: Session, delivery: Delivery, reason: str) -> None:
        route = {"subscriber": delivery.subscriber, "channel": delivery.channel,
                 "target": delivery.target}  # fmt: skip
        if session.scalar(select(DisabledChannel.id).filter_by(**route)) is None:
            session.add(DisabledChannel(reason=reason, **route))
        for other in session.scalars(select(Delivery).filter_by(status="pending", **route)):
            other.status, other.last_error = "dead", f"channel disabled: {reason}"
