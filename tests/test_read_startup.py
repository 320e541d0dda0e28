"""The read commands start without the crawler: loading what ``evwatch alerts``, ``figures``,
``articles`` and ``status`` run imports no Scrapy, no text extractor, no figure parser and no
template engine (each costs start-up time on every call of a script or a cron line)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

HEAVY = ("scrapy", "twisted", "trafilatura", "crawler.textextract", "crawler.figures.parser",
         "crawler.writepath", "jinja2", "apscheduler", "starlette", "uvicorn")  # fmt: skip


@pytest.mark.parametrize(
    "module",
    ["evwatch.alertlist", "evwatch.figurecommands", "evwatch.articlelist", "evwatch.status"],
)
def test_a_read_command_imports_nothing_heavy(module: str) -> None:
    probe = (
        "import sys, evwatch.cli, evwatch.options, store.db\n"
        f"import {module}\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == []
