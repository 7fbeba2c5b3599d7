"""Folium layers of each dashboard view, built from library results (no Streamlit).

Each function returns the dynamic layers of a page (``folium.FeatureGroup`` list, passed to
``st_folium(feature_group_to_add=...)`` so that changing a widget does not reload the map) and
the legend to add to the map.
"""

from __future__ import annotations

import functools

import folium
import geopandas as gpd
import pandas as pd

from . import maps, plans, units
from .i18n import tr
from .notes import note_text
from .style import (
    CARRIER_COLOR,
    CORRIDOR_COLORS,
    CORRIDOR_MEMBER_COLOR,
    LINE_COLORS,
    METRO_OUTLINES,
    OTHER_LINE_COLOR,
    SAVED_BANDS,
    SCOPE_COLORS,
    STATUS_COLORS,
    WING_COLORS,
)


def _label(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


@functools.cache
def _group_boundary(group: str) -> gpd.GeoDataFrame:
    """A grouping's dissolved boundary (built once per grouping)."""
    return plans.dissolved_boundary(group)


def overview_layers(lang: str = "zh") -> tuple[list[folium.FeatureGroup], maps.Legend]:
    """The circle's scope (full and partial members), both metropolitan areas and both wings."""
    scope = plans.members("cy_circle")
    scope["scope"] = scope["partial"].map({True: "partial", False: "full"})
    tip = {"name_zh": _label(lang, "名称", "Name"), "note": _label(lang, "说明", "Note")}
    scope["note"] = [note_text(n, lang) if isinstance(n, str) else "" for n in scope["note"]]
    layers = [
        maps.units_layer(
            scope,
            color=lambda p: SCOPE_COLORS[p["scope"]],
            tooltip=tip,
            fill_opacity=0.9,
            line_color="#c8b8a8",
            weight=0.5,
            name="scope",
        )
    ]
    for gid, color in (*WING_COLORS.items(), *METRO_OUTLINES):
        dash = "6 4" if gid in WING_COLORS else None
        layers.append(
            maps.boundary_layer(_group_boundary(gid), color=color, weight=3, dash=dash, name=gid)
        )
    items = [
        (tr("legend.scope", lang), SCOPE_COLORS["full"]),
        (tr("legend.scope_partial", lang), SCOPE_COLORS["partial"]),
        (tr("legend.cq_metro", lang), METRO_OUTLINES[0][1]),
        (tr("legend.cd_metro", lang), METRO_OUTLINES[1][1]),
        (tr("legend.wing_north", lang) + " ┅", WING_COLORS["north_wing"]),
        (tr("legend.wing_south", lang) + " ┅", WING_COLORS["south_wing"]),
    ]
    return layers, maps.Legend("", items)


@functools.cache
def _corridor_data(corridor_ids: tuple[str, ...]) -> tuple[gpd.GeoDataFrame, list[str], list[str]]:
    """Lines through the corridors' member seats, member adcodes and carrier ids (cached)."""
    known = set(units.load_units().index)
    lines, member_codes, carriers = [], [], []
    for cid in corridor_ids:
        c = plans.get_corridor(cid)
        geom = plans.corridor_geometry(cid, spokes=c.kind == "radial_corridor")
        head = geom[geom["feature"] == "line"].copy()
        head["kind"] = c.kind
        head["carrier_ids"] = [tuple(c.carriers)]
        head["carriers"] = "、".join(c.carriers) or "—"
        head["carrier_notes"] = c.carrier_notes or ""
        lines.append(head)
        pts = geom[geom["feature"] == "member"]
        member_codes += [a for a in pts["adcode"] if a and a in known]
        carriers += list(c.carriers)
    frame = (
        gpd.GeoDataFrame(pd.concat(lines, ignore_index=True), crs=lines[0].crs)
        if lines
        else gpd.GeoDataFrame()
    )
    return frame, list(dict.fromkeys(member_codes)), carriers


def corridor_layers(
    corridor_ids: list[str], *, line_geoms: gpd.GeoDataFrame | None = None, lang: str = "zh"
) -> tuple[list, maps.Legend]:
    """Corridors drawn through their members' seats, members highlighted, carriers drawn.

    ``line_geoms`` are the network's line geometries (``network.line_geometries()``) for the
    carriers; they are drawn thin under the corridor lines when given.
    """
    kinds = CORRIDOR_COLORS
    lines, member_codes, carriers = _corridor_data(tuple(corridor_ids))
    lines = [lines.copy()] if len(lines) else []
    if line_geoms is not None and lines:
        names = dict(zip(line_geoms["line_id"], line_geoms["name_zh"], strict=True))
        lines[0]["carriers"] = lines[0]["carrier_ids"].map(
            lambda ids: "、".join(names.get(i, i) for i in ids) or "—"
        )
    layers = []
    loaded = units.load_units()
    if member_codes:
        layers.append(
            maps.units_layer(
                loaded.loc[member_codes, ["name_zh"]],
                color=CORRIDOR_MEMBER_COLOR,
                tooltip={"name_zh": _label(lang, "名称", "Name")},
                fill_opacity=0.55,
                name="corridor_members",
            )
        )
    if line_geoms is not None and carriers:
        sel = line_geoms[line_geoms["line_id"].isin(carriers)]
        if len(sel):
            layers.append(
                maps.lines_layer(
                    sel[["line_id", "name_zh", "geometry"]],
                    style=lambda _p: {"color": CARRIER_COLOR, "weight": 2, "opacity": 0.7},
                    tooltip={"name_zh": _label(lang, "依托线路", "Carrier")},
                    name="carriers",
                )
            )
    if lines:
        gl = gpd.GeoDataFrame(pd.concat(lines, ignore_index=True), crs=lines[0].crs)
        gl["carrier_notes"] = [note_text(n, lang) for n in gl["carrier_notes"]]
        layers.append(
            maps.lines_layer(
                gl[["name_zh", "kind", "carriers", "carrier_notes", "geometry"]],
                style=lambda p: {
                    "color": kinds.get(p["kind"], OTHER_LINE_COLOR),
                    "weight": 5,
                    "opacity": 0.85,
                    "dashArray": "10 6" if p["kind"] == "belt" else None,
                },
                tooltip={
                    "name_zh": _label(lang, "轴带", "Corridor"),
                    "carriers": tr("corr.carriers", lang),
                    "carrier_notes": _label(lang, "其他依托", "Other carriers"),
                },
                name="corridors",
            )
        )
    if member_codes:
        layers.append(maps.label_layer(member_codes))
    kind_label = {
        "axis": _label(lang, "发展轴", "Axis"),
        "belt": _label(lang, "发展带", "Belt"),
        "radial_corridor": _label(lang, "放射通道", "Radial corridor"),
    }
    legend = maps.Legend(
        "",
        [(kind_label[k], v) for k, v in kinds.items()]
        + [
            (_label(lang, "经过城市", "Member places"), CORRIDOR_MEMBER_COLOR),
            (tr("corr.carriers", lang), CARRIER_COLOR),
        ],
    )
    return layers, legend


def _saved_color(saved: float | None) -> str:
    if saved is None or pd.isna(saved):
        return "#f2f3f4"
    for upper, color in SAVED_BANDS:
        if saved < upper:
            return color
    return SAVED_BANDS[-1][1]


def reach_layers(
    view, *, compare: str = "none", lang: str = "zh"
) -> tuple[list[folium.FeatureGroup], maps.Legend]:
    """Units coloured by minutes (or by the comparison with the baseline), origins and lines.

    ``view`` is an :class:`cymap.analysis.ReachView`; ``compare`` is 'none', 'sets' (baseline
    only / scenario only / both) or 'saved' (minutes saved against the baseline).
    """
    table = view.reach.table.set_index("adcode")
    gdf = units.load_units(level="county")[["name_zh"]].join(table[["minutes", "within"]])
    gdf["minutes_text"] = gdf["minutes"].map(lambda m: "—" if pd.isna(m) else f"{m:.0f}")
    tip = {"name_zh": _label(lang, "名称", "Name"), "minutes_text": _label(lang, "分钟", "Minutes")}
    if compare != "none" and view.diff is not None:
        diff = view.diff.set_index("adcode")
        gdf["status"] = diff["status"]
        gdf["saved"] = diff["minutes_saved"]
        gdf["saved_text"] = gdf["saved"].map(lambda m: "—" if pd.isna(m) else f"{m:.0f}")
        tip["saved_text"] = _label(lang, "节省分钟", "Minutes saved")
        if compare == "sets":
            labels = {
                "both": _label(lang, "两者均在范围内", "Within in both"),
                "base_only": _label(lang, "仅基准", "Baseline only"),
                "other_only": _label(lang, "仅情景（新增）", "Scenario only (gained)"),
                "neither": _label(lang, "均不在", "Neither"),
            }
            layer = maps.units_layer(
                gdf, color=lambda p: STATUS_COLORS[p["status"]], tooltip=tip, name="reach"
            )
            legend = maps.Legend("", [(labels[k], v) for k, v in STATUS_COLORS.items()])
        else:
            layer = maps.units_layer(
                gdf,
                color=lambda p: _saved_color(p["saved"] if p["saved"] != "nan" else None),
                tooltip=tip,
                name="reach",
            )
            lower, items = 0, []
            for upper, color in SAVED_BANDS:
                items.append((f"≥ {lower}" if upper == float("inf") else f"{lower}–{upper}", color))
                lower = upper
            legend = maps.Legend(tr("reach.compare.saved", lang), items)
    else:
        layer = maps.units_layer(
            gdf,
            color=lambda p: maps.minutes_color(
                None if p["minutes"] in (None, "nan") else p["minutes"]
            ),
            tooltip=tip,
            name="reach",
        )
        legend = maps.minutes_legend(lang)
    origins = units.load_units().loc[view.reach.origin_adcodes]
    origin_outline = gpd.GeoDataFrame(geometry=[origins.union_all()], crs=origins.crs)
    lines = view.lines.copy()
    lines["state"] = lines["active"].map(
        {True: _label(lang, "开通", "open"), False: _label(lang, "未开通", "not open")}
    )
    line_layer = maps.lines_layer(
        lines[
            ["line_id", "name_zh", "mode", "status", "open_year", "active", "state", "geometry"]
        ].assign(open_year=lines["open_year"].astype(str)),
        style=lambda p: {
            "color": LINE_COLORS.get(p["mode"], OTHER_LINE_COLOR),
            "weight": 3 if p["active"] in (True, "True") else 1.5,
            "opacity": 0.9 if p["active"] in (True, "True") else 0.45,
            "dashArray": None if p["active"] in (True, "True") else "4 4",
        },
        tooltip={
            "name_zh": _label(lang, "线路", "Line"),
            "open_year": _label(lang, "开通年份", "Opening year"),
            "state": _label(lang, "情景中", "In scenario"),
        },
        name="lines",
    )
    return [
        layer,
        line_layer,
        maps.boundary_layer(origin_outline, color="#000", weight=2.5, name="origins"),
    ], legend
