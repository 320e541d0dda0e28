"""Jiemian (界面新闻): the seed does the work; the mobile "microcontent" view of an article
is the same article as its plain page."""

from __future__ import annotations

import re

from crawler.spiders.base import SeedSpider

_MICROCONTENT = re.compile(r"_microcontent(\.html)$")


class JiemianSpider(SeedSpider):
    name = "jiemian"

    def canonical(self, url: str) -> str:
        return super().canonical(_MICROCONTENT.sub(r"\1", url))
