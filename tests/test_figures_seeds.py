"""The figures an analyst records from the seed articles must come out exactly; plans must not.

Decisions: in seed 000 Leapmotor's year-to-date total (at least 500,000, reported as sales) is
stored as deliveries: the story is about Leapmotor's deliveries, and the parser files a maker's
"sales" under deliveries when the same article gives its deliveries. In seed 003 the output of
Geely's Changxing base (217,000 vehicles by November, 32,000 of them new energy) is attributed to
Geely: the lexicon has no plant entities. The Lynk & Co 900 model's cumulative 50,000 is a
model-level figure and is skipped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crawler.figures import Figure, parse_figures
from crawler.figures.model import LIFETIME_START

# The seed articles: the five source stories rewritten in our own words, every figure kept, so
# the tests need no copy of the originals.
SEEDS = Path(__file__).resolve().parent / "figures" / "seed_articles"
NOV_2025 = (date(2025, 11, 1), date(2025, 11, 30))
YTD_NOV_2025 = (date(2025, 1, 1), date(2025, 11, 30))
YTD_SEP_2024 = (date(2024, 1, 1), date(2024, 9, 30))

# (entity, metric, segment or None = any, (start, end), value, qualifier, yoy or None, claims)
Expected = tuple[str, str, str | None, tuple[date, date], int, str, float | None, set[str]]

SEED_FIGURES: dict[str, tuple[date, list[Expected]]] = {
    "000": (
        date(2025, 12, 1),
        [
            ("HIMA", "deliveries", "nev", NOV_2025, 81864, "exact", 90.0, {"first_time"}),
            (
                "HIMA",
                "deliveries",
                "nev",
                (LIFETIME_START, date(2025, 11, 30)),
                1_000_000,
                "at_least",
                None,
                set(),
            ),
            ("Leapmotor", "deliveries", "nev", NOV_2025, 70327, "exact", None, {"streak:2"}),
            ("Leapmotor", "deliveries", "nev", YTD_NOV_2025, 500_000, "at_least", None, set()),
            ("Lynk & Co+Zeekr", "deliveries", None, NOV_2025, 63902, "exact", None, set()),
            ("Xiaomi Auto", "deliveries", "nev", NOV_2025, 40000, "at_least", None, set()),
            ("NIO", "deliveries", "nev", NOV_2025, 36275, "exact", None, set()),
            ("Xpeng", "deliveries", "nev", NOV_2025, 36728, "exact", None, set()),
            ("Xpeng", "deliveries", "nev", YTD_NOV_2025, 400_000, "approx", None, set()),
            ("Li Auto", "deliveries", "nev", NOV_2025, 33181, "exact", None, set()),
            ("Voyah", "deliveries", "nev", NOV_2025, 20000, "at_least", None, {"first_time"}),
        ],
    ),
    "001": (date(2023, 8, 24), []),
    "002": (date(2024, 3, 4), []),
    "003": (
        date(2025, 12, 22),
        [
            ("Zhejiang", "production", "nev", YTD_NOV_2025, 1_233_000, "exact", 49.9, set()),
            ("Geely", "production", "all", YTD_NOV_2025, 217_000, "exact", None, set()),
            ("Geely", "production", "nev", YTD_NOV_2025, 32_000, "exact", None, set()),
            (
                "Leapmotor",
                "production",
                "nev",
                YTD_NOV_2025,
                530_000,
                "at_least",
                None,
                set(),  # the article's nine-month streak is of ranking first, not of this total
            ),
        ],
    ),
    "004": (
        date(2024, 11, 18),
        [
            (
                "China",
                "production",
                "nev",
                (date(2024, 1, 1), date(2024, 11, 14)),
                10_000_000,
                "at_least",
                None,
                {"first_time"},
            ),
            ("Zhengzhou", "production", "nev", YTD_SEP_2024, 700_000, "exact", None, set()),
            ("Henan", "production", "nev", YTD_SEP_2024, 401_000, "exact", 140.5, set()),
        ],
    ),
}


def _seed_text(prefix: str) -> str:
    [match] = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return match.read_text("utf-8")


def _matches(f: Figure, e: Expected) -> bool:
    entity, metric, segment, (start, end), value, qualifier, yoy, claims = e
    return (
        f.entity == entity
        and f.metric == metric
        and (segment is None or f.segment == segment)
        and (f.period_start, f.period_end) == (start, end)
        and f.value == value
        and f.qualifier == qualifier
        and (yoy is None or f.yoy_pct == yoy)
        and set(f.claims) == claims
    )


@pytest.mark.parametrize("prefix", sorted(SEED_FIGURES))
def test_seed_figures_exactly(prefix: str) -> None:
    published, expected = SEED_FIGURES[prefix]
    figures = parse_figures(_seed_text(prefix), published)
    shown = "\n".join(
        f"{f.entity}|{f.metric}|{f.segment}|{f.period_start}..{f.period_end}|{f.value}"
        f"|{f.qualifier}|{f.yoy_pct}|{sorted(f.claims)}"
        for f in figures
    )
    for e in expected:
        assert any(_matches(f, e) for f in figures), f"missing {e}\ngot:\n{shown}"
    assert len(figures) == len(expected), f"unexpected figures:\n{shown}"


def test_seed_003_money_and_parts_are_not_vehicle_figures() -> None:
    figures = parse_figures(_seed_text("003"), date(2025, 12, 22))
    values = {f.value for f in figures}
    assert not values & {43_000_000_000, 13_300_000_000, 30_000, 40_000, 2_500, 50_000}
    assert all(f.metric != "exports" for f in figures)


def test_seed_004_forecast_and_counts_are_dropped() -> None:
    figures = parse_figures(_seed_text("004"), date(2024, 11, 18))
    zhengzhou = [f for f in figures if f.entity == "Zhengzhou"]
    assert [(f.period_kind, f.value) for f in zhengzhou] == [("ytd", 700_000)]
    assert not {f.value for f in figures} & {17, 600, 6_030_000_000}
    assert not any(f.period_kind == "year" for f in figures)


def test_snippet_and_span_point_into_the_text() -> None:
    text = _seed_text("000")
    for f in parse_figures(text, date(2025, 12, 1)):
        assert text[f.span[0] : f.span[1]] == f.snippet
