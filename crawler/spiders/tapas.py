"""TAPAS show news: article pages carry no date, so the listing's date is used (base spider)."""

from __future__ import annotations

from crawler.spiders.base import SeedSpider


class TapasSpider(SeedSpider):
    name = "tapas"
