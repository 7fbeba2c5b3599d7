"""``cymap lines``, ``cymap route``, ``cymap reach`` and ``cymap calibrate``."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import pandas as pd

from .. import calibration, cells, impact, network, scenarios, travel_time, views
from ._output import add_scenario_options, print_json, print_table, records, scenario_state


def _scenario_args(p: argparse.ArgumentParser) -> None:
    add_scenario_options(
        p, year_help="scenario year or preset (2020, today, 2025, 2035; default: today)"
    )


def _scenario(args: argparse.Namespace) -> scenarios.Scenario:
    sc = views.state_scenario(scenario_state(args))
    network.active_lines(sc)  # unknown line ids fail here, naming the id
    return sc


def _modes(text: str) -> tuple[str, ...]:
    return tuple(m.strip() for m in text.split(",") if m.strip())


def register(sub: argparse._SubParsersAction) -> None:
    """Add the network subcommands."""
    p = sub.add_parser("lines", help="rail lines and expressways: mode, status, year, speed")
    p.add_argument(
        "--year",
        default=None,
        help="only lines open in this year or preset (2020, today, 2025, 2035); default: all lines",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--impact",
        action="store_true",
        help="what each line does in the scenario --year (default today): switched alone, the "
        "population and km² it brings within --minutes of --from, on the cell grid",
    )
    p.add_argument("--from", dest="origin", default="中心城区", help="origin of --impact")
    p.add_argument("--minutes", type=float, default=60.0, help="time limit of --impact")
    p.add_argument("--period", default=None, choices=scenarios.PERIODS)
    p.add_argument("--service", default=None, choices=scenarios.SERVICES)
    p.add_argument("--scenario", type=Path, default=None, metavar="FILE", help="a scenario file")
    p.set_defaults(func=_lines, with_lines=[], without_lines=[], measure="door_to_door")

    p = sub.add_parser("route", help="fastest door-to-door trip between two places")
    p.add_argument("origin", metavar="ORIGIN")
    p.add_argument("destination", metavar="DEST")
    _scenario_args(p)
    p.add_argument("--modes", default="rail,road", help="rail, road or rail,road (default)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_route)

    p = sub.add_parser("reach", help="units within a time limit of one or more origins")
    p.add_argument(
        "origins",
        nargs="+",
        metavar="ORIGIN",
        help="place names/adcodes or a plans grouping (中心城区)",
    )
    p.add_argument("--minutes", type=float, default=60.0, help="time limit (default 60)")
    _scenario_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_reach)

    p = sub.add_parser("calibrate", help="model vs published travel times, per pair")
    p.add_argument(
        "--period",
        default="both",
        choices=(*scenarios.PERIODS, "both"),
        help="period of the road speeds (default: both, one table each)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_calibrate)


def _lines(args: argparse.Namespace) -> int:
    if args.impact:
        return _impact(args)
    year = None if args.year is None else scenarios.for_year(args.year).year
    table = network.list_lines(year=year)
    if args.json:
        print_json(records(table))
    else:
        print_table(table.drop(columns=["source"]))
    return 0


def _impact(args: argparse.Namespace) -> int:
    sc = views.state_scenario(scenario_state(args))
    table = impact.impact_table(args.origin, scenario=sc, minutes=args.minutes)
    if args.json:
        print_json(records(table))
        return 0
    print(
        f"what each line does: {args.origin}, {args.minutes:g} min, {sc.label()}, "
        f"{sc.period}, {sc.service} service (cells of {cells.CELL_KM2:g} km²)"
    )
    show = table.drop(columns=["kind"]).round(
        {
            "delta_population": 0,
            "delta_km2": 0,
            "population_faster": 0,
            "minutes_saved_per_person": 1,
        }
    )
    print_table(show)
    return 0


def _route(args: argparse.Namespace) -> int:
    sc = _scenario(args)
    res = travel_time.route(args.origin, args.destination, scenario=sc, modes=_modes(args.modes))
    out = res.to_dict()
    if args.json:
        print_json(out)
        return 0
    print(
        f"{res.origin} → {res.destination} ({sc.label()}): "
        f"{out['door_to_door_min']} min door to door, {out['in_vehicle_min']} min in vehicles"
    )
    legs = pd.DataFrame(out["legs"], columns=["mode", "line", "from", "to", "minutes"])
    print_table(legs.fillna(""))
    return 0


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 1)


def _reach(args: argparse.Namespace) -> int:
    sc = _scenario(args)
    res = travel_time.reach(args.origins, minutes=args.minutes, scenario=sc)
    table = res.table
    out = {
        "origins": res.origins,
        "minutes": res.minutes,
        "scenario": sc.to_dict(),
        "units": [
            {"adcode": a, "name_zh": n, "minutes": _num(m), "within": bool(w)}
            for a, n, m, w in zip(
                table["adcode"], table["name_zh"], table["minutes"], table["within"], strict=True
            )
        ],
        "summary": {
            "units_within": res.summary["units_within"],
            "area_km2_within": round(res.summary["area_km2_within"], 1),
            "population_within": int(res.summary["population_within"]),
        },
    }
    if args.json:
        print_json(out)
        return 0
    s = out["summary"]
    print(
        f"within {res.minutes:g} min of {', '.join(res.origins)} ({sc.label()}): "
        f"{s['units_within']} units, {s['area_km2_within']:,.0f} km², "
        f"{s['population_within']:,} people (2020)"
    )
    inside = table[table["within"]].sort_values("minutes")
    print_table(inside[["adcode", "name_zh", "minutes"]].round(1))
    return 0


def _calibrate(args: argparse.Namespace) -> int:
    periods = scenarios.PERIODS if args.period == "both" else (args.period,)
    tables = {p: calibration.calibration_table(period=p) for p in periods}
    if args.json:
        print_json({p: records(t) for p, t in tables.items()})
        return 0
    for period, table in tables.items():
        print(f"== {period}")
        _print_calibration(table)
    return 0


def _print_calibration(table: pd.DataFrame) -> None:
    show = table.drop(columns=["source"]).round(1)
    show["note"] = show["note"].str.slice(0, 48)
    print_table(show)
    inc = table[table["included"]]
    print(
        f"\n{int(inc['within_tolerance'].sum())}/{len(inc)} included pairs within "
        f"±{calibration.TOLERANCE:.0%}; median |error| "
        f"{inc['error_pct'].abs().median():.1f} %; {len(table) - len(inc)} rows excluded "
        "(reason in `note`)"
    )
