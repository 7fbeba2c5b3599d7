"""AppTest of the scenario editor on 通勤圈: a plan shared as a link."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from cymap import modifications

TIMEOUT = 120
ROOT = Path(__file__).resolve().parents[1]


def _reach(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/3_reach.py").run()
    assert not at.exception
    return at


def test_a_shared_link_reproduces_the_plan_in_a_new_session():
    text = """
modifications:
  - {kind: road_link, from_unit: 大足区, to_unit: 潼南区, speed_kph: 120}
"""
    link = modifications.encode_link(modifications.parse_plan(text))
    at = _reach(minutes="60", year="today", plan=link)
    assert any("新道路 大足区—潼南区" in c.value for c in at.caption)
    assert at.session_state["plan_mods"][0]["kind"] == "road_link"
    other = _reach(minutes="60", year="today")
    assert not any("新道路" in c.value for c in other.caption)  # sessions do not share plans


def test_a_malformed_link_is_named_and_the_page_still_draws():
    at = _reach(minutes="60", year="today", plan="not-a-plan")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "plan" in warnings
