"""Views of the plans' groupings: population, a grouping's members, two groupings compared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import pandas as pd

from .. import plans, scenarios, travel_time, units
from .._errors import ExportError, UnknownNameError
from ..i18n import pick, tier_label, tr
from ..notes import note_text
from ..style import (
    BEYOND_COLOR,
    GROUP_OUTLINE_COLOR,
    METRO_OUTLINES,
    OTHER_MEMBER_COLOR,
    PALETTE,
    POPULATION_BANDS,
    SCOPE_COLORS,
    WING_COLORS,
)
from ._common import counted_legend, document_titles, fill_layer, label_units, tier_colors
from .model import Layer, LegendEntry, MapView
from .texts import member_texts, plan_names, scenario_label


def view_overview(*, lang: str = "zh") -> tuple[MapView, gpd.GeoDataFrame]:
    """The economic circle's scope (full and partial units), both metropolitan areas, both wings.

    The 总览 page and its export draw this description.
    """
    scope = plans.members("cy_circle").copy()
    scope["scope"] = scope["partial"].map({True: "partial", False: "full"})
    scope["color"] = scope["scope"].map(SCOPE_COLORS)
    scope["note_shown"] = [note_text(n, lang) if isinstance(n, str) else "" for n in scope["note"]]
    layers = [
        Layer(
            scope,
            {"color_column": "color", "edgecolor": "#c8b8a8", "linewidth": 0.35, "alpha": 0.9},
            tooltip={"name_zh": tr("col.name_zh", lang), "note_shown": tr("col.note", lang)},
        )
    ]
    legend = [
        LegendEntry(tr("legend.scope", lang), facecolor=SCOPE_COLORS["full"]),
        LegendEntry(tr("legend.scope_partial", lang), facecolor=SCOPE_COLORS["partial"]),
    ]
    outlines = [(gid, color, "-") for gid, color in METRO_OUTLINES]
    outlines += [(gid, color, "--") for gid, color in WING_COLORS.items()]
    for gid, color, dash in outlines:
        style = {"facecolor": "none", "edgecolor": color, "linewidth": 2.0, "linestyle": dash}
        layers.append(Layer(plans.dissolved_boundary(gid), {**style, "zorder": 4}))
        legend.append(
            LegendEntry(
                tr(f"legend.{gid}", lang), facecolor=color, kind="line", linestyle=dash, linewidth=2
            )
        )
    docs = document_titles(plans.get_grouping("cy_circle").documents)
    full = int((scope["scope"] == "full").sum())
    view = MapView(
        title=tr("app.title", lang),
        subtitle=pick(
            f"{full} 个全域纳入单元 · {len(scope) - full} 个部分纳入单元",
            f"{full} units in full · {len(scope) - full} in part",
            lang,
        ),
        layers=layers,
        labels=label_units(scope.index, priority_by="population_2020"),
        legend=legend,
        sources=docs,
        lang=lang,
    )
    return view, scope.drop(columns=["color", "note_shown"])


#: How the members of a grouping view can be coloured.
COLOR_BY = ("tier", "membership")


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
    pop = gdf["population_2020"].astype(float)
    gdf["color"] = BEYOND_COLOR
    legend = []
    for low, high, color in POPULATION_BANDS:
        gdf.loc[(pop >= low) & (pop < high), "color"] = color
        text = f"{low / 1e4:g}–{high / 1e4:g} 万人" if high < 10**9 else f"≥ {low / 1e4:g} 万人"
        if lang == "en":
            text = f"{low / 1e3:g}–{high / 1e3:g} k" if high < 10**9 else f"≥ {low / 1e3:g} k"
        legend.append(LegendEntry(text, facecolor=color, edgecolor="#777777"))
    name = units.load_units(level="province").loc[province, "name_zh"]
    view = MapView(
        title=pick(f"{name}各区县常住人口（2020年）", f"{name}: population by county (2020)", lang),
        subtitle=pick(
            f"{len(gdf)} 个区县 · 合计 {pop.sum() / 1e4:,.0f} 万人",
            f"{len(gdf)} counties · {pop.sum() / 1e6:,.1f} million people",
            lang,
        ),
        layers=[fill_layer(gdf, linewidth=0.4)],
        labels=label_units(gdf.index, priority_by="population_2020"),
        legend=legend,
        legend_title=pick("常住人口", "Population", lang),
        sources=[pick("第七次全国人口普查（2020年）", "Seventh national census (2020)", lang)],
        lang=lang,
    )
    return view, gdf.drop(columns="color")


def _require_members(grouping: Any) -> None:
    """A grouping the documents never enumerate has no boundary to draw: say so."""
    if not grouping.enumerated:
        msg = (
            f"{grouping.name_zh} ({grouping.id}) is named in the documents but its members are "
            f"never listed, so there is no boundary to draw; `cymap members {grouping.id}` "
            "shows the quotes"
        )
        raise ExportError(msg)


def view_group(
    name: str, *, color_by: str = "tier", lang: str = "zh"
) -> tuple[MapView, gpd.GeoDataFrame]:
    """A grouping's members coloured by tier (or stated/inferred) and its dissolved boundary.

    The 都市圈边界 page and its export both draw this description.

    Parameters
    ----------
    name
        Grouping id, name or alias (``cq_metro``, ``重庆都市圈``, ``中心城区`` …).
    color_by
        ``"tier"`` (the plan's tiers, when it has any) or ``"membership"`` (stated/inferred).
    lang
        ``"zh"`` or ``"en"`` for the frame texts, legend and tooltips.
    """
    if color_by not in COLOR_BY:
        msg = f"unknown colouring {color_by!r}; use one of {', '.join(COLOR_BY)}"
        raise UnknownNameError(msg)
    grouping = plans.get_grouping(name)
    _require_members(grouping)
    gdf = plans.members(name).copy()
    outline = plans.dissolved_boundary(name)
    summary = plans.summary(name)
    shown = member_texts(gdf, lang)  # worded as in the member table
    gdf["quote_shown"] = pd.Series(shown["quote"], index=gdf.index).fillna("")
    gdf["membership_label"] = shown["membership"]
    gdf["tier_label"] = pd.Series(shown["tier"], index=gdf.index).fillna("—")
    tiers = [x for x in gdf.get("tier", pd.Series(dtype=object)).dropna().unique() if x]
    legend: list[LegendEntry] = []
    if color_by == "tier" and tiers:
        colors = tier_colors(tiers)
        untiered = gdf["tier"].isna() | (gdf["tier"] == "")
        gdf["color"] = [colors.get(x, OTHER_MEMBER_COLOR) for x in gdf["tier"].fillna("")]
        legend += [
            LegendEntry(tier_label(x, lang), facecolor=colors[x], edgecolor="#777777")
            for x in tiers
        ]
        if untiered.any():
            legend.append(LegendEntry(tr("metro.other_member", lang), facecolor=OTHER_MEMBER_COLOR))
    else:
        colors = {"stated": PALETTE["stated"], "inferred": PALETTE["inferred"]}
        gdf["color"] = [colors.get(m, OTHER_MEMBER_COLOR) for m in gdf["membership"]]
        present = set(gdf["membership"])
        legend += [
            LegendEntry(tr(f"membership.{k}", lang), facecolor=v)
            for k, v in colors.items()
            if k in present
        ]
    tooltip = {
        "name_zh": tr("col.name_zh", lang),
        "tier_label": tr("col.tier", lang),
        "membership_label": tr("col.membership", lang),
        "quote_shown": tr("col.quote", lang),
    }
    layers = [fill_layer(gdf, linewidth=0.5, alpha=0.85, tooltip=tooltip)]
    inferred = gdf[gdf["membership"] == "inferred"]
    if color_by == "tier" and len(inferred):  # coloured by membership, the fill says it
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
                tr("membership.inferred_hatch", lang), facecolor="white", edgecolor="#555555"
            )
        )
    layers.append(
        Layer(
            outline,
            {"facecolor": "none", "edgecolor": GROUP_OUTLINE_COLOR, "linewidth": 2.0, "zorder": 4},
        )
    )
    legend.append(
        LegendEntry(
            tr("legend.boundary", lang), facecolor=GROUP_OUTLINE_COLOR, kind="line", linewidth=2.0
        )
    )
    docs = document_titles(getattr(grouping, "documents", None))
    area = summary.get("area_km2", gdf["area_km2"].sum())
    pop = summary.get("population_2020", gdf["population_2020"].sum())
    subtitle = pick(
        f"{len(gdf)} 个成员单元 · 面积 {area:,.0f} km² · 2020年常住人口 {pop / 1e4:,.0f} 万人",
        f"{len(gdf)} members · {area:,.0f} km² · {pop / 1e6:,.2f} million people (2020)",
        lang,
    )
    view = MapView(
        title=plan_names("grouping", lang)[grouping.id],
        subtitle=subtitle,
        layers=layers,
        labels=label_units(gdf.index, priority_by="population_2020"),
        legend=legend,
        legend_title=tr(f"metro.color.{color_by}", lang),
        sources=docs,
        lang=lang,
    )
    return view, gdf.drop(columns=["color", "quote_shown", "membership_label", "tier_label"])


def view_compare(a: str, b: str, *, lang: str = "zh") -> tuple[MapView, gpd.GeoDataFrame]:
    """Two groupings compared: units in both, only in A, only in B, and both boundaries."""
    ga, gb = plans.get_grouping(a), plans.get_grouping(b)
    _require_members(ga)
    _require_members(gb)
    names = plan_names("grouping", lang)
    name_a, name_b = names[ga.id], names[gb.id]
    gdf = plans.compare(a, b).copy()
    colors = {"both": PALETTE["both"], "only_a": PALETTE["only_a"], "only_b": PALETTE["only_b"]}
    side_label = {
        "both": tr("side.both", lang),
        "only_a": f"{tr('side.only_a', lang)}：{name_a}",
        "only_b": f"{tr('side.only_b', lang)}：{name_b}",
    }
    gdf["color"] = gdf["side"].map(colors)
    gdf["side_label"] = gdf["side"].map(side_label)
    layers = [
        fill_layer(
            gdf,
            linewidth=0.5,
            alpha=0.8,
            tooltip={"name_zh": tr("col.name_zh", lang), "side_label": tr("col.side", lang)},
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
    rows = [(k, side_label[k], side_label[k]) for k in ("both", "only_a", "only_b")]
    legend = [
        *counted_legend(rows, counts, colors, lang),
        LegendEntry(name_a + pick("边界", " boundary", lang), facecolor="#222222", kind="line"),
        LegendEntry(
            name_b + pick("边界", " boundary", lang),
            facecolor="#222222",
            kind="line",
            linestyle="--",
        ),
    ]
    docs = document_titles([*ga.documents, *gb.documents])
    view = MapView(
        title=pick(f"{ga.name_zh}与{gb.name_zh}范围比较", f"{ga.name_zh} vs {gb.name_zh}", lang),
        subtitle=pick(
            f"共有 {counts.get('both', 0)} 个单元 · 仅{ga.name_zh} {counts.get('only_a', 0)} 个"
            f" · 仅{gb.name_zh} {counts.get('only_b', 0)} 个",
            f"{counts.get('both', 0)} shared · {counts.get('only_a', 0)} only A · "
            f"{counts.get('only_b', 0)} only B",
            lang,
        ),
        layers=layers,
        labels=label_units(gdf.index, priority_by="population_2020"),
        legend=legend,
        legend_title=pick("比较", "Comparison", lang),
        sources=docs,
        lang=lang,
    )
    return view, gdf.drop(columns=["color", "side_label"])


def view_bounds(group: str, group_b: str | None = None) -> tuple[float, float, float, float]:
    """Bounds (minx, miny, maxx, maxy) of a grouping's members, or of two groupings together."""
    codes = plans.group_adcodes(group) + (plans.group_adcodes(group_b) if group_b else [])
    return tuple(units.load_units().loc[codes].total_bounds)


@dataclass(frozen=True)
class GroupingReach:
    """A grouping checked against the commute reach of an origin in a scenario."""

    group: str
    origin: str
    minutes: float
    scenario_label: str
    within: list[str]
    members_outside: pd.DataFrame
    nonmembers_inside: pd.DataFrame


def grouping_vs_reach(
    group: str, *, scenario: str = "2035", origin: str = "中心城区", minutes: float = 60
) -> GroupingReach:
    """Which members are outside the reach and which non-members are inside it.

    Prefecture members (e.g. 广安市) are expanded to their counties, since reach is computed per
    county-level unit.
    """
    reach = travel_time.reach(origin, minutes=minutes, scenario=scenarios.for_year(scenario))
    table = reach.table
    member_counties = set(plans.group_county_adcodes(group))
    within = table.loc[table["within"], "adcode"].tolist()
    cols = ["adcode", "name_zh", "minutes"]
    outside = table[table["adcode"].isin(member_counties) & ~table["within"]][cols]
    inside = table[~table["adcode"].isin(member_counties) & table["within"]][cols]
    return GroupingReach(
        group=group,
        origin=origin,
        minutes=minutes,
        scenario_label=scenario_label(scenario),
        within=within,
        members_outside=outside.sort_values("minutes").round({"minutes": 0}).reset_index(drop=True),
        nonmembers_inside=inside.sort_values("minutes")
        .round({"minutes": 0})
        .reset_index(drop=True),
    )
