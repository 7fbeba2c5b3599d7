"""The plans catalogue: groupings, corridors and targets of the five planning documents.

The catalogue is declarative data in ``geodata/plans/`` (``documents.yaml``,
``groupings.yaml``, ``corridors.yaml``, ``targets.yaml``). Every item cites its document, the
1-based line and a verbatim quote in the original script. Files are validated on load; errors
name the file, the item and the field.

Examples
--------
>>> from cymap import plans
>>> len(plans.group_adcodes("重庆都市圈"))
22
>>> plans.get_grouping("中心城区").id
'cq_core'
"""

from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import LineString, MultiLineString

from . import names, settings, units
from ._errors import UnknownNameError
from ._plan_schemas import (
    FILES,
    PLANS_DIR,
    Catalogue,
    Corridor,
    Grouping,
    Target,
    check_catalogue,
    name_key,
    read_file,
)

__all__ = [
    "Catalogue",
    "cite",
    "compare",
    "corridor_geometry",
    "dissolved_boundary",
    "get_corridor",
    "get_grouping",
    "get_target",
    "group_adcodes",
    "group_county_adcodes",
    "list_corridors",
    "list_groupings",
    "list_targets",
    "load_catalogue",
    "members",
    "quote_text",
    "summary",
]


@functools.cache
def _load(data_dir: Path) -> Catalogue:
    plans_dir = data_dir / PLANS_DIR
    parts = {key: tuple(read_file(plans_dir / f, key, model)) for key, (f, model) in FILES.items()}
    cat = Catalogue(**parts, data_dir=data_dir)
    check_catalogue(cat, plans_dir)
    return cat


def load_catalogue(*, data_dir: Path | None = None) -> Catalogue:
    """Load and validate the plans catalogue (cached per data folder).

    Parameters
    ----------
    data_dir
        Data folder holding ``plans/``; default ``settings.data_dir``. Units and seats always
        come from :mod:`cymap.units`.

    Raises
    ------
    DataValidationError
        A file is malformed; each line names the file, the item (index and id) and the field.
    """
    return _load(Path(data_dir or settings.data_dir).resolve())


@functools.cache
def _grouping_index(data_dir: Path) -> dict[str, Grouping]:
    out: dict[str, Grouping] = {}
    for g in _load(data_dir).groupings:
        for label in (g.id, g.name_zh, *g.aliases):
            out[name_key(label)] = g
        out.setdefault(name_key(re.sub(r"（.*?）", "", g.name_zh)), g)
    return out


def _lookup(kind: str, query: str, index: dict[str, Any], labels: list[str]) -> Any:
    found = index.get(name_key(query))
    if found is not None:
        return found
    key = name_key(query)
    close = difflib.get_close_matches(key, [name_key(lab) for lab in labels], n=5, cutoff=0.4)
    by_key = {name_key(lab): lab for lab in labels}
    suggestions = [by_key[c] for c in close]
    suggestions += [
        lab for lab in labels if key and key in name_key(lab) and lab not in suggestions
    ]
    hint = f" Did you mean: {', '.join(suggestions[:6])}?" if suggestions else ""
    command = {"grouping": "groups"}.get(kind, kind + "s")
    msg = f"unknown {kind} {query!r}.{hint} Run `cymap {command}` to list them."
    raise UnknownNameError(msg, suggestions=tuple(suggestions[:6]))


def get_grouping(name_or_id: str, *, data_dir: Path | None = None) -> Grouping:
    """A grouping by id (``cq_metro``), Chinese name (``重庆都市圈``) or alias (``中心城区``).

    Raises
    ------
    UnknownNameError
        No grouping has that name; the message suggests near matches.
    """
    cat = load_catalogue(data_dir=data_dir)
    labels = [lab for g in cat.groupings for lab in (g.id, g.name_zh, *g.aliases)]
    return _lookup("grouping", name_or_id, _grouping_index(cat.data_dir), labels)


def list_groupings(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Every grouping: ``id, name_zh, name_en, kind, documents, n_members, enumerated, inferred``."""
    rows = [
        {
            "id": g.id,
            "name_zh": g.name_zh,
            "name_en": g.name_en,
            "kind": g.kind,
            "documents": ",".join(g.documents),
            "n_members": len(g.members),
            "enumerated": g.enumerated,
            "inferred": g.inferred or any(m.membership == "inferred" for m in g.members),
        }
        for g in load_catalogue(data_dir=data_dir).groupings
    ]
    return pd.DataFrame(rows)


def group_adcodes(name_or_id: str, *, data_dir: Path | None = None) -> list[str]:
    """Member adcodes in text order (Chongqing counties and Sichuan prefectures may mix)."""
    return [
        names.resolve_adcode(m.name) for m in get_grouping(name_or_id, data_dir=data_dir).members
    ]


def group_county_adcodes(name_or_id: str, *, data_dir: Path | None = None) -> list[str]:
    """County-level adcodes of a grouping: prefectures expanded, excluded counties left out."""
    gdf = units.load_units()
    out: list[str] = []
    for m in get_grouping(name_or_id, data_dir=data_dir).members:
        code = names.resolve_adcode(m.name)
        excluded = {names.resolve_adcode(x) for x in m.excludes}
        if gdf.at[code, "level"] == "county":
            out.append(code)
        else:
            kids = gdf.index[(gdf["parent_adcode"] == code) & (gdf["level"] == "county")]
            out.extend(k for k in kids if k not in excluded)
    return list(dict.fromkeys(out))


@functools.cache
def _members(gid: str, data_dir: Path) -> gpd.GeoDataFrame:
    cat = _load(data_dir)
    g = next(x for x in cat.groupings if x.id == gid)
    all_units = units.load_units()
    rows, geoms = [], []
    for m in g.members:
        code = names.resolve_adcode(m.name)
        unit = all_units.loc[code]
        geom, area, pop = unit.geometry, float(unit["area_km2"]), int(unit["population_2020"])
        for ex in m.excludes:
            ex_unit = all_units.loc[names.resolve_adcode(ex)]
            geom = geom.difference(ex_unit.geometry)
            area -= float(ex_unit["area_km2"])
            pop -= int(ex_unit["population_2020"])
        rows.append(
            {
                "adcode": code,
                "name_zh": unit["name_zh"],
                "level": unit["level"],
                "tier": m.tier,
                "membership": m.membership,
                "document": m.evidence.document,
                "line": m.evidence.line,
                "quote": m.evidence.quote,
                "quote_simplified": m.evidence.quote_simplified,
                "note": " ".join(x for x in (m.note, m.inferred_reason) if x) or None,
                "as_written": m.as_written,
                "partial": m.partial,
                "area_km2": area,
                "population_2020": pop,
            }
        )
        geoms.append(geom)
    cols = [
        "adcode",
        "name_zh",
        "level",
        "tier",
        "membership",
        "document",
        "line",
        "quote",
        "quote_simplified",
        "note",
        "as_written",
        "partial",
        "area_km2",
        "population_2020",
    ]
    frame = pd.DataFrame(rows, columns=cols).set_index("adcode")
    return gpd.GeoDataFrame(frame, geometry=geoms, crs=settings.crs)


def members(name_or_id: str, *, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Member units of a grouping with their evidence, indexed by ``adcode``.

    Columns: ``name_zh, level, tier, membership ('stated'|'inferred'), document, line, quote,
    quote_simplified, note, as_written, partial, area_km2, population_2020, geometry``. Members
    that exclude counties (e.g. 绵阳市 without 平武县 and 北川县) have those counties removed
    from geometry, area and population. A grouping the text never enumerates has no rows.
    """
    g = get_grouping(name_or_id, data_dir=data_dir)
    return _members(g.id, load_catalogue(data_dir=data_dir).data_dir).copy()


def dissolved_boundary(name_or_id: str, *, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The outer boundary of a grouping as one row (``id, name_zh, n_members, geometry``)."""
    g = get_grouping(name_or_id, data_dir=data_dir)
    gdf = members(g.id, data_dir=data_dir)
    geom = gdf.geometry.union_all() if len(gdf) else None
    return gpd.GeoDataFrame(
        {"id": [g.id], "name_zh": [g.name_zh], "n_members": [len(gdf)]},
        geometry=[geom],
        crs=settings.crs,
    )


def quote_text(quote: str, simplified: str | None = None) -> str:
    """A verbatim quote as shown, with the simplified reading after a traditional-script one.

    E.g. ``總面積3.5萬平方公裡（简体：总面积3.5万平方公里）``.
    """
    if simplified and simplified != quote:
        return f"{quote}（简体：{simplified}）"
    return quote


def cite(ev: Any) -> str:
    """``document:line quote`` of one piece of evidence (see :func:`quote_text`)."""
    return f"{ev.document}:{ev.line} {quote_text(ev.quote, ev.quote_simplified)}"


def summary(name_or_id: str, *, data_dir: Path | None = None) -> dict[str, Any]:
    """Computed area and 2020 population of a grouping beside the figures the documents state.

    Differences are computed minus stated (``area_diff_km2``, ``area_diff_pct``,
    ``population_diff``, ``population_diff_pct``); they are ``None`` when no figure is stated.
    """
    g = get_grouping(name_or_id, data_dir=data_dir)
    gdf = members(g.id, data_dir=data_dir)
    area, pop = float(gdf["area_km2"].sum()), int(gdf["population_2020"].sum())
    stated = [t for t in list_targets(data_dir=data_dir) if t.kind == "size" and t.grouping == g.id]
    out: dict[str, Any] = {
        "id": g.id,
        "name_zh": g.name_zh,
        "n_members": len(gdf),
        "area_km2": round(area, 1),
        "population_2020": pop,
        "partial_members": [str(n) for n in gdf.loc[gdf["partial"], "name_zh"]],
        "stated_area_km2": None,
        "stated_population": None,
        "stated_year": None,
        "stated_source": None,
        "area_diff_km2": None,
        "area_diff_pct": None,
        "population_diff": None,
        "population_diff_pct": None,
    }
    if stated:
        t = stated[-1]
        out.update(
            {
                "stated_area_km2": t.area_km2,
                "stated_population": t.population,
                "stated_year": t.year,
                "stated_source": cite(t.evidence[0]),
                "stated_note": t.note,
                "area_diff_km2": round(area - t.area_km2, 1),
                "area_diff_pct": round((area - t.area_km2) / t.area_km2 * 100, 2),
                "population_diff": pop - t.population,
                "population_diff_pct": round((pop - t.population) / t.population * 100, 2),
            }
        )
    return out


def compare(a: str, b: str, *, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Members of two groupings with ``side`` in {'both', 'only_a', 'only_b'}.

    Compared by adcode as the texts name them (a prefecture and one of its counties count as
    different units).
    """
    ga, gb = members(a, data_dir=data_dir), members(b, data_dir=data_dir)
    both = ga.index.intersection(gb.index)
    frame = pd.concat([ga, gb.loc[gb.index.difference(ga.index)]])
    frame["side"] = [
        "both" if c in both else ("only_a" if c in ga.index else "only_b") for c in frame.index
    ]
    keep = ["name_zh", "level", "side", "area_km2", "population_2020", "geometry"]
    return gpd.GeoDataFrame(frame[keep], geometry="geometry", crs=settings.crs)


def list_corridors(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Every corridor: ``id, name_zh, name_en, kind, members (in order), n_members, carriers, carrier_notes, documents``."""
    rows = [
        {
            "id": c.id,
            "name_zh": c.name_zh,
            "name_en": c.name_en,
            "kind": c.kind,
            "members": " → ".join(m.name for m in c.members),
            "n_members": len(c.members),
            "carriers": ",".join(c.carriers),
            "carrier_notes": c.carrier_notes,
            "documents": ",".join(c.documents),
        }
        for c in load_catalogue(data_dir=data_dir).corridors
    ]
    return pd.DataFrame(rows)


def get_corridor(name_or_id: str, *, data_dir: Path | None = None) -> Corridor:
    """A corridor by id (``yangtze_axis``), Chinese name (``沿长江发展轴``) or alias."""
    cat = load_catalogue(data_dir=data_dir)
    index = {name_key(lab): c for c in cat.corridors for lab in (c.id, c.name_zh, *c.aliases)}
    labels = [lab for c in cat.corridors for lab in (c.id, c.name_zh, *c.aliases)]
    return _lookup("corridor", name_or_id, index, labels)


def corridor_geometry(
    name_or_id: str, *, spokes: bool = False, data_dir: Path | None = None
) -> gpd.GeoDataFrame:
    """A corridor drawn through its members' seats in order, plus one point row per member.

    Row 0 (``feature == 'line'``) is a LineString through the seats in order; with
    ``spokes=True`` it is a MultiLineString from the first member (for radial corridors,
    渝中区) to each other member. Places outside Sichuan and Chongqing (遵义市) are drawn at a
    point inside their boundary. Columns: ``feature, order, name_zh, adcode, geometry``.
    """
    c = get_corridor(name_or_id, data_dir=data_dir)
    seats = units.load_seats()
    context = units.load_context()
    rows = []
    for i, m in enumerate(c.members):
        if m.context_adcode:
            code, point = (
                m.context_adcode,
                context.loc[m.context_adcode].geometry.representative_point(),
            )
        else:
            code = names.resolve_adcode(m.name)
            point = seats.loc[code].geometry
        rows.append(
            {"feature": "member", "order": i, "name_zh": m.name, "adcode": code, "geometry": point}
        )
    coords = [r["geometry"].coords[0] for r in rows]
    line = MultiLineString([[coords[0], p] for p in coords[1:]]) if spokes else LineString(coords)
    head = {"feature": "line", "order": -1, "name_zh": c.name_zh, "adcode": None, "geometry": line}
    return gpd.GeoDataFrame([head, *rows], geometry="geometry", crs=settings.crs)


def list_targets(*, data_dir: Path | None = None) -> list[Target]:
    """Every target (reach, pair, size) in file order."""
    return list(load_catalogue(data_dir=data_dir).targets)


def get_target(target_id: str, *, data_dir: Path | None = None) -> Target:
    """A target by id (e.g. ``cq_core_1h_commute_2025``)."""
    cat = load_catalogue(data_dir=data_dir)
    return _lookup(
        "target", target_id, {name_key(t.id): t for t in cat.targets}, [t.id for t in cat.targets]
    )
