"""``cymap export VIEW [options] --out FILE``: maps and data of any view, for batch work.

The options are named like the pages' URL state (``group, group_b, corridor, from, minutes,
year, with, without, base_year, lang``), so a bookmarked view exports as it is shown::

    cymap export reach --from 中心城区 --minutes 60 --year 2035 --out reach.png
    cymap export group 重庆都市圈 --out boundary.pdf
    cymap export compare 重庆都市圈 川南渝西 --out compare.svg
    cymap export diff --from 中心城区 --year 2035 --base-year today --out diff.svg
    cymap export targets --year 2025 --out checks.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import targets, views
from .._errors import ExportError
from ..printmap import export
from ._output import add_scenario_options, scenario_state

_VIEWS = ("overview", "group", "compare", "corridors", "reach", "diff", "population", "targets")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``export`` subcommand."""
    p = sub.add_parser(
        "export",
        help="export a view as PNG/PDF/SVG map or GeoJSON/CSV data",
        description="Export a view of the pages as a map (png, pdf, svg) or its data "
        "(geojson, csv); the format follows the suffix of --out. `targets` exports the "
        "plan-target checks (csv, geojson).",
    )
    p.add_argument("view", choices=_VIEWS, metavar="VIEW", help=" | ".join(_VIEWS))
    p.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="grouping (group), two groupings (compare A B) or a corridor (corridors)",
    )
    p.add_argument(
        "--out", required=True, type=Path, help="output file: .png .pdf .svg .geojson .csv"
    )
    p.add_argument("--group", help="grouping id or name (e.g. 重庆都市圈)")
    p.add_argument("--group-b", dest="group_b", help="second grouping of `compare`")
    p.add_argument(
        "--compare",
        choices=("sets", "saved"),
        default="sets",
        help="`diff`: units gained/lost (sets, default) or minutes saved (saved), as on the page",
    )
    p.add_argument(
        "--color",
        choices=("tier", "membership"),
        default="tier",
        help="colour the members of `group` by tier (default) or stated/inferred, as on the page",
    )
    p.add_argument("--corridor", help="corridor id or name (default: every corridor)")
    p.add_argument(
        "--from", dest="origin", default=None, help="origin of reach/diff (default 中心城区)"
    )
    p.add_argument("--minutes", type=int, default=60, help="time limit in minutes (default 60)")
    add_scenario_options(
        p,
        year_help="scenario year or preset (2020, today, 2025, 2035); reach/diff default 2035; "
        "with `group` it overlays the reach of that scenario",
    )
    p.add_argument("--base-year", dest="base_year", default="today", help="baseline of `diff`")
    p.add_argument(
        "--param",
        dest="params",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="change a travel-time model parameter, e.g. transfer_min=5 or "
        "station_entry_min.hsr=5 (repeatable; see docs/travel_time_model.md)",
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the frame texts")
    p.add_argument("--width", type=int, default=2000, help="image width in pixels (default 2000)")
    p.add_argument("--height", type=int, default=1500, help="image height in pixels (default 1500)")
    p.add_argument("--dpi", type=float, default=200, help="dots per inch (300 for print)")
    p.add_argument("--province", default="500000", help="province adcode of `population`")
    p.set_defaults(func=_export)


def _year(value: str) -> int | str:
    return int(value) if str(value).isdigit() else value


def state_of(args: argparse.Namespace) -> dict:
    """The URL state of a view from the command-line options."""
    names = list(args.names)
    if len(names) > (2 if args.view == "compare" else 1):
        msg = f"too many names for `{args.view}`: {' '.join(names)}"
        raise ExportError(msg)
    corridor = args.corridor or (names.pop(0) if names and args.view == "corridors" else None)
    group = args.group or (names.pop(0) if names else None)
    group_b = args.group_b or (names.pop(0) if names else None)
    return {
        "group": group,
        "group_b": group_b,
        "color": args.color,
        "cmp": args.compare,
        "corridor": corridor,
        "from": args.origin,
        "minutes": args.minutes,
        **scenario_state(args, default_year=""),
        "year": _year(args.year) if args.year else None,
        "base_year": _year(args.base_year),
        "lang": args.lang,
        "province": args.province,
        "params": params_of(args.params),
    }


def params_of(items: list[str]) -> dict:
    """Model parameter changes from ``NAME=VALUE`` or ``NAME.MODE=VALUE`` options."""
    out: dict = {}
    for item in items:
        key, sep, value = item.partition("=")
        try:
            number = float(value)
        except ValueError:
            number = None
        if not sep or number is None:
            msg = f"--param {item!r}: write NAME=NUMBER, e.g. transfer_min=5 or station_entry_min.hsr=5"
            raise ExportError(msg)
        name, _, mode = key.strip().partition(".")
        if mode:
            out.setdefault(name, {})[mode] = number
        else:
            out[name] = number
    return out


def _export(args: argparse.Namespace) -> int:
    fmt = export.format_of(args.out)
    state = state_of(args)
    if args.view == "targets":
        if fmt not in export.DATA_FORMATS:
            msg = f"{args.out}: `targets` is a table; use --out FILE.csv (or .geojson)"
            raise ExportError(msg)
        scenario = views.state_scenario(state)
        data = export.export_table(targets.check_targets(scenario), fmt=fmt)
    else:
        data = export.export_view(
            args.view, state, fmt=fmt, width_px=args.width, height_px=args.height, dpi=args.dpi
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data) / 1024:,.0f} KiB, {fmt})")
    return 0
