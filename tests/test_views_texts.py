import pandas as pd

from cymap import plans, scenarios
from cymap.views import texts


def test_population_delta_uses_the_page_language_unit():
    assert (
        texts.delta_text(-250_000, -1.2, "zh", population=True) == "-25.0 万 (-1.2%) 对比文件所述"
    )
    assert texts.delta_text(-250_000, -1.2, "en", population=True) == "-0.25 M (-1.2%) vs stated"
    assert texts.delta_text(120.0, 0.4, "en") == "+120.0 (+0.4%) vs stated"
    assert texts.delta_text(None, None, "zh") is None


def test_population_reads_in_wan_or_millions():
    # 1 万 is 10,000 people: 24,400,000 people are 2,440 万, or 24.40 million.
    assert texts.format_population(24_400_000, "zh") == "2,440.0 万"
    assert texts.format_population(24_400_000, "en") == "24.40 M"


def test_stated_caption_speaks_the_page_language():
    summary = plans.summary("cq_metro")
    zh = texts.stated_caption(summary, "zh")
    assert zh.startswith("文件所述（2020）：35,000 km² / 2,440 万人")
    assert "约数" in zh  # the note in its Chinese reading
    en = texts.stated_caption(summary, "en")
    assert en.startswith("Stated in the document (2020): 35,000 km² / 24.40 M people")


def test_english_pages_name_groupings_and_corridors_in_both_languages():
    zh = texts.plan_names("grouping", "zh")
    assert zh["cq_metro"] == "重庆都市圈"
    assert (
        texts.plan_names("grouping", "en")["cq_metro"] == "重庆都市圈 (Chongqing Metropolitan Area)"
    )
    corridors = texts.plan_names("corridor", "en")
    assert corridors["yangtze_axis"] == "沿长江发展轴 (Yangtze riverside development axis)"
    assert list(zh) == list(plans.list_groupings()["id"])  # every grouping, in the plans' order


def test_scenario_labels_name_the_role_of_the_year_in_the_plans():
    today = scenarios.preset("today").year
    assert texts.scenario_label("today", "zh") == f"现状（{today}）"
    assert texts.scenario_label("2020", "en") == "2020 (plans' base year)"
    assert texts.scenario_label("2035", "zh") == "2035（规划目标年）"
    assert texts.scenario_label("2030", "en") == "2030 scenario"  # no preset: a plain year


def test_line_label_names_status_and_opening_year():
    assert texts.line_label("成渝中线高铁", "under_construction", 2027, "zh") == (
        "成渝中线高铁（在建，2027）"
    )
    english = texts.line_label("成渝中线高铁", "under_construction", 2027.0, "en")
    assert english == "成渝中线高铁 (under construction, 2027)"  # a float year reads whole
    # A line without an opening year says so instead of showing a blank or 'nan'.
    assert (
        texts.line_label("渝西高铁", "planned", float("nan"), "zh") == "渝西高铁（规划，年份未定）"
    )
    assert texts.line_label("渝西高铁", "planned", None, "en") == "渝西高铁 (planned, year open)"


def test_member_texts_word_the_codes_in_the_page_language():
    members = plans.members("cq_metro")
    zh = texts.member_texts(members, "zh")
    assert set(zh) == {"quote", "membership", "tier", "note"}
    assert set(zh["membership"]) == {"明确列出"}
    quotes = pd.Series(zh["quote"], index=members.index)
    assert "（简体：" in quotes["500104"]  # 大渡口区: traditional script, with its reading
    codes = texts.member_texts(members, None)  # no page language: only the quote is read
    assert set(codes) == {"quote"}
