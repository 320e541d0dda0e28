"""Seed files: the shipped ones load; broken ones fail naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.seeds import SeedError, load_seed, load_seeds
from tests.conftest import REPO, run_evwatch

MINIMAL = """
name = "demo"
title = "Demo"
home_url = "https://example.invalid/"
allowed_domains = ["example.invalid"]
start_urls = ["https://example.invalid/"]

[discovery]
article_url_patterns = ['/article/\\d+\\.html$']
"""


def write(tmp_path: Path, text: str, name: str = "demo") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_seeds_all_load() -> None:
    seeds = load_seeds(REPO / "seeds")
    assert sorted(seeds) == ["autobeta", "henandaily", "jiemian", "tapas"]
    assert seeds["jiemian"].discovery.host_aliases == {"m.jiemian.com": "www.jiemian.com"}
    assert all(seed.timezone == "Asia/Shanghai" for seed in seeds.values())


def test_minimal_seed_gets_defaults(tmp_path: Path) -> None:
    seed = load_seed(write(tmp_path, MINIMAL))
    assert seed.discovery.max_listing_pages == 3
    assert seed.politeness.concurrent_requests_per_domain == 2
    assert seed.enabled


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('name = "demo"', "colour = 'red'\nname = \"demo\""), "unknown key 'colour'"),
        (("[discovery]\n", "[discovery]\nspeed = 3\n"), "unknown key 'discovery.speed'"),
        (('title = "Demo"\n', ""), "missing required key 'title'"),
        (
            ("[discovery]\narticle_url", "[discovery]\nmax_listing_pages = 2\n# article_url"),
            "missing required key 'discovery.article_url_patterns'",
        ),
        (
            ('start_urls = ["https://example.invalid/"]', 'start_urls = "https://x.invalid/"'),
            "key 'start_urls' must be a list",
        ),
        (("[discovery]\n", "timezone = 'Mars/Olympus'\n[discovery]\n"), "unknown time zone"),
        (("[discovery]\n", "[discovery]\nlisting_url_patterns = ['(']\n"), "bad pattern"),
        (('name = "demo"', 'name = "other"'), "but the file is 'demo.toml'"),
        (
            ("[discovery]\n", "[politeness]\ndownload_delay = 'slow'\n[discovery]\n"),
            "key 'politeness.download_delay' must be of type float",
        ),
    ],
    ids=[
        "unknown-top",
        "unknown-nested",
        "missing-top",
        "missing-nested",
        "wrong-type",
        "bad-timezone",
        "bad-regex",
        "name-mismatch",
        "wrong-nested-type",
    ],
)
def test_broken_seed_names_file_and_key(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    old, new = change
    text = MINIMAL.replace(old, new, 1) if old else MINIMAL + new
    assert text != MINIMAL
    path = write(tmp_path, text)
    with pytest.raises(SeedError) as caught:
        load_seed(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_invalid_toml_is_one_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "name = \n")
    with pytest.raises(SeedError, match="not valid TOML"):
        load_seed(path)


def test_cli_reports_bad_seed_in_one_line(tmp_path: Path) -> None:
    write(tmp_path, "surprise = 1\n" + MINIMAL)
    result = run_evwatch("--seeds", str(tmp_path), "sources")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "demo.toml: unknown key 'surprise'" in lines[0]
