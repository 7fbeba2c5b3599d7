"""Reach below the county: a regular grid of cells, their population and their minutes.

The grid is a square grid of :data:`CELL_M` metres in an Albers equal-area projection of
China (:data:`EQUAL_AREA`), so every cell has the same area (9 km²) and coverage in km² is a
count of cells. A cell belongs to the county-level unit that contains its centre (a unit too
small to contain a centre takes the cell that contains its representative point).

Population: each unit's 2020 census total is spread evenly over its cells (areal weighting);
county totals are kept exactly. No finer population surface ships with the project.

Minutes: a cell's time from an origin is the fastest of (a) the time to a nearby seat plus the
drive from the seat to the cell and (b) the time to a nearby station, off the train, plus the
station's exit time and the drive from the station to the cell. Drives are great-circle km ×
road circuity at the station-access speed, or at the core's speed of the period in a congested
core (the model of ``docs/travel_time_model.md``). The network step stays the graph Dijkstra;
the cell step is a vectorised minimum over each cell's nearest nodes.

Examples
--------
>>> from cymap import cells, scenarios
>>> t = cells.cell_minutes("永川", scenario=scenarios.preset("today"))
>>> len(t) == len(cells.load_grid().adcode)
True
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from pathlib import Path

import contourpy
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from scipy.spatial import cKDTree

from . import _graph, network, units
from .scenarios import Scenario
from .travel_time import resolve_places

#: Cell size (m) and the equal-area projection of the grid (Albers, standard parallels 25°N
#: and 47°N, central meridian 105°E: the usual equal-area frame for maps of China).
CELL_M = 3000.0
CELL_KM2 = (CELL_M / 1000.0) ** 2
EQUAL_AREA = (
    "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
)
#: A cell is reached from its own unit's seat, and from the nearest seats and stations within
#: this distance (km, great circle).
LINK_RADIUS_KM = 40.0
NEAREST_SEATS = 4
NEAREST_STATIONS = 6

_TO_LONLAT = Transformer.from_crs(EQUAL_AREA, "EPSG:4326", always_xy=True)
_TO_GRID = Transformer.from_crs("EPSG:4326", EQUAL_AREA, always_xy=True)


@dataclass(frozen=True)
class Grid:
    """The cells of the modelled region (one row per cell, in the order of every array).

    ``row``/``col`` index the cell in the ``shape`` raster whose cell centres are ``x`` (columns)
    and ``y`` (rows) in :data:`EQUAL_AREA` metres; ``adcode`` its unit; ``lon``/``lat`` its
    centre; ``population`` its share of the unit's 2020 census total.
    """

    x: np.ndarray
    y: np.ndarray
    row: np.ndarray
    col: np.ndarray
    adcode: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    population: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        """Rows and columns of the raster that holds the grid."""
        return len(self.y), len(self.x)

    def raster(self, values: np.ndarray) -> np.ndarray:
        """Cell values on the raster (NaN outside the region)."""
        out = np.full(self.shape, np.nan)
        out[self.row, self.col] = values
        return out


def load_grid(*, data_dir: Path | None = None) -> Grid:
    """The cell grid of the county-level units (built once per data digest)."""
    return _grid(network.data_digest(data_dir=data_dir), data_dir)


@functools.cache
def _grid(digest: str, data_dir: Path | None) -> Grid:
    del digest  # cache key only
    counties = units.county_units(data_dir=data_dir).to_crs(EQUAL_AREA)
    minx, miny, maxx, maxy = counties.total_bounds
    xs = np.arange(minx + CELL_M / 2, maxx, CELL_M)
    ys = np.arange(miny + CELL_M / 2, maxy, CELL_M)
    owner = np.full((len(ys), len(xs)), -1)
    for k, geom in enumerate(counties.geometry):
        x0, y0, x1, y1 = geom.bounds
        ci = np.nonzero((xs >= x0) & (xs <= x1))[0]
        ri = np.nonzero((ys >= y0) & (ys <= y1))[0]
        if not len(ci) or not len(ri):
            continue
        cc, rr = np.meshgrid(ci, ri)
        inside = shapely.contains_xy(geom, xs[cc], ys[rr])
        owner[rr[inside], cc[inside]] = k
    for k, geom in enumerate(counties.geometry):  # units too small to hold a cell centre
        if not (owner == k).any():
            p = geom.representative_point()
            c = int(np.clip(np.floor((p.x - minx) / CELL_M), 0, len(xs) - 1))
            r = int(np.clip(np.floor((p.y - miny) / CELL_M), 0, len(ys) - 1))
            owner[r, c] = k
    row, col = np.nonzero(owner >= 0)
    index = owner[row, col]
    adcode = counties.index.to_numpy()[index].astype(str)
    lon, lat = _TO_LONLAT.transform(xs[col], ys[row])
    counts = np.bincount(index, minlength=len(counties))
    population = counties["population_2020"].to_numpy(dtype=float)[index] / counts[index]
    return Grid(xs, ys, row, col, adcode, np.asarray(lon), np.asarray(lat), population)


@dataclass(frozen=True)
class CellLinks:
    """Each cell's candidate nodes and the drive minutes to them (``inf`` where unused).

    ``seat``: indices into ``Engine.adcodes`` (column 0: the cell's own unit);
    ``station``: indices into the station points (``station_nodes``: per point its
    alighting nodes and their modes).
    """

    seat: np.ndarray  # (cells, k) index into Engine.adcodes
    seat_min: np.ndarray
    station: np.ndarray  # (cells, k) index into the station points
    station_min: np.ndarray
    station_nodes: tuple[tuple[tuple[str, str], ...], ...]  # per point: (S node, mode)


def _drive(km: np.ndarray, cell_units: np.ndarray, engine: _graph.Engine) -> np.ndarray:
    """Minutes to drive great-circle ``km`` from cells of ``cell_units`` (cores congested)."""
    params = engine.params
    if not params.door_legs:
        return np.zeros_like(km)
    net = network.load_network()
    road_km = km * params.road_circuity
    out = 60.0 * road_km / params.access_speed_kph
    for adcode, by_period in net.cores.items():
        core = by_period[engine.period]
        mask = cell_units == adcode
        if mask.any():
            slow = np.minimum(road_km[mask], core.congested_km)
            out[mask] = 60.0 * slow / core.speed_kph + 60.0 * (road_km[mask] - slow) / (
                params.access_speed_kph
            )
    return out


def _nearest(
    tree: cKDTree, points: np.ndarray, k: int, radius_m: float
) -> tuple[np.ndarray, np.ndarray]:
    dist, idx = tree.query(points, k=k, distance_upper_bound=radius_m)
    dist, idx = np.atleast_2d(dist.T).T, np.atleast_2d(idx.T).T
    idx = np.where(np.isinf(dist), -1, idx)
    return dist, idx


@functools.lru_cache(maxsize=8)
def _links(engine_key: tuple, data_dir: Path | None) -> CellLinks:
    engine = _graph.get_engine(*engine_key, data_dir=data_dir)
    grid = load_grid(data_dir=data_dir)
    net = network.load_network(data_dir=data_dir)
    cells_xy = np.column_stack([grid.x[grid.col], grid.y[grid.row]])
    seats = units.county_units(data_dir=data_dir).loc[list(engine.adcodes)]
    sx, sy = _TO_GRID.transform(seats["seat_lon"].to_numpy(), seats["seat_lat"].to_numpy())
    radius = LINK_RADIUS_KM * 1000.0
    d_seat, i_seat = _nearest(cKDTree(np.column_stack([sx, sy])), cells_xy, NEAREST_SEATS, radius)
    own = pd.Index(engine.adcodes).get_indexer(grid.adcode)
    own_d = np.hypot(cells_xy[:, 0] - np.asarray(sx)[own], cells_xy[:, 1] - np.asarray(sy)[own])
    i_seat = np.column_stack([own, i_seat])
    d_seat = np.column_stack([own_d, d_seat])
    points: dict[tuple[float, float], list[tuple[str, str]]] = {}
    for line in net.rail:
        for i, stop in enumerate(net.stops[line.id]):
            points.setdefault((stop.lon, stop.lat), []).append((f"S{line.id}#{i}", line.mode))
    keys = list(points)
    px, py = _TO_GRID.transform([p[0] for p in keys], [p[1] for p in keys])
    d_stn, i_stn = _nearest(cKDTree(np.column_stack([px, py])), cells_xy, NEAREST_STATIONS, radius)
    seat_min = np.where(i_seat >= 0, _drive_2d(d_seat / 1000.0, grid.adcode, engine), np.inf)
    station_min = np.where(i_stn >= 0, _drive_2d(d_stn / 1000.0, grid.adcode, engine), np.inf)
    return CellLinks(
        seat=np.where(i_seat >= 0, i_seat, 0),
        seat_min=seat_min,
        station=np.where(i_stn >= 0, i_stn, 0),
        station_min=station_min,
        station_nodes=tuple(tuple(points[k]) for k in keys),
    )


def _drive_2d(km: np.ndarray, cell_units: np.ndarray, engine: _graph.Engine) -> np.ndarray:
    units_2d = np.repeat(cell_units[:, None], km.shape[1], axis=1)
    finite = np.where(np.isinf(km), 0.0, km)
    return _drive(finite.ravel(), units_2d.ravel(), engine).reshape(km.shape)


def cell_minutes(
    origins: str | list[str], *, scenario: Scenario, data_dir: Path | None = None
) -> np.ndarray:
    """Minutes from the nearest origin to every cell of :func:`load_grid` (see the module).

    Cached per origins and scenario; the array is read-only (copy it to change it).
    """
    sources = tuple(resolve_places(origins, data_dir=data_dir))
    return _cell_minutes(sources, scenario, data_dir)


@dataclass(frozen=True)
class NodeMinutes:
    """Network minutes of the nodes a cell links to.

    ``seats`` in ``Engine.adcodes`` order; ``stations`` per station point, off the train and
    after its exit time.
    """

    seats: np.ndarray
    stations: np.ndarray


def node_minutes(
    origins: str | list[str], *, scenario: Scenario, data_dir: Path | None = None
) -> NodeMinutes:
    """Network minutes from the origins to the seats and station points (the cells' nodes)."""
    return _node_minutes(tuple(resolve_places(origins, data_dir=data_dir)), scenario, data_dir)


def _node_minutes(
    places: tuple[str, ...], scenario: Scenario, data_dir: Path | None
) -> NodeMinutes:
    engine, key = _graph.prepare(scenario, ("rail", "road"), data_dir=data_dir)
    index, adj, places_idx = _graph.compact(key)
    dist = np.asarray(_graph.dijkstra_lengths(adj, [index[a] for a in places]))
    links = _links((engine.params, engine.period, engine.service), data_dir)
    nodes, leave = _station_exits(key)
    stations = np.full(len(links.station_nodes), np.inf)
    np.minimum.at(stations, nodes[:, 0], dist[nodes[:, 1]] + leave)
    return NodeMinutes(dist[places_idx], stations)


@functools.lru_cache(maxsize=64)
def _station_exits(key: _graph.ViewKey) -> tuple[np.ndarray, np.ndarray]:
    """The open alighting nodes of a scenario view and the minutes from train to forecourt.

    ``(point, node index)`` pairs, and per pair the exit time plus, at a stop with fewer trains
    than its line's busiest stops, the extra wait its egress edges carry.
    """
    links = _links((key.params, key.period, key.service), key.data_dir)
    graph = key.engine().graph
    index, _adj, _places = _graph.compact(key)
    params = key.params
    pairs, leave = [], []
    for point, nodes in enumerate(links.station_nodes):
        for node, mode in nodes:
            unit = graph.nodes[node]["adcode"]
            alt = _graph.pick_alt(graph.edges[node, unit]["alts"], key.active, key.kinds, key.year)
            if alt is None:
                continue  # the line is closed in this scenario
            extra = alt[5]
            pairs.append((point, index[node]))
            leave.append(extra + (params.station_exit_min[mode] if params.door_legs else 0.0))
    return np.array(pairs, dtype=int).reshape(-1, 2), np.array(leave, dtype=float)


def cell_links(scenario: Scenario, *, data_dir: Path | None = None) -> CellLinks:
    """The nodes each cell links to and the drive minutes to them, for a scenario's settings."""
    engine = _graph.get_engine(
        scenario.params, scenario.period, scenario.service, data_dir=data_dir
    )
    return _links((engine.params, engine.period, engine.service), data_dir)


@functools.lru_cache(maxsize=128)
def _cell_minutes(places: tuple[str, ...], scenario: Scenario, data_dir: Path | None) -> np.ndarray:
    nodes = _node_minutes(places, scenario, data_dir)
    links = cell_links(scenario, data_dir=data_dir)
    by_seat = (nodes.seats[links.seat] + links.seat_min).min(axis=1)
    by_station = (nodes.stations[links.station] + links.station_min).min(axis=1)
    out = np.minimum(by_seat, by_station)
    out[np.isinf(out)] = np.nan
    out.flags.writeable = False
    return out


#: Limits of the isochrone bands (minutes), as the minute bands of the unit map.
BAND_LIMITS = (30, 45, 60, 90, 120)
#: Simplification of the band outlines (m): a sixth of a cell, invisible at region scale.
SIMPLIFY_M = 500.0


def isochrones(
    minutes: np.ndarray,
    limits: tuple[float, ...] = BAND_LIMITS,
    *,
    data_dir: Path | None = None,
) -> gpd.GeoDataFrame:
    """Isochrone shapes of cell minutes: one row per limit, nested (30 ⊆ 45 ⊆ 60 ⊆ 90 …).

    Returns
    -------
    geopandas.GeoDataFrame
        ``lower, upper`` (minutes), ``geometry`` the area within ``upper`` (EPSG:4326) and
        ``band`` the ring between ``lower`` and ``upper`` (the area to fill in the band's
        colour). Shapes are filled contours of the cell grid (contourpy), simplified by
        :data:`SIMPLIFY_M` and made nested; coverage figures come from the cells, not from
        these shapes.
    """
    grid = load_grid(data_dir=data_dir)
    z = np.ma.masked_invalid(grid.raster(minutes))
    gen = contourpy.contour_generator(grid.x, grid.y, z, fill_type="OuterOffset")
    within, previous, lower = [], shapely.Polygon(), 0.0
    for upper in limits:
        polygons = []
        for points, offsets in zip(*gen.filled(-1.0, float(upper)), strict=True):
            rings = [points[a:b] for a, b in itertools.pairwise(offsets)]
            polygons.append(shapely.Polygon(rings[0], rings[1:]))
        shape = shapely.make_valid(shapely.union_all(polygons)) if polygons else shapely.Polygon()
        shape = shapely.simplify(shape, SIMPLIFY_M).union(previous)  # nested after simplifying
        within.append((lower, float(upper), shape, shape.difference(previous)))
        previous, lower = shape, float(upper)
    frame = pd.DataFrame(within, columns=["lower", "upper", "geometry", "band"])

    to_lonlat = _to_lonlat

    return gpd.GeoDataFrame(
        frame.assign(band=[to_lonlat(g) for g in frame["band"]]),
        geometry=[to_lonlat(g) for g in frame["geometry"]],
        crs="EPSG:4326",
    )


def value_shapes(
    values: np.ndarray, edges: tuple[float, ...], *, data_dir: Path | None = None
) -> list:
    """Shapes (EPSG:4326) where cell ``values`` lie in ``[edges[i], edges[i + 1])``.

    Filled contours of the grid, as :func:`isochrones`; ``±inf`` edges are open ends.
    """
    grid = load_grid(data_dir=data_dir)
    z = np.ma.masked_invalid(grid.raster(values))
    finite = z.compressed()
    span = (float(finite.min()) - 1.0, float(finite.max()) + 1.0) if finite.size else (0.0, 1.0)
    gen = contourpy.contour_generator(grid.x, grid.y, z, fill_type="OuterOffset")
    out = []
    for lo, hi in itertools.pairwise(edges):
        lo_, hi_ = max(lo, span[0]), min(hi, span[1])
        if lo_ >= hi_:
            out.append(shapely.Polygon())
            continue
        polygons = [
            shapely.Polygon(ring[0], ring[1:])
            for points, offsets in zip(*gen.filled(lo_, hi_), strict=True)
            for ring in [[points[a:b] for a, b in itertools.pairwise(offsets)]]
        ]
        shape = shapely.make_valid(shapely.union_all(polygons)) if polygons else shapely.Polygon()
        out.append(_to_lonlat(shapely.simplify(shape, SIMPLIFY_M)))
    return out


def _to_lonlat(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.make_valid(shapely.transform(geom, _lonlat_xy))


def _lonlat_xy(xy: np.ndarray) -> np.ndarray:
    lon, lat = _TO_LONLAT.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([lon, lat])


@dataclass(frozen=True)
class CellReach:
    """Reach on cells, and what lies within its limit.

    ``minutes`` per cell (in :func:`load_grid` order); ``summary``: ``cells_within``,
    ``area_km2_within``, ``population_within``; ``units``: per unit the share of its area and
    population within the limit (``adcode, share_area_within, share_population_within``).
    """

    minutes: np.ndarray
    limit: float
    summary: dict[str, float]
    units: pd.DataFrame


def cell_reach(
    origins: str | list[str],
    *,
    minutes: float = 60,
    scenario: Scenario,
    data_dir: Path | None = None,
) -> CellReach:
    """Cell minutes from the origins and what lies within ``minutes`` (km², population)."""
    grid = load_grid(data_dir=data_dir)
    values = cell_minutes(origins, scenario=scenario, data_dir=data_dir)
    return _summarise(grid, values, minutes)


def _summarise(grid: Grid, values: np.ndarray, minutes: float) -> CellReach:
    within = values <= minutes  # NaN compares False
    frame = pd.DataFrame(
        {
            "adcode": grid.adcode,
            "within": within,
            "pop": grid.population,
            "pop_in": grid.population * within,
        }
    )
    by_unit = frame.groupby("adcode", sort=False).agg(
        cells=("within", "size"),
        cells_in=("within", "sum"),
        pop=("pop", "sum"),
        pop_in=("pop_in", "sum"),
    )
    shares = pd.DataFrame(
        {
            "adcode": by_unit.index.astype(str),
            "share_area_within": (by_unit["cells_in"] / by_unit["cells"]).to_numpy(),
            "share_population_within": np.where(
                by_unit["pop"] > 0,
                by_unit["pop_in"] / by_unit["pop"].where(by_unit["pop"] > 0, 1),
                0.0,
            ),
        }
    )
    summary = {
        "cells_within": int(within.sum()),
        "area_km2_within": float(within.sum() * CELL_KM2),
        "population_within": float(grid.population[within].sum()),
    }
    return CellReach(values, float(minutes), summary, shares)


@functools.cache
def _region_shape(digest: str, data_dir: Path | None) -> shapely.Geometry:
    del digest  # cache key only
    counties = units.county_units(data_dir=data_dir)
    return shapely.simplify(shapely.union_all(counties.geometry.to_numpy()), 0.005)


def region_shape(*, data_dir: Path | None = None) -> shapely.Geometry:
    """The modelled region (all county-level units) as one shape (EPSG:4326, simplified)."""
    return _region_shape(network.data_digest(data_dir=data_dir), data_dir)
