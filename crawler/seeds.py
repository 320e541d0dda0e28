"""Seed files: one TOML declaration per source, validated against the schema below.

A seed says what to crawl (domains, start URLs, article URL patterns, pagination) and how to read
its pages (selectors with fallbacks, date formats, furniture to drop). Every default is on its
field here; unknown keys and missing required keys fail at load time with the file and the key
named (``crawler.schema``).
"""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, PrivateAttr, StrictBool, StrictFloat, StrictInt, StrictStr

from crawler.schema import DEFAULT_TIMEZONE, Strict, build, read_toml
from crawler.seedfiles import ENABLED_BY_DEFAULT, seeds_dir

Strings = tuple[StrictStr, ...]


class SeedError(ValueError):
    """A seed file that cannot be used; the message names the file and the key."""


class Discovery(Strict):
    """How article links are found on listing pages."""

    article_url_patterns: Strings
    listing_url_patterns: Strings = ()
    listing_link_selectors: Strings = ()
    pagination_selectors: Strings = ()
    max_listing_pages: StrictInt = 3
    host_aliases: dict[StrictStr, StrictStr] = Field(default_factory=dict)
    keep_query_params: Strings = ()
    # Generic fallback: same-site links whose text looks like a headline and whose path ends
    # in a number, for when a layout guess is wrong and no pattern matches.
    generic_fallback: StrictBool = True


class ArticleSpec(Strict):
    """How an article page is read; each list is tried in order, first hit wins."""

    title: Strings = ()
    published: Strings = ()
    date_formats: Strings = ("%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d")
    date_from_url: StrictStr = ""
    author: Strings = ()
    source_line: Strings = ()
    body: Strings = ()
    remove: Strings = ()
    drop_lines: Strings = ()
    title_suffixes: Strings = ()


class Politeness(Strict):
    """Per-source request pacing; AutoThrottle adapts within these bounds."""

    concurrent_requests_per_domain: StrictInt = 2
    download_delay: StrictFloat = 1.0
    download_timeout: StrictFloat = 30.0


class Seed(Strict):
    """Everything the crawler knows about one source."""

    name: StrictStr
    title: StrictStr
    home_url: StrictStr
    allowed_domains: Strings
    start_urls: Strings
    discovery: Discovery
    article: ArticleSpec = Field(default_factory=ArticleSpec)
    politeness: Politeness = Field(default_factory=Politeness)
    enabled: StrictBool = ENABLED_BY_DEFAULT
    language: StrictStr = "zh"
    encoding: StrictStr = "utf-8"
    timezone: StrictStr = DEFAULT_TIMEZONE
    poll_interval_minutes: StrictInt = 30
    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        """The file the seed was read from."""
        return self._path

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


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
    seed = build(Seed, read_toml(path, SeedError), where, SeedError)
    seed._path = path
    _check_semantics(seed, where)
    return seed


def load_seeds(directory: str | Path | None = None) -> dict[str, Seed]:
    """All seeds in a directory, by name, sorted."""
    folder = seeds_dir(directory)
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise SeedError(f"{folder}: no seed files (*.toml) found")
    return {seed.name: seed for seed in map(load_seed, files)}
