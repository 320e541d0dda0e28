"""Dates, URLs and languages: the small parsers the spiders rely on."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from crawler.dates import date_from_url, parse_epoch, parse_published
from crawler.language import split_languages
from crawler.middlewares import retry_after_seconds
from crawler.urls import canonicalize

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("text", "formats", "expected"),
    [
        ("1764585000", ("epoch",), datetime(2025, 12, 1, 10, 30, tzinfo=UTC)),
        (
            "2025/12/01 18:30",
            ("epoch", "%Y/%m/%d %H:%M"),
            datetime(2025, 12, 1, 10, 30, tzinfo=UTC),
        ),
        ("Source:HICC Published:2023-09-18 13:46", (), datetime(2023, 9, 18, 5, 46, tzinfo=UTC)),
        (
            "2025-09-05 Update From: AutoBeta autobeta",
            ("%Y-%m-%d",),
            datetime(2025, 9, 4, 16, 0, tzinfo=UTC),
        ),
        ("2024年11月18日", (), datetime(2024, 11, 17, 16, 0, tzinfo=UTC)),
        ("2025-12-01T18:30:00+08:00", (), datetime(2025, 12, 1, 10, 30, tzinfo=UTC)),
        ("2025-13-45 10:00 then 2025-01-02", (), datetime(2025, 1, 1, 16, 0, tzinfo=UTC)),
        ("no date here", (), None),
        ("", ("epoch",), None),
    ],
    ids=[
        "epoch",
        "jiemian-visible",
        "dahe-published",
        "autobeta-update",
        "chinese",
        "iso-offset",
        "impossible-then-valid",
        "none",
        "empty",
    ],
)
def test_parse_published(text: str, formats: tuple[str, ...], expected: datetime | None) -> None:
    assert parse_published(text, SHANGHAI, formats) == expected


def test_epoch_outside_sane_range_is_rejected() -> None:
    assert parse_epoch("0000000001") is None
    assert parse_epoch("1764585000000") == datetime(2025, 12, 1, 10, 30, tzinfo=UTC)


def test_date_from_url_path() -> None:
    url = "https://en.dahe.cn/2024/11-18/1852792.html"
    assert date_from_url(url, r"/(\d{4})/(\d{2})-(\d{2})/", SHANGHAI) == datetime(
        2024, 11, 17, 16, tzinfo=UTC
    )
    assert (
        date_from_url(
            "https://en.dahe.cn/2024/13-45/1.html", r"/(\d{4})/(\d{2})-(\d{2})/", SHANGHAI
        )
        is None
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://M.Jiemian.com/article/13600001.html?utm_source=wx#top",
            "https://www.jiemian.com/article/13600001.html",
        ),
        (
            "https://www.jiemian.com/article/13600001.html?from=timeline&isappinstalled=0",
            "https://www.jiemian.com/article/13600001.html",
        ),
        (
            "https://en.dahe.cn/2024/11-18/1852792.html",
            "https://en.dahe.cn/2024/11-18/1852792.html",
        ),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url, {"m.jiemian.com": "www.jiemian.com"}) == expected


def test_canonicalize_keeps_declared_parameters() -> None:
    url = "https://x.invalid/view?id=7&utm_medium=feed"
    assert canonicalize(url, keep_query_params=("id",)) == "https://x.invalid/view?id=7"


def test_language_of_bilingual_text_is_mixed_and_separable() -> None:
    text = (
        "Henan's NEV output rose 140.5 percent to 401,000 units in the first nine months.\n"
        "河南省前9个月新能源汽车产量达40.1万辆，同比增长140.5%。\n"
        "Zhengzhou alone made 700,000 new energy vehicles.\n"
        "郑州新能源汽车产量达到70万辆。"
    )
    split = split_languages(text)
    assert split.language == "mixed"
    assert split.english.splitlines()[0].startswith("Henan's NEV output")
    assert "郑州" in split.chinese and "Zhengzhou" not in split.chinese


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("HIMA handed over 81,864 cars in November, close to 90 percent up on a year ago.", "en"),
        ("零跑汽车11月交付新车70327辆，连续两个月突破7万辆。", "zh"),
        ("比亚迪 BYD 与 Tesla 在上海的工厂产量都创下新高，NEV 渗透率继续上升。", "zh"),
        ("", "und"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert split_languages(text).language == language


def test_retry_after_header_forms() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 01 Jan 2025 00:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_hostile_text_never_crashes_the_parser() -> None:
    """A page of digits, of 万, of separators or of table rows gives no figure and no error."""
    from datetime import date

    from crawler.figures import parse_figures

    for text in (
        "1" * 50_000,
        "万" * 50_000,
        "1," * 20_000,
        "| a | b |\n" * 2_000,
        "9" * 19 + " vehicles",
    ):
        assert parse_figures(text, date(2025, 12, 1)) == []
