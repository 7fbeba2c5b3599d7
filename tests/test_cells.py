import numpy as np
import pandas as pd
import pytest
import shapely

from cymap import cells, network, scenarios, travel_time, units

TODAY = scenarios.preset("today")


@pytest.fixture(scope="module")
def grid():
    return cells.load_grid()


def test_cells_cover_every_unit_and_keep_county_population_totals_exactly(grid):
    counties = units.county_units()
    by_unit = pd.Series(grid.population).groupby(grid.adcode).sum()
    assert set(by_unit.index) == set(counties.index)  # every unit has at least one cell
    expected = counties["population_2020"].reindex(by_unit.index).astype(float)
    assert np.allclose(by_unit, expected, rtol=1e-12, atol=0)
    assert grid.population.sum() == pytest.approx(counties["population_2020"].sum(), rel=1e-12)


def test_cell_area_adds_up_to_the_region_within_a_few_percent(grid):
    region_km2 = units.county_units()["area_km2"].sum()
    assert len(grid.adcode) * cells.CELL_KM2 == pytest.approx(region_km2, rel=0.02)


def test_a_cell_is_never_slower_than_going_through_its_own_seat(grid):
    t = cells.cell_minutes("中心城区", scenario=TODAY)
    seat_t = travel_time.reach("中心城区", scenario=TODAY).table.set_index("adcode")["minutes"]
    links = cells.cell_links(TODAY)
    own = seat_t.reindex(grid.adcode).to_numpy()
    assert (t <= own + links.seat_min[:, 0] + 1e-9).all()


def test_cell_times_are_bounded_below_by_their_linked_nodes():
    t = cells.cell_minutes("中心城区", scenario=TODAY)
    nodes = cells.node_minutes("中心城区", scenario=TODAY)
    links = cells.cell_links(TODAY)
    best_seat = np.where(np.isinf(links.seat_min), np.inf, nodes.seats[links.seat]).min(axis=1)
    best_station = np.where(np.isinf(links.station_min), np.inf, nodes.stations[links.station]).min(
        axis=1
    )
    # a cell's time is a linked node's network time plus a drive that is never negative
    assert (t >= np.minimum(best_seat, best_station) - 1e-9).all()
    assert np.nanmin(t) >= 0 and not np.isnan(t).any()


def test_reach_on_cells_is_monotone_in_the_limit():
    small = cells.cell_reach("永川", minutes=30, scenario=TODAY)
    large = cells.cell_reach("永川", minutes=90, scenario=TODAY)
    assert small.summary["area_km2_within"] < large.summary["area_km2_within"]
    assert small.summary["population_within"] < large.summary["population_within"]
    within_small = small.minutes <= 30
    assert (large.minutes[within_small] <= 90).all()


def test_a_toggled_line_changes_only_cells_linked_to_a_node_it_changes():
    line = "chengyu_zhongxian_hsr"
    on = TODAY.with_toggles(with_lines=[line])
    before, after = (
        cells.cell_minutes("中心城区", scenario=TODAY),
        cells.cell_minutes("中心城区", scenario=on),
    )
    assert (after <= before + 1e-9).all()  # a line never makes a cell slower
    changed = after < before - 1e-9
    assert changed.any()
    n0, n1 = (
        cells.node_minutes("中心城区", scenario=TODAY),
        cells.node_minutes("中心城区", scenario=on),
    )
    links = cells.cell_links(TODAY)
    seat_changed = (n1.seats < n0.seats - 1e-9)[links.seat] & ~np.isinf(links.seat_min)
    station_changed = (n1.stations < n0.stations - 1e-9)[links.station] & ~np.isinf(
        links.station_min
    )
    linked = seat_changed.any(axis=1) | station_changed.any(axis=1)
    assert not (changed & ~linked).any()


def test_isochrones_are_valid_and_nested():
    t = cells.cell_minutes("中心城区", scenario=scenarios.preset("2035"))
    iso = cells.isochrones(t)
    assert list(iso["upper"]) == list(cells.BAND_LIMITS)
    assert iso.geometry.is_valid.all() and shapely.is_valid(iso["band"].to_numpy()).all()
    for inner, outer in zip(iso.geometry.iloc[:-1], iso.geometry.iloc[1:], strict=True):
        assert inner.difference(outer).area < 1e-9  # 30 ⊆ 45 ⊆ 60 ⊆ 90 ⊆ 120
    # the 60-minute shape holds most of the cells within 60 minutes
    grid = cells.load_grid()
    inside = shapely.contains_xy(iso.geometry.iloc[2], grid.lon, grid.lat)
    within = t <= 60
    assert inside[within].mean() > 0.8
    assert (~inside[~within]).mean() > 0.95


def test_unit_shares_follow_the_cells():
    reach = cells.cell_reach("中心城区", minutes=60, scenario=TODAY)
    shares = reach.units.set_index("adcode")
    assert shares["share_area_within"].between(0, 1).all()
    assert shares.loc["500103", "share_area_within"] == 1.0  # 渝中区, an origin
    assert shares.loc["513337", "share_area_within"] == 0.0  # 稻城县, far west
    # areal weighting: a unit's population share equals its area share
    assert np.allclose(shares["share_area_within"], shares["share_population_within"])


def test_cells_link_to_the_stations_where_they_stand():
    links = cells.cell_links(TODAY)
    net = network.load_network()
    stops = {(s.lon, s.lat) for line in net.rail for s in net.stops[line.id]}
    assert len(links.station_nodes) == len(stops)
