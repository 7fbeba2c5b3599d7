"""Folium layers and legend of a :class:`~cymap.views.MapView` (no Streamlit)."""

from __future__ import annotations

import folium
import geopandas as gpd

from ..views.model import Layer, LegendEntry, MapView
from . import maps

#: Matplotlib line widths are in points; Leaflet's in CSS pixels.
PX_PER_PT = 1.5
#: Matplotlib line styles as Leaflet dash arrays.
DASHES = {"--": "8 6", "dashed": "8 6", ":": "2 4", "dotted": "2 4", "-.": "8 4 2 4"}


def _dash(style: dict) -> str | None:
    return DASHES.get(str(style.get("linestyle", "-")))


def _is_outline(style: dict) -> bool:
    return style.get("facecolor") == "none" and "color_column" not in style


def _layer(layer: Layer, index: int) -> folium.FeatureGroup:
    """One described layer as a folium layer."""
    st, gdf, name = layer.style, layer.gdf, f"layer{index}"
    geom = gdf.geom_type.iloc[0] if len(gdf) else "Polygon"
    width = float(st.get("linewidth", 1.0)) * PX_PER_PT
    if "Line" in geom:
        column = st.get("color_column")
        fixed = st.get("color") or st.get("edgecolor", "#333333")
        base = {"weight": width, "opacity": st.get("alpha", 1.0)}
        if _dash(st):
            base["dashArray"] = _dash(st)
        rows = gdf.drop(columns="geometry")
        rows = rows[[c for c in {column, *(layer.tooltip or {})} if c in rows.columns]]
        return maps.lines_layer(
            gpd.GeoDataFrame(rows, geometry=gdf.geometry.values, crs=gdf.crs),
            style=lambda p: {**base, "color": p[column] if column else fixed},
            tooltip=layer.tooltip,
            name=name,
        )
    if st.get("hatch"):  # a hatch marks a subset (e.g. inferred members): a dashed outline
        style = {"color": st.get("edgecolor", "#555555"), "weight": 1.5, "dashArray": "4 3"}
        return maps.features_layer(
            gdf.geometry.values, [{**style, "fill": False}] * len(gdf), name=name
        )
    if _is_outline(st):
        return maps.boundary_layer(
            gpd.GeoDataFrame(geometry=gdf.geometry.values, crs=gdf.crs),
            color=st.get("edgecolor", "#111111"),
            weight=width,
            dash=_dash(st),
            name=name,
        )
    column = st.get("color_column")
    if st.get("shapes"):  # free shapes (isochrone bands), not units: drawn as they are
        colors = gdf[column] if column else [st.get("facecolor", "#cccccc")] * len(gdf)
        opacity = float(st.get("alpha", 0.65))
        styles = [
            {"fillColor": c, "fillOpacity": opacity, "stroke": False, "fill": True} for c in colors
        ]
        return maps.features_layer(gdf.geometry.values, styles, name=name)
    fill = (lambda p: p[column]) if column else st.get("facecolor", "#cccccc")
    return maps.units_layer(
        gdf.drop(columns="geometry"),
        color=fill,
        tooltip=layer.tooltip,
        fill_opacity=float(st.get("alpha", 0.65)),
        weight=width,
        line_color=st.get("edgecolor", "#ffffff"),
        name=name,
    )


def map_layers(view: MapView, *, labels: bool = True) -> list[folium.FeatureGroup]:
    """The view's layers and labels as folium layers (for ``st_folium(feature_group_to_add=)``).

    ``labels=False`` leaves the view's place labels to the basemap's, which name the same
    places with zoom-dependent detail (the overview, where the view labels every unit).
    """
    out = [_layer(layer, i) for i, layer in enumerate(view.layers)]
    if labels and view.labels:
        ranked = sorted(view.labels, key=lambda lab: -lab.priority)  # kept first where they meet
        rows = [(round(lab.lat, 3), round(lab.lon, 3), lab.text, "pref") for lab in ranked]
        group = folium.FeatureGroup(name="labels", control=False)
        group.add_child(maps.LabelLayer(rows, priority=0))
        out.append(group)
    return out


def _legend_row(entry: LegendEntry) -> tuple[str, str]:
    """(label, swatch style) of one legend row."""
    if entry.kind == "line":
        kind = "dashed" if entry.linestyle in DASHES else "solid"
        width = max(2, round(entry.linewidth * PX_PER_PT))
        return (
            entry.label,
            f"border-top:{width}px {kind} {entry.facecolor};height:0;border-bottom:0",
        )
    return entry.label, f"background:{entry.facecolor};border-color:{entry.edgecolor}"


def legend_of(view: MapView) -> maps.Legend:
    """The view's legend box for the web map: the same rows as the printed figure's."""
    return maps.Legend(view.legend_title, [_legend_row(e) for e in view.legend], styled=True)
