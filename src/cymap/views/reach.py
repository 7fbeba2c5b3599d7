"""Views of the travel-time engine: commute reach, reach change, plan-target checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .. import cells, network, plans, settings, travel_time, units
from .._errors import UnknownNameError
from ..i18n import mode_label, pick, tr
from ..style import (
    BEYOND_COLOR,
    LINE_COLORS,
    LOST_BANDS,
    MINUTE_BANDS,
    OTHER_LINE_COLOR,
    REACH_OUTLINE_COLOR,
    SAVED_BANDS,
    STATUS_COLORS,
    minutes_color,
)
from ._common import (
    REGION_EXTENT,
    _origin_text,
    fill_layer,
    label_units,
    minute_band_legend,
    model_note,
    scenario_of,
    scenario_text,
    state_scenario,
)
from .model import Layer, LegendEntry, MapView


def _model_source(lang: str) -> str:
    """The source line of every travel-time figure."""
    return pick(
        "出行时间模型：cymap 路网与情景参数", "Travel-time model: cymap network and scenario", lang
    )


def _reach_frame(reach_table: pd.DataFrame) -> gpd.GeoDataFrame:
    geo = units.load_units()[["geometry"]]
    table = reach_table.copy()
    table["adcode"] = table["adcode"].astype(str)
    table = table.set_index("adcode")
    return gpd.GeoDataFrame(table.join(geo, how="left"), geometry="geometry", crs=settings.crs)


def _line_layers(scenario: Any, lang: str, base: Any = None) -> list[Layer]:
    """The network by mode: lines open in the scenario solid, the others thin and dashed.

    With ``base``, the lines open in the scenario but not in the base are drawn wider.
    """
    lines = network.line_geometries(scenario=scenario)
    lines = lines.assign(
        color=[LINE_COLORS.get(m, OTHER_LINE_COLOR) for m in lines["mode"]],
        state=[tr("reach.line_open" if a else "reach.line_closed", lang) for a in lines["active"]],
        open_year_text=[
            "—" if pd.isna(y) else f"{y:.0f}" for y in pd.to_numeric(lines["open_year"])
        ],
        stations_text=[
            "—"
            if kind != "rail"
            else pick(f"{n} 个为推断位置", f"{n} inferred", lang)
            if n
            else pick("均为实测", "all surveyed", lang)
            for kind, n in zip(lines["kind"], lines["stations_inferred"], strict=True)
        ],
    )
    tooltip = {
        "name_zh": tr("col.line", lang),
        "open_year_text": tr("col.open_year", lang),
        "state": tr("col.in_scenario", lang),
        "stations_text": pick("车站位置", "Station points", lang),
    }
    active = lines["active"].astype(bool)
    layers = [
        Layer(
            lines[~active],
            {
                "color_column": "color",
                "linewidth": 0.8,
                "alpha": 0.5,
                "linestyle": "--",
                "zorder": 5,
            },
            tooltip=tooltip,
        ),
        Layer(
            lines[active],
            {"color_column": "color", "linewidth": 1.6, "alpha": 0.9, "zorder": 5.1},
            tooltip=tooltip,
        ),
    ]
    if base is not None:
        before = network.line_geometries(scenario=base)
        was_open = set(before.loc[before["active"].astype(bool), "line_id"])
        new = lines[active & ~lines["line_id"].isin(was_open)]
        layers.append(
            Layer(new, {"color_column": "color", "linewidth": 3.2, "zorder": 5.2}, tooltip=tooltip)
        )
    return layers


def _line_legend(scenario: Any, lang: str, *, new_in: str | None = None) -> list[LegendEntry]:
    """One row per mode of the scenario's open lines, one for lines not open (dashed)."""
    lines = network.line_geometries(scenario=scenario)
    modes = list(dict.fromkeys(lines.loc[lines["active"].astype(bool), "mode"]))
    rows = [
        LegendEntry(
            mode_label(m, lang),
            facecolor=LINE_COLORS.get(m, OTHER_LINE_COLOR),
            kind="line",
            linewidth=1.6,
        )
        for m in sorted(modes, key=list(LINE_COLORS).index)
    ]
    rows.append(
        LegendEntry(tr("reach.line_closed", lang), facecolor="#777777", kind="line", linestyle="--")
    )
    if new_in:
        rows.append(
            LegendEntry(
                pick(f"{new_in}新开通线路（加粗）", f"lines new in {new_in} (wide)", lang),
                facecolor="#333333",
                kind="line",
                linewidth=3.2,
            )
        )
    return rows


def _origin_layer(origin_adcodes: list[str], lang: str) -> tuple[Layer, LegendEntry]:
    origins = units.load_units().loc[origin_adcodes]
    outline = gpd.GeoDataFrame(geometry=[origins.union_all()], crs=origins.crs)
    style = {"facecolor": "none", "edgecolor": "#000000", "linewidth": 1.7, "zorder": 6}
    entry = LegendEntry(tr("reach.origin", lang), facecolor="#000000", kind="line", linewidth=1.7)
    return Layer(outline, style), entry


def _minutes_text(values: pd.Series) -> list[str]:
    return ["—" if pd.isna(m) else f"{m:.0f}" for m in values]


def band_shapes(minutes: Any) -> gpd.GeoDataFrame:
    """The minute bands of cell minutes as shapes to fill, the last one beyond every band.

    Columns ``lower, upper, color``, ``within`` (the area within ``upper``) and the band's ring
    as the geometry (EPSG:4326).
    """
    iso = cells.isochrones(minutes, tuple(upper for upper, _ in MINUTE_BANDS))
    beyond = cells.region_shape().difference(iso.geometry.iloc[-1])
    rings = [*iso["band"], beyond]
    return gpd.GeoDataFrame(
        {
            "lower": [*iso["lower"], iso["upper"].iloc[-1]],
            "upper": [*iso["upper"], float("inf")],
            "color": [*(minutes_color(u) for u in iso["upper"]), BEYOND_COLOR],
            "within": [*iso.geometry, cells.region_shape()],
        },
        geometry=rings,
        crs="EPSG:4326",
    )


#: Style of shapes filled by their ``color`` column under the (transparent) units.
_SHAPES_STYLE = {
    "color_column": "color",
    "edgecolor": "none",
    "linewidth": 0,
    "zorder": 0.9,
    "shapes": True,
}


def _status_shapes(
    base: Any, other: Any, minutes: float, bt: str, ot: str, lang: str
) -> tuple[gpd.GeoDataFrame, list[LegendEntry]]:
    """Cells within the limit in both scenarios, only in one, or in neither, as shapes."""
    a = cells.isochrones(base, (minutes,)).geometry.iloc[0]
    b = cells.isochrones(other, (minutes,)).geometry.iloc[0]
    region = cells.region_shape()
    parts = {
        "both": a.intersection(b),
        "other_only": b.difference(a),
        "base_only": a.difference(b),
        "neither": region.difference(a.union(b)),
    }
    km2 = {
        "both": (base <= minutes) & (other <= minutes),
        "other_only": (other <= minutes) & ~(base <= minutes),
        "base_only": (base <= minutes) & ~(other <= minutes),
        "neither": ~(base <= minutes) & ~(other <= minutes),
    }
    names = {
        "both": ("两情景均可达", "within in both"),
        "other_only": (f"仅{ot}可达（新增）", f"only {ot} (gained)"),
        "base_only": (f"仅{bt}可达", f"only {bt}"),
        "neither": ("均不可达", "neither"),
    }
    legend = [
        LegendEntry(
            f"{pick(*names[k], lang)}（{km2[k].sum() * cells.CELL_KM2:,.0f} km²）",
            facecolor=STATUS_COLORS[k],
            edgecolor="#999999",
        )
        for k in parts
    ]
    shapes = gpd.GeoDataFrame(
        {"status": list(parts), "color": [STATUS_COLORS[k] for k in parts]},
        geometry=list(parts.values()),
        crs="EPSG:4326",
    )
    return shapes, legend


def _saved_shapes(saved: Any, lang: str) -> tuple[gpd.GeoDataFrame, list[LegendEntry]]:
    """Cells by minutes saved (greens) and lost (browns) against the baseline, as shapes."""
    unit = pick("分钟", "min", lang)
    inf = float("inf")

    def span(lower: float, upper: float) -> str:
        return f"≥ {lower:g}" if upper == inf else f"{lower:g}–{upper:g}"

    small = SAVED_BANDS[0][0]
    rows = [(-small, small, SAVED_BANDS[0][1], pick("变化", "change", lang) + f" < {small:g}")]
    for bands, zh, en, sign in (
        (SAVED_BANDS[1:], "节省", "saved", 1),
        (LOST_BANDS, "增加", "lost", -1),
    ):
        lower = small
        for upper, color in bands:
            text = pick(f"{zh} {span(lower, upper)}", f"{span(lower, upper)} {en}", lang)
            edges = (lower, upper) if sign > 0 else (-upper, -lower)
            rows.append((*edges, color, text))
            lower = upper
    rows.sort(key=lambda r: r[0])
    geoms = cells.value_shapes(np.asarray(saved), (rows[0][0], *(r[1] for r in rows)))
    shapes = gpd.GeoDataFrame(
        {
            "lower": [r[0] for r in rows],
            "upper": [r[1] for r in rows],
            "color": [r[2] for r in rows],
        },
        geometry=geoms,
        crs="EPSG:4326",
    )
    legend = [
        LegendEntry(f"{r[3]} {unit}", facecolor=r[2], edgecolor="#999999") for r in reversed(rows)
    ]
    return shapes, legend


def cells_note(lang: str) -> str:
    """How the figure's areas and population were placed (the cell grid)."""
    return pick(
        "面积与人口按 3 km 网格计：2020 年第七次人口普查区县人口按面积均匀分配到网格；"
        "网格时间 = 至附近驻地或车站的时间 + 驾车接驳",
        "Area and population on a 3 km grid: 2020 census county totals spread evenly over the "
        "cells (areal weighting); a cell's time = time to a nearby seat or station + the drive",
        lang,
    )


def view_reach(
    origins: Any, minutes: int = 60, scenario: Any = 2035, *, lang: str = "zh"
) -> tuple[MapView, gpd.GeoDataFrame]:
    """Door-to-door minutes from the origins, units coloured by minute bands.

    The 通勤圈 page without a comparison and its export draw this description.

    Parameters
    ----------
    origins
        A place name, adcode, list of them, or a plans grouping such as ``中心城区``.
    minutes
        Time limit (min); units within it are labelled and outlined.
    scenario
        A ``cymap.scenarios.Scenario``, a year (``2035``) or a preset name (``"today"``).
    """
    sc = scenario_of(scenario)
    reach = travel_time.reach(origins, minutes=minutes, scenario=sc)
    on_cells = cells.cell_reach(origins, minutes=minutes, scenario=sc)
    gdf = (
        _reach_frame(reach.table)
        .join(travel_time.route_columns(origins, scenario=sc, road_name=tr("reach.road", lang)))
        .join(on_cells.units.set_index("adcode"))
    )
    gdf["color"] = BEYOND_COLOR  # units are drawn transparent over the bands (hover, borders)
    gdf["minutes_text"] = _minutes_text(gdf["minutes"])
    gdf["share_text"] = [f"{v:.0%}" for v in gdf["share_area_within"]]
    within = gdf[gdf["within"].astype(bool)]
    bands = band_shapes(on_cells.minutes)
    limit_shape = bands.loc[bands["upper"] == minutes, "within"]
    origin_layer, origin_entry = _origin_layer(reach.origin_adcodes, lang)
    tooltip = {
        "name_zh": tr("col.name_zh", lang),
        "minutes_text": tr("col.minutes", lang),
        "share_text": pick(f"面积在 {minutes} 分钟内", f"Area within {minutes} min", lang),
    }
    layers = [
        Layer(
            bands,
            {
                "color_column": "color",
                "edgecolor": "none",
                "linewidth": 0,
                "zorder": 0.9,
                "shapes": True,
            },
        ),
        fill_layer(gdf, linewidth=0.3, alpha=0.0, tooltip=tooltip),
        Layer(
            gpd.GeoDataFrame(geometry=list(limit_shape), crs="EPSG:4326"),
            {"facecolor": "none", "edgecolor": REACH_OUTLINE_COLOR, "linewidth": 1.8, "zorder": 4},
        ),
        *_line_layers(sc, lang),
        origin_layer,
    ]
    legend = [
        *minute_band_legend(lang),
        LegendEntry(
            pick(f"{minutes} 分钟通勤圈", f"{minutes}-minute reach", lang),
            facecolor=REACH_OUTLINE_COLOR,
            kind="line",
            linewidth=1.8,
        ),
        origin_entry,
        *_line_legend(sc, lang),
    ]
    s = {"units_within": reach.summary["units_within"], **on_cells.summary}
    origin = _origin_text(origins)
    view = MapView(
        title=pick(f"{origin} {minutes} 分钟通勤圈", f"{minutes}-minute reach from {origin}", lang),
        subtitle=pick(
            f"{scenario_text(sc, lang)} · 圈内 {s['area_km2_within']:,.0f} km² · "
            f"{s['population_within'] / 1e4:,.0f} 万人 · 驻地在圈内的区县 {s['units_within']} 个",
            f"{scenario_text(sc, lang)} · {s['area_km2_within']:,.0f} km² · "
            f"{s['population_within'] / 1e6:,.2f} million within · "
            f"{s['units_within']} units with their seat within",
            lang,
        ),
        layers=layers,
        labels=label_units(within.index, priority_by="population_2020"),
        legend=legend,
        legend_title=tr(f"reach.legend.{sc.measure}", lang),
        extent=REGION_EXTENT,
        sources=[_model_source(lang), model_note(sc, lang), cells_note(lang)],
        scenario=scenario_text(sc, lang),
        lang=lang,
        shapes=bands[["lower", "upper", "geometry"]],
    )
    return view, gdf.drop(columns=["color", "minutes_text", "share_text"])


#: How a scenario is compared with its baseline on the 通勤圈 page and in its export.
COMPARE_MODES = ("sets", "saved")


def view_reach_diff(
    origins: Any,
    minutes: int = 60,
    base: Any = "today",
    other: Any = 2035,
    *,
    compare: str = "sets",
    lang: str = "zh",
) -> tuple[MapView, gpd.GeoDataFrame]:
    """Reach of a scenario against a baseline.

    ``compare="sets"``: units reached in both, only in the scenario, only in the baseline;
    ``"saved"``: minutes saved by the scenario. The 通勤圈 page with a comparison and its
    export draw this description.
    """
    if compare not in COMPARE_MODES:
        msg = f"unknown comparison {compare!r}; use one of {', '.join(COMPARE_MODES)}"
        raise UnknownNameError(msg)
    sb, so = scenario_of(base), scenario_of(other)
    rb = travel_time.reach(origins, minutes=minutes, scenario=sb)
    ro = travel_time.reach(origins, minutes=minutes, scenario=so)
    gdf = _reach_frame(travel_time.compare_reach(rb, ro))
    counts = gdf["status"].value_counts()
    bt, ot = scenario_text(sb, lang), scenario_text(so, lang)
    gdf["minutes_text"] = _minutes_text(gdf["minutes_other"])
    gdf["saved_text"] = _minutes_text(gdf["minutes_saved"])
    tooltip = {
        "name_zh": tr("col.name_zh", lang),
        "minutes_text": tr("col.minutes", lang),
        "saved_text": tr("col.minutes_saved", lang),
    }
    tb = cells.cell_minutes(origins, scenario=sb)
    to = cells.cell_minutes(origins, scenario=so)
    if compare == "sets":
        shapes, fill_legend = _status_shapes(tb, to, minutes, bt, ot, lang)
        legend_title = pick("可达性", "Reach", lang)
    else:
        shapes, fill_legend = _saved_shapes(tb - to, lang)
        legend_title = pick("节省 / 增加分钟", "Minutes saved / lost", lang)
    gdf["color"] = BEYOND_COLOR  # units are drawn transparent over the shapes (hover, borders)
    changed = gdf[gdf["status"].isin(["other_only", "base_only"])]
    kept = gdf[gdf["status"] == "both"]
    labels = label_units(changed.index, priority_by="population_2020", boost=10)
    labels += label_units(kept.index, priority_by="population_2020")
    origin_layer, origin_entry = _origin_layer(ro.origin_adcodes, lang)
    origin = _origin_text(origins)
    view = MapView(
        title=pick(
            f"{origin} {minutes} 分钟通勤圈变化",
            f"Change of the {minutes}-minute reach from {origin}",
            lang,
        ),
        subtitle=pick(
            f"{bt} → {ot} · 新增 {counts.get('other_only', 0)} 个区县",
            f"{bt} → {ot} · {counts.get('other_only', 0)} units gained",
            lang,
        ),
        layers=[
            Layer(shapes, _SHAPES_STYLE),
            fill_layer(gdf, linewidth=0.3, alpha=0.0, tooltip=tooltip),
            *_line_layers(so, lang, sb),
            origin_layer,
        ],
        labels=labels,
        legend=[*fill_legend, origin_entry, *_line_legend(so, lang, new_in=ot)],
        legend_title=legend_title,
        extent=REGION_EXTENT,
        sources=[_model_source(lang), model_note(so, lang), cells_note(lang)],
        scenario=f"{bt} → {ot}",
        lang=lang,
        shapes=shapes.drop(columns="color"),
    )
    return view, gdf.drop(columns=["color", "minutes_text", "saved_text"])


def add_reach_overlay(
    view: MapView,
    table: gpd.GeoDataFrame,
    origins: Any,
    *,
    minutes: int,
    scenario: Any,
    group: str | None = None,
) -> None:
    """Overlay the commute reach on a grouping view (in place).

    Draws the isochrone of ``minutes`` from ``origins`` on the cell grid and adds the columns
    ``reach_minutes`` and ``within_reach`` to ``table`` (members outside the reach show there).
    ``group`` names the grouping whose member counties outside the reach are counted in the
    subtitle (its county-level units, as on the boundary page); by default the table's units.
    """
    sc = scenario_of(scenario)
    reach = _reach_frame(travel_time.reach(origins, minutes=minutes, scenario=sc).table)
    shape = cells.isochrones(cells.cell_minutes(origins, scenario=sc), (minutes,)).geometry
    minutes_by_unit = reach["minutes"]
    table["reach_minutes"] = [_group_minutes(code, minutes_by_unit) for code in table.index]
    table["within_reach"] = table["reach_minutes"] <= minutes
    view.layers.append(
        Layer(
            gpd.GeoDataFrame(geometry=list(shape), crs="EPSG:4326"),
            {
                "facecolor": "none",
                "edgecolor": REACH_OUTLINE_COLOR,
                "linewidth": 2.0,
                "linestyle": "--",
                "zorder": 4.5,
            },
        )
    )
    lang = view.lang
    label = pick(
        f"{_origin_text(origins)} {minutes} 分钟通勤圈（{scenario_text(sc, lang)}）",
        f"{minutes}-min reach from {_origin_text(origins)} ({scenario_text(sc, lang)})",
        lang,
    )
    view.legend.append(
        LegendEntry(
            label, facecolor=REACH_OUTLINE_COLOR, kind="line", linestyle="--", linewidth=2.0
        )
    )
    view.scenario = scenario_text(sc, lang)
    view.sources.append(model_note(sc, lang))
    # Counted per county-level unit, as on the boundary page (广安市 counts as its counties).
    if group is not None:
        member_counties = set(plans.group_county_adcodes(group))
    else:
        counties = units.county_units()
        member_counties = {c for c in table.index if c in counties.index}
        member_counties |= set(counties.index[counties["parent_adcode"].isin(table.index)])
    outside = sum(1 for c in member_counties if not reach.loc[c, "within"])
    view.subtitle += pick(
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


@dataclass(frozen=True)
class ReachView:
    """The reach the commute-reach page shows for one state of its widgets.

    ``reach`` of the scenario; with a baseline, its ``base`` reach and their ``diff``
    (:func:`cymap.travel_time.compare_reach`); ``on_cells``/``base_cells`` the same on the
    cell grid (:func:`cymap.cells.cell_reach`).
    """

    reach: travel_time.Reach
    base: travel_time.Reach | None
    diff: pd.DataFrame | None
    on_cells: cells.CellReach
    base_cells: cells.CellReach | None

    @property
    def summary(self) -> dict[str, float]:
        """Coverage: units by their seats, km² and population by cells (as on the map)."""
        return {"units_within": self.reach.summary["units_within"], **self.on_cells.summary}

    @property
    def base_summary(self) -> dict[str, float] | None:
        """The baseline's coverage, as :attr:`summary` (``None`` without a baseline)."""
        if self.base is None or self.base_cells is None:
            return None
        return {"units_within": self.base.summary["units_within"], **self.base_cells.summary}


def reach_view(origin: str, *, minutes: float, state: dict[str, Any]) -> ReachView:
    """Reach of the scenario a page's state describes, and of its baseline when it has one.

    The same scenarios as the page's map (:func:`cymap.views._common.state_scenario`); the
    plan-target checks of the scenario (``reach.scenario``) are
    :func:`cymap.tables.reach.target_table`.
    """
    scenario = state_scenario(state)
    reach = travel_time.reach(origin, minutes=minutes, scenario=scenario)
    on_cells = cells.cell_reach(origin, minutes=minutes, scenario=scenario)
    base = diff = base_cells = None
    if state.get("base_year") is not None:
        base_sc = state_scenario(state, base=True)
        base = travel_time.reach(origin, minutes=minutes, scenario=base_sc)
        diff = travel_time.compare_reach(base, reach)
        base_cells = cells.cell_reach(origin, minutes=minutes, scenario=base_sc)
    return ReachView(reach, base, diff, on_cells, base_cells)
