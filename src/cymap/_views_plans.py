"""Views of the plans' groupings: population, a grouping's members, two groupings compared."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd

from . import units
from ._errors import UnknownNameError
from ._map_view import Layer, LegendEntry, MapView
from ._view_style import counted_legend, document_titles, label_units, t, tier_colors
from .style import (
    BEYOND_COLOR,
    GROUP_OUTLINE_COLOR,
    OTHER_MEMBER_COLOR,
    PALETTE,
    POPULATION_BANDS,
)


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


def _require_members(grouping: Any) -> None:
    """A grouping the documents never enumerate has no boundary to draw: say so."""
    from ._errors import ExportError

    if not grouping.enumerated:
        msg = (
            f"{grouping.name_zh} ({grouping.id}) is named in the documents but its members are "
            f"never listed, so there is no boundary to draw; `cymap members {grouping.id}` "
            "shows the quotes"
        )
        raise ExportError(msg)


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
    _require_members(grouping)
    gdf = plans.members(name).copy()
    outline = plans.dissolved_boundary(name)
    summary = plans.summary(name)
    tiers = [x for x in gdf.get("tier", pd.Series(dtype=object)).dropna().unique() if x]
    layers: list[Layer] = []
    legend: list[LegendEntry] = []
    if tiers:
        colors = tier_colors(tiers)
        gdf["color"] = [colors.get(x, OTHER_MEMBER_COLOR) for x in gdf["tier"].fillna("")]
        legend += [LegendEntry(str(x), facecolor=colors[x], edgecolor="#777777") for x in tiers]
        untiered = gdf["tier"].isna() | (gdf["tier"] == "")
        gdf.loc[untiered, "color"] = OTHER_MEMBER_COLOR
        if untiered.any():
            legend.append(LegendEntry(t("成员", "member", lang), facecolor=OTHER_MEMBER_COLOR))
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
        Layer(
            outline,
            {"facecolor": "none", "edgecolor": GROUP_OUTLINE_COLOR, "linewidth": 2.0, "zorder": 4},
        )
    )
    legend.append(
        LegendEntry(
            t("范围边界", "boundary", lang),
            facecolor=GROUP_OUTLINE_COLOR,
            kind="line",
            linewidth=2.0,
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
    _require_members(ga)
    _require_members(gb)
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
    rows = [
        ("both", "两者共有", "both"),
        ("only_a", f"仅{ga.name_zh}", f"only {ga.name_zh}"),
        ("only_b", f"仅{gb.name_zh}", f"only {gb.name_zh}"),
    ]
    legend = [
        *counted_legend(rows, counts, colors, lang),
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
