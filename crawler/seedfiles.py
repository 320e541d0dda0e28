"""Where the seed files are (``--seeds``, ``EVWATCH_SEEDS``, ./seeds, the repository's), and
what ``evwatch status`` needs of them (each source's name and whether it is enabled), read
without validating the files: status starts without pydantic and the seed models.
``crawler.seeds`` loads and validates them."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

REPO_SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
# a seed without ``enabled`` is crawled
ENABLED_BY_DEFAULT = True


def seeds_dir(explicit: str | Path | None = None) -> Path:
    """``--seeds``, else ``EVWATCH_SEEDS``, else ``./seeds``, else the repository's seeds/."""
    for candidate in (explicit, os.environ.get("EVWATCH_SEEDS")):
        if candidate:
            return Path(candidate)
    local = Path.cwd() / "seeds"
    return local if local.is_dir() else REPO_SEEDS_DIR


def seed_switches(directory: str | Path | None = None) -> dict[str, bool] | None:
    """Each seed's name and ``enabled``, by name; None when a file cannot be read so simply
    (none there, unreadable, not TOML, no name matching the file, ``enabled`` not a boolean):
    then only the validating load can say what is wrong."""
    files = sorted(seeds_dir(directory).glob("*.toml"))
    switches: dict[str, bool] = {}
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
        name, enabled = data.get("name"), data.get("enabled", ENABLED_BY_DEFAULT)
        if name != path.stem or not isinstance(enabled, bool):
            return None
        switches[name] = enabled
    return switches or None
