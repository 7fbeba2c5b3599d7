import pytest
import shapely

from cymap import plans, units, views
from cymap.views import groupings


def test_population_view_classes_every_chongqing_county():
    view, table = views.build_view("population", {})
    assert len(table) == 38
    assert table["population_2020"].sum() > 30_000_000
    assert len(view.legend) == 4


def test_group_view_shows_members_tiers_and_boundary():
    view, table = views.build_view("group", {"group": "重庆都市圈"})
    assert view.title == "重庆都市圈"
    assert len(table) == 22 and "广安市" in set(table["name_zh"])
    legend = {e.label for e in view.legend}
    assert {"中心城区", "桥头堡", "范围边界"} <= legend
    assert "永川区" in {lab.text for lab in view.labels}
    assert any("重庆都市圈发展规划" in s for s in view.sources)


def test_compare_view_counts_match_table():
    view, table = views.build_view("compare", {"group": "重庆都市圈", "group_b": "川南渝西"})
    counts = table["side"].value_counts()
    assert f"两者共有（{counts['both']}）" in {e.label for e in view.legend}
    assert set(table["side"]) <= {"both", "only_a", "only_b"}


def test_english_frame_keeps_official_names():
    view, _ = views.view_population(lang="en")
    assert view.title.startswith("重庆市") and "population" in view.title
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in lab.text) for lab in view.labels)


def test_grouping_vs_reach_splits_members_outside_and_nonmembers_inside():
    check = groupings.grouping_vs_reach("cq_metro", scenario="2035", origin="中心城区")
    assert set(check.members_outside.columns) == {"adcode", "name_zh", "minutes"}
    assert (check.members_outside["minutes"].fillna(1e9) > 60).all()
    assert (check.nonmembers_inside["minutes"] <= 60).all()
    assert "500103" in check.within  # 渝中区 is in its own reach
    # 广安市 is a prefecture member: its counties count as members, not as outsiders.
    assert "511681" not in set(check.nonmembers_inside["adcode"])
    assert check.scenario_label == "2035（规划目标年）"


@pytest.mark.parametrize(("group", "group_b"), [("cq_metro", None), ("cq_metro", "cnyx")])
def test_view_bounds_frame_every_member(group, group_b):
    box = shapely.box(*groupings.view_bounds(group, group_b))
    codes = plans.group_adcodes(group) + (plans.group_adcodes(group_b) if group_b else [])
    members = units.load_units().loc[codes]
    assert members.geometry.within(box.buffer(1e-9)).all()
    # Tight: the frame touches the members' outline on every side.
    assert box.bounds == pytest.approx(tuple(members.total_bounds))
