"""``evwatch ingest`` (saved pages and text files through the crawler's store -> figures ->
alerts path), ``evwatch dispatch`` and ``evwatch notify-test``."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import delete, select, update

from alerts.config import Config, ConfigError
from alerts.dispatch import Dispatcher
from alerts.rules import Candidate
from crawler.articlefigures import PARSER_VERSION, article_figures
from crawler.documents import Document, parse_day, read_document
from crawler.errors import CommandError
from crawler.language import split_languages
from crawler.schema import DEFAULT_TZ
from crawler.textextract import content_hash
from crawler.writepath import write_article
from evwatch.instance import InstanceLock
from evwatch.options import alert_config
from store import queries
from store.db import Database
from store.models import Alert, Delivery
from store.types import utcnow


def document_url(document: Document, explicit: str | None) -> str:
    if explicit:
        return explicit
    if document.location.startswith(("http://", "https://")):
        return document.location
    if document.location == "-":
        return f"stdin:sha256:{content_hash(document.text)[:16]}"
    return Path(document.location).resolve().as_uri()


def ingest_one(
    db: Database,
    config: Config,
    document: Document,
    *,
    url: str,
    source: str,
    published: date,
    quiet: bool,
) -> tuple[bool, int, int, int]:
    """Stores one document with its figures and alerts in one transaction.
    Returns (new article, figures found, new figures, new alerts)."""
    extracted = document.extracted
    text = document.text.strip()
    split = split_languages(text)
    mixed = split.language == "mixed"
    title = document.title or text.splitlines()[0][:300]
    published_at = (
        extracted.published_at_utc
        if extracted and extracted.published_at_utc
        else datetime.combine(published, time(0, 0), DEFAULT_TZ).astimezone(UTC)
    )
    figures = article_figures(document.title, text, published)
    home = urlsplit(url)
    with db.session() as session:
        source_row = queries.ensure_source(
            session, source, source, f"{home.scheme}://{home.netloc}/" if home.netloc else url
        )
        written = write_article(
            session,
            queries.ArticleRecord(
                source_id=source_row.id,
                canonical_url=url,
                fetched_url=url,
                title=title,
                author=extracted.author if extracted else None,
                source_line=extracted.source_line if extracted else None,
                published_at=published_at,
                language=split.language,
                text=text,
                text_en=split.english if mixed else None,
                text_zh=split.chinese if mixed else None,
                raw_html=document.raw,
                raw_encoding="utf-8" if document.is_html else None,
                content_hash=content_hash(text),
            ),
            figures,
            PARSER_VERSION,
            config,
            historical=quiet,
        )
    return written.created, len(figures), len(written.changes.added), len(written.alert_ids)


def cmd_ingest(args: argparse.Namespace, db: Database) -> int:
    if args.url and len(args.paths) > 1:
        raise CommandError("--url names one article: give one PATH with it")
    config = alert_config(args)
    published = parse_day(args.published) if args.published else None
    failures = 0
    for location in args.paths:
        try:
            document = read_document(location)
            day = published or document.published_day()
            if day is None:
                raise CommandError(
                    f"{location}: no publication date found; pass --published YYYY-MM-DD"
                )
            created, found, added, alerts = ingest_one(
                db, config, document, url=document_url(document, args.url),
                source=args.source, published=day, quiet=args.quiet,
            )  # fmt: skip
        except CommandError as exc:
            if len(args.paths) == 1:
                raise
            print(f"evwatch: error: {exc}")
            failures += 1
            continue
        state = "new article" if created else "already stored"
        print(f"{location}: {state}, {found} figures ({added} new), {alerts} alerts")
    return 2 if failures else 0


def cmd_dispatch(args: argparse.Namespace, db: Database) -> int:
    config = alert_config(args)
    with InstanceLock(db.url, "dispatch"):  # a running daemon dispatches already
        if args.retry_now:  # failing deliveries (tried before) are due at once
            with db.session() as session:
                session.execute(
                    update(Delivery)
                    .where(Delivery.status == "pending", Delivery.attempts > 0)
                    .values(next_attempt_at=utcnow())
                )
        report = Dispatcher(db, config).run_once()
    for line in report.details:
        print(line)
    print(f"sent {report.sent}, failed {report.failed} (will retry), dead {report.dead}")
    return 0 if not report.failed and not report.dead else 1


def cmd_notify_test(args: argparse.Namespace, db: Database) -> int:
    """A sample alert, sent now through every channel of one subscriber. Its deliveries are
    parked in the far future so a running daemon's dispatcher leaves them to this command."""
    config = alert_config(args)
    try:
        subscriber = config.subscriber(args.subscriber)
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    now = utcnow()
    candidate = Candidate(
        key=f"test:{subscriber.name}:{now.isoformat()}",
        kind="test",
        message=f"evwatch test alert for {subscriber.name}: delivery works",
    )
    with db.session() as session:
        alert = Alert(
            key=candidate.key, kind=candidate.kind, message=candidate.message, claims=[],
            historical=False, created_at=now,
        )  # fmt: skip
        session.add(alert)
        session.flush()
        for channel, target in subscriber.channels():
            session.add(
                Delivery(
                    alert_id=alert.id, subscriber=subscriber.name, channel=channel,
                    target=target, mode="immediate", status="pending", attempts=0,
                    next_attempt_at=now.replace(year=now.year + 100), created_at=now,
                )
            )  # fmt: skip
        alert_id = alert.id
    report = Dispatcher(db, config).run_once(alert_id=alert_id)
    with db.read() as session:
        statuses = session.execute(
            select(Delivery.channel, Delivery.status, Delivery.last_error).where(
                Delivery.alert_id == alert_id
            )
        ).all()
    with db.session() as session:  # a test is no alert: out of the history, never re-sent
        session.execute(delete(Delivery).where(Delivery.alert_id == alert_id))
        session.execute(delete(Alert).where(Alert.id == alert_id))
    for channel, status, error in statuses:
        print(f"{channel}: {status}{'' if error is None else ' (' + error + ')'}")
    return 0 if report.sent == len(statuses) else 1
