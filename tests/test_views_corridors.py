import re

import shapely

from cymap import plans, units, views
from cymap.views import corridors


def test_corridor_view_lists_carriers_in_subtitle():
    view, table = views.build_view("corridors", {"corridor": "cq_radial_northwest"})
    assert view.title == "重庆都市圈西北向辐射廊道"
    assert "依托" in view.subtitle
    assert {"遂宁市", "内江市", "资阳市"} <= set(table["name_zh"])


def test_corridor_subtitle_names_carriers_without_the_notes_explanations():
    """A carrier note explains itself in English in the data; the figure names the carrier."""
    view, _ = views.build_view("corridors", {"corridor": "chengyu_central_line"})
    assert view.subtitle.endswith("依托 成渝中线高铁、成渝复线高速")
    assert not re.search(r"[A-Za-z]{3,}", view.subtitle)
    yangtze, _ = views.build_view("corridors", {"corridor": "yangtze_axis"})
    assert "长江黄金水道" in yangtze.subtitle and "Yangtze" not in yangtze.subtitle


def test_corridor_bounds_frame_every_member_place():
    box = shapely.box(*corridors.corridor_bounds("yangtze_axis"))
    seats = [m.name for m in plans.get_corridor("yangtze_axis").members]
    gdf = units.load_units()
    places = gdf[gdf["name_zh"].isin(seats)]
    assert len(places) == len(seats)  # 宜宾市, 泸州市, 永川区, 江津区
    assert places.geometry.within(box.buffer(1e-9)).all()
