"""Rendering of alerts: the email subject, plain-text and HTML bodies (single alert and daily
digest) and the versioned webhook JSON payload.

Everything here is pure: an ``AlertView`` in, strings or a dict out. Every string that comes from
a source (article title, snippet, entity names, URLs, the message itself) is escaped with
``html.escape`` in HTML, and an article is linked only when its URL is http(s).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from alerts.channels import one_line
from crawler.figures.labels import period_label as label_of_period

PAYLOAD_VERSION = "1"
SUBJECT_PREFIX = "[evwatch] "
SUBJECT_MAX = 200


@dataclass(frozen=True)
class AlertView:
    """Everything a message needs about one alert; built by the caller from the database."""

    alert_id: int
    key: str
    kind: str
    entity: str | None
    metric: str | None
    segment: str | None
    period_kind: str | None
    period_start: date | None
    period_end: date | None
    value: int | None
    qualifier: str | None
    rung: int | None
    previous_value: int | None
    previous_period: str | None
    streak: int | None
    claims: tuple[str, ...]
    message: str
    source_name: str | None
    article_url: str | None
    article_title: str | None
    published_at: datetime | None
    snippet: str | None
    created_at: datetime
    historical: bool = False


# --- small formatting helpers -------------------------------------------------------------------


def _num(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _iso_utc(moment: datetime | None) -> str | None:
    """RFC 3339 in UTC with a ``Z`` (naive datetimes are taken as UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _human_utc(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def period_label(alert: AlertView) -> str:
    """The alert's period as people say it; empty when the alert has none."""
    if alert.period_start is None or alert.period_end is None or not alert.period_kind:
        return ""
    return label_of_period(alert.period_kind, alert.period_start, alert.period_end)


def _rung_label(kind: str) -> str:
    return {"threshold": "Threshold", "streak": "Level", "milestone": "Milestone"}.get(kind, "Mark")


_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")  # control characters and spaces


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) with a host, else None (never link javascript:, data: …)."""
    if not url:
        return None
    url = url.strip()
    if _CONTROL_OR_SPACE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _fields(alert: AlertView) -> list[tuple[str, str]]:
    """The labelled facts of an alert, in display order, as plain (unescaped) one-line strings."""
    rows: list[tuple[str, str]] = []

    def add(label: str, value: str | None) -> None:
        if value:
            rows.append((label, one_line(value, 500)))

    add("Entity", alert.entity)
    metric = alert.metric or ""
    if alert.segment:
        metric = f"{metric} ({alert.segment})" if metric else alert.segment
    add("Metric", metric)
    add("Period", period_label(alert))
    if alert.value is not None:
        value = _num(alert.value)
        if alert.qualifier:
            value += f" ({alert.qualifier.replace('_', ' ')})"
        add("Value", value)
    if alert.rung is not None:
        add(_rung_label(alert.kind), _num(alert.rung))
    if alert.previous_value is not None or alert.previous_period:
        previous = _num(alert.previous_value)
        if alert.previous_period:
            previous = (
                f"{previous} ({alert.previous_period})" if previous else alert.previous_period
            )
        add("Previous record" if alert.kind == "record" else "Previous", previous)
    if alert.streak is not None:
        add("Streak", f"{alert.streak} consecutive months")
    if alert.claims:
        add("Claims", "; ".join(alert.claims))
    if alert.source_name:
        add("Reported by" if alert.kind == "claim" else "Source", alert.source_name)
    return rows


# --- single alert ------------------------------------------------------------------------------


def subject(alert: AlertView) -> str:
    """``[evwatch] <message>``: one line (control characters removed), at most 200 characters."""
    return one_line(SUBJECT_PREFIX + alert.message, SUBJECT_MAX)


def text_body(alert: AlertView) -> str:
    """The plain-text body: the message, the facts, the article and the snippet, literally."""
    lines = [one_line(alert.message, 1000), ""]
    if alert.historical:
        lines += ["(Historical alert, recorded while loading past data.)", ""]
    width = max((len(label) for label, _ in _fields(alert)), default=0) + 1
    for label, value in _fields(alert):
        lines.append(f"{label + ':':<{width}} {value}")
    article = _article_text(alert)
    if article:
        lines += ["", *article]
    if alert.snippet:
        lines += ["", "Excerpt:", *_quote(alert.snippet)]
    lines += ["", "--", f"evwatch alert {alert.alert_id} ({one_line(alert.key)})"]
    lines.append(f"Created {_human_utc(alert.created_at)}")
    return "\n".join(lines) + "\n"


def _article_text(alert: AlertView) -> list[str]:
    lines: list[str] = []
    if alert.article_title:
        lines.append(f"Article: {one_line(alert.article_title, 500)}")
    if alert.article_url:
        lines.append(f"Link: {one_line(alert.article_url, 2000)}")
    if alert.published_at:
        lines.append(f"Published: {_human_utc(alert.published_at)}")
    return lines


def _quote(snippet: str) -> list[str]:
    text = snippet.replace("\r\n", "\n").replace("\r", "\n")
    return ["> " + one_line(line, 2000) if line.strip() else ">" for line in text.split("\n")]


_STYLE = (
    "body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1a1a1a;"
    "max-width:640px}"
    "table{border-collapse:collapse}th{text-align:left;padding:2px 12px 2px 0;color:#555;"
    "font-weight:normal}td{padding:2px 0}blockquote{border-left:3px solid #ccc;margin:8px 0;"
    "padding:0 10px;color:#444}.meta{color:#777;font-size:12px}"
)


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _article_html(alert: AlertView) -> str:
    title = alert.article_title or alert.article_url
    if not title and not alert.source_name:
        return ""
    url = safe_url(alert.article_url)
    if title:
        label = _e(one_line(title, 500))
        link = f'<a href="{_e(url)}" rel="noopener noreferrer">{label}</a>' if url else label
    else:
        link = ""
    parts = [link] if link else []
    if alert.source_name:
        parts.append(_e(alert.source_name))
    if alert.published_at:
        parts.append(_e(_human_utc(alert.published_at)))
    text = " · ".join(parts)
    if title and alert.article_url and not url:
        text += f'<br><span class="meta">{_e(one_line(alert.article_url, 2000))}</span>'
    return f"<p>Article: {text}</p>"


def _alert_section_html(alert: AlertView, heading: str = "h2") -> str:
    out = [f"<{heading}>{_e(one_line(alert.message, 1000))}</{heading}>"]
    if alert.historical:
        out.append('<p class="meta">Historical alert, recorded while loading past data.</p>')
    rows = "".join(
        f"<tr><th>{_e(label)}</th><td>{_e(value)}</td></tr>" for label, value in _fields(alert)
    )
    if rows:
        out.append(f"<table>{rows}</table>")
    article = _article_html(alert)
    if article:
        out.append(article)
    if alert.snippet:
        snippet = "<br>".join(
            _e(line) for line in alert.snippet.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        )
        out.append(f"<blockquote>{snippet}</blockquote>")
    return "\n".join(out)


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def html_body(alert: AlertView) -> str:
    """The HTML body: the same content as ``text_body``, every source string escaped."""
    footer = (
        f'<p class="meta">evwatch alert {alert.alert_id} ({_e(one_line(alert.key))}), '
        f"created {_e(_human_utc(alert.created_at))}</p>"
    )
    return _document(subject(alert), _alert_section_html(alert) + "\n" + footer)


# --- daily digest ------------------------------------------------------------------------------


def digest_subject(alerts: Sequence[AlertView], day: date) -> str:
    """``[evwatch] 3 alerts for 2025-12-01`` (``1 alert`` in the singular)."""
    count = len(alerts)
    noun = "alert" if count == 1 else "alerts"
    return f"{SUBJECT_PREFIX}{count} {noun} for {day.isoformat()}"


def digest_text(alerts: Sequence[AlertView]) -> str:
    """A numbered plain-text list of the alerts, each with its facts and article link."""
    count = len(alerts)
    lines = [f"{count} evwatch alert{'' if count == 1 else 's'}:", ""]
    for number, alert in enumerate(alerts, 1):
        lines.append(f"{number}. {one_line(alert.message, 1000)}")
        for label, value in _fields(alert):
            lines.append(f"   {label}: {value}")
        lines += [f"   {line}" for line in _article_text(alert)]
        lines.append("")
    lines += ["--", "evwatch daily digest"]
    return "\n".join(lines) + "\n"


def digest_html(alerts: Sequence[AlertView]) -> str:
    """The HTML digest: one escaped section per alert."""
    count = len(alerts)
    title = f"{count} evwatch alert{'' if count == 1 else 's'}"
    sections = [f"<h1>{_e(title)}</h1>"]
    for alert in alerts:
        sections.append("<hr>\n" + _alert_section_html(alert, "h3"))
    sections.append('<p class="meta">evwatch daily digest</p>')
    return _document(title, "\n".join(sections))


# --- webhook payload ---------------------------------------------------------------------------


def webhook_payload(alert: AlertView) -> dict[str, Any]:
    """The versioned JSON payload (stable key order; ISO dates; datetimes in UTC with ``Z``)."""
    previous: dict[str, Any] | None = None
    if alert.previous_value is not None or alert.previous_period is not None:
        previous = {"value": alert.previous_value, "period": alert.previous_period}
    return {
        "version": PAYLOAD_VERSION,
        "type": f"alert.{alert.kind}",
        "alert_id": alert.alert_id,
        "key": alert.key,
        "kind": alert.kind,
        "entity": alert.entity,
        "metric": alert.metric,
        "segment": alert.segment,
        "period": {
            "kind": alert.period_kind,
            "start": alert.period_start.isoformat() if alert.period_start else None,
            "end": alert.period_end.isoformat() if alert.period_end else None,
        },
        "value": alert.value,
        "qualifier": alert.qualifier,
        "rung": alert.rung,
        "streak": alert.streak,
        "previous": previous,
        "claims": list(alert.claims),
        "message": alert.message,
        "article": {
            "url": alert.article_url,
            "title": alert.article_title,
            "source": alert.source_name,
            "published_at": _iso_utc(alert.published_at),
        },
        "snippet": alert.snippet,
        "created_at": _iso_utc(alert.created_at),
        "historical": alert.historical,
    }
