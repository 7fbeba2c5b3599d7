"""View builders: the views the pages show, as :class:`~cymap.render.MapView` plus data table.

Each builder calls the library (``cymap.plans``, ``cymap.travel_time`` …) and returns
``(view, table)``: the view for :func:`cymap.render.render` and a GeoDataFrame (EPSG:4326)
with the view's data for :mod:`cymap.export`. :func:`build_view` builds a view from the
pages' URL state (``group, group_b, corridor, from, minutes, year, with, without, base_year,
lang``), so the command line and the download buttons export exactly what a page shows.

Examples
--------
>>> from cymap import views
>>> view, table = views.view_population()
>>> view.title
'重庆市各区县常住人口（2020年）'
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd

from . import settings, units
from ._errors import UnknownNameError
from .render import Label, Layer, LegendEntry, MapView

#: Colours shared with the pages (``cymap.maps``), so exports look like the live map.
PALETTE = {
    "stated": "#c0392b",
    "inferred": "#e59866",
    "both": "#7d3c98",
    "only_a": "#c0392b",
    "only_b": "#2874a6",
}
TIER_COLORS = {
    "中心城区": "#922b21",
    "率先同城化": "#cb4335",
    "战略支点": "#e67e22",
    "桥头堡": "#f1c40f",
    "北部副中心": "#1f618d",
    "新型卫星城": "#5dade2",
}
_EXTRA_COLORS = ("#16a085", "#8e44ad", "#2e4053", "#a04000", "#5d6d7e")
#: Minute bands of reach maps: (upper bound in minutes, colour); grey beyond the last band.
MINUTE_BANDS = (
    (30, "#1a9850"),
    (45, "#91cf60"),
    (60, "#d9ef8b"),
    (90, "#fee08b"),
    (120, "#fc8d59"),
)
BEYOND_COLOR = "#e0e0e0"
#: Map frame of the whole economic circle (min lon, min lat, max lon, max lat).
REGION_EXTENT = (102.6, 27.9, 110.3, 32.6)


def t(zh: str, en: str, lang: str) -> str:
    """The Chinese or English text of a frame string."""
    return en if lang == "en" else zh


def tier_colors(tiers: list[str]) -> dict[str, str]:
    """A colour per tier: the pages' colours for known tiers, then a fixed sequence."""
    extra = iter(_EXTRA_COLORS * 3)
    return {x: TIER_COLORS.get(x) or next(extra) for x in tiers}


def minutes_color(minutes: float | None) -> str:
    """Colour of a travel time (min) by the reach bands."""
    if minutes is None or pd.isna(minutes):
        return BEYOND_COLOR
    for upper, color in MINUTE_BANDS:
        if minutes <= upper:
            return color
    return BEYOND_COLOR


def minute_band_legend(lang: str) -> list[LegendEntry]:
    """Legend rows of the minute bands."""
    unit = t("分钟", "min", lang)
    rows, lower = [], 0
    for upper, color in MINUTE_BANDS:
        rows.append(LegendEntry(f"{lower}–{upper} {unit}", facecolor=color, edgecolor="#999999"))
        lower = upper
    rows.append(LegendEntry(f"> {lower} {unit}", facecolor=BEYOND_COLOR, edgecolor="#999999"))
    return rows


def label_units(
    adcodes: Any, *, priority_by: str = "population_2020", boost: int = 0
) -> list[Label]:
    """Labels with the official names of units at their government seats.

    Larger units (by ``priority_by``) win where labels would overlap.
    """
    gdf = units.load_units()
    codes = [c for c in adcodes if c in gdf.index]
    rows = gdf.loc[codes]
    ranks = rows[priority_by].astype(float).rank(ascending=True).fillna(0)
    return [
        Label(
            text=row.name_zh,
            lon=float(row.seat_lon),
            lat=float(row.seat_lat),
            priority=int(ranks[code]) + boost * 1000,
            size_pt=7.5 if row.level == "prefecture" else 6.5,
        )
        for code, row in rows.iterrows()
    ]


def scenario_of(value: Any, *, with_lines: Any = (), without_lines: Any = ()) -> Any:
    """A ``cymap.scenarios.Scenario`` from a scenario, a year or a preset name, plus toggles.

    A year with a preset (``2035``) gives that preset; ``"today"``, ``"2025"`` … are presets;
    other years build a plain scenario. ``with_lines``/``without_lines`` are added to it.
    """
    import dataclasses

    from . import scenarios
    from ._errors import ScenarioError

    if isinstance(value, scenarios.Scenario):
        base = value
    elif str(value) in scenarios.PRESETS:
        base = scenarios.preset(str(value))
    elif str(value).isdigit():
        base = scenarios.Scenario(year=int(value))
    else:
        msg = f"scenario {value!r} is neither a year nor a preset ({', '.join(scenarios.PRESETS)})"
        raise ScenarioError(msg)
    if not with_lines and not without_lines:
        return base
    return dataclasses.replace(
        base,
        with_lines=(base.with_lines - frozenset(without_lines)) | frozenset(with_lines),
        without_lines=(base.without_lines - frozenset(with_lines)) | frozenset(without_lines),
    )


def scenario_text(scenario: Any, lang: str) -> str:
    """Short description of a scenario: year (现状 for today) and switched lines."""
    if getattr(scenario, "name", None) == "today":
        text = t(f"现状（{scenario.year}年）", f"today ({scenario.year})", lang)
    else:
        text = t(f"{scenario.year}年情景", f"{scenario.year} scenario", lang)
    on, off = sorted(scenario.with_lines), sorted(scenario.without_lines)
    if on or off:
        names = _line_names()
        if on:
            text += t("，增开", ", with ", lang) + "、".join(names.get(x, x) for x in on)
        if off:
            text += t("，不含", ", without ", lang) + "、".join(names.get(x, x) for x in off)
    return text


def _line_names() -> dict[str, str]:
    from . import network

    table = network.list_lines()
    return dict(zip(table["line_id"], table["name_zh"], strict=True))


#: Views :func:`build_view` knows.
VIEW_KINDS = ("group", "compare", "corridors", "reach", "diff", "population")


def view_population(
    *, province: str = "500000", lang: str = "zh"
) -> tuple[MapView, gpd.GeoDataFrame]:
    """Counties of one province coloured by 2020 population (a view from the units alone).

    Parameters
    ----------
    province
        Province adcode (``"500000"`` 重庆市 or ``"510000"`` 四川省).
    lang
        ``"zh"`` or ``"en"`` for the frame texts.
    """
    gdf = units.county_units()
    gdf = gdf[gdf["province_adcode"] == province].copy()
    if gdf.empty:
        msg = f"province {province!r} has no counties; use 500000 (重庆市) or 510000 (四川省)"
        raise UnknownNameError(msg)
    bands = [
        (0, 300_000, "#fdeccd"),
        (300_000, 600_000, "#fdbb84"),
        (600_000, 1_000_000, "#ef6548"),
        (1_000_000, 10**9, "#990000"),
    ]
    pop = gdf["population_2020"].astype(float)
    gdf["color"] = BEYOND_COLOR
    legend = []
    for low, high, color in bands:
        gdf.loc[(pop >= low) & (pop < high), "color"] = color
        text = f"{low / 1e4:g}–{high / 1e4:g} 万人" if high < 10**9 else f"≥ {low / 1e4:g} 万人"
        if lang == "en":
            text = f"{low / 1e3:g}–{high / 1e3:g} k" if high < 10**9 else f"≥ {low / 1e3:g} k"
        legend.append(LegendEntry(text, facecolor=color, edgecolor="#777777"))
    name = units.load_units(level="province").loc[province, "name_zh"]
    view = MapView(
        title=t(f"{name}各区县常住人口（2020年）", f"{name}: population by county (2020)", lang),
        subtitle=t(
            f"{len(gdf)} 个区县 · 合计 {pop.sum() / 1e4:,.0f} 万人",
            f"{len(gdf)} counties · {pop.sum() / 1e6:,.1f} million people",
            lang,
        ),
        layers=[
            Layer(
                gdf,
                {"color_column": "color", "edgecolor": "#ffffff", "linewidth": 0.4, "zorder": 1},
            )
        ],
        labels=label_units(gdf.index, priority_by="population_2020"),
        legend=legend,
        legend_title=t("常住人口", "Population", lang),
        sources=[t("第七次全国人口普查（2020年）", "Seventh national census (2020)", lang)],
        lang=lang,
    )
    return view, gdf.drop(columns="color")


def view_group(name: str, *, lang: str = "zh") -> tuple[MapView, gpd.GeoDataFrame]:
    """A grouping's members coloured by tier (or stated/inferred) and its dissolved boundary.

    Parameters
    ----------
    name
        Grouping id, name or alias (``cq_metro``, ``重庆都市圈``, ``中心城区`` …).
    lang
        ``"zh"`` or ``"en"`` for the frame texts.
    """
    from . import plans

    grouping = plans.get_grouping(name)
    gdf = plans.members(name).copy()
    outline = plans.dissolved_boundary(name)
    summary = plans.summary(name)
    tiers = [x for x in gdf.get("tier", pd.Series(dtype=object)).dropna().unique() if x]
    layers: list[Layer] = []
    legend: list[LegendEntry] = []
    if tiers:
        colors = tier_colors(tiers)
        gdf["color"] = [colors.get(x, PALETTE["stated"]) for x in gdf["tier"].fillna("")]
        legend += [LegendEntry(str(x), facecolor=colors[x], edgecolor="#777777") for x in tiers]
        untiered = gdf["tier"].isna() | (gdf["tier"] == "")
        gdf.loc[untiered, "color"] = PALETTE["stated"]
        if untiered.any():
            legend.append(LegendEntry(t("成员", "member", lang), facecolor=PALETTE["stated"]))
    else:
        gdf["color"] = [
            PALETTE["inferred"] if m == "inferred" else PALETTE["stated"] for m in gdf["membership"]
        ]
        legend.append(
            LegendEntry(t("文件列明的成员", "stated member", lang), facecolor=PALETTE["stated"])
        )
    layers.append(
        Layer(
            gdf,
            {
                "color_column": "color",
                "edgecolor": "#ffffff",
                "linewidth": 0.5,
                "alpha": 0.85,
                "zorder": 1,
            },
        )
    )
    inferred = gdf[gdf["membership"] == "inferred"]
    if len(inferred):
        layers.append(
            Layer(
                inferred,
                {
                    "facecolor": "none",
                    "edgecolor": "#555555",
                    "hatch": "////",
                    "linewidth": 0,
                    "zorder": 1.5,
                },
            )
        )
        legend.append(
            LegendEntry(
                t("推断成员（文件未逐一列明）", "inferred member", lang),
                facecolor="white",
                edgecolor="#555555",
            )
        )
    layers.append(
        Layer(outline, {"facecolor": "none", "edgecolor": "#7b241c", "linewidth": 2.0, "zorder": 4})
    )
    legend.append(
        LegendEntry(
            t("范围边界", "boundary", lang), facecolor="#7b241c", kind="line", linewidth=2.0
        )
    )
    docs = document_titles(getattr(grouping, "documents", None))
    area = summary.get("area_km2", gdf["area_km2"].sum())
    pop = summary.get("population_2020", gdf["population_2020"].sum())
    title = (
        grouping.name_zh if lang == "zh" else (getattr(grouping, "name_en", "") or grouping.name_zh)
    )
    subtitle = t(
        f"{len(gdf)} 个成员单元 · 面积 {area:,.0f} km² · 2020年常住人口 {pop / 1e4:,.0f} 万人",
        f"{len(gdf)} members · {area:,.0f} km² · {pop / 1e6:,.2f} million people (2020)",
        lang,
    )
    view = MapView(
        title=title,
        subtitle=subtitle,
        layers=layers,
        labels=label_units(gdf.index, priority_by="population_2020"),
        legend=legend,
        legend_title=t("成员", "Members", lang),
        sources=docs,
        lang=lang,
    )
    return view, gdf.drop(columns="color")


def view_compare(a: str, b: str, *, lang: str = "zh") -> tuple[MapView, gpd.GeoDataFrame]:
    """Two groupings compared: units in both, only in A, only in B."""
    from . import plans

    ga, gb = plans.get_grouping(a), plans.get_grouping(b)
    gdf = plans.compare(a, b).copy()
    colors = {"both": PALETTE["both"], "only_a": PALETTE["only_a"], "only_b": PALETTE["only_b"]}
    gdf["color"] = gdf["side"].map(colors)
    layers = [
        Layer(
            gdf,
            {
                "color_column": "color",
                "edgecolor": "#ffffff",
                "linewidth": 0.5,
                "alpha": 0.8,
                "zorder": 1,
            },
        )
    ]
    for grouping, style in ((a, "-"), (b, "--")):
        outline = plans.dissolved_boundary(grouping)
        layers.append(
            Layer(
                outline,
                {
                    "facecolor": "none",
                    "edgecolor": "#222222",
                    "linewidth": 1.6,
                    "linestyle": style,
                    "zorder": 4,
                },
            )
        )
    counts = gdf["side"].value_counts()
    legend = [
        LegendEntry(
            t(f"两者共有（{counts.get('both', 0)}）", f"both ({counts.get('both', 0)})", lang),
            facecolor=colors["both"],
        ),
        LegendEntry(
            t(
                f"仅{ga.name_zh}（{counts.get('only_a', 0)}）",
                f"only {ga.name_zh} ({counts.get('only_a', 0)})",
                lang,
            ),
            facecolor=colors["only_a"],
        ),
        LegendEntry(
            t(
                f"仅{gb.name_zh}（{counts.get('only_b', 0)}）",
                f"only {gb.name_zh} ({counts.get('only_b', 0)})",
                lang,
            ),
            facecolor=colors["only_b"],
        ),
        LegendEntry(ga.name_zh + t("边界", " boundary", lang), facecolor="#222222", kind="line"),
        LegendEntry(
            gb.name_zh + t("边界", " boundary", lang),
            facecolor="#222222",
            kind="line",
            linestyle="--",
        ),
    ]
    docs = document_titles([*ga.documents, *gb.documents])
    view = MapView(
        title=t(f"{ga.name_zh}与{gb.name_zh}范围比较", f"{ga.name_zh} vs {gb.name_zh}", lang),
        subtitle=t(
            f"共有 {counts.get('both', 0)} 个单元 · 仅{ga.name_zh} {counts.get('only_a', 0)} 个"
            f" · 仅{gb.name_zh} {counts.get('only_b', 0)} 个",
            f"{counts.get('both', 0)} shared · {counts.get('only_a', 0)} only A · "
            f"{counts.get('only_b', 0)} only B",
            lang,
        ),
        layers=layers,
        labels=label_units(gdf.index, priority_by="population_2020"),
        legend=legend,
        legend_title=t("比较", "Comparison", lang),
        sources=docs,
        lang=lang,
    )
    return view, gdf.drop(columns="color")


KIND_STYLES = {  # corridor kind: (colour, line style, zh, en)
    "axis": ("#b03a2e", "-", "发展轴", "development axis"),
    "belt": ("#1f618d", "--", "发展带", "development belt"),
    "radial_corridor": ("#7d3c98", "-", "辐射廊道", "radial corridor"),
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
        color, dash, _, _ = KIND_STYLES.get(corridor.kind, ("#d68910", "-", "", ""))
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
            {"facecolor": "#f5cba7", "edgecolor": "#ffffff", "linewidth": 0.4, "zorder": 1},
        ),
    ]
    legend = [LegendEntry(t("轴带经过的单元", "member unit", lang), facecolor="#f5cba7")]
    if name:
        layers += _carrier_layers(plans.get_corridor(name).carriers)
        legend += (
            [LegendEntry(t("依托线路", "carrier line", lang), facecolor="#212121", kind="line")]
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
        color, dash, zh, en = KIND_STYLES.get(kind, ("#d68910", "-", kind, kind))
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
        *([_strip_latin_notes(corridor.carrier_notes)] if corridor.carrier_notes else []),
    ]
    if carriers:
        text += t(" · 依托 ", " · carried by ", lang) + "、".join(carriers)
    return text


def _strip_latin_notes(text: str) -> str:
    """Drop parenthesised English glosses: 长江黄金水道 (the Yangtze waterway) → 长江黄金水道."""
    import re

    return re.sub(r"\s*[(（][A-Za-z]+\s[^)）]*[)）]", "", text).strip()


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
        [Layer(lines, {"color": "#212121", "linewidth": 1.2, "zorder": 4.5})] if len(lines) else []
    )


def document_titles(doc_ids: Any) -> list[str]:
    """Titles of planning documents by id: 《title》（number）, in first-seen order."""
    from . import plans

    docs = {d.id: d for d in plans.load_catalogue().documents}
    out = []
    for doc_id in dict.fromkeys(doc_ids or []):
        doc = docs.get(str(doc_id))
        if doc is None:
            out.append(str(doc_id))
            continue
        number = f"（{doc.doc_number}）" if doc.doc_number else ""
        out.append(f"《{doc.title_zh}》{number}")
    return out


def _reach_frame(reach_table: pd.DataFrame) -> gpd.GeoDataFrame:
    geo = units.load_units()[["geometry"]]
    table = reach_table.copy()
    table["adcode"] = table["adcode"].astype(str)
    table = table.set_index("adcode")
    return gpd.GeoDataFrame(table.join(geo, how="left"), geometry="geometry", crs=settings.crs)


def _lines_layer(scenario: Any, base: Any = None) -> list[Layer]:
    """Open rail lines and expressways of a scenario; lines not open in ``base`` highlighted."""
    from . import network

    lines = network.line_geometries(scenario=scenario)
    lines = lines[lines["active"].astype(bool)]
    layers = [
        Layer(
            lines[lines["kind"] == "road"],
            {"color": "#a1887f", "linewidth": 0.6, "alpha": 0.8, "zorder": 5},
        ),
        Layer(
            lines[lines["kind"] == "rail"],
            {"color": "#37474f", "linewidth": 0.8, "alpha": 0.85, "zorder": 5.1},
        ),
    ]
    if base is not None:
        before = network.line_geometries(scenario=base)
        was_open = set(before.loc[before["active"].astype(bool), "line_id"])
        new = lines[~lines["line_id"].isin(was_open)]
        layers.append(Layer(new, {"color": "#c2185b", "linewidth": 2.0, "zorder": 5.2}))
    return layers


def _line_legend(lang: str) -> list[LegendEntry]:
    return [
        LegendEntry(t("铁路", "rail", lang), facecolor="#37474f", kind="line"),
        LegendEntry(t("高速公路", "expressway", lang), facecolor="#a1887f", kind="line"),
    ]


def _origin_text(origins: Any) -> str:
    """Official names of the origins (永川 → 永川区); groupings (中心城区) as written."""
    from . import names
    from ._errors import CymapError

    def official(name: Any) -> str:
        try:
            return names.resolve(str(name)).name_zh
        except CymapError:
            return str(name)

    items = [origins] if isinstance(origins, str) else list(origins)
    return "、".join(official(o) for o in items)


def view_reach(
    origins: Any, minutes: int = 60, scenario: Any = 2035, *, lang: str = "zh"
) -> tuple[MapView, gpd.GeoDataFrame]:
    """Door-to-door minutes from the origins, units coloured by minute bands.

    Parameters
    ----------
    origins
        A place name, adcode, list of them, or a plans grouping such as ``中心城区``.
    minutes
        Time limit (min); units within it are labelled.
    scenario
        A ``cymap.scenarios.Scenario``, a year (``2035``) or a preset name (``"today"``).
    """
    from . import travel_time

    sc = scenario_of(scenario)
    reach = travel_time.reach(origins, minutes=minutes, scenario=sc)
    gdf = _reach_frame(reach.table)
    gdf["color"] = [minutes_color(m) for m in gdf["minutes"]]
    within = gdf[gdf["within"].astype(bool)]
    s = reach.summary
    layers = [
        Layer(
            gdf, {"color_column": "color", "edgecolor": "#ffffff", "linewidth": 0.3, "zorder": 1}
        ),
        Layer(
            within.dissolve() if len(within) else within,
            {"facecolor": "none", "edgecolor": "#1b5e20", "linewidth": 1.8, "zorder": 4},
        ),
        *_lines_layer(sc),
    ]
    legend = [
        *minute_band_legend(lang),
        LegendEntry(
            t(f"{minutes} 分钟通勤圈", f"{minutes}-minute reach", lang),
            facecolor="#1b5e20",
            kind="line",
            linewidth=1.8,
        ),
        *_line_legend(lang),
    ]
    origin = _origin_text(origins)
    view = MapView(
        title=t(f"{origin} {minutes} 分钟通勤圈", f"{minutes}-minute reach from {origin}", lang),
        subtitle=t(
            f"{scenario_text(sc, lang)} · 圈内 {s['units_within']} 个区县 · "
            f"{s['area_km2_within']:,.0f} km² · {s['population_within'] / 1e4:,.0f} 万人",
            f"{scenario_text(sc, lang)} · {s['units_within']} units · "
            f"{s['area_km2_within']:,.0f} km² · {s['population_within'] / 1e6:,.2f} million",
            lang,
        ),
        layers=layers,
        labels=label_units(within.index, priority_by="population_2020"),
        legend=legend,
        legend_title=t("门到门时间", "Door-to-door time", lang),
        extent=REGION_EXTENT,
        sources=[
            t(
                "出行时间模型：cymap 路网与情景参数",
                "Travel-time model: cymap network and scenario",
                lang,
            )
        ],
        scenario=scenario_text(sc, lang),
        lang=lang,
    )
    return view, gdf.drop(columns="color")


def view_reach_diff(
    origins: Any, minutes: int = 60, base: Any = "today", other: Any = 2035, *, lang: str = "zh"
) -> tuple[MapView, gpd.GeoDataFrame]:
    """Reach of a scenario against a baseline: units reached in both, only base, only other."""
    from . import travel_time

    sb, so = scenario_of(base), scenario_of(other)
    rb = travel_time.reach(origins, minutes=minutes, scenario=sb)
    ro = travel_time.reach(origins, minutes=minutes, scenario=so)
    diff = travel_time.compare_reach(rb, ro)
    gdf = _reach_frame(diff)
    colors = {
        "both": "#a6d96a",
        "other_only": "#d95f02",
        "base_only": "#7570b3",
        "neither": "#f4f4f2",
    }
    gdf["color"] = gdf["status"].map(colors).fillna(BEYOND_COLOR)
    counts = gdf["status"].value_counts()
    bt, ot = scenario_text(sb, lang), scenario_text(so, lang)
    legend = [
        LegendEntry(
            t(f"两情景均可达（{counts.get('both', 0)}）", f"both ({counts.get('both', 0)})", lang),
            facecolor=colors["both"],
        ),
        LegendEntry(
            t(
                f"仅{ot}可达（{counts.get('other_only', 0)}）",
                f"only {ot} ({counts.get('other_only', 0)})",
                lang,
            ),
            facecolor=colors["other_only"],
        ),
        LegendEntry(
            t(
                f"仅{bt}可达（{counts.get('base_only', 0)}）",
                f"only {bt} ({counts.get('base_only', 0)})",
                lang,
            ),
            facecolor=colors["base_only"],
        ),
        LegendEntry(t("均不可达", "neither", lang), facecolor="#f4f4f2"),
    ]
    changed = gdf[gdf["status"].isin(["other_only", "base_only"])]
    kept = gdf[gdf["status"] == "both"]
    labels = label_units(changed.index, priority_by="population_2020", boost=10)
    labels += label_units(kept.index, priority_by="population_2020")
    origin = _origin_text(origins)
    view = MapView(
        title=t(
            f"{origin} {minutes} 分钟通勤圈变化",
            f"Change of the {minutes}-minute reach from {origin}",
            lang,
        ),
        subtitle=t(
            f"{bt} → {ot} · 新增 {counts.get('other_only', 0)} 个区县",
            f"{bt} → {ot} · {counts.get('other_only', 0)} units gained",
            lang,
        ),
        layers=[
            Layer(
                gdf,
                {"color_column": "color", "edgecolor": "#ffffff", "linewidth": 0.3, "zorder": 1},
            ),
            *_lines_layer(so, sb),
        ],
        labels=labels,
        legend=[
            *legend,
            *_line_legend(lang),
            LegendEntry(
                t(f"{ot}新开通线路", f"lines new in {ot}", lang),
                facecolor="#c2185b",
                kind="line",
                linewidth=2.0,
            ),
        ],
        legend_title=t("可达性", "Reach", lang),
        extent=REGION_EXTENT,
        sources=[
            t(
                "出行时间模型：cymap 路网与情景参数",
                "Travel-time model: cymap network and scenario",
                lang,
            )
        ],
        scenario=f"{bt} → {ot}",
        lang=lang,
    )
    return view, gdf.drop(columns="color")


def target_checks(scenario: Any = 2035) -> gpd.GeoDataFrame:
    """The plans' travel-time targets checked under a scenario: one row per target and unit.

    Columns ``target_id, target_name_zh, target_year, max_minutes, target_passes, adcode,
    name_zh, minutes, passes, note`` and the unit's polygon. Size targets are not travel-time
    targets and are left out; a target the engine cannot check gets one row with the reason.
    """
    from . import plans, travel_time
    from ._errors import CymapError

    sc = scenario_of(scenario)
    rows = []
    for target in plans.list_targets():
        if target.kind not in ("reach", "pair"):
            continue
        head = {
            "target_id": target.id,
            "target_name_zh": target.name_zh,
            "target_year": target.year,
            "max_minutes": target.max_minutes,
        }
        try:
            check = travel_time.check_target(target, scenario=sc)
        except CymapError as err:
            rows.append(pd.DataFrame([{**head, "target_passes": None, "note": str(err)}]))
            continue
        table = check.table.copy()
        for k, (col, value) in enumerate({**head, "target_passes": bool(check.passes)}.items()):
            table.insert(k, col, value)
        rows.append(table)
    out = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["adcode"])
    geo = units.load_units()["geometry"]
    out["geometry"] = out["adcode"].map(geo) if "adcode" in out else None
    return gpd.GeoDataFrame(out, geometry="geometry", crs=settings.crs)


def add_reach_overlay(
    view: MapView, table: gpd.GeoDataFrame, origins: Any, *, minutes: int, scenario: Any
) -> None:
    """Overlay the commute reach on a grouping view (in place).

    Draws the outline of the units within ``minutes`` of ``origins`` and adds the columns
    ``reach_minutes`` and ``within_reach`` to ``table`` (members outside the reach show there).
    """
    from . import travel_time

    sc = scenario_of(scenario)
    reach = _reach_frame(travel_time.reach(origins, minutes=minutes, scenario=sc).table)
    within = reach[reach["within"].astype(bool)]
    minutes_by_unit = reach["minutes"]
    table["reach_minutes"] = [_group_minutes(code, minutes_by_unit) for code in table.index]
    table["within_reach"] = table["reach_minutes"] <= minutes
    view.layers.append(
        Layer(
            within.dissolve(),
            {
                "facecolor": "none",
                "edgecolor": "#1b5e20",
                "linewidth": 2.0,
                "linestyle": "--",
                "zorder": 4.5,
            },
        )
    )
    lang = view.lang
    label = t(
        f"{_origin_text(origins)} {minutes} 分钟通勤圈（{scenario_text(sc, lang)}）",
        f"{minutes}-min reach from {_origin_text(origins)} ({scenario_text(sc, lang)})",
        lang,
    )
    view.legend.append(
        LegendEntry(label, facecolor="#1b5e20", kind="line", linestyle="--", linewidth=2.0)
    )
    view.scenario = scenario_text(sc, lang)
    # Counted per county-level unit, as on the boundary page (广安市 counts as its counties).
    counties = units.county_units()
    member_counties = {c for c in table.index if c in counties.index}
    member_counties |= set(counties.index[counties["parent_adcode"].isin(table.index)])
    outside = sum(1 for c in member_counties if not reach.loc[c, "within"])
    view.subtitle += t(
        f" · {outside} 个成员区县在通勤圈外",
        f" · {outside} member counties outside the reach",
        lang,
    )


def _group_minutes(code: str, minutes_by_unit: pd.Series) -> float:
    """Minutes of a unit; for a prefecture member, the slowest of its counties."""
    if code in minutes_by_unit.index:
        return float(minutes_by_unit[code])
    counties = units.county_units()
    inside = counties.index[counties["parent_adcode"] == code]
    values = minutes_by_unit.reindex(inside).dropna()
    return float(values.max()) if len(values) else float("nan")


def build_view(kind: str, state: dict[str, Any]) -> tuple[MapView, gpd.GeoDataFrame]:
    """Build a view from the pages' URL state.

    Parameters
    ----------
    kind
        ``group``, ``compare``, ``corridors``, ``reach``, ``diff`` or ``population``.
    state
        Keys as in the pages' URL: ``group, group_b, corridor, from, minutes, year, with,
        without, base_year, lang``; ``with``/``without`` are lists of line ids.
    """
    lang = state.get("lang") or "zh"
    minutes = int(state.get("minutes") or 60)
    year = state.get("year") or 2035
    origins = state.get("from") or "中心城区"
    with_lines, without_lines = state.get("with") or (), state.get("without") or ()
    if kind in ("group", "compare"):
        group, group_b = state.get("group") or "重庆都市圈", state.get("group_b")
        if kind == "compare" and not (state.get("group") and group_b):
            msg = "compare needs two groupings: group and group_b (e.g. 重庆都市圈 and 川南渝西)"
            raise UnknownNameError(msg)
        # The boundary page shows a comparison when a second grouping is chosen.
        view, table = (
            view_compare(group, group_b, lang=lang) if group_b else view_group(group, lang=lang)
        )
        if state.get("year"):  # the page's reach overlay
            sc = scenario_of(year, with_lines=with_lines, without_lines=without_lines)
            add_reach_overlay(view, table, origins, minutes=minutes, scenario=sc)
        return view, table
    if kind == "corridors":
        return view_corridors(state.get("corridor"), lang=lang)
    if kind == "reach":
        sc = scenario_of(year, with_lines=with_lines, without_lines=without_lines)
        return view_reach(origins, minutes, sc, lang=lang)
    if kind == "diff":
        other = scenario_of(year, with_lines=with_lines, without_lines=without_lines)
        base = scenario_of(state.get("base_year") or "today")
        return view_reach_diff(origins, minutes, base, other, lang=lang)
    if kind == "population":
        return view_population(province=state.get("province") or "500000", lang=lang)
    msg = f"unknown view {kind!r}; use one of {', '.join(VIEW_KINDS)}"
    raise UnknownNameError(msg)


__all__ = [
    "VIEW_KINDS",
    "Label",
    "add_reach_overlay",
    "build_view",
    "target_checks",
    "view_compare",
    "view_corridors",
    "view_group",
    "view_population",
    "view_reach",
    "view_reach_diff",
]
