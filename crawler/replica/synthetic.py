"""Synthetic Jiemian-style articles in any number, for benchmarks (``--synthetic N``)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

MAKERS = ("HIMA", "Leapmotor", "Xpeng", "Li Auto", "Nio", "Xiaomi Auto", "BYD", "Zeekr", "Voyah")
MAKERS_ZH = (
    "鸿蒙智行",
    "零跑汽车",
    "小鹏汽车",
    "理想汽车",
    "蔚来",
    "小米汽车",
    "比亚迪",
    "极氪",
    "岚图",
)


def synthetic_articles(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` articles alternating English and Chinese, each with a few figures."""
    rng = random.Random(seed)
    start = datetime(2025, 12, 1, 9, 0)
    articles = []
    for index in range(count):
        maker = rng.randrange(len(MAKERS))
        value = rng.randrange(5_000, 120_000)
        growth = rng.randrange(-30, 160)
        when = start - timedelta(hours=index * 3)
        month = (when.month - 2) % 12 + 1
        if index % 2:
            body = [
                f"{MAKERS_ZH[maker]}{month}月交付新车{value}辆，同比增长{growth}%，环比有所上升。"
                * 2,
                "多家新势力车企公布了上月的交付数据，行业竞争依然激烈，价格战仍在持续。" * 3,
                f"今年以来，{MAKERS_ZH[maker]}累计交付{value * 9}辆，完成全年目标的八成以上。" * 2,
            ]
            title = f"{MAKERS_ZH[maker]}{month}月交付{value}辆"
        else:
            body = [
                f"{MAKERS[maker]} delivered {value:,} vehicles in month {month}, "
                f"a change of {growth} percent year on year, the company said on Monday. " * 2,
                "Competition among Chinese electric-vehicle makers stayed fierce as price cuts "
                "spread across segments and new models crowded the showrooms. " * 3,
                f"Year-to-date deliveries reached {value * 9:,} units, ahead of last year's pace. "
                * 2,
            ]
            title = f"{MAKERS[maker]} delivers {value:,} vehicles (#{index})"
        articles.append(
            {
                "id": 20_000_000 + index,
                "edition": "zh" if index % 2 else "en",
                "channel": 51,
                "title": title,
                "dek": body[0][:60],
                "author": "Jiemian staff",
                "published": when.strftime("%Y-%m-%d %H:%M"),
                "lang": "zh" if index % 2 else "en",
                "body": body,
            }
        )
    return articles
