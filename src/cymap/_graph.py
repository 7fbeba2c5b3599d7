"""The full multimodal graph (all lines, every year) and the scenario weight function.

Nodes
    ``"500118"`` place (a unit's seat: trips start and end here), ``"J500118"`` the unit's road
    junction, ``"K500118"`` its junction in the post-rail feeder layer (used only by rail-only
    trips, so that they may drive to the first station and from the last one but never drive
    the whole way), ``"S<line>#<i>"`` station *i* of a rail line.
Edges carry ``alts``: a tuple of alternatives ``(minutes, line_id | None, kind, year_from,
year_to)`` sorted by minutes; the weight function of a scenario returns the first alternative
whose line is open, whose kind is allowed and whose year range holds, or ``None`` (edge hidden).
``kind`` is one of ``door``/``door_end``/``door_k`` (place↔junction: urban road access),
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

from . import network, units
from ._errors import ScenarioError
from .scenarios import ModelParams, Scenario

#: Edge kinds open for each mode set. Rail-only trips may drive to the first station
#: (``road`` before any rail, but never ``door_end`` back to a place) and from the last one
#: (``egress_k`` into the post-rail road layer ``K…``, ``feeder`` roads, ``door_k`` home).
ROAD_KINDS = frozenset({"door", "road", "door_end"})
RAIL_KINDS = frozenset(
    {"door", "road", "access", "rail", "transfer", "egress", "egress_k", "feeder", "door_k"}
)
BOTH_KINDS = frozenset({"door", "road", "door_end", "access", "rail", "transfer", "egress"})
YEAR_MIN, YEAR_MAX = -9999, 9999
#: Floor for the length of a segment between two stations placed at the same seat (km).
MIN_SEGMENT_KM = 3.0


_LEG_MODE = {
    "door": "road_access",
    "door_end": "road_access",
    "door_k": "road_access",
    "road": "road",
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


def _add(edges: dict, u: str, v: str, alt: tuple) -> None:
    edges[(u, v)].append(alt)


def _add_road(edges: dict, a: str, b: str, value: tuple) -> None:
    """Road both ways, in the main layer (J) and the post-rail feeder layer (K)."""
    m, line = value
    for layer, kind in (("J", "road"), ("K", "feeder")):
        _add(edges, f"{layer}{a}", f"{layer}{b}", (m, line, kind, YEAR_MIN, YEAR_MAX))
        _add(edges, f"{layer}{b}", f"{layer}{a}", (m, line, kind, YEAR_MIN, YEAR_MAX))


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


def _rail_edges(net: network.NetworkData, params: ModelParams, edges: dict) -> dict:
    station_attrs = {}
    by_unit = defaultdict(list)
    for line in net.rail:
        stops = net.stops[line.id]
        wait = params.wait_min(line.mode)
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
        for i, stop in enumerate(stops):
            s = f"S{line.id}#{i}"
            station_attrs[s] = {
                "line": line.id,
                "station": stop.station,
                "adcode": stop.adcode,
                "wait": wait,
            }
            access = (
                stop.access_min
                if stop.access_min is not None
                else params.rail_access_min[line.mode]
            )
            for place in (stop.adcode, f"J{stop.adcode}"):
                _add(edges, place, s, (access + wait, line.id, "access", YEAR_MIN, YEAR_MAX))
                _add(edges, s, place, (access, line.id, "egress", YEAR_MIN, YEAR_MAX))
            _add(edges, s, f"K{stop.adcode}", (access, line.id, "egress_k", YEAR_MIN, YEAR_MAX))
            by_unit[stop.adcode].append((s, line.id, wait))
            if i:
                prev = f"S{line.id}#{i - 1}"
                for lo, hi, minutes in timed:
                    m = float(minutes[i - 1])
                    _add(edges, prev, s, (m, line.id, "rail", lo, hi))
                    _add(edges, s, prev, (m, line.id, "rail", lo, hi))
    for group in by_unit.values():
        for a, line_a, _ in group:
            for b, line_b, wait_b in group:
                if line_a != line_b:
                    _add(
                        edges,
                        a,
                        b,
                        (params.transfer_min + wait_b, line_b, "transfer", YEAR_MIN, YEAR_MAX),
                    )
    return station_attrs


def _road_edges(
    net: network.NetworkData, params: ModelParams, edges: dict, seats: dict, data_dir: Path | None
) -> None:
    for a, b in network.adjacent_units(data_dir=data_dir):
        km = network.great_circle_km(*seats[a], *seats[b]) * params.road_circuity
        m = 60.0 * km / params.road_speed_kph
        _add_road(edges, a, b, (m, None))
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
            m = 60.0 * km / kph
            _add_road(edges, a, b, (m, line.id))


@functools.cache
def _build(digest: str, params: ModelParams, data_dir: Path | None) -> Engine:
    net = network.load_network(data_dir=data_dir)
    counties = units.county_units(data_dir=data_dir)
    seats = {a: (float(r.seat_lon), float(r.seat_lat)) for a, r in counties.iterrows()}
    edges: dict = defaultdict(list)
    for a in counties.index:
        _add(edges, a, f"J{a}", (params.road_access_min, None, "door", YEAR_MIN, YEAR_MAX))
        _add(edges, f"J{a}", a, (params.road_access_min, None, "door_end", YEAR_MIN, YEAR_MAX))
        _add(edges, f"K{a}", a, (params.road_access_min, None, "door_k", YEAR_MIN, YEAR_MAX))
    station_attrs = _rail_edges(net, params, edges)
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
    )


def get_engine(params: ModelParams, *, data_dir: Path | None = None) -> Engine:
    """The shared, read-only engine for these parameters (built once per data digest)."""
    return _build(network.data_digest(data_dir=data_dir), params, data_dir)


def pick_alt(alts: tuple, active: frozenset, kinds: frozenset, year: int) -> tuple | None:
    """The alternative of an edge used in a scenario (``None`` when the edge is closed)."""
    for alt in alts:
        _m, line, kind, lo, hi = alt
        if kind in kinds and (line is None or line in active) and lo <= year <= hi:
            return alt
    return None


def weight_function(active: frozenset, kinds: frozenset, year: int) -> Callable:
    """Dijkstra weight of a scenario: minutes of the first open alternative, else ``None``."""

    def weight(_u: str, _v: str, data: dict) -> float | None:
        for m, line, kind, lo, hi in data["alts"]:
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


@functools.lru_cache(maxsize=64)
def _view(
    digest: str,
    params: ModelParams,
    active: frozenset,
    kinds: frozenset,
    year: int,
    data_dir: Path | None,
) -> nx.DiGraph:
    return open_view(_build(digest, params, data_dir).graph, active, kinds, year)


def scenario_view(
    scenario: Scenario, modes: tuple[str, ...] = ("rail", "road"), *, data_dir: Path | None = None
) -> nx.DiGraph:
    """Frozen graph of the edges open in a scenario, weight ``minutes`` (LRU-cached).

    A cheap per-scenario copy of the shared graph's open edges: the shared graph is never
    changed, so concurrent scenarios cannot see each other's toggles.
    """
    return prepare(scenario, modes, data_dir=data_dir)[1]


def prepare(
    scenario: Scenario, modes: tuple[str, ...] = ("rail", "road"), *, data_dir: Path | None = None
) -> tuple[Engine, nx.DiGraph, tuple]:
    """Engine, scenario view and the view's cache key (one digest computation)."""
    digest = network.data_digest(data_dir=data_dir)
    active = network._active(
        digest, scenario.year, scenario.with_lines, scenario.without_lines, data_dir
    )
    key = (digest, scenario.params, active, kinds_for(tuple(modes)), scenario.year, data_dir)
    return _build(digest, scenario.params, data_dir), _view(*key), key


@functools.lru_cache(maxsize=16)
def compact(key: tuple) -> tuple[dict[str, int], list[list[tuple[int, float]]], list[int]]:
    """Integer adjacency lists of a scenario view, and the node index of each place.

    Same edges and minutes as the view (``_view(*key)``); places in ``Engine.adcodes`` order.
    """
    view = _view(*key)
    index = {n: i for i, n in enumerate(view.nodes)}
    adj: list[list[tuple[int, float]]] = [[] for _ in index]
    for u, v, d in view.edges(data=True):
        adj[index[u]].append((index[v], d["minutes"]))
    places = [index[a] for a in _build(key[0], key[1], key[5]).adcodes]
    return index, adj, places


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
        minutes, line, kind, _lo, _hi = graph.edges[u, v]["alt"]
        parts = [(kind, minutes)]
        if kind == "access":  # split the wait off the access leg
            wait = graph.nodes[v]["wait"]
            parts = [("access", minutes - wait), ("wait", wait)]
        elif kind == "transfer":
            wait = graph.nodes[v]["wait"]
            parts = [("transfer", minutes - wait), ("wait", wait)]
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
