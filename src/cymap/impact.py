"""What one line does to the commute reach of a scenario (domain; no presentation).

The effect of a line is measured by switching it, and only it: a line open in the scenario is
compared with the scenario without it, a closed line with the scenario plus it. A line never
makes a trip longer (adding an edge to a shortest-path graph cannot), so the effect is a set
of units whose minutes fall, some of which may cross the time limit.

Examples
--------
>>> from cymap import impact, scenarios
>>> e = impact.line_effect("中心城区", "chengyu_zhongxian_hsr", scenario=scenarios.preset("today"))
>>> e.units_faster > 0
True
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import cells, network, travel_time, units
from .scenarios import Scenario

#: Minutes below which a change of a unit's time counts as none (rounding of the model).
MIN_SAVED = 0.5


@dataclass(frozen=True)
class LineEffect:
    """The effect of one line on the reach from an origin at a time limit.

    ``open_in_scenario``: the line is open in the scenario (its effect is that of removing
    it, read as what it brings). ``crossing``: adcodes that are within ``minutes`` with the
    line and not without it. ``units_faster``/``population_faster``: units whose minutes fall
    by at least :data:`MIN_SAVED`, and their 2020 population. ``max_saved``: the largest saving
    (min). ``nearest_limit``: the whole-minute limit nearest to ``minutes`` at which the line
    changes the coverage (``minutes`` itself when ``crossing`` is not empty; ``None`` when it
    changes no unit's minutes).
    """

    line_id: str
    open_in_scenario: bool
    minutes: float
    crossing: tuple[str, ...]
    population_crossing: float
    units_faster: int
    population_faster: float
    max_saved: float
    nearest_limit: int | None


def line_effect(
    origins: str | Sequence[str],
    line_id: str,
    *,
    scenario: Scenario,
    minutes: float = 60,
) -> LineEffect:
    """The effect of switching one line in a scenario (see the module docstring).

    Raises
    ------
    ScenarioError
        For an unknown line id (with near matches).
    """
    line_id = network.resolve_line_id(line_id)
    is_open = line_id in network.active_lines(scenario)
    if is_open:
        with_it, without = scenario, scenario.with_toggles(without_lines=[line_id])
    else:
        with_it, without = scenario.with_toggles(with_lines=[line_id]), scenario
    a = travel_time.reach(origins, minutes=minutes, scenario=with_it).table
    b = travel_time.reach(origins, minutes=minutes, scenario=without).table
    saved = (b["minutes"] - a["minutes"]).to_numpy()
    faster = saved >= MIN_SAVED
    crossing = a["within"].to_numpy() & ~b["within"].to_numpy()
    population = a["population_2020"].to_numpy()
    # A unit crosses every whole-minute limit L with minutes_with <= L < minutes_without.
    lows = np.ceil(a["minutes"].to_numpy()[faster])
    highs = np.ceil(b["minutes"].to_numpy()[faster]) - 1  # NaN: unreachable without the line
    highs = np.where(np.isnan(highs), np.inf, highs)
    keep = lows <= highs
    nearest = np.clip(minutes, lows[keep], highs[keep])
    best = nearest[np.argmin(np.abs(nearest - minutes))] if keep.any() else None
    return LineEffect(
        line_id=line_id,
        open_in_scenario=is_open,
        minutes=float(minutes),
        crossing=tuple(a["adcode"][crossing]),
        population_crossing=float(population[crossing].sum()),
        units_faster=int(faster.sum()),
        population_faster=float(population[faster].sum()),
        max_saved=float(saved[faster].max()) if faster.any() else 0.0,
        nearest_limit=None if best is None else int(best),
    )


IMPACT_COLUMNS = [
    "line_id",
    "name_zh",
    "kind",
    "mode",
    "status",
    "open_in_scenario",
    "delta_population",
    "delta_km2",
    "population_faster",
    "minutes_saved_per_person",
    "units_crossing",
]


def impact_table(
    origins: str | Sequence[str],
    *,
    scenario: Scenario,
    minutes: float = 60,
) -> pd.DataFrame:
    """What every line of the network does in a scenario, on the cell grid, one at a time.

    Each line is switched alone (off if open, on if closed) and compared the way round that
    shows what the line brings: ``delta_population`` and ``delta_km2`` within ``minutes``
    (cells), ``population_faster`` (2020 population of the cells it makes at least
    :data:`MIN_SAVED` faster), ``minutes_saved_per_person`` (their population-weighted mean
    saving) and ``units_crossing`` (units whose seat it brings within the limit). Sorted by
    population brought within, then by population made faster. Cached per origins, scenario
    and limit.
    """
    places = tuple(travel_time.resolve_places(origins))
    return _impact_table(places, scenario, float(minutes)).copy()


@functools.lru_cache(maxsize=16)
def _impact_table(places: tuple[str, ...], scenario: Scenario, minutes: float) -> pd.DataFrame:
    grid = cells.load_grid()
    lines = network.list_lines()
    active = network.active_lines(scenario)
    names = units.load_units()["name_zh"]
    base_cells = cells.cell_minutes(list(places), scenario=scenario)
    base_units = travel_time.reach(list(places), minutes=minutes, scenario=scenario).table
    rows = []
    for line in lines.itertuples(index=False):
        is_open = line.line_id in active
        toggled = scenario.with_toggles(
            **({"without_lines": [line.line_id]} if is_open else {"with_lines": [line.line_id]})
        )
        other_cells = cells.cell_minutes(list(places), scenario=toggled)
        other_units = travel_time.reach(list(places), minutes=minutes, scenario=toggled).table
        with_c, without_c = (base_cells, other_cells) if is_open else (other_cells, base_cells)
        with_u, without_u = (base_units, other_units) if is_open else (other_units, base_units)
        saved = without_c - with_c
        faster = saved >= MIN_SAVED
        pop_faster = float(grid.population[faster].sum())
        gained = (with_c <= minutes).astype(int) - (without_c <= minutes).astype(int)
        crossing = with_u["within"].to_numpy() & ~without_u["within"].to_numpy()
        rows.append(
            {
                "line_id": line.line_id,
                "name_zh": line.name_zh,
                "kind": line.kind,
                "mode": line.mode,
                "status": line.status,
                "open_in_scenario": is_open,
                "delta_population": float((gained * grid.population).sum()),
                "delta_km2": float(gained.sum() * cells.CELL_KM2),
                "population_faster": pop_faster,
                "minutes_saved_per_person": float(
                    (grid.population[faster] * saved[faster]).sum() / pop_faster
                )
                if pop_faster
                else 0.0,
                "units_crossing": "、".join(names[a] for a in with_u["adcode"][crossing]),
            }
        )
    table = pd.DataFrame(rows, columns=IMPACT_COLUMNS)
    return table.sort_values(
        ["delta_population", "population_faster"], ascending=False, ignore_index=True
    )


def modification_effects(
    origins: str | Sequence[str], *, scenario: Scenario, minutes: float = 60
) -> pd.DataFrame:
    """What each of a scenario's modifications brings, the others kept (leave one out).

    One row per modification, in order: ``delta_population`` and ``delta_km2`` within
    ``minutes`` on the cells (the scenario against the scenario without that modification).
    """
    grid = cells.load_grid()
    mods = tuple(scenario.modifications)
    full = cells.cell_minutes(origins, scenario=scenario) <= minutes
    rows = []
    for i in range(len(mods)):
        other = scenario.modified(mods[:i] + mods[i + 1 :])
        gained = full.astype(int) - (cells.cell_minutes(origins, scenario=other) <= minutes)
        rows.append(
            {
                "modification": i + 1,
                "delta_population": float((gained * grid.population).sum()),
                "delta_km2": float(gained.sum() * cells.CELL_KM2),
            }
        )
    return pd.DataFrame(rows, columns=["modification", "delta_population", "delta_km2"])
