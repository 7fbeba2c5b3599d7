import re

import pandas as pd

from cymap import plans
from cymap.tables import groupings


def test_member_table_carries_evidence_for_every_member():
    table = groupings.member_table("cq_metro")
    assert len(table) == 22
    assert table["原文"].str.len().min() > 0
    assert set(table["依据"]) == {"明确列出"}  # worded in the page's language, not a code
    assert set(groupings.member_table("cq_main_metro", "en")["Basis"]) == {"Inferred"}
    tiers = groupings.member_table("cq_metro", "en").set_index("Name")["Tier"]
    assert tiers["渝中区"] == "中心城区 (central districts)"  # the plan's term, glossed


def test_traditional_script_quotes_carry_their_simplified_reading():
    """Seed 002 is in traditional script: its quotes stay verbatim, with the reading beside."""
    quotes = groupings.member_table("cq_metro", lang=None).set_index("name_zh")["quote"]
    assert quotes["大渡口区"].startswith("包括重慶市渝中區")  # verbatim, traceable to the text
    assert "（简体：包括重庆市渝中区" in quotes["大渡口区"]
    simplified_doc = groupings.member_table("cnyx", lang=None)["quote"]
    assert not simplified_doc.str.contains("简体：").any()  # nothing to add to 004's quotes
    source = groupings.overview_table(lang=None).set_index("name_zh").loc["重庆都市圈"]
    assert "总面积3.5万平方公里" in source["stated_source"]


def test_member_notes_read_in_the_page_language():
    members = groupings.member_table("cq_metro", "zh").set_index("名称")
    assert "万盛经济技术开发区" in members.at["綦江区", "说明"]
    assert not re.search(r"[A-Za-z]{4,}", members.at["綦江区", "说明"])
    english = groupings.member_table("cq_metro", "en").set_index("Name")
    assert english.at["綦江区", "Note"].startswith("綦江区—万盛经开区 is written as one unit")


def test_overview_table_puts_computed_figures_beside_the_stated_ones():
    table = groupings.overview_table(lang=None).set_index("name_zh")
    assert list(table.index)[:2] == ["成渝地区双城经济圈", "重庆都市圈"]
    circle = table.loc["成渝地区双城经济圈"]
    assert circle["stated_area_km2"] == 185_000 and circle["stated_year"] == 2019
    # the computed area is within a few percent of the plan's rounded figure
    assert abs(circle["area_km2"] / circle["stated_area_km2"] - 1) < 0.05
    assert pd.isna(table.loc["双城经济圈南翼", "stated_population"])
    assert table.loc["重庆都市圈", "n_members"] == len(plans.members("cq_metro"))


def test_overview_names_the_groupings_in_both_languages_on_english_pages():
    overview = groupings.overview_table("en")
    assert overview.iloc[0, 0].startswith("成渝地区双城经济圈 (Chengdu–Chongqing Economic Circle")


def test_compare_table_lists_both_then_only_a_then_only_b():
    compared = plans.compare("cq_metro", "cnyx")
    table = groupings.compare_table(compared, "zh")
    assert len(table) == len(compared)
    sides = list(dict.fromkeys(table["归属"]))
    assert len(sides) == 3  # both, only A, only B: each as one block, in that order
    codes = groupings.compare_table(compared, lang=None)
    assert list(dict.fromkeys(codes["side"])) == ["both", "only_a", "only_b"]
    both = codes[codes["side"] == "both"]
    assert list(both["adcode"]) == sorted(both["adcode"])  # by code within a side


def test_unit_table_names_its_headers_in_the_page_language():
    frame = pd.DataFrame({"adcode": ["500118"], "name_zh": ["永川区"], "minutes": [52.0]})
    assert list(groupings.unit_table(frame, "zh").columns) == ["区划代码", "名称", "分钟"]
    assert list(groupings.unit_table(frame, "en").columns) == ["Adcode", "Name", "Minutes"]
