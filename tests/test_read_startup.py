"""The read commands start without the crawler: loading what ``evwatch alerts``, ``figures``,
``articles`` and ``status`` run imports no Scrapy, no text extractor, no figure parser and no
template engine (each costs start-up time on every call of a script or a cron line); ``alerts``
and ``status`` run without the ORM and the models (their light tables match the models), and
``status`` reads the seeds' switches and its health rule without pydantic, falling back to the
validating load, which names the problem, for a file it cannot read so simply."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from store import queries, readtables
from store.db import Database
from store.models import Base
from tests.conftest import REPO, run_evwatch

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
print(" ".join(m for m in ("sqlalchemy.orm", "store.models", "pydantic") if m in sys.modules))
"""


@pytest.mark.parametrize("command", ["alerts", "status"])
def test_alerts_and_status_run_without_the_orm_or_pydantic(tmp_path: Path, command: str) -> None:
    db = f"sqlite:///{tmp_path / 'evwatch.db'}"
    Database(db).dispose()  # created and migrated here: migrating loads the models
    done = subprocess.run(
        [sys.executable, "-c", LISTED, "--db", db, command],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == ""


def test_status_reads_a_sqlite_file_without_sqlalchemy_and_a_new_one_through_it(
    tmp_path: Path,
) -> None:
    """A file at the current schema is read through the standard library alone; a file that
    does not exist yet is created and migrated (``store.db``) and then read the same way."""
    probe = LISTED.replace('("sqlalchemy.orm", ', '("sqlalchemy", ')
    db = f"sqlite:///{tmp_path / 'evwatch.db'}"
    first = subprocess.run(
        [sys.executable, "-c", probe, "--db", db, "status", "--format", "json"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "sqlalchemy" in first.stdout.splitlines()[-1]  # it had to create the schema
    again = subprocess.run(
        [sys.executable, "-c", probe, "--db", db, "status", "--format", "json"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert again.stdout.splitlines()[-1] == ""
    reports = [json.loads("\n".join(done.stdout.splitlines()[:-1])) for done in (first, again)]
    assert reports[0] == reports[1]
    assert reports[1]["deliveries"] == {
        "pending": 0, "failing": 0, "dead": 0, "cancelled": 0, "dead_recent": []
    }  # fmt: skip


def test_the_light_tables_match_the_models() -> None:
    for light in readtables.TABLES:
        model = Base.metadata.tables[light.name]
        for column in light.c:
            assert column.name in model.c, f"{light.name}.{column.name}"
            assert type(column.type) is type(model.c[column.name].type), column


def status_json(db: str, *options: str) -> dict[str, Any]:
    done = run_evwatch("--db", db, *options, "status", "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def test_status_reads_the_seed_switches_and_the_health_rule_without_validating(
    tmp_path: Path,
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("jiemian", "henandaily"):
        (seeds / f"{name}.toml").write_text((REPO / "seeds" / f"{name}.toml").read_text())
    henan = seeds / "henandaily.toml"
    henan.write_text(henan.read_text().replace("language = ", "enabled = false\nlanguage = ", 1))
    db = f"sqlite:///{tmp_path / 'evwatch.db'}"
    database = Database(db)
    with database.session() as session:
        source = queries.ensure_source(session, "jiemian", "Jiemian", "https://jiemian.com/")
        run = queries.start_run(session, source.id)
        run.status, run.finished_at, run.pages_fetched = "failed", run.started_at, 0
    database.dispose()
    config = tmp_path / "evwatch.toml"
    config.write_text("[rules.source_health]\nruns = 1\n")
    report = status_json(db, "--seeds", str(seeds))
    assert {s["source"]: (s["enabled"], s["health"]) for s in report["sources"]} == {
        "henandaily": (False, "never run"), "jiemian": (True, "ok"),
    }  # fmt: skip
    report = status_json(db, "--seeds", str(seeds), "--config", str(config))
    assert report["sources"][1]["health"] == "failing"


@pytest.mark.parametrize(
    ("file", "text", "named"),
    [
        ("seeds/jiemian.toml", 'name = "jiemian"\nenabled = "yes"\n', "seeds/jiemian.toml"),
        ("evwatch.toml", "[rules.source_health]\nruns = 0\n", "rules.source_health.runs"),
    ],
)
def test_status_names_a_file_it_cannot_use_in_one_line(
    tmp_path: Path, file: str, text: str, named: str
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "jiemian.toml").write_text((REPO / "seeds" / "jiemian.toml").read_text())
    (tmp_path / file).write_text(text)
    db = f"sqlite:///{tmp_path / 'evwatch.db'}"
    options = ("--seeds", str(tmp_path / "seeds"), "--config", str(tmp_path / "evwatch.toml"))
    if file != "evwatch.toml":
        options = options[:2]
    done = run_evwatch("--db", db, *options, "status")
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("evwatch: error: ") and named in line
