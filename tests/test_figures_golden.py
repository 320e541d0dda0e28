"""Golden cases for the figure parser: pinned precision/recall floors, and a core that must pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.figures.evaluation import CaseResult, describe, load_cases, score, score_case

HERE = Path(__file__).resolve().parent / "figures"
# golden_en.toml and golden_zh.toml, plus one file per class of error fixed on real news
FILES = sorted(HERE.glob("golden_*.toml"))
LANGS = ("en", "zh")

# Floors pinned just under what the parser achieves (see bench/accuracy.py); raise, never lower.
FLOORS = {
    "en": (0.98, 0.98),
    "zh": (0.98, 0.98),
    "all": (0.98, 0.98),
}


def _results(lang: str) -> list[CaseResult]:
    return [score_case(case) for path in FILES for case in load_cases(path) if case.lang == lang]


@pytest.fixture(scope="module")
def results() -> dict[str, list[CaseResult]]:
    return {lang: _results(lang) for lang in LANGS}


def test_case_files_are_large_and_named(results: dict[str, list[CaseResult]]) -> None:
    names = [r.case.name for rs in results.values() for r in rs]
    assert len(names) >= 250
    assert len(names) == len(set(names)), "case names must be unique"
    assert min(len(rs) for rs in results.values()) >= 110, "about half English, half Chinese"
    traps = sum(1 for rs in results.values() for r in rs if not r.case.expect)
    assert traps >= 60


@pytest.mark.parametrize("lang", ["en", "zh", "all"])
def test_precision_and_recall_floors(results: dict[str, list[CaseResult]], lang: str) -> None:
    chosen = [r for k, rs in results.items() if lang in (k, "all") for r in rs]
    s = score(chosen)
    failing = "\n".join(describe(r) for r in chosen if not r.ok)
    precision_floor, recall_floor = FLOORS[lang]
    assert s.precision >= precision_floor, f"precision {s.precision:.3f}\n{failing}"
    assert s.recall >= recall_floor, f"recall {s.recall:.3f}\n{failing}"


# Cases that must always come out exactly right: one per pattern the product depends on.
CORE = [
    "en_month_li_yoy_down",
    "en_month_mom",
    "en_month_record",
    "en_month_first_time",
    "en_month_streak",
    "en_qual_nearly",
    "en_qual_over",
    "en_qual_under",
    "en_value_million",
    "en_value_one_million",
    "en_period_first_n",
    "en_period_jan_oct",
    "en_period_q3",
    "en_period_as_of",
    "en_period_day_annual",
    "en_period_carry",
    "en_multi_respectively",
    "en_multi_combined",
    "en_dedupe_headline",
    "en_trap_target",
    "en_trap_capacity",
    "en_trap_forecast",
    "en_trap_orders",
    "en_trap_stores",
    "en_trap_price",
    "en_trap_money_export",
    "en_trap_years",
    "en_trap_share",
    "zh_month_basic",
    "zh_yoy_times",
    "zh_mom",
    "zh_value_wan",
    "zh_value_1000wan",
    "zh_value_chinese_numeral",
    "zh_period_range",
    "zh_period_first_q",
    "zh_period_first_n",
    "zh_period_last_month",
    "zh_qual_jin",
    "zh_qual_tupo",
    "zh_qual_yu",
    "zh_qual_buzu",
    "zh_resp_prodsales",
    "zh_claim_record",
    "zh_claim_first",
    "zh_claim_streak",
    "zh_trap_target",
    "zh_trap_capacity",
    "zh_trap_forecast",
    "zh_trap_orders",
    "zh_trap_money",
    "zh_trap_date",
    "zh_trap_stores",
    "zh_bilingual_dedupe",
    "period_list_items_share_the_report_period",
    "period_one_number_one_reading",
    "period_year_after_a_chinese_comma_starts_a_clause",
    # who a figure is about (golden_subjects.toml)
    "subj_apposition_names_no_subject",
    "subj_object_is_not_the_subject",
    "subj_namesake_brand_is_a_part",
    "subj_model_after_maker_zh",
    "subj_model_after_maker_en",
    "subj_brand_between_count_and_noun",
    "subj_the_three_brands_respectively",
    "subj_china_made_is_the_china_arm",
    "subj_dollars_are_no_vehicles",
    "subj_cpca_speaks_for_china",
    "subj_region_part_beside_total",
    "subj_unknown_partner_blocks",
    "subj_chengdu_is_no_each",
    "subj_the_brand_is_the_brand_named_last",
    "subj_dash_apposition_names_no_subject",
    "subj_a_reference_without_a_name_is_not_the_headline",
    "subj_a_reference_names_the_paragraph_subject",
    "subj_a_named_part_is_no_subject_for_later_sentences",
    "en_base_bare_from_with_its_own_time",
    "zh_base_shangnian_tongqi_with_verb",
    "zh_base_qunian_tongyue",
    "en_partial_first_week",
    "en_partial_day_range",
    "zh_partial_day_range",
    "zh_partial_week",
    "en_partial_holiday",
    "subj_relative_clause_of_the_beaten",
    "subj_unnamed_joint_venture_blocks",
    "subj_unnamed_actor_blocks_en",
    "subj_unnamed_actor_blocks_zh",
    "subj_tesla_exports_are_china",
    "subj_tesla_global_stays_global",
    "subj_region_compared_with_not_carried",
    "subj_place_where_made_no_subject",
    "subj_powertrain_named_after_number",
    "subj_model_family",
    "subj_headline_rounding_folds",
    "subj_maker_plant_at_place_zh",
    "subj_home_to_apposition",
    "subj_sister_brand_is_its_own_subject",
    "subj_named_brand_with_its_own_verb",
    "subj_passenger_nev_is_a_part",
    "subj_relative_clause_time_is_not_the_figures",
    "en_as_of_a_total_is_lifetime",
    "subj_metric_word_inside_a_name",
    "subj_count_from_a_named_brand",
    "en_dateline_is_no_period",
    "zh_dateline_is_no_period_nor_subject",
    "zh_a_plans_time_is_not_the_figures",
    "en_a_plans_time_is_not_the_figures",
    "subj_market_sentence_is_china_not_the_headline_maker",
    "subj_the_markets_top_seller_is_unnamed",
    "en_since_the_companys_founding_is_lifetime",
    "trap_zh_guidance_zhiyin",
    "trap_zh_dealer_inventory",
    "trap_en_dealer_inventory",
    "trap_zh_production_schedule",
    "subj_relative_clause_names_no_subject",
    "subj_whose_clause_names_no_subject",
    "subj_parenthetical_apposition_names_no_subject",
    "trap_streak_threshold_in_a_row",
    "trap_streak_threshold_run_of_months",
    "zh_respectively_list_before_a_semicolon",
    "en_respectively_list_before_a_while_clause",
    "en_lifetime_in_a_report_of_the_months_first_days",
    "subj_sentence_opening_on_a_foreign_market",
    "zh_sentence_opening_on_a_foreign_market",
    "zh_q3_written_in_latin_letters",
    "zh_latin_powertrain_acronym_is_a_part",
    "subj_geely_holding_is_not_the_listed_geely",
    "zh_first_quarter_is_no_unknown_subject",
    "zh_bracketed_base_follows_its_part",
    "zh_metric_pair_split_over_two_numbers",
    "zh_two_metrics_one_number",
    "zh_national_average_is_no_later_subject",
    "zh_full_year_cumulative_is_the_year",
    "zh_last_year_beside_a_start_year",
    "en_output_and_sales_each_their_own",
    "en_more_than_the_base_is_exact",
    "en_time_of_a_when_clause",
    "en_part_of_exports_is_exports",
    "en_since_deliveries_began_is_lifetime",
    "en_ordinal_milestone",
    "en_possessive_apposition",
    "en_targeting_is_a_plan",
    "en_possessive_owns_the_number",
    "en_for_the_quarter",
    "en_in_the_same_six_months",
    "en_since_in_a_market_sentence",
    "en_quarterly_record",
    "en_whose_output",
    "en_start_year_is_not_the_period",
    "zh_world_market_is_nobody_s",
    "en_world_market_is_nobody_s",
    "en_maker_global_sales_are_its_own",
    "en_milestone_needs_its_noun",
    "en_since_a_year_is_lifetime",
    "en_reporting_body_is_no_later_subject",
    "en_in_the_full_year_after_a_month",
    "zh_place_maker_plant_is_unknown",
    "zh_same_period_after_a_name",
    "en_running_total_is_an_aside",
    "en_guided_for_is_a_forecast",
    "en_plan_governs_a_with_clause",
    "en_start_year_of_a_plant_is_no_period",
    "en_relative_clause_counts_the_noun_before",
    "st_en_bare_pipe_ranking_table",
    "st_zh_bare_pipe_table",
    "zh_hycan_guarded_short_name",
    "zh_time_with_a_space",
    "zh_each_of_a_list",
    "en_each_of_a_list",
    "trap_en_batch_to_one_buyer",
    "zh_streak_with_its_own_mark",
    "en_of_which_parts_keep_their_metrics",
    "subj_its_plant_is_its_own",
    "subj_its_known_plant",
    "per_zh_record_set_in_a_month",
    "per_en_by_a_past_year",
    "en_a_year_ago_is_no_capacity",
    "per_en_last_month_beside_ytd",
    "per_en_so_far_in_a_month",
    "per_zh_untimed_beside_a_ytd_clause",
    "subj_zh_rank_within_the_country",
    "subj_en_rank_within_the_country",
    "subj_en_the_national_total",
    "trap_en_part_sold_to_one_market",
    "subj_en_relative_clause_after_a_pronoun",
    "subj_zh_beaten_rival",
    "subj_zh_names_in_a_copula_predicate",
    "en_deliveries_to_overseas_markets",
    "zh_hk_first_n_months",
    "zh_hk_first_quarter",
    "per_zh_roundup_month_after_a_running_total",
    "per_en_past_year_comparison_does_not_carry",
    "subj_en_part_named_before_a_relative_clause",
    "subj_zh_name_holding_a_class_word",
    "st_en_list_value_with_a_bracketed_detail",
    "subj_zh_whole_of_a_share",
    "subj_en_listed_name_with_its_number",
    "subj_en_dependent_list_is_no_later_subject",
    "subj_en_its_output_after_a_place",
    "subj_en_whole_of_a_share",
    "per_zh_first_car_time_is_not_the_milestones",
    "per_en_cumulative_with_a_year_is_that_year",
    "per_en_cumulative_with_a_past_year",
    "subj_en_owned_by_apposition",
    "per_en_the_quarter_is_the_quarter_reported",
    "zh_ministry_reports_national_totals",
    "subj_en_statistics_bureau_as_the_source",
    "trap_top_ten_makers_together",
    "per_en_as_of_a_weekday_is_a_running_total",
    "zh_model_digit_before_month_is_no_month",
    "trap_en_struggled_to_keep_above",
    "subj_en_best_seller_in_china_is_a_model",
    "subj_zh_china_describing_a_noun",
    "per_en_month_of_this_year",
    "per_en_last_october",
    "subj_en_domestic_sales_and_the_chinese_conglomerate",
    "subj_en_relative_clause_holding_a_list",
    "subj_en_with_n_deliveries_then_the_brand",
    "zh_rank_within_the_country_traditional",
    "per_en_base_said_in_a_when_clause",
    "per_en_previous_months_record",
    "per_en_the_day_it_was_said_is_no_period",
    "trap_en_the_second_time_above",
    "subj_en_relative_clause_with_a_model_digit",
    "trap_en_guided_quarter",
    "zh_before_a_year_and_year_end",
    "subj_en_bottom_n_makers_together",
    "zh_clause_opening_conjunction_is_no_name",
    "zh_slash_list_values_are_no_fraction",
    "subj_en_a_makers_only_model",
    "subj_en_maker_of_apposition",
    "subj_en_the_factory_after_a_plant_alias",
    "subj_en_joint_venture_between_a_list",
    "per_en_through_a_month_past_a_gloss",
    "per_en_claim_since_is_no_running_total",
    "per_en_since_a_month_is_the_start",
    "per_years_in_order",
    "zh_province_pronoun_owns_its_output",
    "subj_en_those_automakers",
    "subj_en_one_name_twice_with_a_suffix",
    "per_en_the_second_month_of_this_year",
    "per_en_announcement_day_and_a_total",
    "subj_en_known_for_apposition",
    "trap_en_vehicles_on_its_roads",
    "subj_en_place_then_maker_is_its_plant",
    "zh_cumulative_inside_the_year_so_far",
    "per_en_own_month_beats_another_clauses_span",
    "subj_en_record_for_an_unnamed_maker",
    "per_en_whole_of_a_year_and_its_retelling",
    "per_en_than_its_record_month",
    "subj_en_datelines_with_a_country",
    "trap_en_experts_believe_it_can_break",
    "subj_en_units_of_passenger_vehicles",
    "zh_plants_estimates_and_all_vehicles",
    "en_one_millionth_spelled_out",
    "zh_part_after_qizhong_and_codes",
    "trap_zh_target_changed_from_to",
    "subj_en_the_city_after_a_municipality",
    "zh_passenger_market_retail_is_all",
    "per_en_since_january",
    "per_en_from_january_to_november_is_no_buyer",
]


def _by_name() -> dict[str, tuple[str, object]]:
    return {case.name: (case.lang, case) for path in FILES for case in load_cases(path)}


@pytest.mark.parametrize("name", CORE)
def test_core_case(name: str) -> None:
    cases = _by_name()
    if name not in cases:
        pytest.fail(f"core case {name} missing from the golden files")
    result = score_case(cases[name][1])  # type: ignore[arg-type]
    assert result.ok, describe(result)
