from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from test_printmap_render import pdf_text, png_stats, svg_texts

from cymap import scenarios, views
from cymap._errors import ScenarioError
from cymap.printmap import export, fonts, render

# Every view the pages show, as (kind, URL state); built once per module.
VIEWS = {
    "population": ("population", {}),
    "group": ("group", {"group": "重庆都市圈"}),
    "compare": ("compare", {"group": "重庆都市圈", "group_b": "川南渝西"}),
    "corridors": ("corridors", {}),
    "corridor": ("corridors", {"corridor": "cq_radial_northwest"}),
    "reach": ("reach", {"from": "中心城区", "minutes": 60, "year": 2035}),
    "diff": ("diff", {"from": "中心城区", "minutes": 60, "year": 2035, "base_year": "2020"}),
}
SIZE = {"width_px": 1000, "height_px": 750, "dpi": 100}

_built: dict[str, tuple] = {}


def built(name: str):
    if name not in _built:
        kind, state = VIEWS[name]
        _built[name] = views.build_view(kind, state)
    return _built[name]


@pytest.mark.parametrize("name", VIEWS)
def test_png_has_size_and_content(name):
    view, _ = built(name)
    size, n_colors, ink = png_stats(render.render(view, fmt="png", **SIZE))
    assert size == (1000, 750)
    assert n_colors > 30
    assert ink > 0.3


@pytest.mark.parametrize("name", VIEWS)
def test_pdf_contains_title_text(name):
    view, _ = built(name)
    text = pdf_text(render.render(view, fmt="pdf", **SIZE))
    assert view.title in text
    assert "GS(2024)0650号" in text


@pytest.mark.parametrize("name", VIEWS)
def test_svg_contains_title_and_labels_as_text(name):
    view, _ = built(name)
    texts = svg_texts(render.render(view, fmt="svg", **SIZE))
    assert view.title in texts
    label_texts = {lab.text for lab in view.labels}
    assert label_texts & set(texts)  # at least some labels drawn, as text


@pytest.mark.parametrize("name", VIEWS)
def test_font_has_a_glyph_for_every_text(name):
    view, _ = built(name)
    missing = {t: m for t in view.texts() if (m := fonts.missing_glyphs(t))}
    assert missing == {}


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


def test_population_view_classes_every_chongqing_county():
    view, table = built("population")
    assert len(table) == 38
    assert table["population_2020"].sum() > 30_000_000
    assert len(view.legend) == 4


def test_group_view_shows_members_tiers_and_boundary():
    view, table = built("group")
    assert view.title == "重庆都市圈"
    assert len(table) == 22 and "广安市" in set(table["name_zh"])
    legend = {e.label for e in view.legend}
    assert {"中心城区", "桥头堡", "范围边界"} <= legend
    assert "永川区" in {lab.text for lab in view.labels}
    assert any("重庆都市圈发展规划" in s for s in view.sources)


def test_compare_view_counts_match_table():
    view, table = built("compare")
    counts = table["side"].value_counts()
    assert f"两者共有（{counts['both']}）" in {e.label for e in view.legend}
    assert set(table["side"]) <= {"both", "only_a", "only_b"}


def test_corridor_view_lists_carriers_in_subtitle():
    view, table = built("corridor")
    assert view.title == "重庆都市圈西北向辐射廊道"
    assert "依托" in view.subtitle
    assert {"遂宁市", "内江市", "资阳市"} <= set(table["name_zh"])


def test_reach_view_colours_match_minutes():
    view, table = built("reach")
    within = table[table["within"].astype(bool)]
    assert (within["minutes"] <= 60).all()
    assert "2035" in view.subtitle and f"圈内 {len(within)} 个区县" in view.subtitle
    assert set(within["name_zh"]) >= {lab.text for lab in view.labels}


def test_diff_view_legend_counts_match_table():
    view, table = built("diff")
    gained = int((table["status"] == "other_only").sum())
    assert f"新增 {gained} 个区县" in view.subtitle
    assert any(e.label.endswith(f"（{gained}）") for e in view.legend)


def test_english_frame_keeps_official_names():
    view, _ = views.view_population(lang="en")
    assert view.title.startswith("重庆市") and "population" in view.title
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in lab.text) for lab in view.labels)


def test_unknown_view_and_missing_comparison_are_clear_errors():
    with pytest.raises(views.UnknownNameError, match="unknown view 'map'"):
        views.build_view("map", {})
    with pytest.raises(views.UnknownNameError, match="group_b"):
        views.build_view("compare", {"group": "重庆都市圈"})


def test_scenario_from_year_preset_and_toggles():
    assert views.scenario_of(2035) == scenarios.preset("2035")
    sc = views.scenario_of("today", with_lines=["chengyu_zhongxian_hsr"])
    assert "chengyu_zhongxian_hsr" in sc.with_lines
    assert sc.year == scenarios.preset("today").year
    with pytest.raises(
        ScenarioError, match="unknown scenario preset .someday.; presets: 2020, today, 2025, 2035"
    ):
        views.scenario_of("someday")


def test_group_page_state_with_reach_overlay_and_second_grouping():
    from cymap import plans, travel_time

    view, table = views.build_view("group", {"group": "重庆都市圈", "year": 2035})
    reach = travel_time.reach("中心城区", minutes=60, scenario=views.scenario_of(2035)).table
    within = set(reach.loc[reach["within"], "adcode"])
    outside = [c for c in plans.group_county_adcodes("重庆都市圈") if c not in within]
    assert f"{len(outside)} 个成员区县在通勤圈外" in view.subtitle
    assert any("60 分钟通勤圈" in e.label for e in view.legend)
    assert table.loc["500103", "within_reach"]  # 渝中区 is in the centre
    assert "2035" in view.scenario
    compare_view, compare_table = views.build_view(
        "group", {"group": "重庆都市圈", "group_b": "川南渝西"}
    )
    assert "side" in compare_table.columns and "比较" in compare_view.title


def test_unenumerated_grouping_has_no_map_and_says_why(tmp_path, capsys):
    from cymap.cli import main

    assert main(["export", "group", "渝西地区", "--out", str(tmp_path / "yuxi.png")]) == 2
    err = capsys.readouterr().err
    assert "never listed" in err
    assert "Traceback" not in err


def test_station_to_station_measure_is_named_on_the_figure():
    view, table = views.build_view("reach", {"year": "today", "measure": "station_to_station"})
    base_view, base = views.build_view("reach", {"year": "today"})
    assert table["within"].sum() > base["within"].sum()
    assert any("站到站" in line for line in view.sources)
    assert not any("站到站" in line for line in base_view.sources)


def test_corridor_subtitle_names_carriers_without_the_notes_explanations():
    """A carrier note explains itself in English in the data; the figure names the carrier."""
    view, _ = views.build_view("corridors", {"corridor": "chengyu_central_line"})
    assert view.subtitle.endswith("依托 成渝中线高铁、成渝复线高速")
    assert not re.search(r"[A-Za-z]{3,}", view.subtitle)
    yangtze, _ = views.build_view("corridors", {"corridor": "yangtze_axis"})
    assert "长江黄金水道" in yangtze.subtitle and "Yangtze" not in yangtze.subtitle
