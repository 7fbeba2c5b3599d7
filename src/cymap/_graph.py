"""The full multimodal graph (all lines, every year) and the scenario weight function.

Nodes
    ``"500118"`` place (a unit's seat: trips start and end here), ``"J500118"`` the unit's road
    junction, ``"K500118"`` its junction in the post-rail feeder layer (used only by rail-only
    trips, so that they may drive to the first station and from the last one but never drive
    the whole way), ``"B<line>#<i>"`` station *i* of a rail line before boarding (entered
    from a seat or by a transfer; left only by riding), ``"S<line>#<i>"`` the same station
    after riding (left by riding on, a transfer or egress), so that every rail trip rides.
Edges carry ``alts``: a tuple of alternatives ``(minutes, line_id | None, kind, year_from,
year_to)`` sorted by minutes; the weight function of a scenario returns the first alternative
whose line is open, whose kind is allowed and whose year range holds, or ``None`` (edge hidden).
``kind`` is one of ``door``/``door_end``/``door_k`` (place↔junction: urban road access),
``urban`` (place→place inside one congested core, at the core's speed),
``road``/``feeder`` (junction↔junction), ``access`` (to a station: access + wait),
``egress``/``egress_k``, ``rail`` (in-vehicle), ``transfer``.

The graph is built once per (data digest, model parameters) and never changed afterwards, so
concurrent scenarios cannot see each other's toggles.
"""

from __future__ import annotations

import functools
import heapq
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from . import _modify, network, units
from ._errors import ScenarioError
from .scenarios import RAIL_MODES, ModelParams, Scenario

#: Edge kinds open for each mode set. Rail-only trips may drive to the first station
#: (``road`` before any rail, but never ``door_end`` back to a place) and from the last one
#: (``egress_k`` into the post-rail road layer ``K…``, ``feeder`` roads, ``door_k`` home).
ROAD_KINDS = frozenset({"door", "road", "door_end", "urban"})
RAIL_KINDS = frozenset(
    {"door", "road", "access", "rail", "transfer", "egress", "egress_k", "feeder", "door_k"}
)
BOTH_KINDS = frozenset(
    {"door", "road", "door_end", "urban", "access", "rail", "transfer", "egress"}
)
YEAR_MIN, YEAR_MAX = -9999, 9999
#: Floor for the length of a segment between two stations placed at the same seat (km).
MIN_SEGMENT_KM = 3.0


_LEG_MODE = {
    "door": "road_access",
    "door_end": "road_access",
    "door_k": "road_access",
    "road": "road",
    "urban": "road",
    "feeder": "road",
    "access": "access",
    "egress": "egress",
    "egress_k": "egress",
    "rail": "rail",
    "transfer": "transfer",
}


@dataclass(frozen=True)
class Engine:
    """The built graph plus arrays of the county-level places (index-aligned)."""

    graph: nx.DiGraph
    adcodes: tuple[str, ...]
    adcode_array: pd.api.extensions.ExtensionArray
    names_zh: pd.api.extensions.ExtensionArray
    levels: pd.api.extensions.ExtensionArray
    area_km2: np.ndarray
    population: np.ndarray
    params: ModelParams
    digest: str
    period: str
    service: str


def _add(edges: dict, u: str, v: str, alt: tuple) -> None:
    edges[(u, v)].append(alt)


def _add_road(edges: dict, a: str, b: str, value: tuple) -> None:
    """Road both ways, in the main layer (J) and the post-rail feeder layer (K)."""
    m, line = value
    for layer, kind in (("J", "road"), ("K", "feeder")):
        _add(edges, f"{layer}{a}", f"{layer}{b}", (m, line, kind, YEAR_MIN, YEAR_MAX, 0.0))
        _add(edges, f"{layer}{b}", f"{layer}{a}", (m, line, kind, YEAR_MIN, YEAR_MAX, 0.0))


def segment_minutes(line: object, stops: tuple, params: ModelParams, speed_kph: float) -> list:
    """In-vehicle minutes of each segment of a rail line at a given operating speed."""
    gc = [
        max(network.great_circle_km(a.lon, a.lat, b.lon, b.lat), MIN_SEGMENT_KM)
        for a, b in itertools.pairwise(stops)
    ]
    if line.stops_span_line:
        lengths = [line.length_km * g / sum(gc) for g in gc]
    else:
        lengths = [g * params.rail_circuity for g in gc]
    if line.timetable_minutes is not None:
        total = sum(lengths)
        out = [line.timetable_minutes.minutes * x / total for x in lengths]
    else:
        kph = params.schedule_factor[line.mode] * speed_kph
        out = [60.0 * x / kph for x in lengths]
    if line.segment_minutes is not None:
        out = [m if m is not None else d for m, d in zip(line.segment_minutes, out, strict=True)]
    return out


def headway_min(
    net: network.NetworkData,
    line: object,
    pattern: str,
    period: str,
    year: int,
    station: str | None = None,
) -> tuple[float, str, str]:
    """Headway of a line at a station in a year: ``(minutes, basis, source)``.

    The line's own ``service`` entries of the pattern apply in their years (an entry naming
    the station before one for the whole line), else the mode's default of the pattern
    (``service_patterns.yaml``). Under ``plan`` a line never runs less often than under
    ``today``. ``station=None`` gives the line's headway (its busiest stops).
    """

    def own(pat: str) -> tuple[float, str, str] | None:
        found = None
        for entry in line.service:
            lo = YEAR_MIN if entry.from_year is None else entry.from_year
            hi = YEAR_MAX if entry.until_year is None else entry.until_year
            if entry.pattern != pat or not lo <= year <= hi:
                continue
            value = (float(getattr(entry, period)), entry.basis, entry.source)
            if entry.stations and station in entry.stations:
                return value
            if not entry.stations and found is None:
                found = value
        return found

    def of(pat: str) -> tuple[float, str, str]:
        found = own(pat)
        if found is not None:
            return found
        default = net.service[pat][line.mode]
        return float(getattr(default, period)), default.basis, default.source

    today = of("today")
    if pattern == "today":
        return today
    plan = of("plan")
    return plan if plan[0] <= today[0] else today


def _year_ranges(line: object) -> list[tuple[int, int]]:
    """Year ranges over which a line's service entries are constant."""
    cuts = {YEAR_MIN}
    for entry in line.service:
        if entry.from_year is not None:
            cuts.add(entry.from_year)
        if entry.until_year is not None:
            cuts.add(entry.until_year + 1)
    starts = sorted(cuts)
    return [(lo, hi - 1) for lo, hi in itertools.pairwise([*starts, YEAR_MAX + 1])]


def inferred_station_km(net: network.NetworkData, seats: dict) -> dict[str, float]:
    """Seat-to-station distance assumed for stations whose site is not known, by mode.

    The median distance from their own unit's seat of the mode's stations with a known point
    (inferred, not surveyed; the stations themselves are drawn at the seat).
    """
    out = {}
    for mode in RAIL_MODES:
        km = [
            network.great_circle_km(*seats[s.adcode], s.lon, s.lat)
            for line in net.rail
            if line.mode == mode
            for s in net.stops[line.id]
            if s.placement != "seat"
        ]
        out[mode] = float(np.median(km)) if km else 0.0
    return out


def _core_of(net: network.NetworkData, adcode: str, period: str) -> network.CoreSpeed | None:
    by_period = net.cores.get(adcode)
    return None if by_period is None else by_period[period]


def drive_minutes(
    net: network.NetworkData, params: ModelParams, period: str, adcode: str, km: float
) -> float:
    """Minutes to drive ``km`` great-circle km between a unit's seat and a station."""
    if not params.door_legs:
        return 0.0
    core = _core_of(net, adcode, period)
    road_km = km * params.road_circuity
    if core is None:
        return 60.0 * road_km / params.access_speed_kph
    return core.minutes(road_km, params.access_speed_kph)


def door_minutes(net: network.NetworkData, params: ModelParams, period: str, adcode: str) -> float:
    """Urban access at one end of a road trip.

    In a congested core: plus the first ``congested_km`` of the trip at the core's speed
    instead of the regional one. Road edges run at the regional speed, so a trip pays its core
    once, at the end where it lies; trips between two units of one core take the direct urban
    link instead (:func:`_urban_edges`).
    """
    if not params.door_legs:
        return 0.0
    core = _core_of(net, adcode, period)
    if core is None:
        return params.road_access_min
    slow = core.minutes(core.congested_km, params.road_speed_kph)
    fast = 60.0 * core.congested_km / params.road_speed_kph
    return params.road_access_min + slow - fast


def _urban_edges(
    net: network.NetworkData, params: ModelParams, period: str, seats: dict, edges: dict
) -> None:
    """Seat-to-seat road links inside each congested core, all at the core's speed."""
    members = defaultdict(list)
    for adcode in seats:
        core = _core_of(net, adcode, period)
        if core is not None:
            members[core.core].append((adcode, core))
    for group in members.values():
        for a, core in group:
            for b, _ in group:
                if a != b:
                    km = network.great_circle_km(*seats[a], *seats[b]) * params.road_circuity
                    ends = 2 * params.road_access_min if params.door_legs else 0.0
                    m = ends + 60.0 * km / core.speed_kph
                    _add(edges, a, b, (m, None, "urban", YEAR_MIN, YEAR_MAX, 0.0))


def _station_links(
    params: ModelParams, seats: dict, stop: network.StopInfo, km0: float
) -> list[tuple[str, float]]:
    """Seats from which a stop is reached, with the great-circle km of the drive."""
    out = []
    for adcode, (lon, lat) in seats.items():
        km = network.great_circle_km(lon, lat, stop.lon, stop.lat)
        known = stop.placement != "seat"
        if adcode == stop.adcode:
            out.append((adcode, km if known else km0))
        elif km <= params.access_radius_km:
            out.append((adcode, km if known else max(km, km0)))
    return out


def _rail_edges(
    net: network.NetworkData,
    params: ModelParams,
    period: str,
    service: str,
    seats: dict,
    edges: dict,
) -> dict:
    station_attrs = {}
    by_station = defaultdict(list)
    km0 = inferred_station_km(net, seats)
    for line in net.rail:
        stops = net.stops[line.id]
        ranges = _year_ranges(line)
        epochs = [
            (YEAR_MIN, e["until_year"], float(e["speed_kph"]))
            for e in sorted(line.speed_history, key=lambda e: e["until_year"])
        ]
        start = epochs[-1][1] + 1 if epochs else YEAR_MIN
        epochs.append((start, YEAR_MAX, line.design_speed_kph))
        lo_prev = YEAR_MIN
        timed = []
        for _lo, hi, kph in epochs:
            timed.append((lo_prev, hi, segment_minutes(line, stops, params, kph)))
            lo_prev = hi + 1
        entry = params.station_entry_min[line.mode] if params.door_legs else 0.0
        leave = params.station_exit_min[line.mode] if params.door_legs else 0.0
        for i, stop in enumerate(stops):
            s, board = f"S{line.id}#{i}", f"B{line.id}#{i}"
            attrs = {
                "line": line.id,
                "station": stop.station,
                "adcode": stop.adcode,
                "placement": stop.placement,
            }
            station_attrs[s] = attrs
            station_attrs[board] = attrs
            # Wait at boarding = share x the stop's headway. Alighting at a stop where fewer
            # trains stop than on the line adds share x the difference, so that a trip
            # between a busy and a sparse stop waits for the sparse stop's trains.
            scale = params.wait_share * params.headway_factor
            waits = []
            for lo, hi in ranges:
                here = headway_min(net, line, service, period, lo, stop.station)[0]
                busiest = headway_min(net, line, service, period, lo)[0]
                waits.append((lo, hi, scale * here, scale * max(here - busiest, 0.0)))
            for adcode, km in _station_links(params, seats, stop, km0[line.mode]):
                drive = drive_minutes(net, params, period, adcode, km)
                for lo, hi, wait, extra in waits:
                    for place in (adcode, f"J{adcode}"):
                        alt = (drive + entry + wait, line.id, "access", lo, hi, wait)
                        _add(edges, place, board, alt)
                    for place, kind in (
                        (adcode, "egress"),
                        (f"J{adcode}", "egress"),
                        (f"K{adcode}", "egress_k"),
                    ):
                        _add(edges, s, place, (drive + leave + extra, line.id, kind, lo, hi, extra))
            by_station[(stop.station, stop.adcode)].append((s, line.id, waits))
            if i:
                prev, prev_board = f"S{line.id}#{i - 1}", f"B{line.id}#{i - 1}"
                for lo, hi, minutes in timed:
                    alt = (float(minutes[i - 1]), line.id, "rail", lo, hi, 0.0)
                    for u, v in ((prev, s), (prev_board, s), (s, prev), (board, prev)):
                        _add(edges, u, v, alt)
    for group in by_station.values():
        for a, line_a, _ in group:
            for b, line_b, waits_b in group:
                if line_a != line_b:
                    for lo, hi, wait, _extra in waits_b:
                        alt = (params.transfer_min + wait, line_b, "transfer", lo, hi, wait)
                        _add(edges, a, "B" + b[1:], alt)
    return station_attrs


def _road_edges(
    net: network.NetworkData,
    params: ModelParams,
    edges: dict,
    seats: dict,
    data_dir: Path | None,
) -> None:
    for a, b in network.adjacent_units(data_dir=data_dir):
        km = network.great_circle_km(*seats[a], *seats[b]) * params.road_circuity
        _add_road(edges, a, b, (60.0 * km / params.road_speed_kph, None))
    for line in net.road:
        codes = net.via[line.id]
        pairs = [(a, b) for a, b in itertools.pairwise(codes) if a != b]
        gc = [max(network.great_circle_km(*seats[a], *seats[b]), MIN_SEGMENT_KM) for a, b in pairs]
        if line.via_spans_line and line.length_km:
            lengths = [line.length_km * g / sum(gc) for g in gc]
        else:
            lengths = [g * params.expressway_circuity for g in gc]
        kph = line.speed_kph * params.expressway_speed_factor
        for (a, b), km in zip(pairs, lengths, strict=True):
            _add_road(edges, a, b, (60.0 * km / kph, line.id))


@functools.cache
def _build(
    digest: str, params: ModelParams, period: str, service: str, data_dir: Path | None
) -> Engine:
    net = network.load_network(data_dir=data_dir)
    counties = units.county_units(data_dir=data_dir)
    seats = {a: (float(r.seat_lon), float(r.seat_lat)) for a, r in counties.iterrows()}
    edges: dict = defaultdict(list)
    for a in counties.index:
        door = door_minutes(net, params, period, a)
        _add(edges, a, f"J{a}", (door, None, "door", YEAR_MIN, YEAR_MAX, 0.0))
        _add(edges, f"J{a}", a, (door, None, "door_end", YEAR_MIN, YEAR_MAX, 0.0))
        _add(edges, f"K{a}", a, (door, None, "door_k", YEAR_MIN, YEAR_MAX, 0.0))
    _urban_edges(net, params, period, seats, edges)
    station_attrs = _rail_edges(net, params, period, service, seats, edges)
    _road_edges(net, params, edges, seats, data_dir)
    graph = nx.DiGraph()
    for a in counties.index:
        graph.add_node(a, kind="place", adcode=a)
        graph.add_node(f"J{a}", kind="junction", adcode=a)
        graph.add_node(f"K{a}", kind="junction", adcode=a)
    for s, attrs in station_attrs.items():
        graph.add_node(s, kind="station", **attrs)
    graph.add_edges_from(
        (u, v, {"alts": tuple(sorted(alts, key=lambda x: x[0]))}) for (u, v), alts in edges.items()
    )
    graph.graph["digest"] = digest
    return Engine(
        graph=graph,
        adcodes=tuple(counties.index),
        adcode_array=pd.array(list(counties.index), dtype="str"),
        names_zh=pd.array(counties["name_zh"].tolist(), dtype="str"),
        levels=pd.array(counties["level"].tolist(), dtype="str"),
        area_km2=counties["area_km2"].to_numpy(dtype=float),
        population=counties["population_2020"].to_numpy(dtype=float),
        params=params,
        digest=digest,
        period=period,
        service=service,
    )


def get_engine(
    params: ModelParams,
    period: str = "peak",
    service: str = "today",
    *,
    data_dir: Path | None = None,
) -> Engine:
    """The shared, read-only engine for these settings (built once per data digest)."""
    return _build(network.data_digest(data_dir=data_dir), params, period, service, data_dir)


def pick_alt(alts: tuple, active: frozenset, kinds: frozenset, year: int) -> tuple | None:
    """The alternative of an edge used in a scenario (``None`` when the edge is closed)."""
    for alt in alts:
        _m, line, kind, lo, hi, _wait = alt
        if kind in kinds and (line is None or line in active) and lo <= year <= hi:
            return alt
    return None


def weight_function(active: frozenset, kinds: frozenset, year: int) -> Callable:
    """Dijkstra weight of a scenario: minutes of the first open alternative, else ``None``."""

    def weight(_u: str, _v: str, data: dict) -> float | None:
        for m, line, kind, lo, hi, _wait in data["alts"]:
            if kind in kinds and (line is None or line in active) and lo <= year <= hi:
                return m
        return None

    return weight


def open_view(graph: nx.DiGraph, active: frozenset, kinds: frozenset, year: int) -> nx.DiGraph:
    """Frozen copy of the edges of ``graph`` open for these lines, kinds and year.

    Each kept edge has ``minutes`` (its first open alternative) and ``alt`` (that alternative).
    """
    view = nx.DiGraph()
    view.add_nodes_from(graph.nodes(data=True))
    view.add_edges_from(
        (u, v, {"minutes": alt[0], "alt": alt})
        for u, v, d in graph.edges(data=True)
        if (alt := pick_alt(d["alts"], active, kinds, year)) is not None
    )
    return nx.freeze(view)


@dataclass(frozen=True)
class ViewKey:
    """Everything a scenario view depends on (the cache key of views and adjacency lists)."""

    digest: str
    params: ModelParams
    period: str
    service: str
    active: frozenset
    kinds: frozenset
    year: int
    data_dir: Path | None
    modifications: tuple = ()

    def engine(self) -> Engine:
        """The engine of this key."""
        return _build(self.digest, self.params, self.period, self.service, self.data_dir)


@functools.lru_cache(maxsize=64)
def _view(key: ViewKey) -> nx.DiGraph:
    if not key.modifications:
        return open_view(key.engine().graph, key.active, key.kinds, key.year)
    index, edges, attrs = _modified(key)
    names = list(index)
    graph = nx.DiGraph()
    graph.add_nodes_from(key.engine().graph.nodes(data=True))
    graph.add_nodes_from(attrs.items())
    for (u, v), alts in _modify.merged_alts(edges).items():
        alt = pick_alt(alts, key.active, key.kinds, key.year)
        if alt is not None:
            graph.add_edge(names[u], names[v], minutes=alt[0], alt=alt)
    return nx.freeze(graph)


@functools.lru_cache(maxsize=16)
def _modified(key: ViewKey) -> tuple[dict[str, int], list, dict[str, dict]]:
    return _modify.apply(key)


def scenario_view(
    scenario: Scenario, modes: tuple[str, ...] = ("rail", "road"), *, data_dir: Path | None = None
) -> nx.DiGraph:
    """Frozen graph of the edges open in a scenario, weight ``minutes`` (LRU-cached).

    A cheap per-scenario copy of the shared graph's open edges: the shared graph is never
    changed, so concurrent scenarios cannot see each other's toggles.
    """
    return view_of(prepare(scenario, modes, data_dir=data_dir)[1])


def view_of(key: ViewKey) -> nx.DiGraph:
    """The frozen scenario view of a key (built once per key, LRU-cached)."""
    return _view(key)


def prepare(
    scenario: Scenario, modes: tuple[str, ...] = ("rail", "road"), *, data_dir: Path | None = None
) -> tuple[Engine, ViewKey]:
    """Engine and the scenario's view key (one digest computation).

    The networkx view is built only when asked for (:func:`view_of`); reaches run their
    Dijkstra on :func:`compact` adjacency lists.
    """
    digest = network.data_digest(data_dir=data_dir)
    active = network._active(
        digest, scenario.year, scenario.with_lines, scenario.without_lines, data_dir
    )
    mods = tuple(scenario.modifications)
    if mods:
        active = _modify.active_with(active, mods, scenario.year, data_dir)
    key = ViewKey(
        digest,
        scenario.params,
        scenario.period,
        scenario.service,
        active,
        kinds_for(tuple(modes)),
        scenario.year,
        data_dir,
        mods,
    )
    return key.engine(), key


@functools.lru_cache(maxsize=16)
def compact(key: ViewKey) -> tuple[dict[str, int], list[list[tuple[int, float]]], list[int]]:
    """Integer adjacency lists of a scenario view, and the node index of each place.

    Same edges and minutes as the view (``_view(key)``, tested), picked straight from the
    shared graph's edge list without building the networkx view; places in
    ``Engine.adcodes`` order.
    """
    if key.modifications:
        index, edges, _attrs = _modified(key)
    else:
        index, edges = edge_list_of(key)
    adj: list[list[tuple[int, float]]] = [[] for _ in index]
    active, kinds, year = key.active, key.kinds, key.year
    for u, v, alts in edges:
        alt = pick_alt(alts, active, kinds, year)
        if alt is not None:
            adj[u].append((v, alt[0]))
    places = [index[a] for a in key.engine().adcodes]
    return index, adj, places


def edge_list_of(key: ViewKey) -> tuple[dict[str, int], list[tuple[int, int, tuple]]]:
    """The shared graph's node index and edge list for a key's engine (no modifications)."""
    return _edge_list(key.digest, key.params, key.period, key.service, key.data_dir)


@functools.cache
def _edge_list(
    digest: str, params: ModelParams, period: str, service: str, data_dir: Path | None
) -> tuple[dict[str, int], list[tuple[int, int, tuple]]]:
    """Node index (the graph's node order, as in every view) and ``(u, v, alts)`` edges."""
    graph = _build(digest, params, period, service, data_dir).graph
    index = {n: i for i, n in enumerate(graph.nodes)}
    edges = [(index[u], index[v], d["alts"]) for u, v, d in graph.edges(data=True)]
    return index, edges


def dijkstra_lengths(adj: list[list[tuple[int, float]]], sources: list[int]) -> list[float]:
    """Shortest minutes from the sources to every node (heap Dijkstra on adjacency lists)."""
    inf = float("inf")
    dist = [inf] * len(adj)
    heap = [(0.0, s) for s in sources]
    for s in sources:
        dist[s] = 0.0
    heapq.heapify(heap)
    done = [False] * len(adj)
    while heap:
        d, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        for v, m in adj[u]:
            nd = d + m
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def kinds_for(modes: tuple[str, ...] | list[str]) -> frozenset:
    """Edge kinds allowed for a set of modes ('rail', 'road')."""
    modes = tuple(m.strip() for m in modes)
    bad = [m for m in modes if m not in ("rail", "road")]
    if bad or not modes:
        msg = f"unknown modes {bad or modes!r}; use 'rail', 'road' or 'rail,road'"
        raise ScenarioError(msg)
    if "rail" in modes and "road" in modes:
        return BOTH_KINDS
    return RAIL_KINDS if "rail" in modes else ROAD_KINDS


def _label(graph: nx.DiGraph, node: str, names_by_code: dict[str, str]) -> str:
    data = graph.nodes[node]
    unit = names_by_code.get(data["adcode"], data["adcode"])
    if data["kind"] == "station":
        return f"{data['station']} ({unit})"
    return unit


def legs_of(engine: Engine, graph: nx.DiGraph, path: list[str]) -> list[dict[str, Any]]:
    """Legs of a path: ``{mode, line, from, to, minutes}``, waits split off, runs merged."""
    names_by_code = dict(zip(engine.adcodes, engine.names_zh, strict=True))
    legs: list[dict[str, Any]] = []
    for u, v in itertools.pairwise(path):
        minutes, line, kind, _lo, _hi, wait = graph.edges[u, v]["alt"]
        parts = [(kind, minutes)]
        if kind in ("access", "transfer"):  # split the wait off
            parts = [(kind, minutes - wait), ("wait", wait)]
        elif kind in ("egress", "egress_k") and wait:  # waiting for a train that stops there
            parts = [("wait", wait), (kind, minutes - wait)]
        for part, m in parts:
            mode = _LEG_MODE.get(part, part)
            src, dst = _label(graph, u, names_by_code), _label(graph, v, names_by_code)
            if part == "wait":
                src = dst
            if (
                legs
                and legs[-1]["mode"] == mode
                and legs[-1]["line"] == line
                and mode in ("rail", "road")
            ):
                legs[-1]["to"] = dst
                legs[-1]["minutes"] += m
            elif m > 0 or mode in ("rail", "road"):
                legs.append({"mode": mode, "line": line, "from": src, "to": dst, "minutes": m})
    return legs
