from cymap import plans, scenarios
from cymap.tables import reach
from cymap.views.reach import reach_view


def test_unit_minutes_table_speaks_the_page_language():
    alone = reach_view("中心城区", minutes=60, state={"year": "2035"})
    zh = reach.unit_minutes_table(alone, "zh")
    assert list(zh.columns[:5]) == ["区划代码", "名称", "级别", "分钟", "时限内"]
    assert set(zh["级别"]) == {"县级"}
    assert (zh["分钟"].dropna() % 1 == 0).all()  # whole minutes, the model's precision
    view = reach_view("中心城区", minutes=60, state={"year": "2035", "base_year": "2020"})
    en = reach.unit_minutes_table(view, "en")
    assert {"Name", "Baseline (min)", "Scenario (min)", "Saved (min)", "Reached"} <= set(en.columns)
    assert set(en["Reached"]) <= {"both", "scenario only", "baseline only", "neither"}
    gained = en[en["Reached"] == "scenario only"]
    assert len(gained) == (view.diff["status"] == "other_only").sum() > 0


def test_unit_minutes_table_says_how_each_unit_is_reached():
    """The per-unit grid names the lines of each fastest trip and splits its minutes, so a
    planner sees why a unit misses the limit (e.g. the fixed access and waiting of rail)."""
    view = reach_view("中心城区", minutes=60, state={"year": "today"})
    zh = reach.unit_minutes_table(view, "zh").set_index("名称")
    parts = zh["其中车内（分钟）"] + zh["其中接驳、候车、换乘（分钟）"]
    assert (parts - zh["分钟"]).abs().max() <= 1  # the split adds up (whole minutes)
    assert "渝万铁路" in zh.at["万州区", "最快路径经由"]  # 万州 is reached by rail
    assert zh.at["万州区", "其中接驳、候车、换乘（分钟）"] >= 30
    assert zh.at["渝中区", "最快路径经由"] == "（出发地）"  # an origin rides nothing
    compared = reach_view("中心城区", minutes=60, state={"year": "2035", "base_year": "today"})
    en = reach.unit_minutes_table(compared, "en")
    assert "Scenario's fastest way via" in en.columns
    assert en["Scenario's fastest way via"].str.contains("road").any()


def test_target_table_has_one_row_per_checkable_travel_time_target():
    table = reach.target_table(scenarios.for_year("2035"))
    travel_time_targets = [t for t in plans.list_targets() if t.kind in ("reach", "pair")]
    checkable = [t for t in travel_time_targets if t.checkable]  # size targets are no times
    assert len(table) == len(checkable) >= 1
    assert set(table["target"]) == {t.name_zh for t in checkable}
    assert (table["units_passing"] <= table["units_checked"]).all()
    # A target is met exactly when no unit fails it.
    assert (table["passes"] == (table["units_passing"] == table["units_checked"])).all()
    zh = reach.target_table(scenarios.for_year("2035"), "zh")
    assert list(zh.columns[:3]) == ["目标", "目标年", "时限（分钟）"]


def test_target_table_is_a_fresh_copy_each_time():
    scenario = scenarios.for_year("2035")
    first = reach.target_table(scenario, "zh")
    first.loc[:, "目标"] = "changed"
    assert "changed" not in set(reach.target_table(scenario, "zh")["目标"])


def test_lines_catalogue_marks_what_is_open_in_the_year():
    lines = reach.lines_catalogue("2020").set_index("line_id")
    assert lines.at["chengyu_hsr", "open_in_year"]
    assert not lines.at["chengyu_zhongxian_hsr", "open_in_year"]


def test_lines_catalogue_labels_name_status_and_year():
    lines = reach.lines_catalogue("today", "zh").set_index("line_id")
    assert lines.at["chengyu_zhongxian_hsr", "label"] == "成渝中线高铁（在建，2027）"
    assert lines.at["chengyu_zhongxian_hsr", "mode_label"] == "高铁"
    english = reach.lines_catalogue("today", "en").set_index("line_id")
    assert "under construction" in english.at["chengyu_zhongxian_hsr", "label"]
    assert english.at["chengyu_zhongxian_hsr", "mode_label"] == "High-speed rail"
