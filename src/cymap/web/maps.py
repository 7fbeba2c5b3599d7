"""Folium maps built from GeoDataFrames: offline basemap and the layers of every page.

Pure functions, no Streamlit. The basemap is drawn from the project's own data (neighbouring
provinces and prefectures, the two provinces, county boundaries, rivers when available, seat
labels); Leaflet is loaded from the locally served copy (``settings.leaflet_js``), so no request
leaves the machine. Online tiles are optional and off by default.

Examples
--------
>>> from cymap import maps
>>> m = maps.base_map()
>>> "cdn.jsdelivr" in m.get_root().render()
False
"""

from __future__ import annotations

import functools
import html
import json
import math
from collections.abc import Callable, Iterable

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import Element

from .. import plans, settings, units
from ..i18n import tr
from ..style import BEYOND_COLOR, MINUTE_BANDS, PALETTE
from ..style import TIER_COLORS as TIER_COLORS
from ..style import minutes_color as minutes_color
from ._leaflet import PRECISION as PRECISION
from ._leaflet import Attribution, MetricScale, ZoomClass
from ._leaflet import DataScript as DataScript
from ._leaflet import LabelLayer as LabelLayer
from ._leaflet import Legend as Legend
from ._leaflet import StaticGeoJson as StaticGeoJson
from ._leaflet import StyledFeatures as StyledFeatures
from ._leaflet import StyledUnits as StyledUnits

#: Map frame of the economic circle (south, west, north, east).
REGION_BOUNDS = (
    (settings.region_extent[1], settings.region_extent[0]),
    (settings.region_extent[3], settings.region_extent[2]),
)
SIMPLIFY_DEG = 0.01  # about 1 km: one pixel at the default zoom; keeps the map payload small

_CSS = """
<style>
.cy-label{font:11px/1.1 "Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;color:#333;
 white-space:nowrap;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff;pointer-events:none;
 transform:translate(-50%,-50%);display:inline-block}
.cy-label.pref{font-size:12px;font-weight:600;color:#222}
.cy-label.long{font-size:10px;font-weight:500}
.leaflet-control-attribution{font-size:10px!important;line-height:1.3;max-width:70%}
.cy-label.county{display:none}
.cy-zoom-9 .cy-label.county,.cy-zoom-10 .cy-label.county,.cy-zoom-11 .cy-label.county,
.cy-zoom-12 .cy-label.county{display:inline-block}
.cy-zoom-9 .cy-label.pref,.cy-zoom-10 .cy-label.pref{font-size:14px}
.cy-legend{background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;
 font:12px/1.5 "Noto Sans CJK SC",sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.25)}
.cy-legend i{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:middle;
 border:1px solid #777}
.leaflet-container{background:#f4f6f7}
</style>
"""


def _local_assets(m: folium.Map) -> folium.Map:
    m.default_js = [
        ("leaflet", settings.leaflet_js),
        ("cymap_layers", settings.layers_js),
        ("cymap_labels", settings.labels_js),
    ]
    m.default_css = [("leaflet_css", settings.leaflet_css)]
    return m


@functools.cache
def _simplified() -> gpd.GeoDataFrame:
    """Units with coverage-simplified geometry (shared borders stay shared), rounded."""
    gdf = units.load_units()
    out = []
    for level in ("county", "prefecture", "province"):
        part = gdf[gdf["level"] == level].copy()
        part.geometry = shapely.coverage_simplify(part.geometry.values, SIMPLIFY_DEG)
        out.append(part)
    gdf = pd.concat(out)
    gdf.geometry = shapely.set_precision(gdf.geometry.values, 10**-PRECISION)
    return gpd.GeoDataFrame(gdf, crs=settings.crs)


def simplified_units(adcodes: Iterable[str] | None = None) -> gpd.GeoDataFrame:
    """Units (all, or the given adcodes in that order) with geometry simplified for web maps."""
    gdf = _simplified()
    return gdf.copy() if adcodes is None else gdf.loc[list(adcodes)].copy()


def _geojson_data(gdf: gpd.GeoDataFrame, columns: Iterable[str]) -> dict:
    keep = [c for c in columns if c in gdf.columns]
    frame = gdf[[*keep, "geometry"]].reset_index()
    return json.loads(frame.to_json(drop_id=True, to_wgs84=True))


def _json_text(data: dict) -> str:
    """Compact JSON for a page script ("</" escaped so no value can close the script)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


@functools.cache
def _basemap_data() -> tuple[str, str, str | None]:
    """JSON text of the basemap's static layers (context provinces, land, rivers), built once."""
    ctx = units.load_context()
    gdf = simplified_units()
    rivers = units.load_rivers()
    river_data = None
    if rivers is not None:
        rivers.geometry = shapely.set_precision(rivers.geometry.simplify(0.005).values, 1e-3)
        river_data = _json_text(json.loads(rivers[["geometry"]].to_json(drop_id=True)))
    return (
        _json_text(_geojson_data(ctx[ctx["level"] == "province"], ["name_zh"])),
        _json_text(_geojson_data(gdf[gdf["level"] == "province"], ["name_zh"])),
        river_data,
    )


class RegionMap(folium.Map):
    """A folium map whose ``get_bounds`` is the region's frame.

    streamlit-folium asks every map for its bounds on every rerun; folium computes them by
    walking every coordinate of every layer, which costs more than drawing the basemap.
    """

    def get_bounds(self) -> list[list[float]]:
        """[[south, west], [north, east]] of the region frame."""
        (south, west), (north, east) = REGION_BOUNDS
        return [[south, west], [north, east]]


def base_map(
    *, lang: str = "zh", tiles: str | None = settings.default_tiles, labels: bool = True
) -> folium.Map:
    """The offline basemap of the region.

    Parameters
    ----------
    lang
        'zh' or 'en' for the legend and attribution (place names stay Chinese).
    tiles
        ``None`` (default, offline) or a tile provider name such as ``"OpenStreetMap"``.
    labels
        Draw seat labels (prefectures always; counties from zoom 9).
    """
    m = RegionMap(
        location=(30.3, 106.0),
        zoom_start=7,
        min_zoom=6,
        max_zoom=12,
        tiles=None,
        control_scale=False,
        prefer_canvas=True,
        attribution_control=True,
    )
    _local_assets(m)
    m.get_root().header.add_child(Element(_CSS))
    m.add_child(ZoomClass())
    m.add_child(MetricScale())
    if tiles:
        folium.TileLayer(tiles, name=tr("map.tiles", lang), control=False).add_to(m)
    context, land, rivers = _basemap_data()
    m.add_child(
        StaticGeoJson(
            context,
            {
                "color": "#a9a29a",
                "weight": 1,
                "fillColor": PALETTE["context_fill"],
                "fillOpacity": 1,
            },
            "context",
        )
    )
    m.add_child(
        StaticGeoJson(
            land, {"stroke": False, "fillColor": PALETTE["land"], "fillOpacity": 1}, "land"
        )
    )
    if rivers is not None:
        m.add_child(
            StaticGeoJson(
                rivers, {"color": PALETTE["river"], "weight": 1.5, "opacity": 0.8}, "rivers"
            )
        )
    m.fit_bounds(REGION_BOUNDS)
    attribution = f"{settings.boundary_source}；{settings.boundary_approval}"
    m.get_root().html.add_child(Element(f"<!-- {attribution} -->"))
    m.options["attributionControl"] = True
    _attribution(m, attribution + " | " + tr("map.attribution", lang))
    if labels:
        m.add_child(label_layer())
    return m


def _attribution(m: folium.Map, text: str) -> None:
    m.add_child(Attribution(text))


def label_layer(adcodes: Iterable[str] | None = None) -> folium.FeatureGroup:
    """Seat labels of the units.

    By default Sichuan prefectures and Chongqing districts/counties are always labelled, the
    nine central districts and Sichuan counties from zoom 9 on (they would overlap before).
    With ``adcodes``, exactly those units are labelled at every zoom, ahead of the basemap's
    labels. Either way a label that would overlap a more important one is hidden until the
    map is zoomed in far enough (:class:`LabelLayer`).
    """
    rows = _label_rows(None if adcodes is None else tuple(adcodes))
    # A feature group, so that it can also be passed as a dynamic layer to st_folium.
    fg = folium.FeatureGroup(name="labels", control=False)
    fg.add_child(LabelLayer(list(rows), priority=1 if adcodes is None else 0))
    return fg


@functools.lru_cache(maxsize=64)
def _label_rows(
    adcodes: tuple[str, ...] | None,
) -> tuple[tuple[float, float, str, str], ...]:
    """(lat, lon, name, CSS classes) of each label, in priority order.

    Where two labels would overlap, the browser keeps the earlier one: units of the economic
    circle before their neighbours, prefectures before counties, then by 2020 population.
    Built once per selection: every page draws labels on every run.
    """
    gdf = units.load_units()
    if adcodes is None:
        cq_core = set(plans.group_adcodes("cq_core"))
        keep = gdf[gdf["level"] != "province"]
        classes = {
            a: "county" if (lvl == "county" and (a in cq_core or a.startswith("51"))) else "pref"
            for a, lvl in keep["level"].items()
        }
    else:
        keep = gdf.loc[list(adcodes)]
        classes = dict.fromkeys(keep.index, "pref")
    scope = set(plans.group_adcodes("cy_circle"))
    keep = keep.assign(
        _outside=[not (a in scope or p in scope) for a, p in keep["parent_adcode"].items()],
        _county=[classes[a] != "pref" for a in keep.index],
    ).sort_values(["_outside", "_county", "population_2020"], ascending=[True, True, False])
    return tuple(
        (
            round(r.seat_lat, 3),
            round(r.seat_lon, 3),
            r.name_zh,
            classes[a] + (" long" if len(r.name_zh) > 5 else ""),
        )
        for a, r in zip(keep.index, keep.itertuples(), strict=True)
    )


#: Polyline alphabet (value -> character), with "!" for "{" so that no "{{" is ever emitted.
_CHAR = tuple("!" if chr(v + 63) == "{" else chr(v + 63) for v in range(64))


def _encode_ring(coords: Iterable[tuple[float, float]]) -> str:
    """Polyline encoding (lat, lon order) of one ring at ``PRECISION`` decimals."""
    out: list[str] = []
    prev_lat = prev_lon = 0
    scale = 10**PRECISION
    for lon, lat in coords:
        ilat, ilon = round(lat * scale), round(lon * scale)
        for delta in (ilat - prev_lat, ilon - prev_lon):
            value = ~(delta << 1) if delta < 0 else delta << 1
            while value >= 0x20:
                out.append(_CHAR[(0x20 | (value & 0x1F))])
                value >>= 5
            out.append(_CHAR[value])
        prev_lat, prev_lon = ilat, ilon
    return "".join(out)


@functools.cache
def _geometry_codes() -> dict[str, str]:
    """Simplified geometry of every unit as a JSON list of polygons of encoded rings, by adcode."""
    gdf = _simplified()
    out = {}
    for adcode, geom in zip(gdf.index, gdf.geometry.values, strict=True):
        polygons = getattr(geom, "geoms", [geom])
        rings = [
            [_encode_ring(p.exterior.coords), *(_encode_ring(r.coords) for r in p.interiors)]
            for p in polygons
            if not p.is_empty
        ]
        out[adcode] = json.dumps(rings)
    return out


def _tooltip_html(row: dict, tooltip: dict[str, str]) -> str:
    parts = []
    for col, label in tooltip.items():
        value = row.get(col)
        if value is None or (isinstance(value, float) and pd.isna(value)):
            value = "—"
        elif isinstance(value, float):
            value = f"{value:,.1f}".rstrip("0").rstrip(".")
        parts.append(f"<b>{html.escape(str(label))}</b> {html.escape(str(value))}")
    return "<br>".join(parts)


def units_layer(
    gdf: gpd.GeoDataFrame | pd.DataFrame,
    *,
    color: Callable[[dict], str] | str,
    name: str = "units",
    tooltip: dict[str, str] | None = None,
    fill_opacity: float = 0.65,
    weight: float = 0.8,
    line_color: str = "#ffffff",
) -> folium.FeatureGroup:
    """Units filled by a colour (constant, or a function of the row as a dict).

    ``gdf`` is indexed by adcode; only its attributes are used, the geometry is the
    simplified web geometry of each unit. ``tooltip`` maps column names to labels shown on
    hover.
    """
    geoms = _geometry_codes()
    fill = color if callable(color) else (lambda _p, c=color: c)
    styles: list[str] = []
    index: dict[str, int] = {}
    features = []
    for adcode, row in zip(
        gdf.index, gdf.drop(columns="geometry", errors="ignore").to_dict("records"), strict=True
    ):
        fill_color = fill(row)
        if fill_color not in index:
            index[fill_color] = len(styles)
            styles.append(fill_color)
        tip = _tooltip_html(row, tooltip) if tooltip else ""
        head = json.dumps([index[fill_color], tip, adcode], ensure_ascii=False)[:-1]
        features.append(f"{head},{geoms[adcode]}]")
    style_list = [
        {
            "fillColor": c,
            "fillOpacity": fill_opacity,
            "color": line_color,
            "weight": weight,
            "opacity": 1,
        }
        for c in styles
    ]
    # "</" is escaped so that no tooltip can close the page's <script> element.
    data = ("[" + ",".join(features) + "]").replace("</", "<\\/")
    fg = folium.FeatureGroup(name=name, control=False)
    fg.add_child(StyledUnits(data, json.dumps(style_list)))
    return fg


def features_layer(
    geometries: Iterable[object],
    styles: Iterable[dict],
    tooltips: Iterable[str] | None = None,
    *,
    name: str,
) -> folium.FeatureGroup:
    """Shapely geometries drawn with one style each (and hover tooltips when given)."""
    style_list: list[str] = []
    index: dict[str, int] = {}
    features = []
    geoms = list(geometries)
    tips = list(tooltips) if tooltips is not None else [""] * len(geoms)
    for geom, style, tip in zip(geoms, styles, tips, strict=True):
        if geom is None or shapely.is_empty(geom):
            continue
        key = json.dumps(style, sort_keys=True)
        if key not in index:
            index[key] = len(style_list)
            style_list.append(key)
        props = json.dumps({"s": index[key], "t": tip}, ensure_ascii=False)
        # Rounded vertex by vertex: drawing needs no topology (and a complex band may not
        # survive a topological snap).
        geometry = shapely.to_geojson(shapely.set_precision(geom, 10**-PRECISION, mode="pointwise"))
        features.append(f'{{"type":"Feature","properties":{props},"geometry":{geometry}}}')
    data = '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"
    fg = folium.FeatureGroup(name=name, control=False)
    fg.add_child(
        StyledFeatures(
            data.replace("</", "<\\/"),
            "[" + ",".join(style_list) + "]",
            interactive=tooltips is not None,
        )
    )
    return fg


def boundary_layer(
    geom_gdf: gpd.GeoDataFrame,
    *,
    color: str = "#111",
    weight: float = 3.0,
    dash: str | None = None,
    name: str = "boundary",
) -> folium.FeatureGroup:
    """An outer boundary (e.g. a dissolved grouping) drawn as a thick line, simplified."""
    style: dict[str, object] = {"color": color, "weight": weight, "fill": False}
    if dash:
        style["dashArray"] = dash
    geoms = list(boundary_data(geom_gdf).geometry.values)
    return features_layer(geoms, [style] * len(geoms), name=name)


def boundary_data(geom_gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A boundary simplified for web maps."""
    g = geom_gdf.copy()
    g.geometry = shapely.set_precision(g.geometry.simplify(SIMPLIFY_DEG).values, 10**-PRECISION)
    return g


def lines_layer(
    gdf: gpd.GeoDataFrame,
    *,
    style: Callable[[dict], dict],
    tooltip: dict[str, str] | None = None,
    name: str = "lines",
) -> folium.FeatureGroup:
    """Lines (rail, roads, corridors) styled per feature, with optional hover tooltips."""
    rows = gdf.drop(columns="geometry").to_dict("records")
    return features_layer(
        gdf.geometry.values,
        [style(r) for r in rows],
        [_tooltip_html(r, tooltip) for r in rows] if tooltip else None,
        name=name,
    )


def minutes_legend(lang: str = "zh") -> Legend:
    """Legend of the minute bands."""
    lower = 0
    items = []
    for upper, color in MINUTE_BANDS:
        items.append((f"{lower}–{upper} {'分钟' if lang == 'zh' else 'min'}", color))
        lower = upper
    items.append((f"> {lower} {'分钟' if lang == 'zh' else 'min'}", BEYOND_COLOR))
    return Legend(tr("reach.minutes", lang), items)


def view_for_bounds(
    bounds: tuple[float, float, float, float], *, width_px: int = 1000, height_px: int = 620
) -> tuple[tuple[float, float], int]:
    """Centre (lat, lon) and the largest zoom at which ``bounds`` (minx, miny, maxx, maxy) fit.

    Used to move the map to a grouping or corridor without rebuilding it.
    """
    minx, miny, maxx, maxy = bounds
    center = ((miny + maxy) / 2, (minx + maxx) / 2)
    for zoom in range(11, 5, -1):
        scale = 256 * 2**zoom / 360  # pixels per degree of longitude
        lat_scale = scale / max(math.cos(math.radians(center[0])), 0.1)
        if (maxx - minx) * scale * 1.1 <= width_px and (maxy - miny) * lat_scale * 1.1 <= height_px:
            return center, zoom
    return center, 6
