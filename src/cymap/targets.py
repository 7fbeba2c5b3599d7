"""The plans' travel-time targets checked under a scenario (domain; no presentation)."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd

from . import plans, scenarios, settings, travel_time, units
from ._errors import CymapError


def check_targets(scenario: Any = 2035) -> gpd.GeoDataFrame:
    """The plans' travel-time targets checked under a scenario: one row per target and unit.

    Columns ``target_id, target_name_zh, target_year, max_minutes, measure, stated_measure,
    target_passes, adcode, name_zh, minutes, passes`` (``minutes_as_stated, passes_as_stated``
    where the plan's wording implies another measure than the scenario's), ``note`` and the
    unit's polygon. ``minutes`` are counted by the scenario's measure, as on its map. Size targets are not travel-time
    targets and are left out; a target the engine cannot check gets one row with the reason.
    """
    sc = scenario if isinstance(scenario, scenarios.Scenario) else scenarios.for_year(str(scenario))
    rows = []
    for target in plans.list_targets():
        if target.kind not in ("reach", "pair"):
            continue
        head = {
            "target_id": target.id,
            "target_name_zh": target.name_zh,
            "target_year": target.year,
            "max_minutes": target.max_minutes,
        }
        try:
            check = travel_time.check_target(target, scenario=sc)
        except CymapError as err:
            rows.append(pd.DataFrame([{**head, "target_passes": None, "note": str(err)}]))
            continue
        table = check.table.copy()
        head |= {
            "measure": check.measure,
            "stated_measure": check.stated_measure,
            "target_passes": bool(check.passes),
        }
        for k, (col, value) in enumerate(head.items()):
            table.insert(k, col, value)
        rows.append(table)
    out = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["adcode"])
    geo = units.load_units()["geometry"]
    out["geometry"] = out["adcode"].map(geo) if "adcode" in out else None
    return gpd.GeoDataFrame(out, geometry="geometry", crs=settings.crs)
