"""Seed files: one TOML declaration per source, loaded and validated into frozen dataclasses.

A seed says what to crawl (domains, start URLs, article URL patterns, pagination) and how to read
its pages (selectors with fallbacks, date formats, furniture to drop). Unknown keys and missing
required keys fail at load time with the file and the key named.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

REPO_SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


class SeedError(ValueError):
    """A seed file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Discovery:
    """How article links are found on listing pages."""

    article_url_patterns: tuple[str, ...]
    listing_url_patterns: tuple[str, ...] = ()
    listing_link_selectors: tuple[str, ...] = ()
    pagination_selectors: tuple[str, ...] = ()
    max_listing_pages: int = 3
    host_aliases: dict[str, str] = field(default_factory=dict)
    keep_query_params: tuple[str, ...] = ()
    # Generic fallback: same-site links whose text looks like a headline and whose path ends
    # in a number, for when a layout guess is wrong and no pattern matches.
    generic_fallback: bool = True


@dataclass(frozen=True)
class ArticleSpec:
    """How an article page is read; each list is tried in order, first hit wins."""

    title: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    date_formats: tuple[str, ...] = ("%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d")
    date_from_url: str = ""
    author: tuple[str, ...] = ()
    source_line: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    drop_lines: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Politeness:
    """Per-source request pacing; AutoThrottle adapts within these bounds."""

    concurrent_requests_per_domain: int = 2
    download_delay: float = 1.0
    download_timeout: float = 30.0


@dataclass(frozen=True)
class Seed:
    """Everything the crawler knows about one source."""

    name: str
    title: str
    home_url: str
    allowed_domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    discovery: Discovery
    article: ArticleSpec = field(default_factory=ArticleSpec)
    politeness: Politeness = field(default_factory=Politeness)
    enabled: bool = True
    language: str = "zh"
    encoding: str = "utf-8"
    timezone: str = "Asia/Shanghai"
    poll_interval_minutes: int = 30
    path: Path | None = None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


_SECTIONS: dict[str, type] = {
    "discovery": Discovery,
    "article": ArticleSpec,
    "politeness": Politeness,
}


def _coerce(where: str, key: str, expected: Any, value: Any) -> Any:
    """Checks one value against its annotated type; lists become tuples."""
    type_text = str(expected)
    if type_text.startswith("tuple[str"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SeedError(f"{where}: key '{key}' must be a list of strings")
        return tuple(value)
    if type_text.startswith("dict[str, str]"):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise SeedError(f"{where}: key '{key}' must be a table of strings")
        return dict(value)
    if expected is bool:
        ok = isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif expected is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    else:
        ok = isinstance(value, str)
    if not ok:
        type_name = getattr(expected, "__name__", expected)
        raise SeedError(f"{where}: key '{key}' must be of type {type_name}")
    return value


def _build(cls: type, where: str, prefix: str, table: dict[str, Any]) -> Any:
    hints = get_type_hints(cls)
    known = {f.name: f for f in fields(cls) if f.name != "path"}
    for key in table:
        if key not in known:
            raise SeedError(f"{where}: unknown key '{prefix}{key}'")
    kwargs: dict[str, Any] = {}
    for name, spec in known.items():
        qualified = f"{prefix}{name}"
        if name not in table:
            no_default = spec.default is MISSING and spec.default_factory is MISSING
            if no_default:
                raise SeedError(f"{where}: missing required key '{qualified}'")
            continue
        value = table[name]
        if name in _SECTIONS and cls is Seed:
            if not isinstance(value, dict):
                raise SeedError(f"{where}: key '{qualified}' must be a table")
            kwargs[name] = _build(_SECTIONS[name], where, f"{qualified}.", value)
        else:
            kwargs[name] = _coerce(where, qualified, hints[name], value)
    return cls(**kwargs)


def _check_semantics(seed: Seed, where: str) -> None:
    if seed.path is not None and seed.name != seed.path.stem:
        raise SeedError(f"{where}: key 'name' is '{seed.name}' but the file is '{seed.path.name}'")
    try:
        ZoneInfo(seed.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SeedError(f"{where}: key 'timezone': unknown time zone '{seed.timezone}'") from exc
    patterns = {
        "discovery.article_url_patterns": seed.discovery.article_url_patterns,
        "discovery.listing_url_patterns": seed.discovery.listing_url_patterns,
    }
    for key, values in patterns.items():
        for pattern in values:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise SeedError(f"{where}: key '{key}': bad pattern {pattern!r}: {exc}") from exc
    if not seed.discovery.article_url_patterns:
        raise SeedError(f"{where}: key 'discovery.article_url_patterns' must not be empty")
    if not seed.start_urls:
        raise SeedError(f"{where}: key 'start_urls' must not be empty")
    if seed.discovery.max_listing_pages < 1:
        raise SeedError(f"{where}: key 'discovery.max_listing_pages' must be at least 1")


def load_seed(path: Path) -> Seed:
    """Reads and validates one seed file."""
    where = str(path)
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SeedError(f"{where}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise SeedError(f"{where}: cannot read: {exc.strerror}") from exc
    seed = _build(Seed, where, "", table)
    seed = Seed(**{**seed.__dict__, "path": path})
    _check_semantics(seed, where)
    return seed


def seeds_dir(explicit: str | Path | None = None) -> Path:
    """``--seeds``, else ``EVWATCH_SEEDS``, else ``./seeds``, else the repository's seeds/."""
    for candidate in (explicit, os.environ.get("EVWATCH_SEEDS")):
        if candidate:
            return Path(candidate)
    local = Path.cwd() / "seeds"
    return local if local.is_dir() else REPO_SEEDS_DIR


def load_seeds(directory: str | Path | None = None) -> dict[str, Seed]:
    """All seeds in a directory, by name, sorted."""
    folder = seeds_dir(directory)
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise SeedError(f"{folder}: no seed files (*.toml) found")
    return {seed.name: seed for seed in map(load_seed, files)}
