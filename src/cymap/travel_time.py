"""Door-to-door travel times: routes, one-hour reach, scenario differences and plan targets.

Every county-level unit (Chongqing 38, Sichuan 183) is a place at its seat. A prefecture or
province named as an origin or destination means its government seat (the county containing
the seat point); an origin may also be a grouping of the plans catalogue (``中心城区``), meaning
the fastest of its members. Times come from the shared graph of :mod:`cymap._graph`, read
through a scenario's weight function; the model is described in ``docs/travel_time_model.md``.

Examples
--------
>>> from cymap import scenarios, travel_time
>>> r = travel_time.reach(["渝中区"], minutes=60, scenario=scenarios.preset("today"))
>>> bool(r.table.set_index("adcode").loc["500103", "within"])
True
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from . import _graph, network, plans
from ._errors import CymapError, ScenarioError, UnknownNameError
from .scenarios import DEFAULT_PARAMS, Scenario, apply_measure

MODES = ("rail", "road")


@dataclass(frozen=True)
class Route:
    """The fastest trip between two places in a scenario (minutes)."""

    origin: str
    destination: str
    origin_adcode: str
    destination_adcode: str
    door_to_door_min: float
    in_vehicle_min: float
    legs: list[dict[str, Any]]
    scenario: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``cymap route --json``."""
        return {
            "origin": self.origin,
            "destination": self.destination,
            "door_to_door_min": round(self.door_to_door_min, 1),
            "in_vehicle_min": round(self.in_vehicle_min, 1),
            "legs": [{**leg, "minutes": round(leg["minutes"], 1)} for leg in self.legs],
        }


@dataclass(frozen=True)
class Reach:
    """Minutes from the nearest origin to every county-level unit, and the coverage."""

    origins: list[str]
    origin_adcodes: list[str]
    minutes: float
    scenario: Scenario
    table: pd.DataFrame
    summary: dict[str, float] = field(default_factory=dict)

    def coverage(self, adcodes: Iterable[str]) -> dict[str, float]:
        """Share of a set of units (e.g. a grouping's members) within the limit."""
        sub = self.table[self.table["adcode"].isin(set(adcodes))]
        inside = sub[sub["within"]]
        n = len(sub)
        return {
            "units": n,
            "units_within": len(inside),
            "share_units": len(inside) / n if n else math.nan,
            "share_population": float(
                inside["population_2020"].sum() / sub["population_2020"].sum()
            )
            if n
            else math.nan,
        }


@dataclass(frozen=True)
class TargetCheck:
    """Result of a plan-target check: does the scenario meet it, unit by unit.

    ``passes`` and the table's ``minutes``/``passes`` count time by the scenario's measure
    (the view's). Where the plan's wording implies another measure (``stated_measure``, e.g.
    in-vehicle time for 1小时成渝双核直连), the table adds ``minutes_as_stated`` and
    ``passes_as_stated``.
    """

    target_id: str
    passes: bool
    table: pd.DataFrame
    scenario: str
    note: str = ""
    measure: str = "door_to_door"
    stated_measure: str = "door_to_door"


def _engine(scenario: Scenario, data_dir: Path | None) -> _graph.Engine:
    return _graph.get_engine(scenario.params, scenario.period, scenario.service, data_dir=data_dir)


def _group_adcodes(name: str) -> list[str] | None:
    try:
        return list(plans.group_adcodes(name))
    except UnknownNameError:
        return None


def resolve_places(origins: str | Sequence[str], *, data_dir: Path | None = None) -> list[str]:
    """County-level place adcodes for names, adcodes or plans groupings (seat rule applies).

    Raises
    ------
    UnknownNameError
        Naming the unknown place, with near matches.
    """
    items = [origins] if isinstance(origins, str) else list(origins)
    if not items:
        msg = "no origin given; name a place (永川, 500118) or a grouping (中心城区)"
        raise UnknownNameError(msg)
    out: list[str] = []
    for item in items:
        out += _item_places(str(item), data_dir)
    return list(dict.fromkeys(out))


@functools.lru_cache(maxsize=1024)
def _item_places(item: str, data_dir: Path | None) -> tuple[str, ...]:
    """Place adcodes of one name, adcode or grouping.

    Cached: a grouping name is first looked up as a place, which fails with near matches
    (slow), before the groupings are tried.
    """
    try:
        return tuple(network.place_adcodes(item, data_dir=data_dir))
    except UnknownNameError:
        members = _group_adcodes(item)
        if members is None:
            raise
        return tuple(a for code in members for a in network.place_adcodes(code, data_dir=data_dir))


def route(
    origin: str,
    destination: str,
    *,
    scenario: Scenario,
    modes: Sequence[str] = MODES,
    data_dir: Path | None = None,
) -> Route:
    """Fastest door-to-door trip between two places.

    Parameters
    ----------
    origin, destination
        Names or adcodes (a prefecture means its seat); the origin may be a plans grouping.
    scenario
        Year, toggles and model parameters.
    modes
        ``('rail', 'road')``; ``('rail',)`` keeps to rail (access/egress at the unit's own
        stations); ``('road',)`` drives.

    Raises
    ------
    UnknownNameError
        Unknown place. ``ScenarioError``: unknown line id or mode. ``CymapError``: no route.
    """
    engine, key = _graph.prepare(scenario, tuple(modes), data_dir=data_dir)
    view = _graph.view_of(key)
    sources = resolve_places(origin, data_dir=data_dir)
    targets = resolve_places(destination, data_dir=data_dir)
    dist, paths = nx.multi_source_dijkstra(view, sources, weight="minutes")
    reached = [t for t in targets if t in dist]
    if not reached:
        msg = (
            f"no {'+'.join(modes)} route from {origin} to {destination} in scenario "
            f"{scenario.label()}"
        )
        if "road" not in modes:
            msg += "; a place without a station of an open line needs modes rail,road"
        raise CymapError(msg)
    best = min(reached, key=lambda t: dist[t])
    legs = _graph.legs_of(engine, view, paths[best])
    in_vehicle = sum(leg["minutes"] for leg in legs if leg["mode"] in ("rail", "road"))
    return Route(
        origin=str(origin),
        destination=str(destination),
        origin_adcode=paths[best][0],
        destination_adcode=best,
        door_to_door_min=float(dist[best]),
        in_vehicle_min=float(in_vehicle),
        legs=legs,
        scenario=scenario.label(),
    )


def reach(
    origins: str | Sequence[str],
    *,
    minutes: float = 60,
    scenario: Scenario,
    modes: Sequence[str] = MODES,
    data_dir: Path | None = None,
) -> Reach:
    """Minutes from the nearest origin to every county-level unit, and what lies within.

    Parameters
    ----------
    origins
        One or more names/adcodes, or a plans grouping (``中心城区``): the fastest member counts.
    minutes
        Time limit (door-to-door minutes).
    scenario
        Year, toggles and model parameters.

    Returns
    -------
    Reach
        ``.table``: ``adcode, name_zh, level, minutes, within, area_km2, population_2020``
        (one row per county-level unit; ``minutes`` NaN when unreachable); ``.summary``:
        ``units_within, area_km2_within, population_within``.

    Notes
    -----
    A multi-source heap Dijkstra over integer adjacency lists of the scenario view; it gives
    the same minutes as ``nx.multi_source_dijkstra_path_length(view, origins,
    weight="minutes")`` (tested) in about a third of the time.
    """
    if minutes < 0:
        msg = f"time limit must be >= 0 minutes, got {minutes}"
        raise ScenarioError(msg)
    engine, key = _graph.prepare(scenario, tuple(modes), data_dir=data_dir)
    sources = resolve_places(origins, data_dir=data_dir)
    index, adj, places = _graph.compact(key)
    dist = _graph.dijkstra_lengths(adj, [index[a] for a in sources])
    values = np.array([dist[p] for p in places])
    values[np.isinf(values)] = np.nan
    within = values <= minutes  # NaN compares False
    table = pd.DataFrame(
        {
            "adcode": engine.adcode_array,
            "name_zh": engine.names_zh,
            "level": engine.levels,
            "minutes": values,
            "within": within,
            "area_km2": engine.area_km2,
            "population_2020": engine.population,
        }
    )
    summary = {
        "units_within": int(within.sum()),
        "area_km2_within": float(engine.area_km2[within].sum()),
        "population_within": float(engine.population[within].sum()),
    }
    names_list = [origins] if isinstance(origins, str) else [str(o) for o in origins]
    return Reach(
        origins=names_list,
        origin_adcodes=sources,
        minutes=float(minutes),
        scenario=scenario,
        table=table,
        summary=summary,
    )


def reach_routes(
    origins: str | Sequence[str],
    *,
    scenario: Scenario,
    modes: Sequence[str] = MODES,
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """How every unit is reached fastest from the nearest origin.

    Returns
    -------
    pandas.DataFrame
        ``adcode, via, in_vehicle_min, other_min``: ``via`` is the tuple of line ids ridden in
        order (``""`` for a road leg off the named expressways), empty for an origin and
        ``None`` when the unit cannot be reached; ``other_min`` is access, waiting, transfers
        and egress. The two add up to the unit's minutes in :func:`reach`.
    """
    engine, key = _graph.prepare(scenario, tuple(modes), data_dir=data_dir)
    view = _graph.view_of(key)
    sources = resolve_places(origins, data_dir=data_dir)
    _dist, paths = nx.multi_source_dijkstra(view, sources, weight="minutes")
    rows = []
    for adcode in engine.adcodes:
        path = paths.get(adcode)
        if path is None:
            rows.append((adcode, None, math.nan, math.nan))
            continue
        legs = _graph.legs_of(engine, view, path)
        via: list[str] = []
        for leg in legs:
            if leg["mode"] in ("rail", "road"):
                line = leg["line"] or ""
                if not via or via[-1] != line:
                    via.append(line)
        moving = sum(leg["minutes"] for leg in legs if leg["mode"] in ("rail", "road"))
        other = sum(leg["minutes"] for leg in legs if leg["mode"] not in ("rail", "road"))
        rows.append((adcode, tuple(via), float(moving), float(other)))
    return pd.DataFrame(rows, columns=["adcode", "via", "in_vehicle_min", "other_min"])


def matrix(
    *, scenario: Scenario, modes: Sequence[str] = MODES, data_dir: Path | None = None
) -> pd.DataFrame:
    """Door-to-door minutes between all county-level units (origins × destinations).

    One Dijkstra per origin over integer adjacency lists of the scenario view (the same
    edges and minutes as :func:`reach`; unreachable pairs are NaN).
    """
    engine, key = _graph.prepare(scenario, tuple(modes), data_dir=data_dir)
    _index, adj, places = _graph.compact(key)
    rows = np.empty((len(places), len(places)))
    for i, src in enumerate(places):
        dist = _graph.dijkstra_lengths(adj, [src])
        rows[i] = [dist[p] for p in places]
    rows[np.isinf(rows)] = np.nan
    return pd.DataFrame(
        rows,
        index=pd.Index(engine.adcodes, name="origin"),
        columns=pd.Index(engine.adcodes, name="destination"),
    )


def compare_reach(base: Reach, other: Reach) -> pd.DataFrame:
    """Unit-by-unit difference between two reaches (e.g. two scenarios).

    Returns
    -------
    pandas.DataFrame
        ``adcode, name_zh, minutes_base, minutes_other, minutes_saved, status`` with status
        ``both`` (within in both), ``base_only`` (lost), ``other_only`` (gained), ``neither``.
    """
    a = base.table.set_index("adcode")
    b = other.table.set_index("adcode").reindex(a.index)
    status = np.select(
        [a["within"] & b["within"], a["within"], b["within"]],
        ["both", "base_only", "other_only"],
        default="neither",
    )
    return pd.DataFrame(
        {
            "adcode": a.index,
            "name_zh": a["name_zh"].to_numpy(),
            "minutes_base": a["minutes"].to_numpy(),
            "minutes_other": b["minutes"].to_numpy(),
            "minutes_saved": (a["minutes"] - b["minutes"]).to_numpy(),
            "status": status,
        }
    ).reset_index(drop=True)


def _get(target: Any, key: str, default: Any = None) -> Any:
    if isinstance(target, dict):
        return target.get(key, default)
    return getattr(target, key, default)


def _destinations(value: Any, data_dir: Path | None, target_id: str) -> list[str]:
    if not value:
        msg = f"target {target_id}: names no destinations, so it cannot be checked"
        raise ScenarioError(msg)
    if isinstance(value, str):
        # A grouping as destination means all its county-level units: a prefecture member
        # (广安市 in 重庆都市圈) counts with every county, not only its seat.
        try:
            return plans.group_county_adcodes(value)
        except (ImportError, UnknownNameError):
            pass
    return resolve_places(value if isinstance(value, str) else list(value), data_dir=data_dir)


def check_target(target: Any, *, scenario: Scenario, data_dir: Path | None = None) -> TargetCheck:
    """Check a plan target (``kind`` 'reach' or 'pair') in a scenario.

    'reach': every destination unit (origin members excluded) within ``max_minutes`` of the
    nearest origin. 'pair': origin to destination within ``max_minutes``. Time is counted by
    the scenario's measure, and also by the target's own ``measure`` where it differs
    (``in_vehicle``: the train time of the fastest rail trip); see :class:`TargetCheck`.
    A target may be a plans ``Target`` or a dict with the same keys.

    Raises
    ------
    ScenarioError
        When the target is not a travel-time target or names no origin/destinations.
    """
    kind, limit = _get(target, "kind"), _get(target, "max_minutes")
    target_id = str(_get(target, "id", "target"))
    if kind not in ("reach", "pair") or limit is None:
        msg = f"target {target_id}: kind {kind!r} is not a travel-time target (reach or pair)"
        raise ScenarioError(msg)
    stated = _get(target, "measure") or "door_to_door"
    origin = _get(target, "origin")
    if not origin:
        msg = f"target {target_id}: names no origin, so it cannot be checked"
        raise ScenarioError(msg)
    table = _target_minutes(target, kind, limit, scenario, scenario.measure, data_dir)
    table["passes"] = table["minutes"] <= limit
    note = f"{scenario.measure} within {limit} min"
    if stated != scenario.measure:  # the plan's wording implies another measure: show both
        other = _target_minutes(target, kind, limit, scenario, stated, data_dir)
        table["minutes_as_stated"] = other["minutes"].to_numpy()
        table["passes_as_stated"] = table["minutes_as_stated"] <= limit
        note += f"; as the plan reads it ({stated}) in minutes_as_stated"
    return TargetCheck(
        target_id=target_id,
        passes=bool(table["passes"].all()),
        table=table.reset_index(drop=True),
        scenario=scenario.label(),
        note=note,
        measure=scenario.measure,
        stated_measure=stated,
    )


def _target_minutes(
    target: Any, kind: str, limit: float, scenario: Scenario, measure: str, data_dir: Path | None
) -> pd.DataFrame:
    """``adcode, name_zh, minutes`` of a target's units, counted by ``measure``.

    ``in_vehicle``: the train time of the fastest rail trip; ``door_to_door`` and
    ``station_to_station``: the scenario's network with that measure.
    """
    origin = _get(target, "origin")
    if measure != "in_vehicle":
        scenario = scenario_with_measure(scenario, measure)
    if kind == "reach":
        r = reach(origin, minutes=limit, scenario=scenario, data_dir=data_dir)
        dest = [
            d
            for d in _destinations(_get(target, "destinations"), data_dir, str(_get(target, "id")))
            if d not in set(r.origin_adcodes)
        ]
        return r.table[r.table["adcode"].isin(dest)][["adcode", "name_zh", "minutes"]].copy()
    destination = _get(target, "destination")
    if measure == "in_vehicle":  # train time of the fastest rail trip
        res = route(origin, destination, scenario=scenario, modes=("rail",), data_dir=data_dir)
        value = sum(leg["minutes"] for leg in res.legs if leg["mode"] == "rail")
    else:
        res = route(origin, destination, scenario=scenario, data_dir=data_dir)
        value = res.door_to_door_min
    return pd.DataFrame(
        {"adcode": [res.destination_adcode], "name_zh": [str(destination)], "minutes": [value]}
    )


def scenario_with_measure(scenario: Scenario, measure: str) -> Scenario:
    """The scenario with its times counted by ``measure`` (other parameters kept)."""
    if scenario.measure == measure:
        return scenario
    params = scenario.params
    if measure == "door_to_door":
        wait = params.wait_share or DEFAULT_PARAMS.wait_share
        return dataclasses.replace(scenario, params=params.updated(door_legs=True, wait_share=wait))
    return dataclasses.replace(scenario, params=apply_measure(params, measure))


def route_columns(origins: Any, *, scenario: Scenario, road_name: str = "公路") -> pd.DataFrame:
    """Each unit's fastest way, indexed by adcode.

    ``via``: the line names ridden in order (``road_name`` for roads off the named expressways;
    ``""`` for an origin, ``None`` when out of reach); ``via_ids``: the same as line ids
    (``road``); ``in_vehicle_min`` and ``other_min`` (access, waits, transfers).
    """
    routes = reach_routes(origins, scenario=scenario).set_index("adcode")
    names = network.list_lines().set_index("line_id")["name_zh"].to_dict()

    def joined(via: tuple[str, ...] | None, word: Any) -> str | None:
        return None if via is None else " → ".join(map(word, via))

    return pd.DataFrame(
        {
            "via": [
                joined(v, lambda x: names.get(x, x) if x else road_name) for v in routes["via"]
            ],
            "via_ids": [joined(v, lambda x: x or "road") for v in routes["via"]],
            "in_vehicle_min": routes["in_vehicle_min"],
            "other_min": routes["other_min"],
        },
        index=routes.index,
    )
