from cymap import settings
from cymap.views.model import Label, LegendEntry, MapView


def test_texts_lists_every_text_the_figure_draws_and_the_attribution():
    view = MapView(
        title="重庆都市圈",
        subtitle="22 个成员单元",
        labels=[Label("永川区", 105.9, 29.4)],
        legend=[LegendEntry("中心城区")],
        sources=["《重庆都市圈发展规划》"],
    )
    texts = view.texts()
    assert {"重庆都市圈", "22 个成员单元", "永川区", "中心城区", "《重庆都市圈发展规划》"} <= set(
        texts
    )
    # The boundary credit is on every figure, whatever the view says.
    assert {settings.boundary_source, settings.boundary_approval} <= set(texts)
    assert "" not in texts  # empty legend title and scenario are not texts


def test_views_start_empty_and_do_not_share_their_lists():
    a, b = MapView(title="a"), MapView(title="b")
    a.layers.append("layer")
    a.sources.append("source")
    assert b.layers == [] and b.sources == []
    assert b.lang == "zh" and b.extent is None  # Chinese frame, extent from the layers
