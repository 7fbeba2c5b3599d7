"""AppTest: one test per page; widgets change the state and the numbers shown."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

TIMEOUT = 120
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def _metric(at: AppTest, index: int) -> str:
    return at.metric[index].value


def _tables(at: AppTest) -> list[pd.DataFrame]:
    """Every table shown on the page: grids, Streamlit tables and static HTML tables."""
    frames = [df.value.reset_index() for df in [*at.dataframe, *at.table]]
    for block in at.html:
        if "<table" in block.value:
            frames += pd.read_html(StringIO(block.value))
    return frames


def _frame(at: AppTest, column: str) -> pd.DataFrame:
    """The first table shown on the page that has ``column``."""
    for frame in _tables(at):
        if column in frame.columns:
            return frame
    msg = f"no table with column {column!r}"
    raise AssertionError(msg)


def test_overview_shows_the_groupings_at_a_glance_with_the_documents_figures(app):
    assert "成渝地区双城经济圈" in app.title[0].value
    table = _frame(app, "面积km²（文件所述）").set_index("名称")
    assert list(table.index) == [
        "成渝地区双城经济圈",
        "重庆都市圈",
        "成都都市圈",
        "双城经济圈北翼",
        "双城经济圈南翼",
    ]
    circle = table.loc["成渝地区双城经济圈"]
    assert str(circle["面积km²（文件所述）"]) == "185000"  # 003: 总面积18.5万平方公里
    assert 95e6 < int(str(circle["2020年人口（计算）"]).replace(",", "")) < 100e6
    assert circle["出处"].startswith("003:")
    assert table.loc["成都都市圈", "出处"] == "—"  # no document states its size
    app.radio(key="lang").set_value("en").run()
    assert "Stated area km²" in _frame(app, "Name").columns
    assert not app.exception


def test_language_switch_changes_the_ui_to_english(app):
    app.radio(key="lang").set_value("en").run()
    assert "Chengdu" in app.title[0].value
    assert app.query_params["lang"] == "en"
    assert not app.exception


def test_language_holds_when_moving_to_another_page(app):
    app.radio(key="lang").set_value("en").run()
    app.switch_page("pages/1_metro.py").run()
    assert app.title[0].value == "Metropolitan-area boundaries"
    assert "Name" in _frame(app, "Population 2020").columns  # tables follow too
    app.radio(key="lang").set_value("zh").run()
    app.switch_page("pages/3_reach.py").run()
    assert app.title[0].value == "通勤圈"
    assert not app.exception


def test_metro_page_numbers_follow_the_chosen_grouping(app):
    app.switch_page("pages/1_metro.py").run()
    assert not app.exception
    assert _metric(app, 0) == "22"  # 重庆都市圈: 21 districts + 广安市
    assert "3.5" not in _metric(app, 1)
    assert "2440" in app.caption[0].value.replace(",", "").replace(".00", "")
    app.selectbox(key="group").set_value("cnyx").run()
    assert _metric(app, 0) == "10"
    assert app.query_params["group"] == "cnyx"
    assert not app.exception


def test_metro_page_compare_and_reach_overlay(app):
    app.switch_page("pages/1_metro.py").run()
    app.checkbox(key="cmp").check().run()
    app.selectbox(key="group_b").set_value("cq_main_metro").run()
    assert not app.exception
    table = _frame(app, "归属")
    sides = set(table["归属"])
    assert sides == {"两者共有", "仅在A"}  # 广安市 is only in 重庆都市圈
    assert "广安市" in set(table.loc[table["归属"] == "仅在A", "名称"])
    app.checkbox(key="overlay").check().run()
    assert not app.exception
    # compare table, members outside the reach, non-members inside it, member table
    assert len(_tables(app)) >= 4


def test_metro_page_unenumerated_grouping_is_not_guessed(app):
    app.switch_page("pages/1_metro.py").run()
    app.selectbox(key="group").set_value("yuxi").run()
    assert not app.exception
    assert app.info
    assert not app.exception


def test_corridors_page_lists_members_in_order(app):
    app.switch_page("pages/2_corridors.py").run()
    assert not app.exception
    app.selectbox(key="corridor").set_value("yangtze_axis").run()
    assert not app.exception
    table = _frame(app, "经过城市（顺序）")
    assert table.iloc[0]["经过城市（顺序）"] == "宜宾市 → 泸州市 → 永川区 → 江津区"
    assert "渝昆高铁" in table.iloc[0]["依托线路"]
    evidence = _frame(app, "原文")
    assert evidence["原文"].str.contains("沿长江发展轴").any()
    assert not app.exception


def test_reach_page_toggle_and_limit_change_the_numbers(app):
    app.switch_page("pages/3_reach.py").run()
    assert not app.exception
    app.radio(key="minutes").set_value(90).run()
    before = int(_metric(app, 0))
    app.multiselect(key="lines_hsr").select("chengyu_zhongxian_hsr").run()
    after = int(_metric(app, 0))
    assert after > before
    assert app.query_params["with"] == "chengyu_zhongxian_hsr"
    app.radio(key="minutes").set_value(30).run()
    assert int(_metric(app, 0)) < after
    assert not app.exception


def test_reach_page_comparison_shows_gains(app):
    app.switch_page("pages/3_reach.py").run()
    app.selectbox(key="year").set_value("2035").run()
    app.selectbox(key="cmp").set_value("sets").run()
    app.toggle(key="show_table").set_value(True).run()
    assert not app.exception
    assert app.metric[0].delta is not None
    table = _frame(app, "节省（分钟）")
    assert {"名称", "基准（分钟）", "情景（分钟）", "可达"} <= set(table.columns)
    assert "仅情景可达" in set(table["可达"])  # 2035 brings units within the hour
    targets = _frame(app, "达成")
    assert "中心城区与周边区（市、县）1小时通勤" in set(targets["目标"])
    assert set(targets["达成"]) <= {"✓", "✗"}  # shown as marks, not true/false
    assert not app.exception
    app.radio(key="lang").set_value("en").run()
    table = _frame(app, "Saved (min)")
    assert "scenario only" in set(table["Reached"])
    assert not [c for c in table.columns if "_" in c]  # no code names in English either


def test_sources_page_lists_documents_datasets_and_model(app):
    app.switch_page("pages/4_sources.py").run()
    assert not app.exception
    docs = _frame(app, "发文机关")
    assert len(docs) == 5
    datasets = _frame(app, "许可")
    assert datasets["许可"].str.contains("GS\\(2024\\)0650").any()
    model = _frame(app, "参数")
    assert "transfer_min" in set(model["参数"])
    lines = _frame(app, "线路编号")
    assert "chengyu_zhongxian_hsr" in set(lines["线路编号"])
    assert lines["来源"].str.len().min() > 0
    app.radio(key="lang").set_value("en").run()
    assert {"Issuer", "Document number"} <= set(_frame(app, "Issuer").columns)
    assert not app.exception


def test_reach_page_model_parameters_change_the_numbers_and_the_url(app):
    app.switch_page("pages/3_reach.py").run()
    before = int(_metric(app, 0))
    app.number_input(key="p_road_speed_kph").set_value(60.0).run()
    assert int(_metric(app, 0)) < before  # slower roads, fewer units within the hour
    assert app.query_params["p_road_speed_kph"] == "60.0"
    assert not app.exception


def test_reach_page_station_to_station_measure_reaches_further(app):
    app.switch_page("pages/3_reach.py").run()
    door = int(_metric(app, 0))
    app.radio(key="measure").set_value("station_to_station").run()
    assert int(_metric(app, 0)) > door
    assert app.query_params["measure"] == "station_to_station"
    assert not app.exception


def test_reach_page_period_and_service_change_the_numbers_and_the_url(app):
    app.switch_page("pages/3_reach.py").run()
    app.selectbox(key="year").set_value("2035").run()
    today = int(_metric(app, 0))
    app.radio(key="service").set_value("plan").run()
    assert int(_metric(app, 0)) > today  # 公交化 headways bring more units within the hour
    assert app.query_params["service"] == "plan"
    app.radio(key="period").set_value("offpeak").run()
    assert app.query_params["period"] == "offpeak"
    assert not app.exception


def test_reach_page_says_what_a_switched_line_does(app):
    app.switch_page("pages/3_reach.py").run()
    app.multiselect(key="lines_hsr").select("chengyu_zhongxian_hsr").run()
    said = [c.value for c in app.caption if c.value.startswith("成渝中线")]
    assert len(said) == 1
    assert "不改变 60 分钟通勤圈" in said[0] or "进入 60 分钟通勤圈" in said[0]
    assert "个区县" in said[0]
    assert not app.exception


def test_reach_page_lists_what_each_line_does_and_keeps_it_in_the_url(app):
    app.switch_page("pages/3_reach.py").run()
    app.checkbox(key="impact").check().run()
    assert app.query_params["impact"] == "1"
    frames = [df.value for df in app.dataframe]
    impact_frame = next(f for f in frames if "线路" in f.columns)
    assert "成渝中线高铁" in set(impact_frame["线路"])
    assert not app.exception


def _open(page: str, **query: str) -> AppTest:
    """A fresh session opening ``page`` with the URL query ``query`` (a shared link)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception
    return at


def test_a_link_with_unusable_values_says_so_and_suggests_near_matches():
    at = _open(
        "pages/3_reach.py",
        **{"from": "永州", "with": "chengyu_zhongxian_hrs", "p_transfer_min": "x"},
    )
    notice = "\n".join(w.value for w in at.warning)
    assert "from=永州" in notice and "中心城区" in notice and "永川区" in notice
    assert "with=chengyu_zhongxian_hrs" in notice and "chengyu_zhongxian_hsr" in notice
    assert "p_transfer_min=x" in notice and "0–60" in notice  # the allowed range
    assert at.selectbox(key="from").value == "中心城区"  # the page still shows a view
    assert int(_metric(at, 0)) > 0
    at.radio(key="minutes").set_value(90).run()
    assert not at.warning  # said once, not on every change


def test_a_link_may_use_short_names_codes_and_chinese_names():
    at = _open("pages/3_reach.py", **{"from": "500118"})  # 永川区's adcode
    assert at.selectbox(key="from").value == "永川区"
    assert at.query_params["from"] == "永川区"  # the link now reads as the page shows it
    assert not at.warning
    metro = _open("pages/1_metro.py", group="川南渝西")
    assert metro.selectbox(key="group").value == "cnyx"
    assert not metro.warning


def test_unusable_link_values_are_explained_in_english_too():
    at = _open("pages/1_metro.py", group="cq_metor", lang="en")
    notice = "\n".join(w.value for w in at.warning)
    assert "group=cq_metor" in notice and "not recognised" in notice and "cq_metro" in notice


def test_a_hostile_link_value_is_shown_as_plain_text():
    at = _open("pages/2_corridors.py", corridor="`**x**`" + "y" * 100)
    notice = "\n".join(w.value for w in at.warning)
    assert "corridor='**x**'yyy" in notice and "…" in notice  # no code-span break, cut short
    assert len(notice) < 400
