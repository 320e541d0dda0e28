"""The four replicated sites, by host."""

from __future__ import annotations

from crawler.replica.site import ReplicaSite
from crawler.replica.sites.autobeta import AutoBeta
from crawler.replica.sites.henandaily import HenanDaily
from crawler.replica.sites.jiemian import Jiemian
from crawler.replica.sites.tapas import Tapas

SITE_CLASSES: tuple[type[ReplicaSite], ...] = (Jiemian, AutoBeta, Tapas, HenanDaily)


def sites_by_host(slow_seconds: float) -> dict[str, ReplicaSite]:
    table: dict[str, ReplicaSite] = {}
    for cls in SITE_CLASSES:
        site = cls(slow_seconds)
        for host in cls.hosts:
            table[host] = site
    return table
