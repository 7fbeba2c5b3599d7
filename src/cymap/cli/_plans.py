"""``cymap groups``, ``members``, ``group-summary``, ``corridors`` and ``targets``."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from .. import plans
from ._output import print_json, print_table, records


def register(sub: argparse._SubParsersAction) -> None:
    """Add the plans catalogue subcommands."""
    p = sub.add_parser("groups", help="list the plans' groupings (重庆都市圈, 川南渝西 …)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_groups)

    p = sub.add_parser("members", help="members of a grouping with their evidence")
    p.add_argument(
        "group", metavar="GROUP", help="grouping id or name, e.g. cq_metro or 重庆都市圈"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_members)

    p = sub.add_parser(
        "group-summary", help="computed area and population of a grouping vs the stated figures"
    )
    p.add_argument("group", metavar="GROUP", help="grouping id or name, e.g. 川南渝西")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_group_summary)

    p = sub.add_parser(
        "corridors", help="list the plans' corridors with ordered members and carriers"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_corridors)

    p = sub.add_parser("targets", help="list the plans' time and size targets")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_targets)


def _groups(args: argparse.Namespace) -> int:
    table = plans.list_groupings()
    if args.json:
        cat = plans.load_catalogue()
        out = []
        for row, g in zip(records(table), cat.groupings, strict=True):
            row["documents"] = list(g.documents)
            row["aliases"] = list(g.aliases)
            row["members"] = [m.name for m in g.members]
            row["note"] = g.note
            out.append(row)
        print_json(out)
    else:
        print_table(table.drop(columns="name_en"))
    return 0


def _members(args: argparse.Namespace) -> int:
    group = plans.get_grouping(args.group)
    table = plans.members(group.id).drop(columns="geometry").reset_index()
    if args.json:
        print_json(
            {
                "id": group.id,
                "name_zh": group.name_zh,
                "enumerated": group.enumerated,
                "note": group.note,
                "members": records(table),
            }
        )
        return 0
    print(f"{group.name_zh} ({group.id}): {len(table)} members")
    if not group.enumerated:
        print("not enumerated in the documents: " + (group.note or ""))
        return 0
    cols = ["adcode", "name_zh", "level", "tier", "membership", "document", "line", "quote"]
    print_table(table[cols].fillna(""))
    return 0


def _fmt_diff(value: Any, pct: Any, unit: str) -> str:
    if value is None:
        return "no stated figure"
    return f"{value:+,.1f} {unit} ({pct:+.2f}%)" if unit else f"{value:+,} ({pct:+.2f}%)"


def _group_summary(args: argparse.Namespace) -> int:
    s = plans.summary(args.group)
    if args.json:
        print_json(s)
        return 0
    print(f"{s['name_zh']} ({s['id']}): {s['n_members']} members")
    if s["partial_members"]:
        print(
            "partial members (counted whole unless the text names excluded counties): "
            + "、".join(s["partial_members"])
        )
    print(f"computed area:        {s['area_km2']:,.1f} km²")
    print(f"computed population:  {s['population_2020']:,} (2020 census)")
    if s["stated_source"] is None:
        print("stated figures:       none in the documents")
        return 0
    print(f"stated area:          {s['stated_area_km2']:,.0f} km²  ({s['stated_year']})")
    print(f"stated population:    {s['stated_population']:,}  ({s['stated_year']})")
    print(f"area difference:      {_fmt_diff(s['area_diff_km2'], s['area_diff_pct'], 'km²')}")
    print(f"population difference: {_fmt_diff(s['population_diff'], s['population_diff_pct'], '')}")
    print(f"source: {s['stated_source']}")
    return 0


def _corridors(args: argparse.Namespace) -> int:
    table = plans.list_corridors()
    if args.json:
        cat = plans.load_catalogue()
        out = []
        for row, c in zip(records(table), cat.corridors, strict=True):
            row["members"] = [m.name for m in c.members]
            row["carriers"] = list(c.carriers)
            row["documents"] = list(c.documents)
            row["evidence"] = [e.model_dump(exclude_none=True) for e in c.evidence]
            out.append(row)
        print_json(out)
    else:
        print_table(table.drop(columns=["name_en", "n_members"]).fillna(""))
    return 0


def _targets(args: argparse.Namespace) -> int:
    targets = plans.list_targets()
    if args.json:
        print_json([t.model_dump() for t in targets])
        return 0
    rows = [
        {
            "id": t.id,
            "kind": t.kind,
            "year": t.year,
            "max_minutes": t.max_minutes,
            "origin": t.origin or t.grouping,
            "to": t.destination or t.destinations,
            "checkable": t.checkable,
            "source": f"{t.evidence[0].document}:{t.evidence[0].line}",
        }
        for t in targets
    ]
    table = pd.DataFrame(rows, dtype=object)
    print_table(table.where(table.notna(), ""))
    return 0
