import re

import folium
import pandas as pd

from cymap import settings, units
from cymap.web import maps


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def test_basemap_loads_leaflet_locally_and_no_remote_resource():
    html = _html(maps.base_map())
    assert settings.leaflet_js in html
    urls = re.findall(r"https?://[^\s\"'<>)]+", html)
    assert urls == []


def test_basemap_draws_no_tiles_by_default_and_credits_the_boundaries():
    m = maps.base_map()
    assert not any(isinstance(c, folium.TileLayer) for c in m._children.values())
    html = _html(m)
    assert "GS(2024)0650" in html
    assert "天地图" in html


def test_unit_layer_colours_each_unit_and_carries_tooltips():
    gdf = units.load_units(level="county").head(5)
    gdf["v"] = ["a", "b", "a", "b", "a"]
    fg = maps.units_layer(
        gdf, color=lambda p: "#ff0000" if p["v"] == "a" else "#0000ff", tooltip={"name_zh": "名称"}
    )
    m = maps.base_map(labels=False)
    m.add_child(fg)
    html = _html(m)
    for adcode in gdf.index:
        assert f'"{adcode}"' in html
    assert "#ff0000" in html
    assert "#0000ff" in html
    assert gdf["name_zh"].iloc[0] in html


def test_map_payload_of_all_counties_stays_small():
    gdf = units.load_units(level="county")
    m = maps.base_map()
    m.add_child(maps.units_layer(gdf, color="#ccc", tooltip={"name_zh": "名称"}))
    assert len(_html(m).encode()) < 1_000_000


def test_labels_use_official_names():
    fg = maps.label_layer(["500240"])
    m = maps.base_map(labels=False)
    m.add_child(fg)
    assert "石柱土家族自治县" in _html(m)


def test_labels_come_in_priority_order_for_thinning():
    """Where labels would overlap the browser keeps the earlier one: the circle's units before
    their neighbours, prefectures before counties, larger populations first."""
    names = [row[2] for row in maps._label_rows(None)]
    assert names[0] == "成都市"  # the circle's most populous prefecture
    assert names.index("彭水苗族土家族自治县") > names.index("忠县")  # neighbour after member
    assert names.index("永川区") < names.index("荣昌区")  # 114万 before 67万 (2020)
    assert names.index("郫都区") > names.index("雅安市")  # Sichuan counties after prefectures
    chosen = [row[2] for row in maps._label_rows(("500153", "500118", "500101"))]
    assert chosen == ["万州区", "永川区", "荣昌区"]


def test_minute_bands_are_ordered_and_nan_is_grey():
    assert maps.minutes_color(10) == maps.MINUTE_BANDS[0][1]
    assert maps.minutes_color(59) == maps.MINUTE_BANDS[2][1]
    assert maps.minutes_color(float("nan")) == maps.BEYOND_COLOR
    assert maps.minutes_color(500) == maps.BEYOND_COLOR
    assert pd.Series([u for u, _ in maps.MINUTE_BANDS]).is_monotonic_increasing


def test_view_for_bounds_zooms_in_on_small_areas():
    _, zoom_small = maps.view_for_bounds((106.4, 29.4, 106.7, 29.7))
    _, zoom_large = maps.view_for_bounds((102, 27, 110, 33))
    assert zoom_small > zoom_large


def test_encoded_rings_decode_back_to_the_simplified_geometry():
    import json

    import numpy as np

    def decode(text: str) -> list[tuple[float, float]]:
        values, value, shift = [], 0, 0
        for ch in text:
            b = (123 if ch == "!" else ord(ch)) - 63
            value |= (b & 31) << shift
            shift += 5
            if b < 32:
                values.append(~(value >> 1) if value & 1 else value >> 1)
                value, shift = 0, 0
        coords, lat, lon = [], 0, 0
        for dlat, dlon in zip(values[::2], values[1::2], strict=True):
            lat, lon = lat + dlat, lon + dlon
            coords.append((lon / 10**maps.PRECISION, lat / 10**maps.PRECISION))
        return coords

    adcode = "500118"
    rings = json.loads(maps._geometry_codes()[adcode])
    geom = maps.simplified_units([adcode]).geometry.iloc[0]
    first = getattr(geom, "geoms", [geom])[0]
    assert np.allclose(decode(rings[0][0]), first.exterior.coords, atol=10**-maps.PRECISION)
    assert all("{{" not in ring for poly in rings for ring in poly)


def test_features_layer_shares_styles_and_carries_tooltips():
    from shapely.geometry import LineString

    lines = [LineString([(104, 30), (105, 31)]), LineString([(105, 31), (106, 29.5)])]
    fg = maps.features_layer(
        lines,
        [{"color": "#aa0000"}, {"color": "#aa0000"}],
        ["成渝中线", "</script><b>x</b>"],
        name="t",
    )
    script = next(iter(fg._children.values()))
    assert script.styles == '[{"color": "#aa0000"}]'  # one style for both lines
    assert '"t": "成渝中线"' in script.data
    assert "</script>" not in script.data  # a tooltip cannot close the page's script
    assert "<\\/script>" in script.data


def test_region_map_bounds_are_the_region_frame():
    m = maps.base_map()
    (south, west), (north, east) = maps.REGION_BOUNDS
    assert m.get_bounds() == [[south, west], [north, east]]


def test_county_labels_are_created_only_from_zoom_9():
    html = _html(maps.base_map())
    assert settings.labels_js in html  # static/cymap/labels.js creates them from zoom 9
    assert '"郫都区", "county"' in html  # in the data, drawn when the map reaches zoom 9
    script = settings.root_dir / "static" / settings.labels_js.rsplit("/static/", 1)[1]
    assert "COUNTY_ZOOM = 9" in script.read_text(encoding="utf-8")
