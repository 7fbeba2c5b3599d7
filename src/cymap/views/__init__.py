"""View builders: the views the pages show, as :class:`~cymap.printmap.render.MapView` plus data table.

Each builder calls the library (``cymap.plans``, ``cymap.travel_time`` …) and returns
``(view, table)``: the view for :func:`cymap.printmap.render.render` and a GeoDataFrame (EPSG:4326)
with the view's data for :mod:`cymap.printmap.export`. :func:`build_view` builds a view from the
pages' URL state (``group, group_b, corridor, from, minutes, year, with, without, base_year,
lang``), so the command line and the download buttons export exactly what a page shows.
The pages' choices and texts are :mod:`~cymap.views.choices` and :mod:`~cymap.views.texts`.

Examples
--------
>>> from cymap import views
>>> view, table = views.view_population()
>>> view.title
'重庆市各区县常住人口（2020年）'
"""

from __future__ import annotations

from .._errors import UnknownNameError
from ..style import BEYOND_COLOR, MINUTE_BANDS, PALETTE, TIER_COLORS, minutes_color
from . import choices as choices
from . import texts as texts
from ._common import (
    REGION_EXTENT,
    document_titles,
    label_units,
    minute_band_legend,
    model_note,
    scenario_of,
    scenario_text,
    state_scenario,
    tier_colors,
)
from .build import VIEW_KINDS, build_view
from .corridors import KIND_STYLES, view_corridors
from .groupings import view_compare, view_group, view_overview, view_population
from .model import Label, Layer, LegendEntry, MapView
from .reach import add_reach_overlay, view_reach, view_reach_diff

__all__ = [
    "BEYOND_COLOR",
    "KIND_STYLES",
    "MINUTE_BANDS",
    "PALETTE",
    "REGION_EXTENT",
    "TIER_COLORS",
    "VIEW_KINDS",
    "Label",
    "Layer",
    "LegendEntry",
    "MapView",
    "UnknownNameError",
    "add_reach_overlay",
    "build_view",
    "choices",
    "document_titles",
    "label_units",
    "minute_band_legend",
    "minutes_color",
    "model_note",
    "scenario_of",
    "scenario_text",
    "state_scenario",
    "texts",
    "tier_colors",
    "view_compare",
    "view_corridors",
    "view_group",
    "view_overview",
    "view_population",
    "view_reach",
    "view_reach_diff",
]
