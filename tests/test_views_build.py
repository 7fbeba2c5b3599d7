import io

import pandas as pd
import pytest

from cymap import plans, targets, travel_time, views
from cymap.printmap import export
from cymap.tables.reach import unit_minutes_table
from cymap.views.reach import reach_view


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


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"period": "offpeak"},
        {"service": "plan", "year": "2035"},
        {"measure": "station_to_station", "period": "offpeak"},
        {"with": ["chengyu_zhongxian_hsr"], "params": {"transfer_min": 5}},
    ],
)
def test_map_coverage_table_targets_and_export_of_a_view_use_one_measure(settings):
    """The map, the coverage figures, the per-unit table, the plan-target checks and the
    exported data of a 通勤圈 state all give the same minutes."""
    state = {"from": "中心城区", "minutes": 60, "year": "today", **settings}
    view, mapped = views.build_view("reach", state)
    page = reach_view("中心城区", minutes=60, state=state)
    scenario = page.reach.scenario
    assert scenario == views.state_scenario(state)
    by_map = mapped["minutes"]
    by_page = page.reach.table.set_index("adcode")["minutes"]
    assert by_map.round(6).equals(by_page.reindex(by_map.index).round(6))
    assert int(mapped["within"].sum()) == page.reach.summary["units_within"]
    per_unit = unit_minutes_table(page, "zh").set_index("区划代码")["分钟"]
    assert per_unit.equals(by_page.reindex(per_unit.index).round(0))
    checks = targets.check_targets(scenario)
    core = checks[checks["target_id"] == "cq_core_1h_commute_2025"].set_index("adcode")
    assert core["measure"].eq(scenario.measure).all()
    assert core["minutes"].round(6).equals(by_page.reindex(core.index).round(6))
    exported = pd.read_csv(
        io.BytesIO(export.export_view("reach", state, fmt="csv")),
        encoding="utf-8-sig",
        dtype={"adcode": str},
    ).set_index("adcode")["minutes"]
    assert (exported - by_page.reindex(exported.index)).abs().max() < 0.05
    footer = " ".join(view.sources)
    assert views.model_note(scenario, "zh") in footer
    assert {"peak": "早晚高峰", "offpeak": "平峰"}[scenario.period] in footer


def test_the_plan_wording_measure_is_shown_beside_the_view_measure():
    checks = targets.check_targets(views.state_scenario({"year": "2035"}))
    dual = checks[checks["target_id"] == "chengyu_dual_core_1h"].iloc[0]
    assert dual["measure"] == "door_to_door" and dual["stated_measure"] == "in_vehicle"
    assert dual["minutes_as_stated"] < dual["minutes"]  # train time vs the whole trip
    assert bool(dual["passes"]) == (dual["minutes"] <= 60)
    assert bool(dual["passes_as_stated"]) == (dual["minutes_as_stated"] <= 60)
