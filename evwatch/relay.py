"""A crawl subprocess's stderr relayed through the daemon's own logging, line by line, so that
``--log-format json`` is JSON end to end: the crawl's log lines keep their level and logger,
anything else it prints (the "stopping" notice) becomes an INFO record of ``evwatch.crawl``."""

from __future__ import annotations

import logging
import re
import threading
from typing import IO

_LEVELS = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40, "CRITICAL": 50}
# What evwatch.logs.OneLineFormatter writes: time, level, logger, message.
_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) ([\w.]+): (.*)$"
)


def relay_line(line: str, source: str) -> None:
    """Logs one line the crawl of ``source`` wrote on stderr."""
    line = line.rstrip("\r\n")
    if not line.strip():
        return
    match = _LINE.match(line)
    if match:
        level, name, message = match.groups()
        logging.getLogger(name).log(_LEVELS[level], "%s: %s", source, message)
    else:
        logging.getLogger("evwatch.crawl").info("%s: %s", source, line.strip())


def start_relay(stream: IO[bytes], source: str) -> threading.Thread:
    """A thread that relays ``stream`` until the crawl closes it."""

    def run() -> None:
        with stream:
            for raw in iter(stream.readline, b""):
                relay_line(raw.decode("utf-8", "replace"), source)

    thread = threading.Thread(target=run, name=f"relay {source}", daemon=True)
    thread.start()
    return thread
