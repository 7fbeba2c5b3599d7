import pytest
from matplotlib.colors import is_color_like

from cymap import style


@pytest.mark.parametrize(
    ("minutes", "band"),
    [(0, 0), (30, 0), (30.1, 1), (45, 1), (60, 2), (90, 3), (120, 4)],
)
def test_a_minute_value_takes_the_band_it_falls_in_upper_bound_included(minutes, band):
    assert style.minutes_color(minutes) == style.MINUTE_BANDS[band][1]


@pytest.mark.parametrize("minutes", [121, None, float("nan")])
def test_beyond_the_last_band_or_unreached_is_grey(minutes):
    assert style.minutes_color(minutes) == style.BEYOND_COLOR


def test_bands_rise_and_each_has_its_own_colour():
    uppers = [u for u, _ in style.MINUTE_BANDS]
    assert uppers == sorted(uppers)
    colors = [c for _, c in style.MINUTE_BANDS] + [style.BEYOND_COLOR]
    assert len(set(colors)) == len(colors)
    saved = [u for u, _ in style.SAVED_BANDS]
    assert saved == sorted(saved) and saved[-1] == float("inf")  # every saving has a colour


def test_every_colour_is_one_matplotlib_and_leaflet_can_draw():
    colors = [
        *style.PALETTE.values(),
        *style.TIER_COLORS.values(),
        *style.TIER_EXTRA_COLORS,
        *style.SCOPE_COLORS.values(),
        *style.CORRIDOR_COLORS.values(),
        *style.STATUS_COLORS.values(),
        *style.LINE_COLORS.values(),
        style.REACH_OUTLINE_COLOR,
        style.GROUP_OUTLINE_COLOR,
    ]
    assert all(isinstance(c, str) and c.startswith("#") and is_color_like(c) for c in colors)


def test_the_reach_outline_stands_apart_from_tiers_and_the_boundary():
    assert style.REACH_OUTLINE_COLOR not in style.TIER_COLORS.values()
    assert style.REACH_OUTLINE_COLOR != style.GROUP_OUTLINE_COLOR
    assert not set(style.TIER_EXTRA_COLORS) & set(style.TIER_COLORS.values())
