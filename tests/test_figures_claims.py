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
