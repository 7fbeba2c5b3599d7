import geopandas as gpd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from shapely.geometry import box

from cymap import settings, units
from cymap.printmap import _base
from cymap.views.model import Layer, MapView


def _squares(*lons: float) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"color": ["#ff0000", "#0000ff"][: len(lons)]},
        geometry=[box(lon, 29.0, lon + 0.5, 29.5) for lon in lons],
        crs=settings.crs,
    )


def test_a_view_without_an_extent_frames_its_layers_with_a_margin():
    view = MapView(title="t", layers=[Layer(_squares(105.0, 107.0), {})])
    minx, miny, maxx, maxy = _base._auto_extent(view)
    assert minx < 105.0 and maxx > 107.5 and miny < 29.0 and maxy > 29.5
    assert (105.0 - minx) == pytest.approx(0.08 * 2.5 + 0.05)  # 8% of the width and 0.05°


def test_a_given_extent_wins_and_an_empty_view_shows_the_provinces():
    assert _base._auto_extent(MapView(title="t", extent=(1, 2, 3, 4))) == (1, 2, 3, 4)
    empty = _base._auto_extent(MapView(title="t"))
    assert empty == pytest.approx(tuple(units.load_units(level="province").total_bounds))


def test_the_extent_is_shown_whole_at_the_axes_shape():
    fig = Figure(figsize=(8, 4))
    ax = fig.add_axes((0, 0, 1, 1))
    extent = (105.0, 29.0, 106.0, 30.0)  # about as high as wide: padded left and right
    _base._set_extent(ax, extent)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert (x1 - x0) / (y1 - y0) == pytest.approx(2.0)  # the axes' 8:4, metres 1:1
    tr = _base._transformer()
    for lon, lat in [(105.0, 29.0), (106.0, 30.0), (105.0, 30.0), (106.0, 29.0)]:
        x, y = tr.transform(lon, lat)
        assert x0 <= x <= x1 and y0 <= y <= y1


def test_a_colour_column_colours_each_feature_and_empty_layers_draw_nothing():
    fig = Figure()
    ax = fig.add_axes((0, 0, 1, 1))
    _base._draw_layer(ax, Layer(_squares(105.0, 107.0), {"color_column": "color"}))
    (patches,) = ax.collections
    assert [to_hex(c) for c in patches.get_facecolor()] == ["#ff0000", "#0000ff"]
    empty = gpd.GeoDataFrame(geometry=[], crs=settings.crs)
    _base._draw_layer(ax, Layer(empty, {}))
    assert len(ax.collections) == 1
