import datetime as dt

import pytest

from cymap import settings
from cymap.printmap import _frame
from cymap.views.model import LegendEntry, MapView


@pytest.mark.parametrize(
    ("width_km", "bar_km"), [(10, 5), (100, 20), (400, 100), (900, 200), (50_000, 1000)]
)
def test_the_scale_bar_is_a_round_length_about_a_fifth_of_the_map(width_km, bar_km):
    assert _frame._nice_length_km(width_km * 1000) == bar_km


def test_chinese_counts_wider_than_latin_text():
    assert _frame._text_width("重庆") == 2
    assert _frame._text_width("ab") == pytest.approx(1.1)


def test_long_source_lists_wrap_into_indented_lines():
    items = [
        "《重庆都市圈发展规划》",
        "《成渝地区双城经济圈建设规划纲要》",
        "《川南渝西融合发展规划》",
    ]
    lines = _frame._wrap("数据来源：", items, "；", max_em=30)
    assert len(lines) > 1
    assert all(_frame._text_width(line) <= 30 for line in lines)
    assert lines[1].startswith("　　")  # continuation lines are indented
    assert "".join(line.strip("　") for line in lines) == "数据来源：" + "；".join(items)


def test_the_footer_credits_sources_and_boundaries_and_dates_the_map():
    view = MapView(
        title="t", sources=["src A"], scenario="2035", date=dt.date(2026, 1, 2), lang="en"
    )
    left, right = _frame._footer(view, max_em=200)
    assert left.splitlines()[0] == "Sources: src A"
    assert settings.boundary_approval in left
    assert right == "Scenario: 2035\nMap date: 2026-01-02"
    zh_left, zh_right = _frame._footer(MapView(title="t", date=dt.date(2026, 1, 2)), max_em=200)
    assert zh_left.startswith("底图：") and zh_right == "制图日期：2026-01-02"


def test_legend_rows_become_patches_lines_and_points():
    view = MapView(
        title="t",
        legend=[
            LegendEntry("area", facecolor="#ff0000"),
            LegendEntry("line", facecolor="#00ff00", kind="line", linestyle="--"),
            LegendEntry("seat", kind="point"),
        ],
    )
    handles = _frame._legend_handles(view)
    assert [h.get_label() for h in handles] == ["area", "line", "seat"]
    assert type(handles[0]).__name__ == "Patch"
    assert handles[1].get_linestyle() == "--" and handles[2].get_marker() == "o"
