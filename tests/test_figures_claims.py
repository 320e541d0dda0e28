"""The claims ("a record", "the first time") a figure's statement makes, kept when the same
figure is told again later in the article."""

from datetime import date

from crawler.figures import parse_figures

MILESTONE_TOLD_TWICE = (
    "SGMW builds its 25 millionth vehicle\n"
    "SAIC-GM-Wuling (SGMW) has built its 25,000,000th vehicle, a record no other Chinese "
    "carmaker has reached.\n\n"
    "The 25 millionth unit came off the line on November 18th at the company's Liuzhou plant."
)


def test_a_record_told_once_stays_with_the_figure_kept() -> None:
    figures = parse_figures(MILESTONE_TOLD_TWICE, date(2021, 11, 22))
    assert [(f.entity, f.value, f.period_kind, f.claims) for f in figures] == [
        ("SAIC-GM-Wuling", 25_000_000, "lifetime", ("record",))
    ]


FAR_BELOW_BOUND_WITH_A_RECORD = (
    "Volkswagen Group sold 340,800 vehicles in China in June, 27.2% more than a year earlier.\n\n"
    "Plug-in car sales\n\n"
    "ID. sales improved thanks to a strong June, a new record of more than 17,600 units."
)


def test_a_record_of_a_bound_far_below_is_not_the_larger_counts() -> None:
    figures = parse_figures(FAR_BELOW_BOUND_WITH_A_RECORD, date(2022, 7, 12))
    assert [(f.entity, f.value, f.claims) for f in figures if f.value == 340_800] == [
        ("Volkswagen", 340_800, ())
    ]


def test_a_first_time_bound_goes_with_the_count_it_holds_for() -> None:
    text = "2021年我国汽车出口201.5万辆；2020年出口106万辆，一年几乎翻倍，首次突破200万辆。"
    figures = parse_figures(text, date(2022, 2, 10))
    assert [(f.value, f.claims) for f in figures] == [
        (2_015_000, ("first_time",)),
        (1_060_000, ()),
    ]
