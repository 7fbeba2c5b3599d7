"""Speed of the travel-time engine: route, single-origin reach, all-units matrix, scenario diff.

Run: ``.venv/bin/python bench/bench_engine.py [--repeat 20]``; writes ``bench/results/engine.json``.
Targets (2-core machine): single-origin reach with its summary under 5 ms; the full 221 × 221
matrix under 0.5 s. Every case records the median (and min/max) of ``--repeat`` warm runs;
``cold_s`` is the first-ever call of the process (loads units and network data, builds the
shared graph and the scenario view), reported separately.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from cymap import _graph, cells, impact, modifications, plans, scenarios, travel_time

TARGETS_S = {
    "reach_single_origin": 0.005,
    "matrix_221x221": 0.5,
    "cells_reach_any_origin": 0.030,
    "impact_table_uncached": 3.0,
    "ten_modifications_reach": 0.050,
}

#: A plan of ten modifications of every kind (bench of applying a scenario).
TEN = modifications.parse_plan("""
baseline: {year: today}
modifications:
  - {kind: headway, line: cq_nanchuan_suburban, peak: 10}
  - {kind: headway, line: jiangtiao_line, peak: 5, offpeak: 10}
  - {kind: speed, line: chengyu_hsr, speed_kph: 400}
  - {kind: open_year, line: yuwan_hsr, year: 2026}
  - {kind: remove_stops, line: chengyu_hsr, stations: [璧山]}
  - {kind: add_stop, line: suiyu_railway, after: 合川, stop: {unit: 北碚区}}
  - {kind: new_line, name_zh: 大足潼南线, mode: suburban, stops: [{unit: 大足区}, {unit: 潼南区}],
     speed_kph: 160, peak: 10}
  - {kind: new_line, name_zh: 璧山快线, mode: suburban, stops: [{station: 重庆西}, {unit: 璧山区}],
     speed_kph: 120, peak: 6}
  - {kind: road_link, from_unit: 大足区, to_unit: 潼南区, speed_kph: 100}
  - {kind: road_link, from_unit: 荣昌区, to_unit: 泸县, speed_kph: 100}
""")
TODAY = scenarios.preset("today")
PLAN_2035 = scenarios.preset("2035")
TOGGLED = TODAY.with_toggles(with_lines=["chengyu_zhongxian_hsr"])
CENTRE = plans.group_adcodes("cq_core")  # the 9 中心城区 districts


def _reach_single() -> None:
    r = travel_time.reach("永川", minutes=60, scenario=TODAY)
    assert r.summary["units_within"] > 0


def _reach_centre() -> None:
    travel_time.reach(CENTRE, minutes=60, scenario=PLAN_2035)


def _route() -> None:
    travel_time.route("成都", "重庆", scenario=TODAY)


def _matrix() -> None:
    m = travel_time.matrix(scenario=TODAY)
    assert m.shape == (221, 221)


def _diff() -> None:
    base = travel_time.reach(CENTRE, minutes=60, scenario=TODAY)
    other = travel_time.reach(CENTRE, minutes=60, scenario=TOGGLED)
    travel_time.compare_reach(base, other)


def _new_scenario_view() -> None:
    """A scenario never seen before: line resolution + building its view + one reach."""
    sc = scenarios.Scenario(2000 + _new_scenario_view.counter)
    _new_scenario_view.counter += 1
    travel_time.reach("永川", minutes=60, scenario=sc)


_new_scenario_view.counter = 0


def _reach_offpeak_plan() -> None:
    travel_time.reach(CENTRE, minutes=60, scenario=PLAN_2035.at(period="offpeak", service="plan"))


def _line_effect() -> None:
    impact.line_effect(CENTRE, "chengyu_zhongxian_hsr", scenario=TODAY, minutes=60)


def _cells_reach() -> None:
    """Reach on the 63 000 cells from an origin not seen before (the cell cache cleared)."""
    cells._cell_minutes.cache_clear()
    cells.cell_reach("永川", minutes=60, scenario=TODAY)


def _impact_table() -> None:
    """What every line does in a scenario, uncached (its views and cells computed anew)."""
    impact._impact_table.cache_clear()
    cells._cell_minutes.cache_clear()
    _graph.compact.cache_clear()
    impact.impact_table(CENTRE, scenario=PLAN_2035, minutes=60)


def _ten_modifications() -> None:
    """A scenario of ten modifications applied anew (its edge list) and one reach from it."""
    _graph._modified.cache_clear()
    _graph.compact.cache_clear()
    travel_time.reach("中心城区", minutes=60, scenario=modifications.plan_scenario(TEN))


def _graph_build() -> None:
    """Building the shared graph of one period and service (done once per process each)."""
    _graph._build.cache_clear()
    _graph.get_engine(TODAY.params, "offpeak", "plan")


CASES: dict[str, tuple[str, Callable[[], None]]] = {
    "route": ("route 成都 → 重庆 (today, rail+road, with legs)", _route),
    "reach_single_origin": ("reach from 永川, 60 min, table + summary (today)", _reach_single),
    "reach_centre_9_origins": ("reach from the 9 中心城区 districts (2035)", _reach_centre),
    "matrix_221x221": ("door-to-door matrix of all 221 county-level units (today)", _matrix),
    "scenario_diff": ("two reaches (today vs +成渝中线) and compare_reach", _diff),
    "uncached_scenario": (
        "reach in a scenario not seen before (builds its view)",
        _new_scenario_view,
    ),
    "reach_offpeak_plan": (
        "reach from the 9 中心城区 districts (2035, off-peak, plan 公交化 service)",
        _reach_offpeak_plan,
    ),
    "line_effect": ("what one switched line does (two reaches and a comparison)", _line_effect),
    "graph_build": ("building the shared graph of one period and service", _graph_build),
    "cells_reach_any_origin": ("reach on cells (3 km grid) with coverage, uncached", _cells_reach),
    "ten_modifications_reach": (
        "a scenario of 10 modifications applied and a reach computed, uncached",
        _ten_modifications,
    ),
    "impact_table_uncached": (
        "what every line does (62 lines switched alone, on cells), uncached",
        _impact_table,
    ),
}


def _time(fn: Callable[[], None]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "engine.json"
    )
    args = parser.parse_args()
    cold = _time(_reach_single)
    results = {}
    for key, (label, fn) in CASES.items():
        if key not in ("uncached_scenario", "graph_build"):
            fn()  # warm: the scenario view is cached after the first call
        few = key in ("graph_build", "impact_table_uncached")
        runs = [_time(fn) for _ in range(3 if few else args.repeat)]
        median = statistics.median(runs)
        results[key] = {
            "what": label,
            "median_s": round(median, 6),
            "min_s": round(min(runs), 6),
            "max_s": round(max(runs), 6),
            "runs": len(runs),
        }
        if key in TARGETS_S:
            results[key]["target_s"] = TARGETS_S[key]
            results[key]["meets_target"] = median < TARGETS_S[key]
        print(f"{key:24s} median {median * 1000:8.2f} ms  ({label})")
    out = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "cold_s": round(cold, 3),
        "cases": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"cold first reach {cold:.2f} s; wrote {args.out}")


if __name__ == "__main__":
    main()
