"""The README stays true: CI runs its test command verbatim, and every command is documented."""

from __future__ import annotations

import argparse
import re

from crawler.cli import build_parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("evwatch demo")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    test_command = quick_start_commands()[1]
    venv_step, _, install_and_test = test_command.partition(" && ")
    assert venv_step == "python3 -m venv .venv"
    assert venv_step in ci_lines
    assert install_and_test in ci_lines


def test_every_cli_command_is_documented() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in subparsers.choices:
        assert f"`evwatch {name}" in README, f"evwatch {name} is missing from README.md"
