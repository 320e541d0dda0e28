"""Scrapy's spider loader, plus one spider for every seed file that has no spider class of its
own: a source is one seed file. A subclass (``crawler/spiders/``) is only for a site that needs
code; ``scrapy list`` and ``evwatch crawl`` see both alike."""

from __future__ import annotations

from scrapy.settings import BaseSettings
from scrapy.spiderloader import SpiderLoader

from crawler.seeds import load_seeds
from crawler.spiders.base import SeedSpider


class SeedSpiderLoader(SpiderLoader):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        for name in load_seeds(settings.get("EVWATCH_SEEDS") or None):
            if name not in self._spiders:
                self._spiders[name] = seed_spider_class(name)


def seed_spider_class(name: str) -> type[SeedSpider]:
    """The generic seed-driven spider under a source's name."""
    class_name = "".join(part.title() for part in name.replace("-", "_").split("_")) + "Spider"
    return type(class_name, (SeedSpider,), {"name": name, "__module__": __name__})
