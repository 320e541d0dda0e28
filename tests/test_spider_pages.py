"""Each spider's callbacks on saved pages (``tests/pages/``, saved from the replica): the
listing page yields the article links and pagination the seed should find, the article page
yields one item under its canonical URL that extraction reads. No network, no reactor."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from crawler.items import ArticlePage
from crawler.replica.site import load_articles
from crawler.seeds import load_seeds
from crawler.spiderloader import SeedSpiderLoader
from crawler.spiders.base import SeedSpider
from crawler.textextract import extract_article
from tests.conftest import REPO

PAGES = REPO / "tests" / "pages"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (PAGES / "pages.toml").read_text(encoding="utf-8")
)


def project_settings() -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("EVWATCH_SEEDS", str(REPO / "seeds"))
    return settings


def spider_for(source: str) -> SeedSpider:
    seed = load_seeds(REPO / "seeds")[source]
    spider_class = SeedSpiderLoader(project_settings()).load(source)
    assert issubclass(spider_class, SeedSpider)
    return spider_class.for_seed(seed)


def saved(source: str, page: str, url: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=(PAGES / source / f"{page}.html").read_bytes())


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_listing_callback_finds_the_articles_and_the_next_page(source: str) -> None:
    expected = EXPECTED[source]
    spider = spider_for(source)
    requests = list(spider.parse_listing(saved(source, "listing", expected["listing_url"]), page=1))
    assert all(isinstance(r, scrapy.Request) for r in requests)
    articles = [r.url for r in requests if r.meta["evwatch_kind"] == "article"]
    listings = {r.url for r in requests if r.meta["evwatch_kind"] == "listing"}
    assert articles == expected["article_links"]
    assert listings == set(expected["pagination"])
    assert all(r.callback == spider.parse_article for r in requests if r.url in articles)


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_article_callback_yields_one_item_that_extraction_reads(source: str) -> None:
    url = EXPECTED[source]["article_url"]
    spider = spider_for(source)
    [item] = list(spider.parse_article(saved(source, "article", url), listing_published_at=None))
    assert isinstance(item, ArticlePage)
    assert item.canonical_url == url and item.source == source
    written = next(a for a in load_articles(source) if f"/{a['id']}.html" in url)
    extracted = extract_article(item.html, item.fetched_url, spider.seed.article, spider.seed.tz)
    assert extracted.title == written["title"]
    assert written["body"][0].removeprefix("## ")[:40] in extracted.text


def test_jiemian_microcontent_view_is_the_same_article() -> None:
    url = EXPECTED["jiemian"]["article_url"]
    spider = spider_for("jiemian")
    micro = url.replace(".html", "_microcontent.html").replace("www.", "m.")
    [item] = list(spider.parse_article(saved("jiemian", "article", micro), None))
    assert item.fetched_url == url


def test_every_seed_has_a_spider_and_there_is_no_other() -> None:
    loader = SeedSpiderLoader(project_settings())
    assert loader.load("jiemian").__name__ == "JiemianSpider"  # the one that needs code
    assert sorted(loader.list()) == sorted(p.stem for p in Path(REPO / "seeds").glob("*.toml"))
