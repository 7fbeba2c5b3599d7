from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point
from test_printmap_render import VIEWS, built

from cymap import views
from cymap._errors import ExportError
from cymap.printmap import export


@pytest.fixture(scope="module")
def population_table():
    return views.view_population()[1]


def test_csv_has_bom_and_reads_back_in_chinese(population_table):
    data = export.to_csv(population_table)
    assert data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"adcode": str})
    assert list(back.columns[:2]) == ["adcode", "name_zh"]  # the index comes back as a column
    assert "geometry" not in back.columns
    assert back.set_index("adcode").loc["500118", "name_zh"] == "永川区"


def test_geojson_is_wgs84_with_readable_chinese(population_table):
    projected = population_table.to_crs("EPSG:32648")
    data = export.to_geojson(projected)
    assert "永川区".encode() in data  # not \\u escaped
    doc = json.loads(data)
    feature = next(f for f in doc["features"] if f["properties"]["adcode"] == "500118")
    ring = feature["geometry"]["coordinates"][0]
    while isinstance(ring[0][0], list):
        ring = ring[0]
    assert 105 < ring[0][0] < 106.5 and 28.5 < ring[0][1] < 29.8


def test_lists_become_json_text_and_missing_geometry_is_null():
    gdf = gpd.GeoDataFrame(
        {"adcode": ["500118", "500152"], "legs": [["chengyu_hsr", "yuxi_hsr"], []]},
        geometry=[Point(105.9, 29.3), None],
        crs="EPSG:4326",
    )
    doc = json.loads(export.to_geojson(gdf))
    assert doc["features"][0]["properties"]["legs"] == '["chengyu_hsr", "yuxi_hsr"]'
    assert doc["features"][1]["geometry"] is None
    csv = pd.read_csv(io.BytesIO(export.to_csv(gdf)), encoding="utf-8-sig")
    assert csv.loc[0, "legs"] == '["chengyu_hsr", "yuxi_hsr"]'


def test_table_without_geometry_cannot_be_geojson():
    with pytest.raises(ExportError, match="export this table as CSV"):
        export.to_geojson(pd.DataFrame({"a": [1]}))


@pytest.mark.parametrize("fmt", export.ALL_FORMATS)
def test_export_view_every_format(fmt):
    data = export.export_view("population", {}, fmt=fmt, width_px=800, height_px=600, dpi=100)
    magic = {
        "png": b"\x89PNG",
        "pdf": b"%PDF",
        "svg": b"<?xml",
        "geojson": b"{",
        "csv": b"\xef\xbb\xbf",
    }
    assert data.startswith(magic[fmt])


def test_format_of_suffix():
    assert export.format_of("a/b/map.PDF") == "pdf"
    assert export.format_of("members.json") == "geojson"
    with pytest.raises(ExportError, match=r"unknown suffix '\.docx'"):
        export.format_of("report.docx")


def test_reach_data_export_says_how_each_unit_is_reached():
    data = export.export_view(
        "reach", {"from": "中心城区", "minutes": 60, "year": "today"}, fmt="csv"
    )
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"adcode": str})
    table = table.set_index("name_zh")
    assert {"via", "via_ids", "in_vehicle_min", "other_min"} <= set(table.columns)
    assert (
        "渝万铁路" in table.at["万州区", "via"] and "yuwan_railway" in table.at["万州区", "via_ids"]
    )
    moving = table["in_vehicle_min"] + table["other_min"]
    assert ((moving - table["minutes"]).abs().dropna() <= 0.15).all()  # each to 0.1 min


@pytest.mark.parametrize("name", VIEWS)
def test_geojson_and_csv_hold_the_view_table(name):
    _, table = built(name)
    data = json.loads(export.export_table(table, fmt="geojson"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(table)
    props = data["features"][0]["properties"]
    assert "adcode" in props and "name_zh" in props
    lon, lat = _first_point(data["features"][0]["geometry"]["coordinates"])
    assert 97 < lon < 111 and 26 < lat < 35  # EPSG:4326, in the region
    csv = export.export_table(table, fmt="csv")
    assert csv.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig", dtype={"adcode": str})
    assert len(back) == len(table)
    assert back["adcode"].str.fullmatch(r"\d{6}").all()


def _first_point(coords):
    while isinstance(coords[0], list):
        coords = coords[0]
    return coords
