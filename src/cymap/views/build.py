"""Views built from the pages' URL state: :func:`build_view`, served from a cache.

The state has the same keys as a page's URL, so the command line and the download buttons
export exactly what a page shows.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import geopandas as gpd

from .._errors import UnknownNameError
from ._common import state_scenario
from .corridors import view_corridors
from .groupings import view_compare, view_group, view_overview, view_population
from .model import MapView
from .reach import add_reach_overlay, view_reach, view_reach_diff

#: Views :func:`build_view` knows.
VIEW_KINDS = ("overview", "group", "compare", "corridors", "reach", "diff", "population")


def _frozen(value: Any) -> Any:
    """A hashable form of a state value (lists and dicts of the pages' state)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple | set):
        return tuple(_frozen(v) for v in value)
    return value


def build_view(kind: str, state: dict[str, Any]) -> tuple[MapView, gpd.GeoDataFrame]:
    """Build a view from the pages' URL state (built once per state, then served from a cache).

    Parameters
    ----------
    kind
        ``group``, ``compare``, ``corridors``, ``reach``, ``diff`` or ``population``.
    state
        Keys as in the pages' URL: ``group, group_b, color, corridor, from, minutes, year,
        with, without, base_year, cmp, period, service, measure, params, lang``; ``with``/``without``
        are lists of line ids; ``params`` is a dict of changed model parameters. Travel-time views
        read their scenario with :func:`cymap.views._common.state_scenario`.
    """
    view, table = _build_view_cached(kind, _frozen(state))
    fresh = dataclasses.replace(
        view,
        layers=list(view.layers),
        labels=list(view.labels),
        legend=list(view.legend),
        sources=list(view.sources),
    )
    return fresh, table.copy()


@functools.lru_cache(maxsize=64)
def _build_view_cached(kind: str, frozen: tuple) -> tuple[MapView, gpd.GeoDataFrame]:
    """:func:`build_view` on a frozen state; callers get copies, the cached view stays as built."""
    state = {k: list(v) if k in ("with", "without") else v for k, v in frozen}
    if isinstance(state.get("params"), tuple):
        state["params"] = {k: dict(v) if isinstance(v, tuple) else v for k, v in state["params"]}
    lang = state.get("lang") or "zh"
    minutes = int(state.get("minutes") or 60)
    origins = state.get("from") or "中心城区"
    if kind in ("group", "compare"):
        group, group_b = state.get("group") or "重庆都市圈", state.get("group_b")
        if kind == "compare" and not (state.get("group") and group_b):
            msg = "compare needs two groupings: group and group_b (e.g. 重庆都市圈 and 川南渝西)"
            raise UnknownNameError(msg)
        # The boundary page shows a comparison when a second grouping is chosen.
        view, table = (
            view_compare(group, group_b, lang=lang)
            if group_b
            else view_group(group, color_by=state.get("color") or "tier", lang=lang)
        )
        if state.get("year"):  # the page's reach overlay
            sc = state_scenario(state)
            add_reach_overlay(view, table, origins, minutes=minutes, scenario=sc, group=group)
        return view, table
    if kind == "overview":
        return view_overview(lang=lang)
    if kind == "corridors":
        return view_corridors(state.get("corridor"), lang=lang)
    if kind == "reach":
        return view_reach(origins, minutes, state_scenario(state), lang=lang)
    if kind == "diff":
        base, other = state_scenario(state, base=True), state_scenario(state)
        compare = state.get("cmp") or "sets"
        return view_reach_diff(origins, minutes, base, other, compare=compare, lang=lang)
    if kind == "population":
        return view_population(province=state.get("province") or "500000", lang=lang)
    msg = f"unknown view {kind!r}; use one of {', '.join(VIEW_KINDS)}"
    raise UnknownNameError(msg)
