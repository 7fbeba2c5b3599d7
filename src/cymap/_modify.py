"""Apply a scenario's modifications to the shared graph's edge list (for that scenario only).

The shared graph is never changed: a modified scenario gets its own copy of the edge list
(``(u, v, alts)`` with node indices), with edges re-timed, removed or added and new nodes
appended. Reaches and cells run on it like on any scenario; routes build a networkx view from
it. See :mod:`cymap.modifications` for what each modification means.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Any

from . import _graph, network, units
from ._errors import ScenarioError
from .modifications import (
    AddStop,
    Headway,
    NewLine,
    OpenYear,
    RemoveStops,
    RoadLink,
    Speed,
    Stop,
)

Edge = tuple[int, int, tuple]


def modification_id(i: int, mod: Any) -> str:
    """The line id of the i-th modification's new line or road link."""
    return f"mod{i}_{'road' if isinstance(mod, RoadLink) else 'line'}"


def new_line_ids(modifications: tuple) -> frozenset[str]:
    """Ids of the lines a scenario's modifications add (open in that scenario)."""
    return frozenset(
        modification_id(i, m)
        for i, m in enumerate(modifications)
        if isinstance(m, NewLine | RoadLink)
    )


def active_with(
    active: frozenset[str], modifications: tuple, year: int, data_dir: Any
) -> frozenset[str]:
    """The open lines of a scenario with its modifications.

    New lines and road links are open; a line whose opening year a modification moves opens
    or closes by the scenario year.
    """
    out = set(active) | new_line_ids(modifications)
    for mod in modifications:
        if isinstance(mod, OpenYear):
            line_id = network.resolve_line_id(mod.line, data_dir=data_dir)
            (out.add if mod.year <= year else out.discard)(line_id)
    return frozenset(out)


def apply(key: _graph.ViewKey) -> tuple[dict[str, int], list[Edge], dict[str, dict]]:
    """The edge list of a modified scenario: node index, edges and the new nodes' attributes."""
    engine = key.engine()
    base_index, base_edges = _graph.edge_list_of(key)
    state = _State(key, engine, dict(base_index), list(base_edges))
    for i, mod in enumerate(key.modifications):
        if isinstance(mod, Headway):
            state.headway(mod)
        elif isinstance(mod, Speed):
            state.speed(mod)
        elif isinstance(mod, RemoveStops):
            state.remove_stops(mod)
        elif isinstance(mod, AddStop):
            state.add_stop(mod, i)
        elif isinstance(mod, NewLine):
            state.new_line(mod, modification_id(i, mod))
        elif isinstance(mod, RoadLink):
            state.road_link(mod, modification_id(i, mod))
        # OpenYear changes which lines are open: applied to the scenario's active set.
    state.finish()
    return state.index, state.edges, state.attrs


class _State:
    """The edge list being modified, and what building edges needs."""

    def __init__(self, key: Any, engine: Any, index: dict, edges: list) -> None:
        self.key, self.engine, self.index, self.edges = key, engine, index, edges
        self.params = engine.params
        self.net = network.load_network(data_dir=key.data_dir)
        self.attrs: dict[str, dict] = {}
        self.sequences: dict[str, list[dict]] = {}
        self.removed: set[int] = set()
        counties = units.county_units(data_dir=key.data_dir)
        self.seats = {a: (float(r.seat_lon), float(r.seat_lat)) for a, r in counties.iterrows()}
        self.graph_nodes = engine.graph.nodes

    # ---------------------------------------------------------------- helpers
    def _line_id(self, line: str) -> str:
        return network.resolve_line_id(line, data_dir=self.key.data_dir)

    def _wait(self, headway: float) -> float:
        return self.params.wait_share * self.params.headway_factor * headway

    def _headway(self, peak: float, offpeak: float | None) -> float:
        return peak if self.engine.period == "peak" else (offpeak or peak)

    def _node(self, name: str, attrs: dict) -> int:
        if name not in self.index:
            self.index[name] = len(self.index)
            self.attrs[name] = attrs
        return self.index[name]

    def _nodes_of_line(self, line_id: str) -> list[tuple[int, int]]:
        """(S, B) node indices of a rail line's stops, in order."""
        n = len(self.net.stops[line_id])
        return [(self.index[f"S{line_id}#{i}"], self.index[f"B{line_id}#{i}"]) for i in range(n)]

    def _access_edges(
        self, s: int, b: int, stop: Any, line_id: str, mode: str, wait: float, known: bool
    ) -> None:
        entry = self.params.station_entry_min[mode] if self.params.door_legs else 0.0
        leave = self.params.station_exit_min[mode] if self.params.door_legs else 0.0
        km0 = _graph.inferred_station_km(self.net, self.seats)[mode]
        lo, hi = _graph.YEAR_MIN, _graph.YEAR_MAX
        for adcode, (lon, lat) in self.seats.items():
            km = network.great_circle_km(lon, lat, stop["lon"], stop["lat"])
            if adcode != stop["adcode"] and km > self.params.access_radius_km:
                continue
            if not known:
                km = max(km, km0) if adcode != stop["adcode"] else km0
            drive = _graph.drive_minutes(self.net, self.params, self.engine.period, adcode, km)
            for place in (adcode, f"J{adcode}"):
                self.edges.append(
                    (
                        self.index[place],
                        b,
                        ((drive + entry + wait, line_id, "access", lo, hi, wait),),
                    )
                )
            for place, kind in (
                (adcode, "egress"),
                (f"J{adcode}", "egress"),
                (f"K{adcode}", "egress_k"),
            ):
                self.edges.append(
                    (s, self.index[place], ((drive + leave, line_id, kind, lo, hi, 0.0),))
                )

    def _rail(self, minutes: float, line_id: str) -> tuple:
        return ((minutes, line_id, "rail", _graph.YEAR_MIN, _graph.YEAR_MAX, 0.0),)

    def _place(self, stop: Stop) -> dict:
        """A new stop's station name, unit and point, and whether the point is known."""
        if stop.lon is not None:
            adcode = network.county_of_point(stop.lon, stop.lat, data_dir=self.key.data_dir)
            name = stop.station or f"新站（{stop.lon:.3f}, {stop.lat:.3f}）"
            return {
                "station": name,
                "adcode": adcode,
                "lon": stop.lon,
                "lat": stop.lat,
                "known": True,
            }
        if stop.station is not None:
            for line_id, stops in self.net.stops.items():
                for s in stops:
                    code = None if stop.unit is None else network.place_adcodes(stop.unit)[0]
                    if s.station == stop.station and code in (None, s.adcode):
                        return {
                            "station": s.station,
                            "adcode": s.adcode,
                            "lon": s.lon,
                            "lat": s.lat,
                            "known": s.placement != "seat",
                            "existing": line_id,
                        }
        adcode = network.place_adcodes(stop.unit, data_dir=self.key.data_dir)[0]
        lon, lat = self.seats[adcode]
        name = stop.station or str(units.load_units().at[adcode, "name_zh"])
        return {"station": name, "adcode": adcode, "lon": lon, "lat": lat, "known": False}

    # ---------------------------------------------------------------- modifications
    def headway(self, mod: Headway) -> None:
        line_id = self._line_id(mod.line)
        wait = self._wait(self._headway(mod.peak, mod.offpeak))
        out = []
        for u, v, alts in self.edges:
            if any(a[1] == line_id for a in alts):
                alts = tuple(_rewait(a, line_id, wait) for a in alts)
            out.append((u, v, alts))
        self.edges[:] = out

    def _sequence(self, line_id: str) -> list[dict]:
        """The current stops of a rail line (nodes, point) and the run to the next stop.

        Taken from the shared edge list the first time, then changed in place; the line's rail
        edges are rebuilt from it at the end (:meth:`finish`).
        """
        if line_id not in self.sequences:
            rail = {
                (u, v): alts
                for u, v, alts in self.edges
                if alts[0][2] == "rail" and alts[0][1] == line_id
            }
            stops = self.net.stops[line_id]
            seq = []
            for i, stop in enumerate(stops):
                s, b = self.index[f"S{line_id}#{i}"], self.index[f"B{line_id}#{i}"]
                nxt = rail.get((s, self.index.get(f"S{line_id}#{i + 1}", -1)))
                seq.append(
                    {
                        "s": s,
                        "b": b,
                        "lon": stop.lon,
                        "lat": stop.lat,
                        "station": stop.station,
                        "run": nxt,
                    }
                )
            self.sequences[line_id] = seq
        return self.sequences[line_id]

    def speed(self, mod: Speed) -> None:
        line_id = self._line_id(mod.line)
        line = self.net.line(line_id)
        seq = self._sequence(line_id)
        current = frozenset({line_id})
        total = sum(
            alt[0]
            for stop in seq[:-1]
            if (alt := _graph.pick_alt(stop["run"], current, frozenset({"rail"}), self.key.year))
        )
        if total <= 0:
            return
        if mod.run_minutes is not None:
            factor = mod.run_minutes / total
        else:
            factor = line.speed_kph(self.key.year) / mod.speed_kph
        for stop in seq[:-1]:
            stop["run"] = tuple((a[0] * factor, *a[1:]) for a in stop["run"])

    def remove_stops(self, mod: RemoveStops) -> None:
        line_id = self._line_id(mod.line)
        seq = self._sequence(line_id)
        for i in range(len(seq) - 1, -1, -1):
            if seq[i]["station"] not in set(mod.stations):
                continue
            self.removed |= {seq[i]["s"], seq[i]["b"]}
            if 0 < i < len(seq) - 1:  # the train runs on through the stop
                seq[i - 1]["run"] = tuple(
                    (x[0] + y[0], *x[1:])
                    for x, y in zip(seq[i - 1]["run"], seq[i]["run"], strict=True)
                )
            elif i == len(seq) - 1 and i > 0:
                seq[i - 1]["run"] = None
            del seq[i]

    def add_stop(self, mod: AddStop, k: int) -> None:
        line_id = self._line_id(mod.line)
        line = self.net.line(line_id)
        seq = self._sequence(line_id)
        at = next((i for i, stop in enumerate(seq) if stop["station"] == mod.after), None)
        if at is None:
            msg = f"{line_id}: no stop {mod.after!r} to add a stop after (removed earlier?)"
            raise ScenarioError(msg)
        place = self._place(mod.stop)
        attrs = _station_attrs(line_id, place)
        s = self._node(f"S{line_id}#add{k}", attrs)
        b = self._node(f"B{line_id}#add{k}", attrs)
        headway = _graph.headway_min(
            self.net, line, self.engine.service, self.engine.period, self.key.year
        )[0]
        self._access_edges(s, b, place, line_id, line.mode, self._wait(headway), place["known"])
        new = {
            "s": s,
            "b": b,
            "lon": place["lon"],
            "lat": place["lat"],
            "station": place["station"],
            "run": None,
        }
        here = seq[at]
        d1 = network.great_circle_km(here["lon"], here["lat"], place["lon"], place["lat"])
        if here["run"] is not None:  # between two stops: their run time shared by distance
            nxt = seq[at + 1]
            d2 = network.great_circle_km(place["lon"], place["lat"], nxt["lon"], nxt["lat"])
            share = d1 / (d1 + d2) if d1 + d2 > 0 else 0.5
            new["run"] = tuple((x[0] * (1 - share), *x[1:]) for x in here["run"])
            here["run"] = tuple((x[0] * share, *x[1:]) for x in here["run"])
        else:  # after the last stop: the line runs on at its speed
            kph = self.params.schedule_factor[line.mode] * line.speed_kph(self.key.year)
            minutes = 60.0 * max(d1, _graph.MIN_SEGMENT_KM) * self.params.rail_circuity / kph
            here["run"] = self._rail(minutes, line_id)
        seq.insert(at + 1, new)

    def finish(self) -> None:
        """Rebuild the rail edges of every changed line and drop the removed stops' edges."""
        changed = set(self.sequences)
        self.edges[:] = [
            e
            for e in self.edges
            if not (e[2][0][2] == "rail" and e[2][0][1] in changed)
            and e[0] not in self.removed
            and e[1] not in self.removed
        ]
        for seq in self.sequences.values():
            for here, nxt in itertools.pairwise(seq):
                self._connect((here["s"], here["b"]), (nxt["s"], nxt["b"]), here["run"])

    def _connect(self, a: tuple[int, int], b: tuple[int, int], alts: tuple) -> None:
        (sa, ba), (sb, bb) = a, b
        for u, v in ((sa, sb), (ba, sb), (sb, sa), (bb, sa)):
            self.edges.append((u, v, alts))

    def new_line(self, mod: NewLine, line_id: str) -> None:
        places = [self._place(stop) for stop in mod.stops]
        wait = self._wait(self._headway(mod.peak, mod.offpeak))
        gc = [
            max(
                network.great_circle_km(p["lon"], p["lat"], q["lon"], q["lat"]),
                _graph.MIN_SEGMENT_KM,
            )
            for p, q in itertools.pairwise(places)
        ]
        if mod.run_minutes is not None:
            minutes = [mod.run_minutes * g / sum(gc) for g in gc]
        else:
            kph = self.params.schedule_factor[mod.mode] * mod.speed_kph
            minutes = [60.0 * g * self.params.rail_circuity / kph for g in gc]
        nodes = []
        for k, place in enumerate(places):
            attrs = _station_attrs(line_id, place)
            s, b = self._node(f"S{line_id}#{k}", attrs), self._node(f"B{line_id}#{k}", attrs)
            nodes.append((s, b))
            self._access_edges(s, b, place, line_id, mod.mode, wait, place["known"])
            self._transfers(s, b, place, line_id, wait)
        for (a, b), m in zip(itertools.pairwise(nodes), minutes, strict=True):
            self._connect(a, b, self._rail(m, line_id))

    def _transfers(self, s: int, b: int, place: dict, line_id: str, wait: float) -> None:
        """Change to and from the lines of an existing station of the same name and unit."""
        lo, hi = _graph.YEAR_MIN, _graph.YEAR_MAX
        for other, stops in self.net.stops.items():
            line = self.net.line(other)
            for i, stop in enumerate(stops):
                if stop.station != place["station"] or stop.adcode != place["adcode"]:
                    continue
                other_wait = self._wait(
                    _graph.headway_min(
                        self.net,
                        line,
                        self.engine.service,
                        self.engine.period,
                        self.key.year,
                        stop.station,
                    )[0]
                )
                so, bo = self.index[f"S{other}#{i}"], self.index[f"B{other}#{i}"]
                t = self.params.transfer_min
                self.edges.append(
                    (s, bo, ((t + other_wait, other, "transfer", lo, hi, other_wait),))
                )
                self.edges.append((so, b, ((t + wait, line_id, "transfer", lo, hi, wait),)))

    def road_link(self, mod: RoadLink, line_id: str) -> None:
        a = network.place_adcodes(mod.from_unit, data_dir=self.key.data_dir)[0]
        b = network.place_adcodes(mod.to_unit, data_dir=self.key.data_dir)[0]
        if a == b:
            msg = f"road link {mod.from_unit}—{mod.to_unit} joins a unit to itself"
            raise ScenarioError(msg)
        km = network.great_circle_km(*self.seats[a], *self.seats[b]) * self.params.road_circuity
        m = 60.0 * km / mod.speed_kph
        lo, hi = _graph.YEAR_MIN, _graph.YEAR_MAX
        for layer, kind in (("J", "road"), ("K", "feeder")):
            for u, v in ((a, b), (b, a)):
                alt = ((m, line_id, kind, lo, hi, 0.0),)
                self.edges.append((self.index[f"{layer}{u}"], self.index[f"{layer}{v}"], alt))


def _rewait(alt: tuple, line_id: str, wait: float) -> tuple:
    """An alternative re-timed for a new wait of ``line_id`` (boarding, transfer, alighting)."""
    m, line, kind, lo, hi, old = alt
    if line != line_id:
        return alt
    if kind in ("access", "transfer"):
        return (m - old + wait, line, kind, lo, hi, wait)
    if kind in ("egress", "egress_k"):  # one headway at every stop: no extra wait
        return (m - old, line, kind, lo, hi, 0.0)
    return alt


def _station_attrs(line_id: str, place: dict) -> dict:
    return {
        "kind": "station",
        "line": line_id,
        "station": place["station"],
        "adcode": place["adcode"],
        "placement": "surveyed" if place.get("known") else "seat",
    }


def merged_alts(edges: list[Edge]) -> dict[tuple[int, int], tuple]:
    """Edges with the same ends merged into one sorted set of alternatives."""
    out: dict[tuple[int, int], list] = defaultdict(list)
    for u, v, alts in edges:
        out[(u, v)].extend(alts)
    return {k: tuple(sorted(v, key=lambda a: a[0])) for k, v in out.items()}
