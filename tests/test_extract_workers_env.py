"""``EVWATCH_EXTRACT_WORKERS`` is read from the environment, as the README's settings table
says; a value that is not a whole number stops with one line naming it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

PRINT = "import crawler.settings as s; print(s.EVWATCH_EXTRACT_WORKERS)"


def settings_with(value: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EVWATCH_EXTRACT_WORKERS"}
    if value is not None:
        env["EVWATCH_EXTRACT_WORKERS"] = value
    return subprocess.run(
        [sys.executable, "-c", PRINT], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip


def test_the_environment_sets_the_extraction_workers() -> None:
    assert settings_with("0").stdout.strip() == "0"
    assert settings_with("3").stdout.strip() == "3"
    assert settings_with(None).stdout.strip() == str(min(2, os.cpu_count() or 1))


def test_a_bad_value_is_one_line_naming_the_variable() -> None:
    done = settings_with("two")
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "evwatch: error: EVWATCH_EXTRACT_WORKERS must be a whole number >= 0, got 'two'"
    ]
