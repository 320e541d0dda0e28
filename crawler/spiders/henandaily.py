"""Henan Daily on en.dahe.cn: bilingual pieces are split by the shared extractor; the date in
the URL path backs up the page's own "Published:" line (both declared in the seed)."""

from __future__ import annotations

from crawler.spiders.base import SeedSpider


class HenanDailySpider(SeedSpider):
    name = "henandaily"
