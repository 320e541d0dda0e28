"""Where evwatch.toml is (``--config``, ``EVWATCH_CONFIG``, ./evwatch.toml), and the one value
``evwatch status`` needs from it (bad runs in a row before a source is down), read without
validating the file: status starts without pydantic and the rule models. ``alerts.config``
loads and validates the whole file."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

# bad runs in a row before a source is called down (``[rules.source_health] runs``)
SOURCE_HEALTH_RUNS = 3


def config_path(cli_value: str | None = None) -> Path | None:
    """--config, else $EVWATCH_CONFIG, else ./evwatch.toml when it exists."""
    if cli_value:
        return Path(cli_value)
    if os.environ.get("EVWATCH_CONFIG"):
        return Path(os.environ["EVWATCH_CONFIG"])
    default = Path("evwatch.toml")
    return default if default.exists() else None


def source_health_runs(path: Path | None) -> int | None:
    """``[rules.source_health] runs`` of the file at ``path`` (the default without a file or
    the key); None when the file cannot be read so simply (unreadable, not TOML, not a whole
    number >= 1): then only the validating load can say what is wrong."""
    if path is None:
        return SOURCE_HEALTH_RUNS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    rules = data.get("rules", {})
    health = rules.get("source_health", {}) if isinstance(rules, dict) else None
    if not isinstance(health, dict):
        return None
    runs = health.get("runs", SOURCE_HEALTH_RUNS)
    if type(runs) is not int or runs < 1:
        return None
    return runs
