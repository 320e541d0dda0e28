"""Logging for unattended runs: one line per event, as text or as JSON (``--log-format json``)
for log shippers. Messages never carry secrets: configuration holds only the names of the
environment variables that hold them."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage().replace("\n", " "),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(entry, ensure_ascii=False)


class OneLineFormatter(logging.Formatter):
    """Text lines; a traceback is folded to its last line so one event stays one line."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatException(self, ei: object) -> str:
        text = super().formatException(ei)  # type: ignore[arg-type]
        return " | " + text.splitlines()[-1]

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " ")


def setup_logging(level: str = "INFO", fmt: str = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else OneLineFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("apscheduler").setLevel(max(root.level, logging.WARNING))


# Scrapy's own reports of a failed page: the spider records each failure itself, as one line
# (``crawler.pipelines.StorePipeline.record_error``), so these would say it twice, with tracebacks.
_DUPLICATE_REPORTS = {
    "scrapy.downloadermiddlewares.robotstxt": "",  # robots.txt unreachable: the pages say it
    "scrapy.downloadermiddlewares.retry": "Gave up retrying",
    "scrapy.core.scraper": "Error downloading",
}


class _OnePerFailure(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        prefix = _DUPLICATE_REPORTS.get(record.name)
        return prefix is None or not str(record.msg).startswith(prefix)


class _TerminalFormatter(logging.Formatter):
    """``level name: message`` on one line; a traceback folded to its last line."""

    def __init__(self) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")

    def formatException(self, ei: object) -> str:
        return " | " + super().formatException(ei).splitlines()[-1]  # type: ignore[arg-type]

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " ")


def crawl_logging(level: str | None, *, quiet: bool) -> None:
    """Logging for a crawl at the terminal: one line per failed page at WARNING (the default),
    nothing at all with ``quiet`` (the summary table says it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_TerminalFormatter())
    handler.addFilter(_OnePerFailure())
    # On the handler: Scrapy sets its own loggers' levels when a crawl starts.
    handler.setLevel(logging.CRITICAL + 10 if quiet else (level or "WARNING").upper())
    root = logging.getLogger()
    root.handlers[:] = [handler]
