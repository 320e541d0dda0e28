"""AutoBeta: layout unverified, so discovery leans on the base spider's generic fallback."""

from __future__ import annotations

from crawler.spiders.base import SeedSpider


class AutoBetaSpider(SeedSpider):
    name = "autobeta"
