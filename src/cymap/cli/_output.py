"""Shared output helpers of the command line: JSON and aligned tables."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from .. import modifications, scenarios
from ..scenarios import MEASURES


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if value is pd.NA:
        return None
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a frame as JSON-ready dicts (NaN and NA become ``null``)."""
    return [{k: _clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def print_json(obj: Any) -> None:
    """Print an object as UTF-8 JSON (Chinese kept readable)."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=_clean)
    sys.stdout.write("\n")


def print_table(df: pd.DataFrame) -> None:
    """Print a frame as a plain aligned table."""
    with pd.option_context(
        "display.max_rows",
        None,
        "display.width",
        200,
        "display.max_colwidth",
        60,
        "display.unicode.east_asian_width",
        True,
    ):
        print(df.to_string(index=False))


def scenario_state(args: Any, *, default_year: str = "today") -> dict[str, Any]:
    """The scenario part of a page state from the scenario options.

    See :func:`cymap.views.state_scenario`; a scenario file is read and checked here.
    """
    plan = modifications.read_plan(args.scenario) if args.scenario else None
    return {
        "year": args.year or (None if plan else default_year),
        "with": list(args.with_lines),
        "without": list(args.without_lines),
        "period": args.period,
        "service": args.service,
        "measure": args.measure,
        "plan": modifications.dump_plan(plan) if plan else None,
    }


def add_scenario_options(p: argparse.ArgumentParser, *, year_help: str) -> None:
    """Scenario options of reach, route and export: year, toggles, period and service."""
    p.add_argument("--year", default=None, help=year_help)
    p.add_argument(
        "--period",
        default=None,
        choices=scenarios.PERIODS,
        help="time of day: headways and road speeds in the congested cores (default: peak)",
    )
    p.add_argument(
        "--service",
        default=None,
        choices=scenarios.SERVICES,
        help="service pattern: today's service or the plans' 公交化 reading (default: today)",
    )
    p.add_argument(
        "--scenario",
        type=Path,
        default=None,
        metavar="FILE",
        help="a scenario file (YAML, as saved from 通勤圈): its baseline and modifications; "
        "--year, --period and --service override its baseline",
    )
    p.add_argument(
        "--with",
        dest="with_lines",
        action="append",
        default=[],
        metavar="LINE",
        help="switch a line on (repeatable; see `cymap lines`)",
    )
    p.add_argument(
        "--without",
        dest="without_lines",
        action="append",
        default=[],
        metavar="LINE",
        help="switch a line off (repeatable)",
    )
    p.add_argument(
        "--measure",
        choices=tuple(MEASURES),
        default="door_to_door",
        help="count the whole trip (default) or station to station (no access or waiting)",
    )
