"""The command line's manners: ``--version``; a bad database is one line naming the problem;
a reader that goes away (``| head``) ends the command quietly."""

from __future__ import annotations

import subprocess
import sys
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
        [sys.executable, "-m", "crawler.cli", "--db", f"sqlite:///{tmp_path / 'e.db'}", "sources"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    stderr = process.stderr.read().decode()
    process.stderr.close()
    process.wait(timeout=30)
    assert stderr == ""
    assert process.returncode in (0, 141)
