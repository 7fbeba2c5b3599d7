"""Folium layers of each dashboard view, built from library results (no Streamlit).

Each function returns the dynamic layers of a page (``folium.FeatureGroup`` list, passed to
``st_folium(feature_group_to_add=...)`` so that changing a widget does not reload the map) and
the legend to add to the basemap.
"""

from __future__ import annotations

import folium

from . import maps, units
from .i18n import tr


def overview_layers(lang: str = "zh") -> tuple[list[folium.FeatureGroup], maps.Legend]:
    """Counties of the two provinces, with the circle's scope when the plans catalogue is there."""
    gdf = units.load_units(level="county")
    gdf["province"] = gdf["province_adcode"].map({"500000": "重庆市", "510000": "四川省"})
    layer = maps.units_layer(
        gdf,
        color=lambda p: "#f5cba7" if p["province"] == "重庆市" else "#d6eaf8",
        tooltip={"name_zh": "名称" if lang == "zh" else "Name", "province": "省级"},
        fill_opacity=0.5,
    )
    legend = maps.Legend(tr("legend.scope", lang), [("重庆市", "#f5cba7"), ("四川省", "#d6eaf8")])
    return [layer], legend
