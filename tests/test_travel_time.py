from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cymap import _graph, calibration, network, plans, scenarios, travel_time
from cymap._errors import CymapError, ScenarioError, UnknownNameError

TODAY = scenarios.preset("today")
CQ_CENTRE = [
    "500103",
    "500104",
    "500105",
    "500106",
    "500107",
    "500108",
    "500109",
    "500112",
    "500113",
]


@pytest.fixture(scope="module")
def today_reach() -> travel_time.Reach:
    return travel_time.reach(["渝中区"], minutes=60, scenario=TODAY)


# ----------------------------------------------------------------------------- reach


def test_reach_has_one_row_per_county_unit_and_a_consistent_summary(today_reach):
    table = today_reach.table
    assert list(table.columns) == [
        "adcode",
        "name_zh",
        "level",
        "minutes",
        "within",
        "area_km2",
        "population_2020",
    ]
    assert len(table) == 221 and table["adcode"].is_unique
    assert (table["level"] == "county").all()
    inside = table[table["within"]]
    assert today_reach.summary == {
        "units_within": len(inside),
        "area_km2_within": pytest.approx(inside["area_km2"].sum()),
        "population_within": pytest.approx(inside["population_2020"].sum()),
    }
    assert (inside["minutes"] <= 60).all()


def test_origin_is_inside_its_own_reach_and_far_units_are_not(today_reach):
    t = today_reach.table.set_index("adcode")
    assert t.loc["500103", "minutes"] == 0 and t.loc["500103", "within"]
    assert t.loc["500106", "within"]  # 沙坪坝, next door
    assert not t.loc["513337", "within"]  # 稻城县, far west
    assert t["minutes"].notna().all()  # the road graph reaches every unit


def test_reach_is_monotone_in_the_limit():
    r30 = travel_time.reach("永川", minutes=30, scenario=TODAY).table["within"]
    r90 = travel_time.reach("永川", minutes=90, scenario=TODAY).table["within"]
    assert (r30 <= r90).all() and r90.sum() > r30.sum()


def test_reach_equals_networkx_multi_source_dijkstra_on_the_scenario_view():
    sc = scenarios.preset("2035").with_toggles(with_lines=["yugui_hsr"])
    view = _graph.scenario_view(sc)
    dist = nx.multi_source_dijkstra_path_length(view, CQ_CENTRE, weight="minutes")
    table = travel_time.reach(CQ_CENTRE, scenario=sc).table
    np.testing.assert_allclose(table["minutes"], [dist[a] for a in table["adcode"]])


def test_many_origins_take_the_fastest_member():
    both = travel_time.reach(["永川", "万州"], scenario=TODAY).table["minutes"].to_numpy()
    a = travel_time.reach("永川", scenario=TODAY).table["minutes"].to_numpy()
    b = travel_time.reach("万州", scenario=TODAY).table["minutes"].to_numpy()
    np.testing.assert_allclose(both, np.minimum(a, b))


def test_grouping_origin_means_its_members():
    group = travel_time.reach("中心城区", scenario=TODAY)
    members = travel_time.reach(CQ_CENTRE, scenario=TODAY)
    assert sorted(group.origin_adcodes) == CQ_CENTRE
    pd.testing.assert_frame_equal(group.table, members.table)


def test_unknown_origin_names_it_with_near_matches():
    with pytest.raises(UnknownNameError, match=r"'永州'.*Did you mean:.*永川区"):
        travel_time.reach("永州", scenario=TODAY)


def test_negative_limit_is_refused():
    with pytest.raises(ScenarioError, match="time limit"):
        travel_time.reach("永川", minutes=-1, scenario=TODAY)


# ----------------------------------------------------------------------------- toggles


def test_toggled_line_changes_reach_only_where_it_is_used():
    base = travel_time.reach(CQ_CENTRE, minutes=60, scenario=TODAY)
    sc = TODAY.with_toggles(with_lines=["chengyu_zhongxian_hsr"])
    other = travel_time.reach(CQ_CENTRE, minutes=60, scenario=sc)
    diff = travel_time.compare_reach(base, other)
    assert (diff["minutes_saved"] >= -1e-9).all()  # nothing gets slower
    faster = diff[diff["minutes_saved"] > 1e-9]
    assert {"500111", "512021"} <= set(faster["adcode"])  # 大足, 安岳 lie on the line
    for adcode in faster["adcode"]:
        trip = travel_time.route(CQ_CENTRE, adcode, scenario=sc)
        assert "chengyu_zhongxian_hsr" in {leg["line"] for leg in trip.legs}, adcode
    # east of the centre the new line plays no part
    assert set(diff.loc[diff["adcode"].isin(["500101", "500114", "500243"]), "minutes_saved"]) == {
        0.0
    }


def test_removing_a_line_never_speeds_anything_up():
    base = travel_time.reach("内江", scenario=TODAY).table["minutes"]
    cut = travel_time.reach("内江", scenario=TODAY.with_toggles(without_lines=["chengyu_hsr"]))
    assert (cut.table["minutes"] >= base - 1e-9).all()
    assert (cut.table["minutes"] > base + 1e-9).any()


ALL_LINES = sorted(set(network.list_lines()["line_id"]))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(year=st.sampled_from([2020, 2026, 2030]), line=st.sampled_from(ALL_LINES))
def test_adding_any_line_never_lengthens_any_time(year, line):
    base = scenarios.Scenario(year)
    with_line = base.with_toggles(with_lines=[line])
    a = travel_time.reach("500118", scenario=base).table["minutes"].to_numpy()
    b = travel_time.reach("500118", scenario=with_line).table["minutes"].to_numpy()
    assert (b <= a + 1e-9).all()


def test_compare_reach_status_labels():
    base = travel_time.reach(CQ_CENTRE, minutes=60, scenario=scenarios.preset("2020"))
    other = travel_time.reach(CQ_CENTRE, minutes=60, scenario=scenarios.preset("2035"))
    diff = travel_time.compare_reach(base, other)
    assert list(diff.columns) == [
        "adcode",
        "name_zh",
        "minutes_base",
        "minutes_other",
        "minutes_saved",
        "status",
    ]
    assert set(diff["status"]) <= {"both", "base_only", "other_only", "neither"}
    gained = diff[diff["status"] == "other_only"]
    assert len(gained) > 0 and (gained["minutes_other"] <= 60).all()
    assert (gained["minutes_base"] > 60).all()


def test_scenarios_do_not_leak_into_each_other_under_concurrency():
    engine = _graph.get_engine(TODAY.params)
    edges_before = engine.graph.number_of_edges()
    alts_before = dict(engine.graph.edges["Schengyu_hsr#0", "Schengyu_hsr#1"])
    toggles = [
        TODAY,
        TODAY.with_toggles(with_lines=["chengyu_zhongxian_hsr"]),
        TODAY.with_toggles(without_lines=["chengyu_hsr", "yukun_hsr"]),
        TODAY,
    ]
    serial = [travel_time.reach("璧山", scenario=s).table["minutes"].to_numpy() for s in toggles]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(
            pool.map(
                lambda s: travel_time.reach("璧山", scenario=s).table["minutes"].to_numpy(),
                toggles * 3,
            )
        )
    for i, res in enumerate(parallel):
        np.testing.assert_array_equal(res, serial[i % len(toggles)])
    np.testing.assert_array_equal(serial[0], serial[3])
    assert engine.graph.number_of_edges() == edges_before
    assert dict(engine.graph.edges["Schengyu_hsr#0", "Schengyu_hsr#1"]) == alts_before
    assert not (serial[1] == serial[0]).all() and not (serial[2] == serial[0]).all()


# ----------------------------------------------------------------------------- routes


def test_chengyu_zhongxian_brings_chengdu_chongqing_near_50_minutes_in_2035():
    trip = travel_time.route("成都", "重庆", scenario=scenarios.preset("2035"), modes=("rail",))
    on_line = [
        leg for leg in trip.legs if leg["line"] == "chengyu_zhongxian_hsr" and leg["mode"] == "rail"
    ]
    assert on_line and sum(leg["minutes"] for leg in on_line) == pytest.approx(50, abs=6)
    station_run = calibration.in_vehicle_between("成都", "重庆北", year=2035)
    assert station_run == pytest.approx(50, abs=2.5)
    today = travel_time.route("成都", "重庆", scenario=TODAY, modes=("rail",))
    assert "chengyu_zhongxian_hsr" not in {leg["line"] for leg in today.legs}
    assert trip.door_to_door_min < today.door_to_door_min - 10


def test_route_legs_add_up_and_modes_are_respected():
    trip = travel_time.route("永川", "成都", scenario=TODAY)
    assert sum(leg["minutes"] for leg in trip.legs) == pytest.approx(trip.door_to_door_min)
    assert trip.in_vehicle_min <= trip.door_to_door_min
    assert set(trip.to_dict()) == {
        "origin",
        "destination",
        "door_to_door_min",
        "in_vehicle_min",
        "legs",
    }
    assert set(trip.to_dict()["legs"][0]) == {"mode", "line", "from", "to", "minutes"}
    road = travel_time.route("永川", "成都", scenario=TODAY, modes=("road",))
    assert {leg["mode"] for leg in road.legs} <= {"road", "road_access"}
    rail = travel_time.route("永川", "成都", scenario=TODAY, modes=("rail",))
    modes = [leg["mode"] for leg in rail.legs]
    assert "rail" in modes
    first, last = modes.index("rail"), len(modes) - 1 - modes[::-1].index("rail")
    assert "road" not in modes[first:last]  # rail carries the main legs


def test_rail_only_trip_to_a_unit_without_a_station_drives_the_last_leg():
    trip = travel_time.route("渝中区", "巫溪县", scenario=TODAY, modes=("rail",))
    assert trip.legs[-1]["mode"] == "road_access" and any(x["mode"] == "rail" for x in trip.legs)


def test_same_place_route_is_zero():
    trip = travel_time.route("永川", "500118", scenario=TODAY)
    assert trip.door_to_door_min == 0 and trip.legs == []


def test_bad_modes_and_line_ids_give_clear_errors():
    with pytest.raises(ScenarioError, match="unknown modes"):
        travel_time.route("永川", "成都", scenario=TODAY, modes=("ship",))
    with pytest.raises(ScenarioError, match="unknown line id 'chengyu_hrs'.*chengyu_hsr"):
        travel_time.route("永川", "成都", scenario=TODAY.with_toggles(with_lines=["chengyu_hrs"]))
    with pytest.raises(UnknownNameError, match="成者"):
        travel_time.route("永川", "成者", scenario=TODAY)


def test_study_line_opens_only_when_toggled():
    off = travel_time.route("沙坪坝", "綦江", scenario=scenarios.preset("2035"))
    on = travel_time.route(
        "沙坪坝", "綦江", scenario=scenarios.preset("2035").with_toggles(with_lines=["yugui_hsr"])
    )
    assert "yugui_hsr" not in {leg["line"] for leg in off.legs}
    assert on.door_to_door_min <= off.door_to_door_min


def test_model_params_change_times():
    slow = TODAY.params.updated(station_entry_min={"hsr": 40.0})
    base = travel_time.route("永川", "成都", scenario=TODAY, modes=("rail",))
    sc = scenarios.Scenario(TODAY.year, params=slow)
    assert (
        travel_time.route("永川", "成都", scenario=sc, modes=("rail",)).door_to_door_min
        > base.door_to_door_min
    )


# ----------------------------------------------------------------------------- matrix, targets


def test_matrix_matches_reach():
    m = travel_time.matrix(scenario=TODAY)
    assert m.shape == (221, 221)
    assert (np.diag(m.to_numpy()) == 0).all()
    row = travel_time.reach("500118", scenario=TODAY).table["minutes"].to_numpy()
    np.testing.assert_allclose(m.loc["500118"].to_numpy(), row)


def test_check_target_reach_and_pair():
    target = {
        "id": "t1",
        "kind": "reach",
        "max_minutes": 60,
        "origin": CQ_CENTRE,
        "destinations": ["璧山", "江津", "巫山"],
        "measure": "door_to_door",
    }
    check = travel_time.check_target(target, scenario=TODAY)
    t = check.table.set_index("adcode")
    assert not check.passes and not t.loc["500237", "passes"] and t.loc["500120", "passes"]
    pair = {
        "id": "t2",
        "kind": "pair",
        "max_minutes": 60,
        "origin": "成都",
        "destination": "重庆",
        "measure": "in_vehicle",
    }
    assert not travel_time.check_target(pair, scenario=TODAY).passes
    with pytest.raises(ScenarioError, match="not a travel-time target"):
        travel_time.check_target({"id": "t3", "kind": "size"}, scenario=TODAY)


def test_check_target_from_the_plans_catalogue():
    targets = [t for t in plans.list_targets() if t.kind in ("reach", "pair")]
    if not targets:
        pytest.skip("the plans catalogue has no travel-time targets yet")
    for target in targets[:3]:
        check = travel_time.check_target(target, scenario=scenarios.preset("2035"))
        assert len(check.table) and check.passes == bool(check.table["passes"].all())


def test_no_route_is_a_clear_error():
    with pytest.raises(CymapError, match="no rail route from 渝中区 to 巫溪县"):
        travel_time.route("渝中区", "巫溪县", scenario=scenarios.Scenario(1900), modes=("rail",))


def test_grouping_destinations_count_every_county_of_a_prefecture_member():
    target = plans.get_target("cq_core_1h_commute_2025")
    check = travel_time.check_target(target, scenario=scenarios.preset("2025"))
    codes = set(check.table["adcode"])
    assert {"511602", "511681", "511623"} <= codes  # 广安区, 华蓥市, 邻水县 of 广安市
    assert not codes & set(plans.group_adcodes("cq_core"))  # origins are not destinations


def test_reach_routes_explain_every_reach_minute():
    sc = scenarios.preset("2035")
    reach = travel_time.reach("中心城区", scenario=sc)
    routes = travel_time.reach_routes("中心城区", scenario=sc)
    both = reach.table.merge(routes, on="adcode")
    reached = both[both["minutes"].notna()]
    assert (
        (reached["in_vehicle_min"] + reached["other_min"] - reached["minutes"]).abs() < 1e-6
    ).all()
    origins = both[both["adcode"].isin(reach.origin_adcodes)]
    assert origins["via"].map(len).eq(0).all()  # nothing to ride from an origin
    wanzhou = both.set_index("name_zh").at["万州区", "via"]
    assert "yuwan_hsr" in wanzhou or "yuwan_railway" in wanzhou


# ----------------------------------------------------------------------------- commute model


def test_an_unknown_period_or_service_is_refused_with_the_valid_ones():
    with pytest.raises(ScenarioError, match=r"unknown period 'rush'.*peak, offpeak"):
        scenarios.Scenario(2026, period="rush")
    with pytest.raises(ScenarioError, match=r"did you mean 'peak'"):
        scenarios.Scenario(2026, period="peek")
    with pytest.raises(ScenarioError, match=r"unknown service pattern 'fast'.*today, plan"):
        scenarios.Scenario(2026, service="fast")


def _minutes(scenario):
    return travel_time.reach("中心城区", minutes=60, scenario=scenario).table.set_index("adcode")[
        "minutes"
    ]


@pytest.mark.parametrize(
    "line", ["chengyu_zhongxian_hsr", "cq_yongchuan_suburban", "cq_hechuan_suburban", "bitong_line"]
)
def test_a_line_never_lengthens_a_trip_and_removing_it_never_shortens_one(line):
    today = scenarios.preset("today")
    base, added = _minutes(today), _minutes(today.with_toggles(with_lines=[line]))
    assert (added <= base + 1e-9).all()
    full = scenarios.preset("2035")
    with_it, without = _minutes(full), _minutes(full.with_toggles(without_lines=[line]))
    assert (without >= with_it - 1e-9).all()


def test_chengyu_zhongxian_saves_minutes_at_the_peak():
    today = scenarios.preset("today")
    saved = _minutes(today) - _minutes(today.with_toggles(with_lines=["chengyu_zhongxian_hsr"]))
    # the line's stations 大足石刻, 铜梁, 安岳 … lie off the 成渝高铁: their units gain
    assert saved.loc["500111"] > 5  # 大足区


def test_peak_congestion_slows_trips_from_the_cores_and_not_elsewhere():
    peak = scenarios.Scenario(2026, period="peak")
    off = scenarios.Scenario(2026, period="offpeak")
    core = travel_time.route("渝中区", "璧山区", scenario=peak, modes=("road",))
    core_off = travel_time.route("渝中区", "璧山区", scenario=off, modes=("road",))
    assert core.door_to_door_min > core_off.door_to_door_min
    rural = travel_time.route("永川区", "荣昌区", scenario=peak, modes=("road",))
    rural_off = travel_time.route("永川区", "荣昌区", scenario=off, modes=("road",))
    assert rural.door_to_door_min == pytest.approx(rural_off.door_to_door_min)


def test_the_plan_service_pattern_never_makes_a_trip_longer():
    today = scenarios.preset("2035")
    plan = today.at(service="plan")
    assert (_minutes(plan) <= _minutes(today) + 1e-9).all()


def test_a_station_is_reached_by_road_from_its_seat():
    # 永川东 lies a few km from 永川's seat: the access leg is a drive plus the station time
    trip = travel_time.route(
        "永川区", "璧山区", scenario=scenarios.preset("today"), modes=("rail",)
    )
    first = trip.legs[0]
    assert first["mode"] == "access"
    entry = scenarios.DEFAULT_PARAMS.station_entry_min["hsr"]
    assert entry < first["minutes"] < entry + 30
