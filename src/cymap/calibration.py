"""Calibration of the travel-time model against published travel times.

Compares the model with ``../shared/reference/od_times_calibration.csv`` (fastest rail run
times, typical road times, plan targets), row by row, as mapped in
``geodata/network/calibration_pairs.yaml``. Rail rows are station-to-station run times and are
compared with in-vehicle minutes; road rows with driving or road door-to-door minutes.

Examples
--------
>>> from cymap import calibration
>>> table = calibration.calibration_table()  # doctest: +SKIP
>>> table[["origin", "destination", "observed_min", "modelled_min", "error_pct"]]  # doctest: +SKIP
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pandas as pd

from . import _graph, settings
from ._errors import DataValidationError, UnknownNameError
from ._yaml import read_yaml
from .scenarios import DEFAULT_PARAMS, ModelParams, Scenario
from .travel_time import route

#: Largest relative error accepted for an included row.
TOLERANCE = 0.20
PAIRS_FILE = "calibration_pairs.yaml"
COLUMNS = [
    "origin",
    "destination",
    "mode",
    "year",
    "measure",
    "observed_min",
    "modelled_min",
    "error_min",
    "error_pct",
    "within_tolerance",
    "included",
    "note",
    "source",
]


def _csv_path(shared_dir: Path | None) -> Path:
    return Path(shared_dir or settings.shared_dir) / "reference" / "od_times_calibration.csv"


def _pairs(data_dir: Path | None) -> dict[tuple[str, str, int], dict]:
    path = Path(data_dir or settings.data_dir) / "network" / PAIRS_FILE
    raw = read_yaml(path, what="calibration pairs file")
    out = {}
    for i, row in enumerate(raw["pairs"]):
        key = (str(row["origin"]), str(row["destination"]), int(row["year"]))
        if key in out:
            msg = f"{path}: pairs[{i}] {key}: duplicate row"
            raise DataValidationError(msg)
        if "exclude" not in row and not ("from" in row and "to" in row):
            msg = f"{path}: pairs[{i}] {key}: needs from/to or an exclude reason"
            raise DataValidationError(msg)
        out[key] = row
    return out


def _stations(view: nx.DiGraph, name: str) -> list[str]:
    found = [
        n
        for n, d in view.nodes(data=True)
        if d.get("kind") == "station" and d.get("station") == name
    ]
    if not found:
        msg = f"no open station named {name!r} in the network for this year"
        raise UnknownNameError(msg)
    return found


def in_vehicle_between(
    from_station: str,
    to_station: str,
    *,
    year: int,
    params: ModelParams = DEFAULT_PARAMS,
    data_dir: Path | None = None,
) -> float:
    """Least in-vehicle rail minutes between two named stations in a year.

    Changing lines at the same station (same name, same unit) adds no in-vehicle time;
    different stations in one unit are not linked (a through train does not change there).
    """
    view = _graph.scenario_view(Scenario(year, params=params), ("rail",), data_dir=data_dir)

    def weight(_u: str, _v: str, d: dict) -> float | None:
        kind = d["alt"][2]
        if kind == "rail":
            return d["minutes"]
        if kind == "transfer" and nodes[_u]["station"] == nodes[_v]["station"]:
            return 0.0
        return None

    nodes = view.nodes
    sources = _stations(view, from_station)
    targets = set(_stations(view, to_station))
    dist = nx.multi_source_dijkstra_path_length(view, sources, weight=weight)
    hits = [dist[t] for t in targets if t in dist]
    return min(hits) if hits else math.nan


def _modelled(
    row: dict, year: int, params: ModelParams, period: str, data_dir: Path | None
) -> float:
    measure = row["measure"]
    if measure == "in_vehicle":
        return in_vehicle_between(
            row["from"], row["to"], year=year, params=params, data_dir=data_dir
        )
    trip = route(
        row["from"],
        row["to"],
        scenario=Scenario(year, params=params, period=period),
        modes=("road",),
        data_dir=data_dir,
    )
    if measure == "road_drive":
        return trip.in_vehicle_min
    return trip.door_to_door_min


#: The period a kind of published time describes, where it is not the same in both.
#: Typical driving times (news, travel pages, navigation estimates) state no time of day and
#: describe an uncongested drive: they are asserted against the off-peak model and only
#: reported at the peak. Rail rows are in-vehicle minutes, the same in both periods.
OBSERVED_PERIOD = {"road_typical": "offpeak"}
OFFPEAK_NOTE = "typical drive time with no time of day: asserted off-peak, reported at the peak"


def calibration_table(
    *,
    params: ModelParams = DEFAULT_PARAMS,
    period: str = "peak",
    data_dir: Path | None = None,
    shared_dir: Path | None = None,
) -> pd.DataFrame:
    """Per-pair comparison of published and modelled minutes.

    Returns
    -------
    pandas.DataFrame
        ``origin, destination, mode, year, measure, observed_min, modelled_min, error_min,
        error_pct, within_tolerance, included, note, source``; ``error_pct`` is
        100 × (modelled − observed) / observed. ``within_tolerance``: modelled within ±20 % of
        the observed value (of the stated range where the source gives one; only the lower
        limit where the source gives a lower bound). Excluded rows carry the reason in ``note``.
        ``period`` sets the road speeds in the congested cores for the road rows (rail rows
        are in-vehicle minutes, the same in both periods).

    Raises
    ------
    DataValidationError
        When the CSV is missing or a row has no mapping in ``calibration_pairs.yaml``.
    """
    path = _csv_path(shared_dir)
    if not path.exists():
        msg = f"{path}: calibration file not found; set CYMAP_SHARED_DIR"
        raise DataValidationError(msg)
    observed = pd.read_csv(path)
    pairs = _pairs(data_dir)
    rows = []
    for _, obs in observed.iterrows():
        key = (str(obs["origin"]), str(obs["destination"]), int(obs["year"]))
        if key not in pairs:
            msg = f"{path}: row {key} has no mapping in geodata/network/{PAIRS_FILE}"
            raise DataValidationError(msg)
        row = pairs[key]
        included = "exclude" not in row
        note = row.get("exclude") or row.get("note") or ""
        if included and period != OBSERVED_PERIOD.get(str(obs["mode"]), period):
            included = False
            note = f"{OFFPEAK_NOTE}{'; ' if note else ''}{note}"
        value = math.nan
        if "from" in row:
            year = int(row.get("scenario_year", key[2]))
            value = _modelled(row, year, params, period, data_dir)
        minutes = float(obs["minutes"])
        error = value - minutes
        low, high = row.get("observed_range_min", [minutes, minutes])
        if row.get("bound") == "lower":
            high = math.inf
        within = (1 - TOLERANCE) * low <= value <= (1 + TOLERANCE) * high
        rows.append(
            {
                "origin": key[0],
                "destination": key[1],
                "mode": obs["mode"],
                "year": key[2],
                "measure": row["measure"],
                "observed_min": minutes,
                "modelled_min": value,
                "error_min": error,
                "error_pct": 100 * error / minutes,
                "within_tolerance": bool(within),
                "included": included,
                "note": note,
                "source": str(obs["source"]),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
