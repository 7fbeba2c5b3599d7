from __future__ import annotations

import pytest

from cymap import scenarios
from cymap._errors import ScenarioError


def test_presets_cover_base_year_today_and_plan_horizons():
    assert {name: sc.year for name, sc in scenarios.PRESETS.items()} == {
        "2020": 2020,
        "today": 2026,
        "2025": 2025,
        "2035": 2035,
    }
    assert scenarios.preset("TODAY") is scenarios.PRESETS["today"]


def test_unknown_preset_lists_the_presets():
    with pytest.raises(ScenarioError, match="unknown scenario preset 'tomorrow'.*2020, today"):
        scenarios.preset("tomorrow")


def test_for_year_accepts_years_presets_and_toggles():
    assert scenarios.for_year(None).year == 2026
    assert scenarios.for_year("2035") == scenarios.PRESETS["2035"]
    assert scenarios.for_year(2030).year == 2030
    sc = scenarios.for_year("today", with_lines=["yuwan_hsr"], without_lines=["chengyu_hsr"])
    assert sc.with_lines == {"yuwan_hsr"} and sc.without_lines == {"chengyu_hsr"}
    assert "+yuwan_hsr" in sc.label() and "-chengyu_hsr" in sc.label()


def test_toggling_a_line_on_then_off_keeps_only_the_last_toggle():
    sc = scenarios.preset("today").with_toggles(with_lines=["a_hsr"])
    sc = sc.with_toggles(without_lines=["a_hsr"])
    assert sc.with_lines == frozenset() and sc.without_lines == {"a_hsr"}


def test_a_line_cannot_be_both_on_and_off():
    with pytest.raises(ScenarioError, match="both switched on and off"):
        scenarios.Scenario(2030, with_lines={"x_hsr"}, without_lines={"x_hsr"})


def test_year_must_be_an_integer():
    with pytest.raises(ScenarioError, match="integer"):
        scenarios.Scenario("2030")


def test_scenarios_and_params_are_hashable_and_compare_by_value():
    a = scenarios.Scenario(2030, params=scenarios.ModelParams())
    b = scenarios.Scenario(2030, params=scenarios.ModelParams())
    assert a == b and hash(a) == hash(b)
    assert len({a, b}) == 1


def test_params_updated_merges_mode_tables_and_rejects_unknown_names():
    p = scenarios.DEFAULT_PARAMS.updated(station_entry_min={"hsr": 30.0}, transfer_min=5)
    assert p.station_entry_min["hsr"] == 30.0
    default = scenarios.DEFAULT_PARAMS.station_entry_min["intercity"]
    assert p.station_entry_min["intercity"] == default
    assert p != scenarios.DEFAULT_PARAMS
    with pytest.raises(ScenarioError, match="unknown model parameter 'walk_speed'"):
        scenarios.DEFAULT_PARAMS.updated(walk_speed=5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"road_speed_kph": 0}, "road_speed_kph = 0 must be > 0"),
        ({"schedule_factor": {"hsr": 1.5}}, r"schedule_factor\[hsr\] = 1.5 must be in \(0, 1\]"),
        ({"transfer_min": -1}, "transfer_min = -1 must be >= 0"),
    ],
)
def test_invalid_params_name_the_parameter(change, message):
    with pytest.raises(ScenarioError, match=message):
        scenarios.DEFAULT_PARAMS.updated(**change)


def test_params_to_dict_lists_every_parameter():
    d = scenarios.DEFAULT_PARAMS.to_dict()
    assert set(d) == set(scenarios.ModelParams.__dataclass_fields__)
    assert d["station_entry_min"]["hsr"] == scenarios.DEFAULT_PARAMS.station_entry_min["hsr"]


def test_station_to_station_measure_drops_access_and_waiting_only():
    params = scenarios.apply_measure(scenarios.DEFAULT_PARAMS, "station_to_station")
    assert params.door_legs is False
    assert params.wait_share == 0.0
    assert params.transfer_min == scenarios.DEFAULT_PARAMS.transfer_min
    assert (
        scenarios.apply_measure(scenarios.DEFAULT_PARAMS, "door_to_door")
        == scenarios.DEFAULT_PARAMS
    )
    with pytest.raises(ScenarioError, match="unknown measure"):
        scenarios.apply_measure(scenarios.DEFAULT_PARAMS, "as the crow flies")
