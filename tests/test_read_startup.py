"""The read commands start without the crawler: loading what ``evwatch alerts``, ``figures``,
``articles`` and ``status`` run imports no Scrapy, no text extractor, no figure parser and no
template engine (each costs start-up time on every call of a script or a cron line); ``alerts``
and ``status`` run without the ORM and the models (their light tables match the models)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from store import readtables
from store.db import Database
from store.models import Base
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


LISTED = """
import sys
from evwatch.cli import main
code = main(sys.argv[1:])
print(" ".join(m for m in ("sqlalchemy.orm", "store.models") if m in sys.modules))
"""


@pytest.mark.parametrize("command", ["alerts", "status"])
def test_alerts_and_status_run_without_the_orm(tmp_path: Path, command: str) -> None:
    db = f"sqlite:///{tmp_path / 'evwatch.db'}"
    Database(db).dispose()  # created and migrated here: migrating loads the models
    done = subprocess.run(
        [sys.executable, "-c", LISTED, "--db", db, command],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == ""


def test_the_light_tables_match_the_models() -> None:
    for light in readtables.TABLES:
        model = Base.metadata.tables[light.name]
        for column in light.c:
            assert column.name in model.c, f"{light.name}.{column.name}"
            assert type(column.type) is type(model.c[column.name].type), column
