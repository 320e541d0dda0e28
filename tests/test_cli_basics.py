"""The command line's manners: ``--version``; a bad database is one line naming the problem;
a reader that goes away (``| head``) ends the command quietly."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO, run_evwatch


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("evwatch: error: ")
    return lines[0]


def test_version() -> None:
    result = run_evwatch("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("evwatch ")


def test_a_malformed_database_url_is_one_line() -> None:
    line = one_error_line(run_evwatch("--db", "not a url", "articles"))
    assert "'not a url'" in line and "not a database URL" in line


def test_a_missing_database_driver_is_one_line() -> None:
    line = one_error_line(run_evwatch("--db", "postgresql+nosuchdriver://u@127.0.0.1/x", "status"))
    assert "postgresql+nosuchdriver" in line


def test_an_unwritable_place_is_one_line_naming_it() -> None:
    # /proc refuses new files even to root (a chmod'ed directory would not stop root).
    line = one_error_line(run_evwatch("--db", "sqlite:////proc/evwatch-test/evwatch.db", "status"))
    assert "/proc/evwatch-test" in line


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "evwatch", "--db", f"sqlite:///{tmp_path / 'e.db'}", "sources"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    stderr = process.stderr.read().decode()
    process.stderr.close()
    process.wait(timeout=30)
    assert stderr == ""
    assert process.returncode in (0, 141)


HEAVY = ("scrapy", "twisted", "trafilatura", "apscheduler", "alembic", "cn2an")
IMPORTED = """
import sys
import time
from evwatch.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("loaded:" + ",".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def modules_loaded_by(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", IMPORTED.format(heavy=HEAVY), *args],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("loaded:"), result.stderr
    return [m for m in last.removeprefix("loaded:").split(",") if m]


def test_help_and_status_load_no_crawler_parser_or_scheduler(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'evwatch.db'}"
    assert run_evwatch("--db", db, "db", "upgrade").returncode == 0  # created and migrated
    assert modules_loaded_by("--help") == []
    assert modules_loaded_by("--db", db, "status") == []


def test_help_starts_at_once() -> None:
    fastest = min(timed_run("--help") for _ in range(3))
    assert fastest < 1.0  # about 0.05 s unloaded; the margin is for a busy machine


def timed_run(*args: str) -> float:
    started = time.monotonic()
    assert run_evwatch(*args).returncode == 0
    return time.monotonic() - started


def test_extract_takes_its_options_in_any_order(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("BYD delivered 500,000 vehicles in November.", encoding="utf-8")
    assert "--published" in run_evwatch("extract", "--help").stdout
    first = run_evwatch("extract", "--format", "jsonl", str(note), "--published", "2025-12-01")
    last = run_evwatch("extract", str(note), "--published", "2025-12-01", "--format", "jsonl")
    assert first.returncode == last.returncode == 0, first.stderr + last.stderr
    assert first.stdout == last.stdout and '"entity": "BYD"' in first.stdout
