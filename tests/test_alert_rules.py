"""The alert rules on their own: thresholds, records, streaks, milestones, claims, revisions
and growth, judged against a stored monthly history."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.config import Growth, RuleSettings
from alerts.rules import (
    FigureFacts,
    MonthPoint,
    claim_candidates,
    growth_candidates,
    milestone_candidates,
    monthly_candidates,
    ordinal,
    period_label,
    revision_candidates,
)

SETTINGS = RuleSettings()


def month(year: int, m: int, value: int, qualifier: str = "exact", **extra: object) -> FigureFacts:
    end = date(year + m // 12, m % 12 + 1, 1).toordinal() - 1
    return FigureFacts(
        entity="HIMA",
        metric="deliveries",
        segment="nev",
        period_kind="month",
        period_start=date(year, m, 1),
        period_end=date.fromordinal(end),
        value=value,
        qualifier=qualifier,
        source="jiemian",
        **extra,  # type: ignore[arg-type]
    )


def history(*points: FigureFacts) -> dict[date, MonthPoint]:
    return {p.period_start: MonthPoint(p.period_start, p.value, p.qualifier) for p in points}


def judge(figure: FigureFacts, *others: FigureFacts) -> dict[str, str]:
    found = monthly_candidates(figure, history(figure, *others), SETTINGS)
    return {c.kind: c.key for c in found} | {f"{c.kind}:message": c.message for c in found}


def test_a_crossing_names_the_highest_rung_and_how_far_records_go_back() -> None:
    found = judge(month(2025, 11, 81864), month(2025, 10, 68216), month(2025, 9, 52916))
    assert found["threshold"] == "threshold:HIMA:deliveries:nev:80000"
    assert found["threshold:message"] == (
        "HIMA: above 80,000 deliveries for the first time since records begin in Sep 2025 — "
        "81,864 in Nov 2025"
    )


def test_first_month_above_only_when_the_article_claims_a_first() -> None:
    claimed = month(2025, 11, 81864, claims=("first_time",))
    found = judge(claimed, month(2025, 10, 68216))
    assert found["threshold:message"] == (
        "HIMA: first month above 80,000 deliveries — 81,864 in Nov 2025"
    )


def test_the_first_figure_stored_of_a_series_crosses_nothing() -> None:
    assert "threshold" not in judge(month(2025, 11, 301000))
    assert "threshold" not in judge(month(2025, 11, 301000, claims=("first_time",)))


def test_a_record_names_the_depth_of_the_history() -> None:
    earlier = [month(2023, 9, 30000)] + [month(2024, m, 40000 + m) for m in range(1, 13)]
    found = judge(month(2025, 1, 60000), *earlier)
    assert found["record:message"].endswith(
        "beating 40,012 in Dec 2024; highest of the 14 months on record since Sep 2023"
    )


def test_no_threshold_when_an_earlier_month_reached_it() -> None:
    assert "threshold" not in judge(month(2025, 11, 75000), month(2025, 6, 76000))


def test_at_least_counts_as_its_value_and_approx_must_exceed_the_mark() -> None:
    before = month(2025, 10, 9000)
    assert judge(month(2025, 11, 40000, "at_least"), before)["threshold"].endswith(":40000")
    nearly = judge(month(2025, 11, 40000, "approx"), before)
    assert nearly["threshold"].endswith(":30000")
    assert "threshold" not in judge(month(2025, 11, 90000, "at_most"), before)


def test_record_needs_enough_history_and_names_the_previous_record() -> None:
    earlier = [month(2025, m, v) for m, v in ((7, 47000), (8, 44000), (9, 52916))]
    found = judge(month(2025, 10, 68216), *earlier)
    assert found["record"] == "record:HIMA:deliveries:nev:2025-10"
    assert "beating 52,916 in Sep 2025" in found["record:message"]
    assert "record" not in judge(month(2025, 10, 68216), *earlier[1:])  # only two before


def test_an_older_month_arriving_late_raises_nothing_newer_months_contradict() -> None:
    newer = month(2025, 11, 81864)
    found = judge(
        month(2025, 10, 68216), newer, month(2025, 9, 52916), month(2025, 8, 44000),
        month(2025, 7, 47000),
    )  # fmt: skip
    assert "record" not in found  # November beat it already
    assert "threshold" not in found or not found["threshold"].endswith(":80000")


def test_streak_counts_consecutive_months_at_the_highest_held_rung() -> None:
    found = judge(month(2025, 11, 70327), month(2025, 10, 70289), month(2025, 9, 66657))
    assert found["streak"] == "streak:HIMA:deliveries:nev:70000:2025-11"
    assert found["streak:message"].startswith("HIMA: second straight month above 70,000")
    gap = judge(month(2025, 11, 70327), month(2025, 9, 70289))
    assert "streak" not in gap  # October is missing: no streak


def test_a_streak_month_followed_by_a_stored_month_holding_the_rung_stays_quiet() -> None:
    found = judge(month(2025, 10, 70289), month(2025, 9, 71000), month(2025, 11, 70327))
    assert "streak" not in found


def test_milestones_take_the_highest_new_mark_within_the_scope() -> None:
    ytd = FigureFacts("China", "production", "nev", "ytd", date(2024, 1, 1), date(2024, 11, 14),
                      10_000_000, "at_least", claims=("first_time",))  # fmt: skip
    earlier = FigureFacts("China", "production", "nev", "ytd", date(2024, 1, 1),
                          date(2024, 9, 30), 8_320_000, "exact")  # fmt: skip
    found = milestone_candidates(ytd, [earlier], SETTINGS)
    assert [c.key for c in found] == ["milestone:China:production:nev:2024:10000000"]
    assert "NEV production passed 10,000,000" in found[0].message
    assert milestone_candidates(earlier, [ytd], SETTINGS) == []  # the later total says more
    assert milestone_candidates(ytd, [], SETTINGS) == []  # no earlier total below the mark


def test_claims_are_relayed_only_when_history_cannot_judge_them() -> None:
    claimed = month(2025, 11, 20500, claims=("first_time",))
    alone = claim_candidates(claimed, [], [], SETTINGS)
    assert [c.key for c in alone] == [
        "claim:HIMA:deliveries:nev:month:2025-11-01:2025-11-30:first_time"
    ]
    assert alone[0].message.endswith("reported by jiemian")
    higher_before = [MonthPoint(date(2025, 5, 1), 21000, "exact")]
    assert claim_candidates(claimed, higher_before, [], SETTINGS) == []


def test_a_different_exact_value_for_the_same_period_is_a_revision() -> None:
    found = revision_candidates(month(2025, 11, 36300), [36275])
    assert [c.key for c in found] == [
        "revision:HIMA:deliveries:nev:month:2025-11-01:2025-11-30:36275->36300"
    ]
    assert revision_candidates(month(2025, 11, 36275), [36275]) == []
    assert revision_candidates(month(2025, 11, 36000, "approx"), [36275]) == []


def test_growth_is_off_by_default_and_fires_beyond_the_bounds() -> None:
    figure = month(2025, 11, 81864, yoy_pct=140.5)
    assert growth_candidates(figure, SETTINGS) == []
    enabled = RuleSettings(growth=Growth(enabled=True, yoy_at_least=100.0))
    assert "up 140.5% year on year" in growth_candidates(figure, enabled)[0].message


@pytest.mark.parametrize(
    ("kind", "start", "end", "label"),
    [
        ("month", date(2025, 11, 1), date(2025, 11, 30), "Nov 2025"),
        ("ytd", date(2024, 1, 1), date(2024, 9, 30), "Jan–Sep 2024"),
        ("ytd", date(2024, 1, 1), date(2024, 11, 14), "2024 to 14 Nov"),
        ("quarter", date(2025, 7, 1), date(2025, 9, 30), "Q3 2025"),
    ],
)
def test_period_labels(kind: str, start: date, end: date, label: str) -> None:
    assert period_label(kind, start, end) == label


def test_ordinals() -> None:
    assert [ordinal(n) for n in (2, 9, 11, 12, 21, 23)] == [
        "second", "ninth", "11th", "12th", "21st", "23rd",
    ]  # fmt: skip
