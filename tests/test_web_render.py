"""The web map draws the same description as the printed figure: layers, labels, legend."""

import folium
import pytest

from cymap import views, web
from cymap.printmap import render

#: Every choice of the 都市圈边界 page: colouring, a comparison, the reach overlay, languages.
METRO_STATES = [
    {"group": "cq_metro"},
    {"group": "cq_metro", "color": "membership"},
    {"group": "cnyx", "color": "tier"},
    {"group": "cd_metro", "color": "membership", "lang": "en"},
    {"group": "cq_metro", "lang": "en"},
    {"group": "cq_metro", "group_b": "cnyx"},
    {"group": "cq_metro", "group_b": "cq_main_metro", "lang": "en"},
    {"group": "cq_metro", "year": "2035", "from": "中心城区"},
    {"group": "cnyx", "color": "membership", "year": "today", "from": "永川区", "lang": "en"},
]


def _printed_legend(view) -> list[str]:
    fig = render.build_figure(view, width_px=800, height_px=600, dpi=100)
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    return [t.get_text() for leg in legends for t in leg.get_texts()]


@pytest.mark.parametrize("state", METRO_STATES, ids=lambda s: "-".join(map(str, s.values())))
def test_metro_export_legend_is_the_web_legend(state):
    view, _ = views.build_view("group", state)
    shown = web.legend_of(view).labels
    assert shown  # a legend with rows
    assert _printed_legend(view) == shown


def test_colour_choice_reaches_the_view():
    by_tier, _ = views.build_view("group", {"group": "cq_metro", "color": "tier"})
    by_basis, _ = views.build_view("group", {"group": "cq_metro", "color": "membership"})
    assert "中心城区" in web.legend_of(by_tier).labels
    assert "中心城区" not in web.legend_of(by_basis).labels
    assert "明确列出" in web.legend_of(by_basis).labels


def test_english_legend_glosses_the_plan_terms():
    view, _ = views.build_view("group", {"group": "cq_metro", "lang": "en"})
    assert "中心城区 (central districts)" in web.legend_of(view).labels


def test_reach_overlay_is_in_the_legend():
    view, _ = views.build_view("group", {"group": "cq_metro", "year": "2035", "from": "中心城区"})
    assert any("60 分钟通勤圈" in label for label in web.legend_of(view).labels)


def test_every_layer_is_a_feature_group_with_labels_last():
    """st_folium adds dynamic layers as feature groups; anything else breaks the layers after it."""
    view, _ = views.build_view("group", {"group": "cq_metro", "group_b": "cnyx", "year": "2035"})
    layers = web.map_layers(view)
    assert all(isinstance(layer, folium.FeatureGroup) for layer in layers)
    html = folium.Map().add_child(layers[-1]).get_root().render()
    assert "cymapLabels.add" in html and "渝中区" in html


def test_member_tooltips_carry_the_evidence_quote():
    view, _ = views.build_view("group", {"group": "cq_metro"})
    script = next(iter(web.map_layers(view)[0]._children.values()))
    assert "原文" in script.data  # the quote header of the tooltip


#: Every choice of the 通勤圈 map: no comparison, the two comparison modes, languages, measure.
REACH_STATES = [
    ("reach", {"from": "中心城区", "minutes": 60, "year": "2035"}),
    ("reach", {"from": "永川区", "minutes": 45, "year": "today", "lang": "en"}),
    ("reach", {"from": "中心城区", "year": "today", "measure": "station_to_station"}),
    ("diff", {"from": "中心城区", "year": "2035", "base_year": "today", "cmp": "sets"}),
    ("diff", {"from": "中心城区", "year": "2035", "base_year": "2020", "cmp": "saved"}),
    ("diff", {"from": "成都市", "year": "2030", "cmp": "saved", "lang": "en"}),
]


@pytest.mark.parametrize(("kind", "state"), REACH_STATES, ids=lambda x: str(x))
def test_reach_export_legend_is_the_web_legend(kind, state):
    view, _ = views.build_view(kind, state)
    assert _printed_legend(view) == web.legend_of(view).labels


def test_reach_comparison_mode_reaches_the_export():
    state = {"from": "中心城区", "year": "2035", "base_year": "today"}
    sets, _ = views.build_view("diff", {**state, "cmp": "sets"})
    saved, _ = views.build_view("diff", {**state, "cmp": "saved"})
    assert sets.legend_title == "可达性" and saved.legend_title == "节省 / 增加分钟"
    assert web.legend_of(sets).labels != web.legend_of(saved).labels


def test_reach_lines_are_drawn_by_mode_with_closed_lines_dashed():
    view, _ = views.build_view("reach", {"from": "中心城区", "year": "today"})
    labels = web.legend_of(view).labels
    assert "高铁" in labels and "未开通（虚线）" in labels
    layers = web.map_layers(view)
    lines = next(i for i, layer in enumerate(view.layers) if "Line" in layer.gdf.geom_type.iloc[0])
    html = folium.Map().add_child(layers[lines]).get_root().render()
    assert "dashArray" in html  # lines not open in the scenario
    assert "成渝中线高铁" in html  # with their name on hover


@pytest.mark.parametrize(
    "state",
    [
        {},
        {"lang": "en"},
        {"corridor": "yangtze_axis"},
        {"corridor": "cq_radial_northwest", "lang": "en"},
    ],
    ids=str,
)
def test_corridor_export_legend_is_the_web_legend(state):
    view, _ = views.build_view("corridors", state)
    assert _printed_legend(view) == web.legend_of(view).labels


def test_corridor_legend_lists_only_what_the_map_draws():
    view, _ = views.build_view("corridors", {"corridor": "yangtze_axis"})
    labels = web.legend_of(view).labels
    assert "沿长江发展轴" in labels and "发展带" not in labels  # no category off the map


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_export_legend_is_the_web_legend(lang):
    view, _ = views.build_view("overview", {"lang": lang})
    assert _printed_legend(view) == web.legend_of(view).labels
    assert len(web.legend_of(view).labels) == 6  # scope, partial, two areas, two wings
