import pytest

from cymap import _graph, modifications, scenarios, travel_time, units
from cymap._errors import DataValidationError

TODAY = scenarios.preset("today")


def _plan(text: str) -> scenarios.Scenario:
    return modifications.plan_scenario(modifications.parse_plan(text))


def _minutes(scenario, origin="大足区"):
    return travel_time.reach(origin, minutes=60, scenario=scenario).table.set_index("adcode")[
        "minutes"
    ]


_SEATS = units.load_units()
NEW_LINE = f"""
name: 大足—潼南快线
baseline: {{year: today}}
modifications:
  - {{kind: new_line, name_zh: 大足潼南快线, mode: suburban, speed_kph: 200, peak: 5, stops: [
      {{station: 大足城区, lon: {_SEATS.at["500111", "seat_lon"]}, lat: {_SEATS.at["500111", "seat_lat"]}}},
      {{station: 潼南城区, lon: {_SEATS.at["500152", "seat_lon"]}, lat: {_SEATS.at["500152", "seat_lat"]}}}]}}
"""


def test_a_new_line_between_two_units_brings_their_minutes_down():
    sc = _plan(NEW_LINE)
    before, after = _minutes(TODAY), _minutes(sc)
    assert after["500152"] < before["500152"]  # 潼南区 from 大足区
    assert (after <= before + 1e-9).all()  # a new line never lengthens a trip
    trip = travel_time.route("大足区", "潼南区", scenario=sc)
    assert "mod0_line" in {leg["line"] for leg in trip.legs}


def test_modifications_leave_other_scenarios_untouched():
    sc = _plan(NEW_LINE)
    _minutes(sc)
    again = _minutes(TODAY)
    assert again.equals(_minutes(scenarios.preset("today")))
    assert "mod0_line" not in {
        leg["line"] for leg in travel_time.route("大足区", "潼南区", scenario=TODAY).legs
    }


def test_a_shorter_headway_shortens_the_wait_and_a_slower_line_the_ride():
    base = travel_time.route("永川区", "沙坪坝区", scenario=TODAY, modes=("rail",))
    often = _plan(
        "modifications: [{kind: headway, line: chengyu_hsr, peak: 4}]\nbaseline: {year: today}"
    )
    waits = lambda r: sum(leg["minutes"] for leg in r.legs if leg["mode"] == "wait")  # noqa: E731
    trip = travel_time.route("永川区", "沙坪坝区", scenario=often, modes=("rail",))
    assert waits(trip) == pytest.approx(0.5 * 4)  # one headway at every stop, no extra wait
    assert waits(base) > waits(trip)
    slow = _plan(
        "modifications: [{kind: speed, line: chengyu_hsr, speed_kph: 175}]\nbaseline: {year: today}"
    )
    rail = lambda r: sum(leg["minutes"] for leg in r.legs if leg["mode"] == "rail")  # noqa: E731
    far = travel_time.route("成都市", "沙坪坝区", scenario=TODAY, modes=("rail",))
    halved = travel_time.route("成都市", "沙坪坝区", scenario=slow, modes=("rail",))
    assert rail(halved) == pytest.approx(2 * rail(far), rel=0.02)  # 350 -> 175 km/h


def test_a_removed_stop_is_passed_and_an_added_stop_is_served():
    removed = _plan(
        "modifications: [{kind: remove_stops, line: chengyu_hsr, stations: [永川东]}]\n"
        "baseline: {year: today}"
    )
    trip = travel_time.route("永川区", "沙坪坝区", scenario=removed, modes=("rail",))
    assert "永川东" not in " ".join(f"{leg['from']} {leg['to']}" for leg in trip.legs)
    through = travel_time.route("成都市", "沙坪坝区", scenario=removed, modes=("rail",))
    plain = travel_time.route("成都市", "沙坪坝区", scenario=TODAY, modes=("rail",))
    assert through.in_vehicle_min == pytest.approx(plain.in_vehicle_min)  # run time kept
    added = _plan(
        "modifications: [{kind: add_stop, line: chengyu_hsr, after: 大足南,"
        " stop: {station: 双桥, unit: 大足区, lon: 105.78, lat: 29.49}}]\nbaseline: {year: today}"
    )
    view = _graph.view_of(_graph.prepare(added)[1])
    new = [n for n, d in view.nodes(data=True) if d.get("station") == "双桥"]
    assert len(new) == 2  # boarding and alighting nodes of the new stop
    kinds = {view.edges[e]["alt"][2] for n in new for e in view.out_edges(n)}
    assert {"rail", "egress"} <= kinds  # trains stop there and passengers get off


def test_a_road_link_and_an_opening_year_change_the_network():
    linked = _plan(
        "modifications: [{kind: road_link, from_unit: 大足区, to_unit: 潼南区, speed_kph: 120}]\n"
        "baseline: {year: today}"
    )
    assert _minutes(linked)["500152"] < _minutes(TODAY)["500152"]
    early = _plan(
        "modifications: [{kind: open_year, line: chengyu_zhongxian_hsr, year: 2026}]\n"
        "baseline: {year: today}"
    )
    on = TODAY.with_toggles(with_lines=["chengyu_zhongxian_hsr"])
    assert _minutes(early, "中心城区").equals(_minutes(on, "中心城区"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "modifications: [{kind: headway, line: chengyu_hsx, peak: 10}]",
            r"modifications\[0\] \(headway\)\.line: .*chengyu_hsr",
        ),
        (
            "modifications: [{kind: headway, line: chengyu_hsr, peak: -5}]",
            r"modifications\[0\]\.peak: Input should be greater than 0",
        ),
        (
            "modifications: [{kind: new_line, name_zh: x, mode: suburban, speed_kph: 100, peak: 10,"
            " stops: [{lon: 120.0, lat: 30.0}, {unit: 大足区}]}]",
            r"modifications\[0\] \(new_line\)\.stops\[0\]: the point \(120.0, 30.0\) lies outside",
        ),
        (
            "modifications: [{kind: headway, line: chengyu_hsr, peak: 10, colour: red}]",
            r"modifications\[0\]\.colour: Extra inputs are not permitted",
        ),
        (
            "modifications: [{kind: remove_stops, line: chengyu_hsr, stations: [北京]}]",
            r"chengyu_hsr has no stop \['北京'\]",
        ),
    ],
)
def test_a_malformed_scenario_names_the_field_and_the_row(text, message):
    with pytest.raises(DataValidationError, match=message):
        modifications.parse_plan(text, source="upload.yaml")


def test_a_saved_plan_reads_back_the_same():
    plan = modifications.parse_plan(NEW_LINE)
    again = modifications.parse_plan(modifications.dump_plan(plan))
    assert again == plan
    assert modifications.plan_scenario(again) == modifications.plan_scenario(plan)
