"""``evwatch seed check``: what a seed reads from a saved page, so a seed can be adapted when
its site changes; a seed whose selectors no longer match shows it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO, run_evwatch

PAGES = REPO / "tests" / "pages"


def test_an_article_page_shows_title_date_and_body() -> None:
    result = run_evwatch(
        "seed", "check", "henandaily", "--page", str(PAGES / "henandaily" / "article.html"),
        "--url", "https://en.dahe.cn/2025/01-06/1866871.html",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line[:12])
    assert lines["title"].strip()
    assert lines["published"].strip().startswith("2025-01-06")
    assert int(lines["body"].split()[0]) > 200


def test_a_listing_page_shows_its_links() -> None:
    result = run_evwatch(
        "seed", "check", "tapas", "--page", str(PAGES / "tapas" / "listing.html"),
        "--url", "https://tapas.invalid/press/news/",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "article links: 4" in result.stdout
    assert "  https://tapas.invalid/press/news/page/2/" in result.stdout


def test_a_seed_that_no_longer_matches_reads_nothing(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = (REPO / "seeds" / "tapas.toml").read_text(encoding="utf-8")
    broken = text.replace("press/news/", "press/old-news/")  # the site moved its articles
    broken = broken.replace("[discovery]", "[discovery]\ngeneric_fallback = false")
    (seeds / "tapas.toml").write_text(broken, encoding="utf-8")
    shutil.copy(PAGES / "tapas" / "listing.html", tmp_path / "listing.html")
    result = run_evwatch(
        "--seeds", str(seeds), "seed", "check", "tapas", "--page", str(tmp_path / "listing.html")
    )
    assert "article links: 0" in result.stdout, result.stdout
    assert result.returncode == 1
