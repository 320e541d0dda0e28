"""The README stays true: CI runs its test command verbatim, and every command is documented."""

from __future__ import annotations

import argparse
import configparser
import re
import shlex

from apscheduler.triggers.cron import CronTrigger

from alerts.config import DaemonSettings, load_config
from evwatch.cli import build_parser
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


def fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.+?)\n```", README, flags=re.DOTALL)


def test_systemd_unit_parses_and_runs_the_daemon() -> None:
    [unit_text] = fenced("ini")
    unit = configparser.ConfigParser(strict=True, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string(unit_text)
    assert unit.sections() == ["Unit", "Service", "Install"]
    service = unit["Service"]
    command = shlex.split(service["ExecStart"])
    assert command[0].endswith("/.venv/bin/evwatch") and command[0].startswith("/")
    args = build_parser().parse_args(command[1:])
    assert args.command == "daemon"
    assert service["KillSignal"] == "SIGTERM"
    # systemd must wait longer than the daemon's own stop timeout before it kills
    assert int(service["TimeoutStopSec"]) > DaemonSettings().stop_timeout_seconds
    assert service["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_crontab_line_has_a_valid_schedule_and_command() -> None:
    [line] = fenced("crontab")
    fields = line.split()
    CronTrigger.from_crontab(" ".join(fields[:5]))
    command = line.split(None, 5)[5]
    evwatch = shlex.split(command.split("&&", 1)[1].split(">>", 1)[0])
    assert evwatch[0] == ".venv/bin/evwatch"
    assert build_parser().parse_args(evwatch[1:]).command == "run"


def test_example_config_is_valid_and_complete() -> None:
    config = load_config(REPO / "evwatch.example.toml")
    assert {s.mode for s in config.subscribers} == {"immediate", "digest"}
    assert config.smtp is not None and config.smtp.password_env
    assert config.daemon.sources
