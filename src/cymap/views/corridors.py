"""Views of the development corridors (axes, belts, radial corridors) and their carriers."""

from __future__ import annotations

import re
from typing import Any

import geopandas as gpd
import pandas as pd

from .. import network, plans, settings, units
from ..i18n import pick, tr
from ..notes import note_text
from ..style import CARRIER_COLOR, CORRIDOR_COLORS, CORRIDOR_MEMBER_COLOR, OTHER_LINE_COLOR
from ._common import _line_names, document_titles, label_units
from .model import Layer, LegendEntry, MapView
from .texts import plan_names

KIND_STYLES = {  # corridor kind: (colour, line style, zh, en)
    "axis": (CORRIDOR_COLORS["axis"], "-", "发展轴", "development axis"),
    "belt": (CORRIDOR_COLORS["belt"], "--", "发展带", "development belt"),
    "radial_corridor": (CORRIDOR_COLORS["radial_corridor"], "-", "辐射廊道", "radial corridor"),
}


def view_corridors(
    name: str | None = None, *, lang: str = "zh"
) -> tuple[MapView, gpd.GeoDataFrame]:
    """One corridor (or every corridor) drawn through its member cities, members highlighted.

    Axes and belts run through their members in order; a radial corridor is drawn as spokes
    from its first member (渝中区). The carrier lines the plans name (from ``cymap.network``)
    are drawn under them. The 发展轴带 page and its export draw this description.
    """
    ids = [plans.get_corridor(name).id] if name else list(plans.list_corridors()["id"])
    shown_names = plan_names("corridor", lang)
    all_units = units.load_units()
    lines, members, docs, carriers = [], [], [], []
    for cid in ids:
        corridor = plans.get_corridor(cid)
        geo = plans.corridor_geometry(cid, spokes=corridor.kind == "radial_corridor")
        color, dash, _, _ = KIND_STYLES.get(corridor.kind, (OTHER_LINE_COLOR, "-", "", ""))
        line = geo[geo.geom_type.isin(["LineString", "MultiLineString"])].copy()
        line["corridor_id"], line["color"], line["dash"] = cid, color, dash
        line["name_zh"], line["kind"] = corridor.name_zh, corridor.kind
        line["carriers"] = "、".join(_carrier_names(corridor.carriers)) or "—"
        line["carrier_notes"] = note_text(corridor.carrier_notes, lang) or "—"
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
        carriers += list(corridor.carriers or [])
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
                "alpha": 0.55,
                "zorder": 1,
            },
            tooltip={"name_zh": tr("col.name_zh", lang)},
        ),
    ]
    legend = [LegendEntry(tr("corr.member_units", lang), facecolor=CORRIDOR_MEMBER_COLOR)]
    # One corridor's carriers; with every corridor they would tangle the map (and the figure).
    carrier_layers = _carrier_layers(list(dict.fromkeys(carriers)), lang) if name else []
    if carrier_layers:
        layers += carrier_layers
        legend.append(LegendEntry(tr("corr.carriers", lang), facecolor=CARRIER_COLOR, kind="line"))
    tooltip = {
        "name_zh": tr("corr.corridor", lang),
        "carriers": tr("corr.carriers", lang),
        "carrier_notes": tr("corr.other_carriers", lang),
    }
    for dash in dict.fromkeys(line_gdf["dash"]):
        part = line_gdf[line_gdf["dash"] == dash]
        layers.append(
            Layer(
                part,
                {
                    "color_column": "color",
                    "linewidth": 3.2,
                    "alpha": 0.85,
                    "linestyle": dash,
                    "zorder": 5,
                },
                tooltip=tooltip,
            )
        )
    kinds = dict.fromkeys(plans.get_corridor(c).kind for c in ids)
    for kind in kinds:
        color, dash, zh, en = KIND_STYLES.get(kind, (OTHER_LINE_COLOR, "-", kind, kind))
        label = shown_names[ids[0]] if name else pick(zh, en, lang)
        legend.append(
            LegendEntry(label, facecolor=color, kind="line", linestyle=dash, linewidth=3.2)
        )
    view = MapView(
        title=shown_names[ids[0]] if name else pick("发展轴带", "Development corridors", lang),
        subtitle=_corridor_subtitle(name, len(ids), len(unique_members), lang),
        layers=layers,
        labels=label_units(unique_members.index, priority_by="population_2020", boost=1),
        legend=legend,
        legend_title=pick("轴带", "Corridors", lang),
        sources=document_titles(docs),
        lang=lang,
    )
    return view, table


def _corridor_subtitle(name: str | None, n_corridors: int, n_units: int, lang: str) -> str:
    """Kind, member count and carriers of one corridor, or the count of all corridors."""
    if not name:
        return pick(
            f"{n_corridors} 条轴带 · 经过 {n_units} 个单元",
            f"{n_corridors} corridors · {n_units} units",
            lang,
        )
    corridor = plans.get_corridor(name)
    _, _, zh, en = KIND_STYLES.get(corridor.kind, ("", "", corridor.kind, corridor.kind))
    text = pick(f"{zh} · 经过 {n_units} 个单元", f"{en} · {n_units} units", lang)
    carriers = [
        *_carrier_names(corridor.carriers),
        *filter(None, [_carrier_note_name(corridor.carrier_notes or "")]),
    ]
    if carriers:
        text += pick(" · 依托 ", " · carried by ", lang) + "、".join(carriers)
    return text


def _carrier_note_name(text: str) -> str | None:
    """The carrier a note names at its start, for the subtitle (the explanation stays in the data).

    长江黄金水道 (the Yangtze waterway) → 长江黄金水道; 成渝复线高速 (001 line 37) is named
    beside … → 成渝复线高速. ``None`` when the note does not start with a name.
    """
    found = re.match(r"[\u4e00-\u9fff]+", text.strip())
    return found.group(0) if found else None


def _carrier_names(carriers: Any) -> list[str]:
    try:
        names_by_id = _line_names()
    except ImportError:  # network not available: show the ids
        names_by_id = {}
    return [names_by_id.get(c, c) for c in carriers or []]


def _carrier_layers(carriers: list[str], lang: str) -> list[Layer]:
    """The corridors' carrier lines from the network (thin, under the corridor lines)."""
    if not carriers:
        return []
    lines = network.line_geometries()
    lines = lines[lines["line_id"].isin(carriers)]
    style = {"color": CARRIER_COLOR, "linewidth": 1.3, "alpha": 0.7, "zorder": 4.5}
    tooltip = {"name_zh": tr("corr.carriers", lang)}
    return [Layer(lines, style, tooltip=tooltip)] if len(lines) else []


def corridor_bounds(corridor: str) -> tuple[float, float, float, float]:
    """Bounds of a corridor's member units (its seats' polygons), for framing the map."""
    geom = plans.corridor_geometry(corridor)
    codes = [a for a in geom["adcode"] if a and a in units.load_units().index]
    return tuple(units.load_units().loc[codes].total_bounds)
