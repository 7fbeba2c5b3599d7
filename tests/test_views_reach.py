from cymap import cells, views
from cymap.views import reach


def test_reach_view_colours_match_minutes():
    view, table = views.build_view("reach", {"from": "中心城区", "minutes": 60, "year": 2035})
    within = table[table["within"].astype(bool)]
    assert (within["minutes"] <= 60).all()
    assert "2035" in view.subtitle and f"驻地在圈内的区县 {len(within)} 个" in view.subtitle
    assert set(within["name_zh"]) >= {lab.text for lab in view.labels}


def test_diff_view_legend_counts_match_table():
    state = {"from": "中心城区", "minutes": 60, "year": 2035, "base_year": "2020"}
    view, table = views.build_view("diff", state)
    gained = int((table["status"] == "other_only").sum())
    assert f"新增 {gained} 个区县" in view.subtitle
    # the legend counts the area gained on the cells drawn
    base = cells.cell_minutes("中心城区", scenario=views.scenario_of("2020"))
    other = cells.cell_minutes("中心城区", scenario=views.scenario_of(2035))
    km2 = ((other <= 60) & ~(base <= 60)).sum() * cells.CELL_KM2
    assert any(e.label.endswith(f"可达（新增）（{km2:,.0f} km²）") for e in view.legend)


def test_reach_view_with_baseline_compares_the_two_scenarios():
    view = reach.reach_view("中心城区", minutes=60, state={"year": "2035", "base_year": "2020"})
    assert view.diff is not None and view.base is not None
    assert set(view.diff["status"]) <= {"both", "base_only", "other_only", "neither"}
    assert (view.diff["minutes_saved"].dropna() >= -1e-9).all()  # 2035 adds lines, never slower
    assert view.reach.scenario.year == 2035 and view.base.scenario.year == 2020


def test_reach_view_alone_has_no_baseline_and_takes_the_line_toggles():
    view = reach.reach_view("中心城区", minutes=60, state={"year": "today"})
    assert view.base is None and view.diff is None
    toggled = reach.reach_view(
        "中心城区", minutes=60, state={"year": "today", "with": ["chengyu_zhongxian_hsr"]}
    )
    assert "chengyu_zhongxian_hsr" in toggled.reach.scenario.with_lines
    assert toggled.reach.summary["units_within"] >= view.reach.summary["units_within"]
