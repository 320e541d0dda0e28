"""Which count a growth rate is said of: the rates of a company's accounts (revenue, profit,
margins) are no count's."""

from datetime import date

import pytest

from crawler.figures import parse_figures

CASES = [
    # (published, text, value of the count, its year-on-year rate or None)
    (
        date(2021, 11, 10),
        "NIO Q3 2021: deliveries double to 24,439, revenue up 116.6%",
        24439,
        None,
    ),
    (
        date(2025, 11, 26),
        "理想汽车表示，集团上季收入总额按年减少36.2%至273.6亿元；期内汽车总交付量逾9.3万辆，按年减少39%。",
        93000,
        -39.0,
    ),
    (
        date(2015, 10, 14),
        "据中汽协统计，9月新能源汽车生产28324辆，销售28092辆，同比分别增长2.1倍和2.2倍。",
        28324,
        210.0,  # rates in 倍 said respectively go to the counts in order
    ),
    (
        date(2021, 11, 17),
        "小鹏汽车今年10月智能电动汽车总交付量达1.01万辆，增长2.3倍。",
        10100,
        230.0,  # a rise of 2.3 times, exactly (no 229.99999999999997)
    ),
    (
        date(2025, 11, 25),
        "NIO's quarterly revenue rose 16.7% year-over-year. Its deliveries reached 87,071 units "
        "in the third quarter, up 40.8% year-over-year.",
        87071,
        40.8,
    ),
    (
        date(2025, 11, 25),
        "NIO delivered 87,071 vehicles in the third quarter, while its gross margin widened 3.2% "
        "from a year ago.",
        87071,
        None,
    ),
]


@pytest.mark.parametrize(("published", "text", "value", "yoy"), CASES)
def test_rate_goes_to_its_count(published: date, text: str, value: int, yoy: float | None) -> None:
    (figure,) = [f for f in parse_figures(text, published) if f.value == value]
    assert figure.yoy_pct == yoy


def test_a_rate_against_the_month_before_is_month_on_month() -> None:
    text = "In September BYD sold 7,736 NEVs abroad, 51.92 percent more than the 5,092 of August."
    (figure,) = [f for f in parse_figures(text, date(2022, 10, 3)) if f.value == 7736]
    assert (figure.yoy_pct, figure.mom_pct) == (None, 51.92)


@pytest.mark.parametrize(
    ("text", "yoy", "mom"),
    [
        (
            "BYD sold 84,000 vehicles in February, down 37.2% on-month and 6.9% on-year.",
            -6.9,
            -37.2,
        ),
        ("10月，全国汽车产量58.88万辆，比9月下降8.91%，同比增长41.43%。", 41.43, -8.91),
    ],
)
def test_rates_on_the_month_and_on_the_year(text: str, yoy: float, mom: float) -> None:
    (figure,) = parse_figures(text, date(2023, 11, 5))
    assert (figure.yoy_pct, figure.mom_pct) == (yoy, mom)


def test_two_pairs_of_rates_go_to_a_pair_of_counts_in_order() -> None:
    text = (
        "据中汽协统计，10月汽车产销58.88万辆和57.63万辆，比9月下降8.91%和9.60%，"
        "同比增长41.43%和27.55%。"
    )
    rates = [(f.value, f.yoy_pct, f.mom_pct) for f in parse_figures(text, date(2006, 11, 10))]
    assert rates == [(588800, 41.43, -8.91), (576300, 27.55, -9.6)]


def test_the_base_of_a_powertrains_count_is_a_part_too() -> None:
    text = (
        "BYD sold 201,259 NEVs in September. It sold 94,941 battery-electric vehicles, 161.5 "
        "percent more than the 36,306 it sold in the same month a year before."
    )
    assert [f.value for f in parse_figures(text, date(2022, 10, 3))] == [201259]
