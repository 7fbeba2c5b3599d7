from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd
import pytest
from PIL import Image
from shapely.geometry import Point

from cymap import views
from cymap._errors import ExportError
from cymap.cli import main
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


def test_cli_writes_png_of_requested_size(tmp_path, capsys):
    out = tmp_path / "pop.png"
    code = main(
        [
            "export",
            "population",
            "--out",
            str(out),
            "--width",
            "900",
            "--height",
            "700",
            "--dpi",
            "100",
        ]
    )
    assert code == 0
    with Image.open(out) as img:
        assert img.size == (900, 700)
    assert "wrote" in capsys.readouterr().out


def test_cli_group_by_positional_name(tmp_path):
    out = tmp_path / "members.csv"
    assert main(["export", "group", "重庆都市圈", "--out", str(out)]) == 0
    back = pd.read_csv(out, encoding="utf-8-sig", dtype={"adcode": str})
    assert len(back) == 22 and "tier" in back.columns


def test_cli_reach_with_line_toggle(tmp_path):
    out = tmp_path / "reach.geojson"
    argv = [
        "export",
        "reach",
        "--from",
        "中心城区",
        "--minutes",
        "60",
        "--year",
        "today",
        "--with",
        "chengyu_zhongxian_hsr",
        "--out",
        str(out),
    ]
    assert main(argv) == 0
    doc = json.loads(out.read_bytes())
    assert len(doc["features"]) == 221
    assert {"minutes", "within"} <= set(doc["features"][0]["properties"])


def test_cli_errors_are_one_line_exit_2(tmp_path, capsys):
    assert main(["export", "population", "--out", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cymap export: error:") and ".docx" in err
    assert (
        main(["export", "compare", "--group", "重庆都市圈", "--out", str(tmp_path / "c.png")]) == 2
    )
    assert "group_b" in capsys.readouterr().err


def test_state_from_cli_options_matches_url_state():
    from cymap.cli import build_parser
    from cymap.cli._export import state_of

    args = build_parser().parse_args(
        [
            "export",
            "diff",
            "--from",
            "永川",
            "--minutes",
            "45",
            "--year",
            "2035",
            "--base-year",
            "2020",
            "--with",
            "a_hsr",
            "--with",
            "b_hsr",
            "--without",
            "c_exp",
            "--lang",
            "en",
            "--out",
            "d.svg",
        ]
    )
    state = state_of(args)
    assert state["from"] == "永川" and state["minutes"] == 45
    assert state["year"] == 2035 and state["base_year"] == 2020
    assert state["with"] == ["a_hsr", "b_hsr"] and state["without"] == ["c_exp"]
    assert state["lang"] == "en"


def test_cli_targets_csv_has_rounded_minutes(tmp_path):
    out = tmp_path / "targets.csv"
    assert main(["export", "targets", "--year", "2025", "--out", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"adcode": str})
    assert "cq_core_1h_commute_2025" in set(table["target_id"])
    minutes = table["minutes"].dropna()
    assert (minutes.round(1) == minutes).all()
    assert main(["export", "targets", "--out", str(tmp_path / "targets.png")]) == 2


def test_cli_compare_takes_two_positional_groupings(tmp_path):
    out = tmp_path / "compare.csv"
    assert main(["export", "compare", "重庆都市圈", "川南渝西", "--out", str(out)]) == 0
    sides = set(pd.read_csv(out, encoding="utf-8-sig")["side"])
    assert sides == {"both", "only_a", "only_b"}
    assert main(["export", "group", "a", "b", "--out", str(out)]) == 2


def test_snapshot_without_chromium_says_how_to_get_it(monkeypatch):
    from cymap.web import snapshot

    monkeypatch.setattr(snapshot, "chromium_path", lambda: None)
    with pytest.raises(ExportError, match="apt-get install chromium"):
        snapshot.snapshot_map("http://localhost:8501/reach")


def test_snapshot_refuses_urls_off_the_machine():
    from cymap.web import snapshot

    with pytest.raises(ExportError, match="not on this machine"):
        snapshot.snapshot_map("https://example.org/reach")


def test_changed_model_parameters_change_the_export_and_are_named_in_it(tmp_path):
    from cymap.cli import main

    default, custom = tmp_path / "d.csv", tmp_path / "c.csv"
    assert main(["export", "reach", "--year", "today", "--out", str(default)]) == 0
    args = ["export", "reach", "--year", "today", "--param", "station_entry_min.hsr=5"]
    assert main([*args, "--param", "transfer_min=5", "--out", str(custom)]) == 0
    d = pd.read_csv(default, encoding="utf-8-sig")
    c = pd.read_csv(custom, encoding="utf-8-sig")
    minutes = "minutes"
    assert (c[minutes] <= d[minutes] + 1e-6).all()  # shorter access never lengthens a trip
    assert (c[minutes] < d[minutes] - 1).any()
    view, _ = views.build_view("reach", {"year": "today", "params": {"transfer_min": 5}})
    assert any("transfer_min=5" in line for line in view.sources)


def test_bad_model_parameter_option_is_a_clear_error(capsys):
    from cymap.cli import main

    assert main(["export", "reach", "--param", "speed", "--out", "x.csv"]) == 2
    assert "NAME=NUMBER" in capsys.readouterr().err


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


def test_cli_group_export_colours_as_the_page_does(tmp_path):
    """`--color membership` gives the figure of the page's 明确/推断 choice."""
    from cymap.cli import build_parser
    from cymap.cli._export import state_of

    out = tmp_path / "basis.png"
    argv = ["export", "group", "川南渝西", "--color", "membership", "--out", str(out)]
    view, _ = views.build_view("group", state_of(build_parser().parse_args(argv)))
    assert [e.label for e in view.legend] == ["明确列出", "范围边界"]
    assert main(argv) == 0 and out.stat().st_size > 0
