import pytest

from cymap import plans, travel_time, views


def test_unknown_view_and_missing_comparison_are_clear_errors():
    with pytest.raises(views.UnknownNameError, match="unknown view 'map'"):
        views.build_view("map", {})
    with pytest.raises(views.UnknownNameError, match="group_b"):
        views.build_view("compare", {"group": "重庆都市圈"})


def test_group_page_state_with_reach_overlay_and_second_grouping():
    view, table = views.build_view("group", {"group": "重庆都市圈", "year": 2035})
    reach = travel_time.reach("中心城区", minutes=60, scenario=views.scenario_of(2035)).table
    within = set(reach.loc[reach["within"], "adcode"])
    outside = [c for c in plans.group_county_adcodes("重庆都市圈") if c not in within]
    assert f"{len(outside)} 个成员区县在通勤圈外" in view.subtitle
    assert any("60 分钟通勤圈" in e.label for e in view.legend)
    assert table.loc["500103", "within_reach"]  # 渝中区 is in the centre
    assert "2035" in view.scenario
    compare_view, compare_table = views.build_view(
        "group", {"group": "重庆都市圈", "group_b": "川南渝西"}
    )
    assert "side" in compare_table.columns and "比较" in compare_view.title


def test_station_to_station_measure_is_named_on_the_figure():
    view, table = views.build_view("reach", {"year": "today", "measure": "station_to_station"})
    base_view, base = views.build_view("reach", {"year": "today"})
    assert table["within"].sum() > base["within"].sum()
    assert any("站到站" in line for line in view.sources)
    assert not any("站到站" in line for line in base_view.sources)


def test_changed_model_parameters_are_named_on_the_figure():
    view, _ = views.build_view("reach", {"year": "today", "params": {"transfer_min": 30}})
    assert any("transfer_min=30" in line for line in view.sources)


def test_a_built_view_can_be_changed_without_changing_the_next_one():
    """Views are served from a cache; a page that edits its copy leaves the cache as built."""
    state = {"group": "重庆都市圈"}
    view, table = views.build_view("group", state)
    view.legend.clear()
    view.sources.append("edited")
    table["name_zh"] = "edited"
    again, again_table = views.build_view("group", state)
    assert again.legend and "edited" not in again.sources
    assert len(again_table) == 22 and "edited" not in set(again_table["name_zh"])


def test_states_with_lists_and_dicts_are_built_alike_in_any_order():
    a, _ = views.build_view(
        "reach", {"year": "today", "with": ["chengyu_zhongxian_hsr"], "lang": "en"}
    )
    b, _ = views.build_view(
        "reach", {"lang": "en", "with": ("chengyu_zhongxian_hsr",), "year": "today"}
    )
    assert a.subtitle == b.subtitle and "成渝中线高铁" in a.scenario
