import pytest

from cymap import cells, impact, network, scenarios, travel_time
from cymap._errors import ScenarioError
from cymap.tables.reach import impact_page_table
from cymap.views import texts

TODAY = scenarios.preset("today")


def test_a_line_off_in_the_scenario_is_measured_by_switching_it_on():
    effect = impact.line_effect("中心城区", "chengyu_zhongxian_hsr", scenario=TODAY)
    assert not effect.open_in_scenario
    with_it = TODAY.with_toggles(with_lines=["chengyu_zhongxian_hsr"])
    a = travel_time.reach("中心城区", minutes=60, scenario=with_it).table["minutes"]
    b = travel_time.reach("中心城区", minutes=60, scenario=TODAY).table["minutes"]
    assert effect.units_faster == int(((b - a) >= impact.MIN_SAVED).sum()) > 0
    assert effect.max_saved == pytest.approx(float((b - a).max()))


def test_a_line_open_in_the_scenario_is_measured_by_what_removing_it_takes_away():
    effect = impact.line_effect("中心城区", "chengyu_hsr", scenario=TODAY)
    assert effect.open_in_scenario and effect.units_faster > 0


def test_the_nearest_limit_is_where_the_coverage_really_changes():
    effect = impact.line_effect("中心城区", "chengyu_zhongxian_hsr", scenario=TODAY, minutes=60)
    assert not effect.crossing and effect.nearest_limit is not None
    at = impact.line_effect(
        "中心城区", "chengyu_zhongxian_hsr", scenario=TODAY, minutes=effect.nearest_limit
    )
    assert at.crossing and at.nearest_limit == effect.nearest_limit
    assert at.population_crossing > 0


def test_a_line_that_shortens_nothing_says_so():
    nothing = impact.LineEffect("bitong_line", False, 60.0, (), 0.0, 0, 0.0, 0.0, None)
    assert texts.line_effect_text(nothing, "璧铜线", "zh").startswith("璧铜线：不缩短任何区县")
    assert "shortens no unit's trip" in texts.line_effect_text(nothing, "璧铜线", "en")


def test_the_page_line_names_the_units_brought_in_or_where_the_line_helps():
    effect = impact.line_effect("中心城区", "chengyu_zhongxian_hsr", scenario=TODAY)
    zh = texts.line_effect_text(effect, "成渝中线高铁", "zh")
    assert "不改变 60 分钟通勤圈" in zh and f"{effect.units_faster} 个区县" in zh
    assert f"时间上限为 {effect.nearest_limit} 分钟时改变覆盖范围" in zh
    at = impact.line_effect(
        "中心城区", "chengyu_zhongxian_hsr", scenario=TODAY, minutes=effect.nearest_limit
    )
    en = texts.line_effect_text(at, "成渝中线高铁", "en")
    assert f"into the {effect.nearest_limit}-minute reach" in en


def test_an_unknown_line_is_refused_with_near_matches():
    with pytest.raises(ScenarioError, match="chengyu_zhongxian_hsr"):
        impact.line_effect("中心城区", "chengyu_zhongxan_hsr", scenario=TODAY)


def test_the_impact_table_lists_every_line_switched_alone_on_cells():
    table = impact.impact_table("中心城区", scenario=TODAY, minutes=60)
    assert len(table) == len(network.list_lines())
    row = table.set_index("line_id").loc["chengyu_zhongxian_hsr"]
    assert not row["open_in_scenario"] and row["population_faster"] > 1e6
    # the same numbers as switching it by hand on the cells
    grid = cells.load_grid()
    before = cells.cell_minutes("中心城区", scenario=TODAY)
    after = cells.cell_minutes(
        "中心城区", scenario=TODAY.with_toggles(with_lines=["chengyu_zhongxian_hsr"])
    )
    gained = (after <= 60).astype(int) - (before <= 60).astype(int)
    assert row["delta_km2"] == pytest.approx(gained.sum() * cells.CELL_KM2)
    assert row["delta_population"] == pytest.approx((gained * grid.population).sum())
    faster = before - after >= impact.MIN_SAVED
    assert row["population_faster"] == pytest.approx(grid.population[faster].sum())
    # sorted by what the lines bring within the limit
    assert table["delta_population"].is_monotonic_decreasing
    assert (table["population_faster"] >= 0).all()


def test_the_impact_table_of_the_page_names_lines_and_leaves_idle_ones_out():
    table = impact.impact_table("中心城区", scenario=TODAY, minutes=60)
    shown = impact_page_table(table, "zh")
    assert "成渝中线高铁" in set(shown["线路"])
    assert len(shown) == int(((table.population_faster > 0) | (table.delta_population != 0)).sum())
    english = impact_page_table(table, "en")
    assert "Population brought within" in english.columns
