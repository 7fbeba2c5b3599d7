"""The URL-bound widgets and page blocks of cymap.app.ui, run in small AppTest scripts."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cymap.app import ui
from cymap.scenarios import DEFAULT_PARAMS

TIMEOUT = 60


def _run(script, **query: str) -> AppTest:
    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def _notices(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def _widgets():
    import streamlit as st

    from cymap.app import ui
    from cymap.views import choices

    ui.radio("Minutes", [30, 45, 60, 90], key="minutes", default=60)
    ui.selectbox(
        "From",
        choices.ORIGIN_CHOICES,
        key="from",
        default="中心城区",
        normalise=choices.origin_choice,
    )
    ui.checkbox("Compare", key="cmp")
    ui.show_url_notices(st.empty(), "en")


def test_widgets_start_from_the_link_and_write_changes_back_to_it():
    at = _run(_widgets, minutes="45", cmp="1")
    assert at.radio(key="minutes").value == 45
    assert at.checkbox(key="cmp").value
    at.radio(key="minutes").set_value(90).run()
    assert at.query_params["minutes"] == "90"
    at.radio(key="minutes").set_value(60).run()  # the default: the link stays short
    assert "minutes" not in at.query_params
    at.checkbox(key="cmp").uncheck().run()
    assert "cmp" not in at.query_params


def test_a_link_may_name_an_option_another_way():
    at = _run(_widgets, **{"from": "永川"})
    assert at.selectbox(key="from").value == "永川区"
    assert at.query_params["from"] == "永川区"  # the link now reads as the page shows it
    assert not at.warning


def test_unusable_link_values_are_named_once_with_near_matches():
    at = _run(_widgets, **{"from": "永州", "minutes": "50", "cmp": "yes"})
    notice = _notices(at)
    assert "from=永州" in notice and "中心城区 is shown instead" in notice and "永川区" in notice
    assert "minutes=50" in notice and "cmp=yes" in notice
    assert at.selectbox(key="from").value == "中心城区" and at.radio(key="minutes").value == 60
    at.radio(key="minutes").set_value(30).run()
    assert not at.warning  # told once, not on every change


def _params_editor():
    import streamlit as st

    from cymap.app import ui

    params = ui.model_params_editor("en")
    st.text(repr(ui.changed_params(params)))
    ui.show_url_notices(st.empty(), "en")


def test_model_parameters_come_from_the_link_within_their_range():
    at = _run(_params_editor, p_transfer_min="5", p_road_speed_kph="500")
    assert at.number_input(key="p_transfer_min").value == 5
    assert at.text[0].value == "{'transfer_min': 5.0}"  # the road speed was out of range
    notice = _notices(at)
    assert "p_road_speed_kph=500" in notice and "20–120" in notice


def test_changed_params_lists_only_what_differs_from_the_defaults():
    assert ui.changed_params(DEFAULT_PARAMS) == {}
    params = DEFAULT_PARAMS.updated(transfer_min=5, station_entry_min={"hsr": 15})
    assert ui.changed_params(params) == {"transfer_min": 5, "station_entry_min": {"hsr": 15}}


def _line_toggles():
    import streamlit as st

    from cymap.app import ui
    from cymap.tables import reach

    on, off = ui.line_toggles(reach.lines_catalogue("today", "zh"), year="today", lang="zh")
    st.text(repr((on, off)))
    ui.show_url_notices(st.empty(), "zh")


def test_line_toggles_follow_the_link_and_name_unknown_lines():
    at = _run(_line_toggles, **{"with": "chengyu_zhongxian_hsr,chengyu_zhongxian_hrs"})
    assert at.text[0].value == "(['chengyu_zhongxian_hsr'], [])"
    notice = _notices(at)
    assert "with=chengyu_zhongxian_hrs" in notice and "chengyu_zhongxian_hsr" in notice
    assert at.query_params["with"] == "chengyu_zhongxian_hsr"  # the unknown id is dropped


def _tables():
    import pandas as pd

    from cymap.app import ui

    ui.table(pd.DataFrame({"名称": ["永川区"], "2020年人口": [1_147_000]}))


def test_tables_are_static_html_with_formatted_numbers():
    at = _run(_tables)
    (block,) = at.html
    assert "<table" in block.value and "永川区" in block.value and "1,147,000" in block.value
