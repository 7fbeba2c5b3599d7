"""Map body of the static renderer: drawing CRS, basemap, thematic layers and extent."""

from __future__ import annotations

import functools
from typing import Any

import geopandas as gpd
import numpy as np
import pyproj

from .. import settings, units
from ..style import PALETTE, PRINT_BASEMAP
from ..views.model import Layer, MapView

#: Drawing CRS: UTM zone 48N (central meridian 105°E crosses the region), so lengths are true.
DRAW_CRS = settings.metric_crs

#: Tolerance (m) of the one-off simplification of basemap geometries for drawing.
SIMPLIFY_M = 150.0


def _project(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        gdf = gdf.set_crs(settings.crs)
    return gdf.to_crs(DRAW_CRS)


@functools.cache
def _basemap() -> dict[str, gpd.GeoDataFrame | None]:
    """Basemap layers projected and simplified once per process."""

    def prep(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        out = _project(gdf)
        out["geometry"] = out.geometry.simplify(SIMPLIFY_M, preserve_topology=True)
        return out

    all_units = units.load_units()
    context = units.load_context()
    rivers = units.load_rivers()
    return {
        "context_prov": prep(context[context["level"] == "province"]),
        "context_pref": prep(context[context["level"] != "province"]),
        "province": prep(all_units[all_units["level"] == "province"]),
        "prefecture": prep(all_units[all_units["level"] == "prefecture"]),
        "county": prep(all_units[all_units["level"] == "county"]),
        "rivers": prep(rivers) if rivers is not None else None,
    }


@functools.cache
def _transformer() -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(settings.crs, DRAW_CRS, always_xy=True)


def _draw_layer(ax: Any, layer: Layer) -> None:
    gdf = _project(layer.gdf)
    gdf = gdf[[g is not None and not g.is_empty for g in gdf.geometry]]
    if gdf.empty:
        return
    style = dict(layer.style)
    style.pop("shapes", None)  # free shapes are drawn like any polygons in print
    col = style.pop("color_column", None)
    kind = gdf.geom_type.iloc[0]
    if col is not None:
        colors = list(gdf[col])
        key = "facecolor" if "Polygon" in kind else "color"
        style[key] = colors
    gdf.plot(ax=ax, **style)


def _auto_extent(view: MapView) -> tuple[float, float, float, float]:
    if view.extent is not None:
        return view.extent
    bounds = [
        b
        for layer in view.layers
        if len(layer.gdf)
        for b in [layer.gdf.to_crs(settings.crs).total_bounds]
        if np.isfinite(b).all()
    ]
    if not bounds:
        return tuple(units.load_units(level="province").total_bounds)  # type: ignore[return-value]
    minx = min(b[0] for b in bounds)
    miny = min(b[1] for b in bounds)
    maxx = max(b[2] for b in bounds)
    maxy = max(b[3] for b in bounds)
    pad_x, pad_y = 0.08 * (maxx - minx) + 0.05, 0.08 * (maxy - miny) + 0.05
    return (minx - pad_x, miny - pad_y, maxx + pad_x, maxy + pad_y)


def _set_extent(ax: Any, extent: tuple[float, float, float, float]) -> None:
    """Show ``extent`` (lon/lat) whole, widened to the axes' shape at a 1:1 metric aspect."""
    tr = _transformer()
    minx, miny, maxx, maxy = extent
    xs, ys = tr.transform(
        [minx, minx, maxx, maxx, (minx + maxx) / 2], [miny, maxy, miny, maxy, miny]
    )
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    fig_w, fig_h = ax.figure.get_size_inches()
    pos = ax.get_position()
    box_ratio = (pos.height * fig_h) / (pos.width * fig_w)
    width, height = x1 - x0, y1 - y0
    if height / width < box_ratio:
        pad = (width * box_ratio - height) / 2
        y0, y1 = y0 - pad, y1 + pad
    else:
        pad = (height / box_ratio - width) / 2
        x0, x1 = x0 - pad, x1 + pad
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def _draw_basemap(ax: Any) -> None:
    base = _basemap()
    base["context_prov"].plot(
        ax=ax,
        facecolor=PALETTE["context_fill"],
        edgecolor=PRINT_BASEMAP["context_edge"],
        linewidth=0.6,
        zorder=0,
    )
    base["province"].plot(ax=ax, facecolor=PALETTE["land"], edgecolor="none", zorder=0.5)
    base["county"].plot(
        ax=ax, facecolor="none", edgecolor=PRINT_BASEMAP["county"], linewidth=0.25, zorder=3
    )
    base["prefecture"].plot(
        ax=ax, facecolor="none", edgecolor=PRINT_BASEMAP["prefecture"], linewidth=0.5, zorder=3.1
    )
    base["province"].plot(
        ax=ax,
        facecolor="none",
        edgecolor=PRINT_BASEMAP["province"],
        linewidth=1.0,
        linestyle=(0, (6, 2, 1, 2)),
        zorder=3.2,
    )
    if base["rivers"] is not None:
        base["rivers"].plot(ax=ax, color=PALETTE["river"], linewidth=0.9, zorder=2.5)
