import pandas as pd

from cymap import analysis, plans


def test_member_table_carries_evidence_for_every_member():
    table = analysis.member_table("cq_metro")
    assert len(table) == 22
    assert table["原文"].str.len().min() > 0
    assert set(table["依据"]) == {"明确列出"}  # worded in the page's language, not a code
    assert set(analysis.member_table("cq_main_metro", "en")["Basis"]) == {"Inferred"}
    tiers = analysis.member_table("cq_metro", "en").set_index("Name")["Tier"]
    assert tiers["渝中区"] == "中心城区 (central districts)"  # the plan's term, glossed


def test_every_member_tier_of_the_plans_has_an_english_gloss():
    from cymap.i18n import TIERS_EN

    tiers = set()
    for gid in plans.list_groupings()["id"]:
        tiers |= set(plans.members(gid)["tier"].dropna())
    assert tiers <= set(TIERS_EN), tiers - set(TIERS_EN)


def test_grouping_vs_reach_splits_members_outside_and_nonmembers_inside():
    check = analysis.grouping_vs_reach("cq_metro", scenario="2035", origin="中心城区")
    assert set(check.members_outside.columns) == {"adcode", "name_zh", "minutes"}
    assert (check.members_outside["minutes"].fillna(1e9) > 60).all()
    assert (check.nonmembers_inside["minutes"] <= 60).all()
    assert "500103" in check.within  # 渝中区 is in its own reach
    # 广安市 is a prefecture member: its counties count as members, not as outsiders.
    assert "511681" not in set(check.nonmembers_inside["adcode"])


def test_reach_view_with_baseline_has_a_diff_and_targets():
    view = analysis.reach_view("中心城区", minutes=60, year="2035", base_year="2020")
    assert view.diff is not None
    assert set(view.diff["status"]) <= {"both", "base_only", "other_only", "neither"}
    assert (view.diff["minutes_saved"].dropna() >= -1e-9).all()  # 2035 adds lines, never slower
    assert len(view.targets) >= 1


def test_unit_minutes_table_speaks_the_page_language():
    alone = analysis.reach_view("中心城区", minutes=60, year="2035")
    zh = analysis.unit_minutes_table(alone, "zh")
    assert list(zh.columns[:5]) == ["区划代码", "名称", "级别", "分钟", "时限内"]
    assert set(zh["级别"]) == {"县级"}
    assert (zh["分钟"].dropna() % 1 == 0).all()  # whole minutes, the model's precision
    view = analysis.reach_view("中心城区", minutes=60, year="2035", base_year="2020")
    en = analysis.unit_minutes_table(view, "en")
    assert {"Name", "Baseline (min)", "Scenario (min)", "Saved (min)", "Reached"} <= set(en.columns)
    assert set(en["Reached"]) <= {"both", "scenario only", "baseline only", "neither"}
    gained = en[en["Reached"] == "scenario only"]
    assert len(gained) == (view.diff["status"] == "other_only").sum() > 0


def test_population_delta_uses_the_page_language_unit():
    assert (
        analysis.delta_text(-250_000, -1.2, "zh", population=True)
        == "-25.0 万 (-1.2%) 对比文件所述"
    )
    assert analysis.delta_text(-250_000, -1.2, "en", population=True) == "-0.25 M (-1.2%) vs stated"
    assert analysis.delta_text(120.0, 0.4, "en") == "+120.0 (+0.4%) vs stated"
    assert analysis.delta_text(None, None, "zh") is None


def test_lines_catalogue_marks_what_is_open_in_the_year():
    lines = analysis.lines_catalogue("2020").set_index("line_id")
    assert lines.at["chengyu_hsr", "open_in_year"]
    assert not lines.at["chengyu_zhongxian_hsr", "open_in_year"]


def test_corridor_table_keeps_member_order_and_names_carriers():
    table = analysis.corridor_table(["yangtze_axis"], lang="en")
    assert table.iloc[0]["Places (in order)"] == "宜宾市 → 泸州市 → 永川区 → 江津区"
    assert "渝昆高铁" in table.iloc[0]["Carrier lines"]


def test_page_tables_have_headers_in_the_page_language():
    english = analysis.corridor_table(["yangtze_axis"], lang="en")
    assert list(english.columns[:3]) == ["Name", "Kind", "Places (in order)"]
    assert english.iloc[0]["Kind"] == "axis"
    chinese = analysis.corridor_table(["yangtze_axis"], lang="zh")
    assert list(chinese.columns[:3]) == ["轴带", "类型", "经过城市（顺序）"]
    members = analysis.member_table("cq_metro", "en")
    assert {"Name", "Quote", "Population 2020"} <= set(members.columns)
    assert not [c for c in members.columns if "_" in c]  # no code names left on the page


def test_lines_catalogue_labels_name_status_and_year():
    lines = analysis.lines_catalogue("today", "zh").set_index("line_id")
    assert lines.at["chengyu_zhongxian_hsr", "label"] == "成渝中线高铁（在建，2027）"
    assert lines.at["chengyu_zhongxian_hsr", "mode_label"] == "高铁"
    english = analysis.lines_catalogue("today", "en").set_index("line_id")
    assert "under construction" in english.at["chengyu_zhongxian_hsr", "label"]
    assert english.at["chengyu_zhongxian_hsr", "mode_label"] == "High-speed rail"


def test_overview_table_puts_computed_figures_beside_the_stated_ones():
    table = analysis.overview_table(lang=None).set_index("name_zh")
    assert list(table.index)[:2] == ["成渝地区双城经济圈", "重庆都市圈"]
    circle = table.loc["成渝地区双城经济圈"]
    assert circle["stated_area_km2"] == 185_000 and circle["stated_year"] == 2019
    # the computed area is within a few percent of the plan's rounded figure
    assert abs(circle["area_km2"] / circle["stated_area_km2"] - 1) < 0.05
    assert pd.isna(table.loc["双城经济圈南翼", "stated_population"])
    assert table.loc["重庆都市圈", "n_members"] == len(plans.members("cq_metro"))


def test_traditional_script_quotes_carry_their_simplified_reading():
    """Seed 002 is in traditional script: its quotes stay verbatim, with the reading beside."""
    quotes = analysis.member_table("cq_metro", lang=None).set_index("name_zh")["quote"]
    assert quotes["大渡口区"].startswith("包括重慶市渝中區")  # verbatim, traceable to the text
    assert "（简体：包括重庆市渝中区" in quotes["大渡口区"]
    simplified_doc = analysis.member_table("cnyx", lang=None)["quote"]
    assert not simplified_doc.str.contains("简体：").any()  # nothing to add to 004's quotes
    source = analysis.overview_table(lang=None).set_index("name_zh").loc["重庆都市圈"]
    assert "总面积3.5万平方公里" in source["stated_source"]


def test_stated_caption_speaks_the_page_language():
    summary = plans.summary("cq_metro")
    zh = analysis.stated_caption(summary, "zh")
    assert zh.startswith("文件所述（2020）：35,000 km² / 2,440 万人")
    assert "约数" in zh  # the note in its Chinese reading
    en = analysis.stated_caption(summary, "en")
    assert en.startswith("Stated in the document (2020): 35,000 km² / 24.40 M people")


def test_unit_minutes_table_says_how_each_unit_is_reached():
    """The per-unit grid names the lines of each fastest trip and splits its minutes, so a
    planner sees why a unit misses the limit (e.g. the fixed access and waiting of rail)."""
    view = analysis.reach_view("中心城区", minutes=60, year="today")
    zh = analysis.unit_minutes_table(view, "zh").set_index("名称")
    parts = zh["其中车内（分钟）"] + zh["其中接驳、候车、换乘（分钟）"]
    assert (parts - zh["分钟"]).abs().max() <= 1  # the split adds up (whole minutes)
    assert "渝万铁路" in zh.at["万州区", "最快路径经由"]  # 万州 is reached by rail
    assert zh.at["万州区", "其中接驳、候车、换乘（分钟）"] >= 30
    assert zh.at["渝中区", "最快路径经由"] == "（出发地）"  # an origin rides nothing
    compared = analysis.reach_view("中心城区", minutes=60, year="2035", base_year="today")
    en = analysis.unit_minutes_table(compared, "en")
    assert "Scenario's fastest way via" in en.columns
    assert en["Scenario's fastest way via"].str.contains("road").any()


def test_english_pages_name_groupings_and_corridors_in_both_languages():
    zh = analysis.plan_names("grouping", "zh")
    assert zh["cq_metro"] == "重庆都市圈"
    assert (
        analysis.plan_names("grouping", "en")["cq_metro"]
        == "重庆都市圈 (Chongqing Metropolitan Area)"
    )
    corridors = analysis.corridor_table(["yangtze_axis"], "en")
    assert corridors.iloc[0, 0] == "沿长江发展轴 (Yangtze riverside development axis)"
    overview = analysis.overview_table("en")
    assert overview.iloc[0, 0].startswith("成渝地区双城经济圈 (Chengdu–Chongqing Economic Circle")
