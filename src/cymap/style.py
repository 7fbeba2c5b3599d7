"""Colours of every map: the interactive pages and the static exports share one definition.

:mod:`cymap.views` builds each page's map description with these colours; :mod:`cymap.web`
(folium pages) and :mod:`cymap.printmap.render` (PNG/PDF/SVG exports) draw that description, so an
exported map is the page it comes from. A constant named ``PRINT_…`` is used by the exports only, where a
printed map needs its own choice; its docstring says why.

Examples
--------
>>> from cymap import style
>>> style.minutes_color(40)
'#91cf60'
>>> style.minutes_color(None) == style.BEYOND_COLOR
True
"""

from __future__ import annotations

import pandas as pd

#: Base colours of the pages (basemap, membership, comparison sides).
PALETTE = {
    "province": "#6b5b4b",
    "county": "#b9b0a4",
    "context_fill": "#efede8",
    "land": "#fbfaf7",
    "river": "#6fa8dc",
    "stated": "#c0392b",
    "inferred": "#e59866",
    "both": "#7d3c98",
    "only_a": "#c0392b",
    "only_b": "#2874a6",
    "outside": "#7f8c8d",
}

#: Tiers of the Chongqing metropolitan plan (中心城区 … 新型卫星城), one colour each.
TIER_COLORS = {
    "中心城区": "#922b21",
    "率先同城化": "#cb4335",
    "战略支点": "#e67e22",
    "桥头堡": "#f1c40f",
    "北部副中心": "#1f618d",
    "新型卫星城": "#5dade2",
}
#: Members without a tier, and tiers without a colour of their own on the pages.
OTHER_MEMBER_COLOR = "#aab7b8"
#: Tiers without a colour in :data:`TIER_COLORS`: one colour each, in order (a printed map
#: has no tooltip, so the legend needs one colour per tier; the page shows the same).
TIER_EXTRA_COLORS = ("#16a085", "#8e44ad", "#2e4053", "#a04000", "#5d6d7e")
#: The dissolved boundary of a grouping.
GROUP_OUTLINE_COLOR = "#111111"

#: Overview page: full and partial members of the economic circle's scope.
SCOPE_COLORS = {"full": "#f0c9a8", "partial": "#fbe8d8"}
#: Overview page: outlines of the two metropolitan areas (grouping id, colour).
METRO_OUTLINES = (("cq_metro", "#922b21"), ("cd_metro", "#1f618d"))
#: Overview page: outlines (dashed) of the two wings.
WING_COLORS = {"north_wing": "#7d6608", "south_wing": "#196f3d"}

#: Development corridors by kind (axis, belt, radial corridor); belts are drawn dashed.
CORRIDOR_COLORS = {"axis": "#c0392b", "belt": "#d68910", "radial_corridor": "#7d3c98"}
#: Units a corridor runs through.
CORRIDOR_MEMBER_COLOR = "#f9e79f"
#: A corridor's carrier lines (railways, expressways) from the network.
CARRIER_COLOR = "#34495e"
#: Lines of an unknown kind or mode.
OTHER_LINE_COLOR = "#555555"

#: Minute bands of reach maps: (upper bound in minutes, colour); :data:`BEYOND_COLOR` beyond.
MINUTE_BANDS = (
    (30, "#1a9850"),
    (45, "#91cf60"),
    (60, "#d9ef8b"),
    (90, "#fee08b"),
    (120, "#fc8d59"),
)
#: Units beyond the last minute band or not reached at all.
BEYOND_COLOR = "#e0e0e0"
#: Outline (dashed) of the units within the time limit, over a grouping (web and print) and
#: on the reach map. Dark blue would be almost the colour of the 北部副中心 tier and close to
#: the black grouping boundary; dark green stands apart from every tier colour and the boundary.
REACH_OUTLINE_COLOR = "#1b5e20"

#: Reach page and figure, scenario against baseline: within in both, scenario only (gained),
#: baseline only (lost), neither. A light "both" keeps the lines and names on it legible; the
#: orange/purple pair reads for colour-blind readers and in greyscale, and clashes with no line
#: colour (the HSR red, the expressway blue).
STATUS_COLORS = {
    "both": "#a6d96a",
    "other_only": "#d95f02",
    "base_only": "#7570b3",
    "neither": "#f4f4f2",
}
#: Reach page, minutes saved against the baseline: (upper bound, colour), lower bound inclusive.
SAVED_BANDS = (
    (1, "#f2f3f4"),
    (5, "#d4efdf"),
    (15, "#82e0aa"),
    (30, "#28b463"),
    (float("inf"), "#186a3b"),
)
#: Reach page, minutes lost against the baseline (the scenario slower), from 1 minute on:
#: (upper bound, colour), lower bound inclusive; browns, apart from the greens of minutes saved
#: and from every line colour.
LOST_BANDS = (
    (5, "#f6e8c3"),
    (15, "#dfc27d"),
    (float("inf"), "#a6611a"),
)

#: Network lines by mode on the reach page.
LINE_COLORS = {
    "hsr": "#c0392b",
    "intercity": "#8e44ad",
    "suburban": "#d35400",
    "conventional": "#5d6d7e",
    "metro_link": "#16a085",
    "expressway": "#1f618d",
}

#: Population bands of the county population map: (lower, upper, colour), people (2020).
POPULATION_BANDS = (
    (0, 300_000, "#fdeccd"),
    (300_000, 600_000, "#fdbb84"),
    (600_000, 1_000_000, "#ef6548"),
    (1_000_000, 10**9, "#990000"),
)

#: Basemap lines and frame of a printed map. Boundaries are hairlines (0.25–1 pt) in neutral
#: greys, which stay legible under any thematic fill on paper, with the province boundary
#: dash-dotted; the pages' warm browns are drawn at screen weights (1–2 px).
PRINT_BASEMAP = {
    "context_edge": "#b8b4aa",
    "county": "#cfcfcf",
    "prefecture": "#9a9a9a",
    "province": "#555555",
    "frame_fill": "#f8f7f4",
}


def minutes_color(minutes: float | None) -> str:
    """Colour of a travel time in minutes by :data:`MINUTE_BANDS` (grey beyond the last band)."""
    if minutes is None or pd.isna(minutes):
        return BEYOND_COLOR
    for upper, color in MINUTE_BANDS:
        if minutes <= upper:
            return color
    return BEYOND_COLOR
