import pytest

from cymap import plans, scenarios
from cymap.views import choices


@pytest.mark.parametrize("text", ["永川", "永川区", "500118"])
def test_a_link_may_name_an_origin_by_short_name_full_name_or_adcode(text):
    assert choices.origin_choice(text) == "永川区"


def test_origins_that_are_no_choice_are_refused():
    assert choices.origin_choice("中心城区") == "中心城区"  # a set of districts, as offered
    assert choices.origin_choice("渝中区") is None  # a real place, but not offered as origin
    assert choices.origin_choice("不存在的地方") is None


def test_every_origin_choice_resolves_to_itself():
    assert [choices.origin_choice(o) for o in choices.ORIGIN_CHOICES] == list(
        choices.ORIGIN_CHOICES
    )


def test_a_link_may_name_a_grouping_or_corridor_in_chinese():
    assert choices.plan_item_id("重庆都市圈") == "cq_metro"
    assert choices.plan_item_id("cq_metro") == "cq_metro"
    corridor = plans.list_corridors().iloc[0]
    assert choices.plan_item_id(corridor["name_zh"]) == corridor["id"]
    assert choices.plan_item_id("no such plan") is None


def test_every_scenario_choice_is_a_scenario_of_the_model():
    built = [scenarios.for_year(c) for c in choices.SCENARIO_CHOICES]
    assert len(set(built)) == len(built)  # each choice is a different network
    assert built[choices.SCENARIO_CHOICES.index("today")] == scenarios.preset("today")


def test_the_reach_overlay_starts_from_the_grouping_centre():
    assert choices.default_origin("cd_metro") == "成都市"
    assert choices.default_origin("cq_metro") == "中心城区"
    assert {choices.default_origin(g) for g in plans.list_groupings()["id"]} <= set(
        choices.ORIGIN_CHOICES
    )
