import json
import re

import folium

from cymap.web import _leaflet


def _map() -> folium.Map:
    return folium.Map(tiles=None)


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def test_data_scripts_reach_the_page_verbatim():
    """Map data is put in the page as it is, never read as a template (a "{{" stays)."""
    m = _map()
    data = '{"type":"FeatureCollection","features":[],"note":"{{ not a template }}"}'
    m.add_child(_leaflet.StaticGeoJson(data, {"color": "#123456"}, "test"))
    html = _html(m)
    assert data in html
    assert html.count(data) == 1


def test_legend_rows_show_labels_as_text_never_as_markup():
    legend = _leaflet.Legend("图例 <b>", [("中心城区", "#922b21"), ("<img src=x>", "#ffffff")])
    assert legend.labels == ["中心城区", "<img src=x>"]
    assert "<img" not in legend.html and "&lt;img src=x&gt;" in legend.html
    assert legend.html.startswith("<b>图例 &lt;b&gt;</b>")
    assert "background:#922b21" in legend.html
    m = _map()
    m.add_child(legend)
    html = _html(m)
    call = re.search(rf"cymapMap\.legend\({m.get_name()},(\".*?\")\);", html)
    assert json.loads(call.group(1)) == legend.html  # the box shows exactly these rows
    assert "<img" not in html


def test_a_styled_legend_row_takes_its_swatch_css_as_given():
    legend = _leaflet.Legend("", [("dashed", "border-top:2px dashed #000")], styled=True)
    assert legend.html == "<div><i style='border-top:2px dashed #000'></i>dashed</div>"


def test_labels_keep_chinese_readable_and_cannot_close_the_script():
    layer = _leaflet.LabelLayer([(106.5, 29.5, "渝中区", "county"), (0, 0, "</script>", "x")], 1)
    assert '"渝中区"' in layer.rows_json
    assert "</script>" not in layer.rows_json and "<\\/script>" in layer.rows_json
    m = _map()
    m.add_child(layer)
    assert f"cymapLabels.add({m.get_name()},{layer.rows_json},1)" in _html(m)


def test_map_controls_credit_the_source_and_measure_in_km_only():
    m = _map()
    m.add_child(_leaflet.Attribution("天地图 审图号：GS(2024)0650号"))
    m.add_child(_leaflet.MetricScale())
    m.add_child(_leaflet.ZoomClass())
    html = _html(m)
    credit = re.search(r"addAttribution\((\".*?\")\);", html)
    assert json.loads(credit.group(1)) == "天地图 审图号：GS(2024)0650号"
    assert "L.control.scale({imperial:false})" in html
    assert f"cymapMap.zoomClass({m.get_name()})" in html


def test_units_and_features_reach_the_page_with_their_styles():
    m = _map()
    m.add_child(_leaflet.StyledUnits('[["500103","!!ring"]]', '[{"color":"#fff"}]'))
    m.add_child(_leaflet.StyledFeatures("[]", "[]", interactive=False))
    html = _html(m)
    name = m.get_name()
    assert (
        f'cymapMap.units({name},[{{"color":"#fff"}}],{_leaflet.PRECISION},[["500103","!!ring"]])'
        in html
    )
    assert f"cymapMap.features({name},[],false,[])" in html
