"""The transport network: rail lines, named expressways and the inferred road graph.

Data live in ``geodata/network/`` (``rail_lines.yaml``, ``road_projects.yaml``,
``unplaceable.yaml``) and are validated on load; every problem is collected and reported once,
naming the file, the line and the fix. The base road graph between neighbouring county-level
units is inferred from polygon adjacency (touching boundaries); it is not surveyed.

Examples
--------
>>> from cymap import network
>>> lines = network.list_lines(year=2035)
>>> "chengyu_zhongxian_hsr" in set(lines.line_id)
True
"""

from __future__ import annotations

import csv
import difflib
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd
from pydantic import ValidationError
from shapely.geometry import LineString, Point

from . import _places, names, settings, units
from ._errors import DataValidationError, ScenarioError, UnknownNameError
from ._network_schema import (
    CongestionFile,
    ModeService,
    RailFile,
    RailLine,
    RoadFile,
    RoadLine,
    ServiceFile,
    Station,
    UnplaceableFile,
)
from ._places import county_of_point as county_of_point
from ._places import great_circle_km as great_circle_km
from ._places import place_adcodes as place_adcodes
from ._yaml import read_yaml

if TYPE_CHECKING:
    from .scenarios import Scenario

RAIL_FILE = "rail_lines.yaml"
ROAD_FILE = "road_projects.yaml"
UNPLACEABLE_FILE = "unplaceable.yaml"
STATIONS_FILE = "stations.csv"
SERVICE_FILE = "service_patterns.yaml"
CONGESTION_FILE = "road_congestion.yaml"
PERIODS = ("peak", "offpeak")
PATTERNS = ("today", "plan")

LINE_COLUMNS = [
    "line_id",
    "name_zh",
    "mode",
    "kind",
    "status",
    "open_year",
    "open_year_source",
    "design_speed_kph",
    "length_km",
    "source",
]


@dataclass(frozen=True)
class StopInfo:
    """A placed stop: station name, county adcode and point.

    ``placement`` is ``surveyed`` (a station dataset's point, ``stations.csv``), ``stand_in``
    (an existing station of the same name standing in for a planned one: inferred) or ``seat``
    (site not known: drawn at the unit's seat, inferred).
    """

    station: str
    adcode: str
    lon: float
    lat: float
    placement: str = "surveyed"
    source: str = ""

    @property
    def surveyed(self) -> bool:
        """True when the point is the station's own surveyed point."""
        return self.placement == "surveyed"


@dataclass(frozen=True)
class CoreSpeed:
    """Road speed and delay index of a congested core unit in one period."""

    core: str
    speed_kph: float
    delay_index: float
    congested_km: float

    def minutes(self, road_km: float, other_kph: float) -> float:
        """Minutes to drive ``road_km`` from a seat of the core (congested part first)."""
        slow = min(road_km, self.congested_km)
        return 60.0 * slow / self.speed_kph + 60.0 * (road_km - slow) / other_kph


@dataclass(frozen=True)
class NetworkData:
    """Validated network data with every stop placed on a county-level unit."""

    digest: str
    rail: tuple[RailLine, ...]
    road: tuple[RoadLine, ...]
    unplaceable: UnplaceableFile
    stops: dict[str, tuple[StopInfo, ...]]
    via: dict[str, tuple[str, ...]]
    aliases: dict[str, str]
    service: dict[str, dict[str, ModeService]]
    cores: dict[str, dict[str, CoreSpeed]]
    congestion: CongestionFile

    @property
    def line_ids(self) -> tuple[str, ...]:
        """Every line id, rail first."""
        return tuple(x.id for x in self.rail) + tuple(x.id for x in self.road)

    def line(self, line_id: str) -> RailLine | RoadLine:
        """The line of an id or alias (see :func:`resolve_line_id`)."""
        key = self.aliases.get(line_id, line_id)
        for line in (*self.rail, *self.road):
            if line.id == key:
                return line
        raise KeyError(line_id)


def _network_dir(data_dir: Path | None) -> Path:
    return Path(data_dir or settings.data_dir) / "network"


def _digest_files(data_dir: Path | None) -> tuple[Path, ...]:
    base = Path(data_dir or settings.data_dir)
    return (
        base / "network" / RAIL_FILE,
        base / "network" / ROAD_FILE,
        base / "network" / UNPLACEABLE_FILE,
        base / "network" / STATIONS_FILE,
        base / "network" / SERVICE_FILE,
        base / "network" / CONGESTION_FILE,
        base / "units.geojson",
        base / "seats.csv",
    )


@functools.lru_cache(maxsize=16)
def _digest(stamp: tuple) -> str:
    h = hashlib.sha256()
    for path, *_ in stamp:
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()[:16]


def data_digest(*, data_dir: Path | None = None) -> str:
    """SHA-256 of the network files and the unit boundaries (the graph cache key).

    Files are re-hashed only when their size or modification time changes.
    """
    stamp = []
    for path in _digest_files(data_dir):
        try:
            st = path.stat()
            stamp.append((path, st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            stamp.append((path, None, None))
    return _digest(tuple(stamp))


def _read_yaml(path: Path) -> object:
    return read_yaml(path, what="network data file")


def _validate(model: type, path: Path) -> object:
    raw = _read_yaml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            loc = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in e["loc"])
            where = loc.replace(".[", "[")
            line_id = _line_id_at(raw, e["loc"])
            problems.append(f"{where}{f' ({line_id})' if line_id else ''}: {e['msg']}")
        msg = f"{path}: " + "; ".join(problems)
        raise DataValidationError(msg) from err


def _line_id_at(raw: object, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] in ("lines", "items") and isinstance(loc[1], int):
        try:
            return str(raw[loc[0]][loc[1]].get("id") or raw[loc[0]][loc[1]].get("ref"))
        except (KeyError, IndexError, TypeError, AttributeError):
            return None
    return None


def read_stations(path: Path) -> dict[tuple[str, str], tuple[int, Station]]:
    """Rows of ``stations.csv`` by (station, unit adcode), with their line numbers.

    Raises
    ------
    DataValidationError
        Naming the file, the row (line number) and the problem, for every bad row at once.
    """
    problems, rows = [], {}
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            for lineno, raw in enumerate(reader, start=2):
                values = {k: v for k, v in raw.items() if v not in (None, "")}
                try:
                    row = Station.model_validate(values)
                except ValidationError as err:
                    text = "; ".join(
                        f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in err.errors()
                    )
                    problems.append(f"row {lineno} ({raw.get('station', '?')}): {text}")
                    continue
                key = (row.station, row.unit)
                if key in rows:
                    problems.append(
                        f"row {lineno}: {row.station} @ {row.unit} repeats row {rows[key][0]}"
                    )
                rows[key] = (lineno, row)
    except FileNotFoundError as err:
        msg = f"{path}: station file missing; it lists every station's point and source"
        raise DataValidationError(msg) from err
    if problems:
        msg = f"{path}: " + "; ".join(problems)
        raise DataValidationError(msg)
    return rows


def _check_station_points(
    path: Path, rows: dict[tuple[str, str], tuple[int, Station]], data_dir: Path | None
) -> list[str]:
    counties = units.county_units(data_dir=data_dir)
    names_zh = counties["name_zh"]
    problems = []
    for (station, unit), (lineno, row) in rows.items():
        if unit not in counties.index:
            problems.append(f"{path.name} row {lineno}: {station}: unit {unit} is not a county")
            continue
        if row.lon is None or counties.at[unit, "geometry"].covers(Point(row.lon, row.lat)):
            continue
        found = county_of_point(row.lon, row.lat, data_dir=data_dir)
        where = f"{names_zh[found]} ({found})" if found else "outside the region"
        problems.append(
            f"{path.name} row {lineno}: {station} at ({row.lon}, {row.lat}) lies in {where}, "
            f"not in {names_zh[unit]} ({unit}); fix the unit (here and in the line's stops) "
            "or the point"
        )
    return problems


def _place_stop(
    line: RailLine,
    i: int,
    stop: object,
    problems: list[str],
    stations: dict[tuple[str, str], tuple[int, Station]],
    data_dir: Path | None,
) -> StopInfo | None:
    line_id = line.id
    try:
        adcode = names.resolve_adcode(stop.unit)
    except UnknownNameError as err:
        problems.append(f"{line_id}: stops[{i}] {stop.station} @ {stop.unit}: {err}")
        return None
    seats = units.load_units(data_dir=data_dir)
    if seats.loc[adcode, "level"] != "county":
        problems.append(
            f"{line_id}: stops[{i}] {stop.station} @ {stop.unit}: not a county-level "
            "unit; name the district or county that contains the station"
        )
        return None
    found = stations.get((stop.station, adcode))
    if found is None:
        near = [f"{s} @ {seats.loc[u, 'name_zh']}" for s, u in stations if s == stop.station]
        hint = f"; {STATIONS_FILE} has {', '.join(near)}" if near else ""
        problems.append(
            f"{line_id}: stops[{i}] {stop.station} @ {stop.unit}: no row for this station and "
            f"unit ({adcode}) in {STATIONS_FILE}{hint}; add its point and source there"
        )
        return None
    row = found[1]
    if row.lon is not None:
        placement = "stand_in" if line.stops_assumed else row.placement
        return StopInfo(stop.station, adcode, row.lon, row.lat, placement, row.source)
    lon = stop.lon if stop.lon is not None else float(seats.loc[adcode, "seat_lon"])
    lat = stop.lat if stop.lat is not None else float(seats.loc[adcode, "seat_lat"])
    return StopInfo(stop.station, adcode, lon, lat, "seat", "")


def _core_speeds(
    congestion: CongestionFile, problems: list[str]
) -> dict[str, dict[str, CoreSpeed]]:
    out: dict[str, dict[str, CoreSpeed]] = {}
    for core in congestion.cores:
        for i, unit in enumerate(core.units):
            try:
                code = names.resolve_adcode(unit)
            except UnknownNameError as err:
                problems.append(f"{CONGESTION_FILE}: {core.id}.units[{i}] {unit}: {err}")
                continue
            out[code] = {
                p: CoreSpeed(core.id, v.speed_kph, v.delay_index, core.congested_km)
                for p, v in core.periods.items()
            }
    return out


@functools.cache
def _load(digest: str, data_dir: Path | None) -> NetworkData:
    folder = _network_dir(data_dir)
    rail = _validate(RailFile, folder / RAIL_FILE).lines
    road = _validate(RoadFile, folder / ROAD_FILE).lines
    unplaceable = _validate(UnplaceableFile, folder / UNPLACEABLE_FILE)
    service = _validate(ServiceFile, folder / SERVICE_FILE).patterns
    congestion = _validate(CongestionFile, folder / CONGESTION_FILE)
    stations = read_stations(folder / STATIONS_FILE)
    problems: list[str] = _check_station_points(folder / STATIONS_FILE, stations, data_dir)
    cores = _core_speeds(congestion, problems)
    seen: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for line in (*rail, *road):
        if line.id in seen:
            problems.append(f"{line.id}: duplicate line id; ids must be unique")
        seen[line.id] = line.id
    for line in (*rail, *road):
        for alias in line.aliases:
            if alias in seen or alias in aliases:
                problems.append(f"{line.id}: alias {alias!r} is already a line id or alias")
            aliases[alias] = line.id
    stops = {}
    for line in rail:
        placed = [
            _place_stop(line, i, s, problems, stations, data_dir) for i, s in enumerate(line.stops)
        ]
        stops[line.id] = tuple(p for p in placed if p is not None)
    via = {}
    for line in road:
        codes = []
        for i, unit in enumerate(line.via):
            try:
                codes.append(names.resolve_adcode(unit))
            except UnknownNameError as err:
                problems.append(f"{line.id}: via[{i}] {unit}: {err}")
        via[line.id] = tuple(codes)
    if problems:
        msg = f"{folder}: " + "; ".join(problems)
        raise DataValidationError(msg)
    return NetworkData(
        digest, rail, road, unplaceable, stops, via, aliases, service, cores, congestion
    )


def load_network(*, data_dir: Path | None = None) -> NetworkData:
    """Validated network data (cached by the digest of the data files).

    Raises
    ------
    DataValidationError
        When a file is malformed; the message names the file, the line and the problem.
    """
    return _load(data_digest(data_dir=data_dir), data_dir)


def resolve_line_id(line_id: str, *, data_dir: Path | None = None) -> str:
    """Canonical id of a line id or alias (``yuxiang_hsr`` → ``yuqian_hsr``).

    Raises
    ------
    ScenarioError
        For an unknown id; the message lists near matches.
    """
    net = load_network(data_dir=data_dir)
    key = line_id.strip()
    if key in net.aliases:
        return net.aliases[key]
    if key in net.line_ids:
        return key
    for line in (*net.rail, *net.road):
        if key == line.name_zh:
            return line.id
    choices = list(net.line_ids) + list(net.aliases)
    near = difflib.get_close_matches(key, choices, n=5, cutoff=0.5)
    hint = f" Did you mean: {', '.join(near)}?" if near else ""
    msg = f"unknown line id {line_id!r}.{hint} Run `cymap lines` for the list."
    raise ScenarioError(msg)


def _source_text(line: RailLine | RoadLine) -> str:
    return " | ".join(s.describe() for s in line.sources)


def list_lines(*, year: int | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Every line of the network, one row each.

    Parameters
    ----------
    year
        Only lines open by this year (``open_year <= year``; study items never).

    Returns
    -------
    pandas.DataFrame
        ``line_id, name_zh, mode, kind, status, open_year, open_year_source,
        design_speed_kph, length_km, source``.
    """
    net = load_network(data_dir=data_dir)
    rows = [
        {
            "line_id": x.id,
            "name_zh": x.name_zh,
            "mode": x.mode,
            "kind": "rail",
            "status": x.status,
            "open_year": x.open_year,
            "open_year_source": x.open_year_source,
            "design_speed_kph": x.design_speed_kph,
            "length_km": x.length_km,
            "source": _source_text(x),
        }
        for x in net.rail
    ]
    rows += [
        {
            "line_id": x.id,
            "name_zh": x.name_zh,
            "mode": "expressway",
            "kind": "road",
            "status": x.status,
            "open_year": x.open_year,
            "open_year_source": x.open_year_source,
            "design_speed_kph": x.speed_kph,
            "length_km": x.length_km,
            "source": _source_text(x),
        }
        for x in net.road
    ]
    table = pd.DataFrame(rows, columns=LINE_COLUMNS)
    table["open_year"] = table["open_year"].astype("Int64")
    if year is not None:
        table = table[table["open_year"].notna() & (table["open_year"] <= year)]
    return table.reset_index(drop=True)


def active_lines(scenario: Scenario, *, data_dir: Path | None = None) -> frozenset[str]:
    """Ids of the lines open in a scenario (year rule plus toggles; cached).

    Raises
    ------
    ScenarioError
        When a toggled id is unknown.
    """
    return _active(
        data_digest(data_dir=data_dir),
        scenario.year,
        scenario.with_lines,
        scenario.without_lines,
        data_dir,
    )


@functools.lru_cache(maxsize=256)
def _active(
    digest: str, year: int, with_lines: frozenset, without_lines: frozenset, data_dir: Path | None
) -> frozenset[str]:
    net = _load(digest, data_dir)
    on = {resolve_line_id(x, data_dir=data_dir) for x in with_lines}
    off = {resolve_line_id(x, data_dir=data_dir) for x in without_lines}
    by_year = {
        x.id for x in (*net.rail, *net.road) if x.open_year is not None and x.open_year <= year
    }
    return frozenset((by_year | on) - off)


def line_geometries(
    *, scenario: Scenario | None = None, data_dir: Path | None = None
) -> gpd.GeoDataFrame:
    """One LineString per line through its stops (rail) or via seats (road).

    Returns
    -------
    geopandas.GeoDataFrame
        The columns of :func:`list_lines` plus ``stations_inferred`` (stops of a rail line
        whose point is a stand-in or its unit's seat, not the station's own), ``active`` (open
        in ``scenario``; all ``True`` when no scenario is given) and ``geometry`` (EPSG:4326). A fresh copy:
        callers may change it.
    """
    table = _line_geometries(data_digest(data_dir=data_dir), data_dir).copy()
    active = active_lines(scenario, data_dir=data_dir) if scenario is not None else None
    flags = True if active is None else table["line_id"].isin(active)
    table.insert(table.columns.get_loc("geometry"), "active", flags)
    return table


@functools.lru_cache(maxsize=4)
def _line_geometries(digest: str, data_dir: Path | None) -> gpd.GeoDataFrame:
    net = _load(digest, data_dir)
    table = list_lines(data_dir=data_dir)
    seats = units.load_units(data_dir=data_dir)
    geoms, inferred = [], []
    for line_id in table["line_id"]:
        stops = net.stops.get(line_id, ())
        inferred.append(sum(s.placement != "surveyed" for s in stops))
        if line_id in net.stops:
            coords = [(s.lon, s.lat) for s in stops]
        else:
            coords = [
                (float(seats.loc[a, "seat_lon"]), float(seats.loc[a, "seat_lat"]))
                for a in net.via[line_id]
            ]
        geoms.append(LineString(coords))
    table["stations_inferred"] = inferred
    return gpd.GeoDataFrame(table, geometry=geoms, crs=settings.crs)


def adjacent_units(*, data_dir: Path | None = None) -> list[tuple[str, str]]:
    """Pairs of touching county-level units: the inferred road graph's edges (inferred)."""
    return list(_places.adjacent_pairs(data_digest(data_dir=data_dir), data_dir))


def list_unplaceable(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Document items the network does not place as lines, with the reason."""
    net = load_network(data_dir=data_dir)
    return pd.DataFrame([i.model_dump() for i in net.unplaceable.items])
