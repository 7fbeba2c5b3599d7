"""Views of the development corridors (axes, belts, radial corridors) and their carriers."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd

from . import settings, units
from ._map_view import Label, Layer, LegendEntry, MapView
from ._view_style import _line_names, document_titles, label_units, t
from .style import CARRIER_COLOR, CORRIDOR_COLORS, CORRIDOR_MEMBER_COLOR, OTHER_LINE_COLOR

KIND_STYLES = {  # corridor kind: (colour, line style, zh, en)
    "axis": (CORRIDOR_COLORS["axis"], "-", "发展轴", "development axis"),
    "belt": (CORRIDOR_COLORS["belt"], "--", "发展带", "development belt"),
    "radial_corridor": (CORRIDOR_COLORS["radial_corridor"], "-", "辐射廊道", "radial corridor"),
}


def view_corridors(
    name: str | None = None, *, lang: str = "zh"
) -> tuple[MapView, gpd.GeoDataFrame]:
    """One corridor (or every corridor) drawn through its member cities, members highlighted.

    With one corridor its carrier lines (from ``cymap.network``, when present) are drawn too.
    All corridors are styled by kind (axis, belt, radial corridor).
    """
    from . import plans

    ids = [plans.get_corridor(name).id] if name else list(plans.list_corridors()["id"])
    all_units = units.load_units()
    lines, members, docs = [], [], []
    for cid in ids:
        corridor = plans.get_corridor(cid)
        geo = plans.corridor_geometry(cid)
        color, dash, _, _ = KIND_STYLES.get(corridor.kind, (OTHER_LINE_COLOR, "-", "", ""))
        line = geo[geo.geom_type.isin(["LineString", "MultiLineString"])].copy()
        line["corridor_id"], line["color"], line["dash"] = cid, color, dash
        lines.append(line)
        codes = [
            c for c in geo.get("adcode", pd.Series(dtype=str)).dropna() if c in all_units.index
        ]
        rows = all_units.loc[codes, ["name_zh", "level", "area_km2", "population_2020", "geometry"]]
        rows = rows.assign(
            corridor_id=cid, corridor_name_zh=corridor.name_zh, order=range(len(rows))
        )
        members.append(rows)
        docs += list(corridor.documents)
    line_gdf = gpd.GeoDataFrame(pd.concat(lines), geometry="geometry", crs=settings.crs)
    table = gpd.GeoDataFrame(pd.concat(members), geometry="geometry", crs=settings.crs)
    unique_members = table[~table.index.duplicated()]
    layers = [
        Layer(
            unique_members,
            {
                "facecolor": CORRIDOR_MEMBER_COLOR,
                "edgecolor": "#ffffff",
                "linewidth": 0.4,
                "zorder": 1,
            },
        ),
    ]
    legend = [
        LegendEntry(t("轴带经过的单元", "member unit", lang), facecolor=CORRIDOR_MEMBER_COLOR)
    ]
    if name:
        layers += _carrier_layers(plans.get_corridor(name).carriers)
        legend += (
            [LegendEntry(t("依托线路", "carrier line", lang), facecolor=CARRIER_COLOR, kind="line")]
            if len(layers) > 1
            else []
        )
    for dash in dict.fromkeys(line_gdf["dash"]):
        part = line_gdf[line_gdf["dash"] == dash]
        layers.append(
            Layer(
                part,
                {
                    "color_column": "color",
                    "linewidth": 2.8,
                    "alpha": 0.9,
                    "linestyle": dash,
                    "zorder": 5,
                },
            )
        )
    kinds = dict.fromkeys(plans.get_corridor(c).kind for c in ids)
    for kind in kinds:
        color, dash, zh, en = KIND_STYLES.get(kind, (OTHER_LINE_COLOR, "-", kind, kind))
        label = plans.get_corridor(name).name_zh if name else t(zh, en, lang)
        legend.append(
            LegendEntry(label, facecolor=color, kind="line", linestyle=dash, linewidth=2.8)
        )
    corridor_labels = [] if name else _line_labels(line_gdf, ids)
    view = MapView(
        title=plans.get_corridor(name).name_zh
        if name
        else t("发展轴带", "Development corridors", lang),
        subtitle=_corridor_subtitle(name, len(ids), len(unique_members), lang),
        layers=layers,
        labels=corridor_labels
        + label_units(unique_members.index, priority_by="population_2020", boost=1),
        legend=legend,
        legend_title=t("轴带", "Corridors", lang),
        sources=document_titles(docs),
        lang=lang,
    )
    return view, table


def _corridor_subtitle(name: str | None, n_corridors: int, n_units: int, lang: str) -> str:
    """Kind, member count and carriers of one corridor, or the count of all corridors."""
    from . import plans

    if not name:
        return t(
            f"{n_corridors} 条轴带 · 经过 {n_units} 个单元",
            f"{n_corridors} corridors · {n_units} units",
            lang,
        )
    corridor = plans.get_corridor(name)
    _, _, zh, en = KIND_STYLES.get(corridor.kind, ("", "", corridor.kind, corridor.kind))
    text = t(f"{zh} · 经过 {n_units} 个单元", f"{en} · {n_units} units", lang)
    carriers = [
        *_carrier_names(corridor.carriers),
        *filter(None, [_carrier_note_name(corridor.carrier_notes or "")]),
    ]
    if carriers:
        text += t(" · 依托 ", " · carried by ", lang) + "、".join(carriers)
    return text


def _carrier_note_name(text: str) -> str | None:
    """The carrier a note names at its start, for the subtitle (the explanation stays in the data).

    长江黄金水道 (the Yangtze waterway) → 长江黄金水道; 成渝复线高速 (001 line 37) is named
    beside … → 成渝复线高速. ``None`` when the note does not start with a name.
    """
    import re

    found = re.match(r"[\u4e00-\u9fff]+", text.strip())
    return found.group(0) if found else None


def _carrier_names(carriers: Any) -> list[str]:
    try:
        names_by_id = _line_names()
    except ImportError:  # network not available: show the ids
        names_by_id = {}
    return [names_by_id.get(c, c) for c in carriers or []]


def _line_labels(line_gdf: gpd.GeoDataFrame, ids: list[str]) -> list[Label]:
    """Corridor names at the middle of their lines (lowest priority)."""
    from . import plans

    out = []
    for cid, geom in zip(line_gdf["corridor_id"], line_gdf.geometry, strict=True):
        mid = geom.interpolate(0.5, normalized=True)
        out.append(
            Label(
                plans.get_corridor(cid).name_zh,
                mid.x,
                mid.y,
                priority=-1,
                size_pt=6,
                color="#6e2c00",
                marker=False,
            )
        )
    return out if len(ids) > 1 else []


def _carrier_layers(carriers: Any) -> list[Layer]:
    """The corridor's carrier lines from the network, when the network is available."""
    try:
        from . import network
    except ImportError:
        return []
    ids = list(carriers or [])
    if not ids:
        return []
    lines = network.line_geometries()
    lines = lines[lines["line_id"].isin(ids)]
    return (
        [Layer(lines, {"color": CARRIER_COLOR, "linewidth": 1.2, "zorder": 4.5})]
        if len(lines)
        else []
    )
