"""The Atom feed of alerts (RFC 4287), built with ElementTree so every string is escaped."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from alerts.render import safe_url

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(value: str | None) -> str:
    if not value:
        return datetime.now(UTC).isoformat(timespec="seconds")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds")


def entry_id(key: str) -> str:
    """A stable id per alert key, the same in every feed and every restart."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'evwatch:alert:' + key)}"


def alerts_atom(
    alerts: Sequence[dict[str, Any]], base_url: str, self_url: str, title: str
) -> bytes:
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "title", title)
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, self_url)}")
    sub(feed, "updated", _stamp(alerts[0]["created_at"] if alerts else None))
    sub(feed, "link", rel="self", href=self_url)
    sub(feed, "link", rel="alternate", href=base_url + "alerts")
    author = sub(feed, "author")
    sub(author, "name", "evwatch")
    for alert in alerts:
        entry = sub(feed, "entry")
        marks = [m for m in ("held", "retracted") if alert.get(m)]
        prefix = f"[{', '.join(marks)}] " if marks else ""
        sub(entry, "title", f"{prefix}{alert['message']}")
        sub(entry, "id", entry_id(alert["key"]))
        sub(entry, "updated", _stamp(alert["created_at"]))
        sub(entry, "link", rel="alternate", href=f"{base_url}alert/{alert['id']}")
        source = safe_url(alert.get("source_url"))
        if source:
            sub(entry, "link", rel="related", href=source)
        sub(entry, "category", term=alert["kind"])
        summary = alert["message"]
        if alert.get("title"):
            summary += f"\nArticle: {alert['title']}"
        sub(entry, "summary", summary)
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body
