"""Starts the replica server as a subprocess on a free loopback port, and talks to it."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from types import TracebackType
from typing import Any


class ReplicaProcess:
    """``with ReplicaProcess() as replica: replica.url`` -> http://127.0.0.1:PORT."""

    def __init__(self, slow_seconds: float = 1.5, synthetic: int = 0) -> None:
        self.slow_seconds = slow_seconds
        self.synthetic = synthetic
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> ReplicaProcess:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crawler.replica",
                "--port",
                "0",
                "--slow-seconds",
                str(self.slow_seconds),
                "--synthetic",
                str(self.synthetic),
                "--exit-with-parent",
            ],
            stdout=subprocess.PIPE,
            text=True,
            # Its own session: a Ctrl-C at the terminal is for the crawl, which then stops the
            # replica itself (or the replica leaves when the crawl is gone).
            start_new_session=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://127.0.0.1:"):
            self.proc.kill()
            raise RuntimeError(f"replica server did not start (said {line!r})")
        self.url = line
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(timeout=10)
            if self.proc.stdout is not None:
                self.proc.stdout.close()

    def _get(self, path: str) -> Any:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:
            return json.load(response)

    def hits(self) -> list[dict[str, Any]]:
        """Every request the replica served since the last reset."""
        return list(self._get("/_replica/hits"))

    def reset(self) -> None:
        """Clears the hit log and any fault set by ``fault``."""
        self._get("/_replica/reset")

    def fault(self, source: str, kind: str) -> None:
        """Until the next reset, every page of the source (robots.txt aside) answers 503 with a
        Retry-After of an hour (``busy``), 503 (``unavailable``) or 429 (``throttled``) without
        one, redirects to itself (``loop``) or to another site (``offsite``); or its older
        listing pages (page 2 on) answer only after a minute (``stall``)."""
        self._get(f"/_replica/fault/{source}/{kind}")

    def publish(self, source: str) -> dict[str, Any]:
        """Puts the source's next held-back article online and returns it."""
        return dict(self._get(f"/_replica/publish/{source}"))
