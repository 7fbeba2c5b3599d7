"""The data model of a static map: :class:`MapView` with its layers, labels and legend rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, NamedTuple

import geopandas as gpd

from .. import settings


class Layer(NamedTuple):
    """One thematic layer of a view.

    Attributes
    ----------
    gdf
        Geometries in EPSG:4326 (polygons, lines or points).
    style
        Matplotlib keywords (``facecolor``, ``edgecolor``, ``linewidth``, ``alpha``,
        ``linestyle``, ``markersize``, ``zorder`` …). ``color_column`` names a column of
        ``gdf`` with one colour per row.
    label
        Legend label; ``""`` keeps the layer out of the automatic legend.
    tooltip
        Columns of ``gdf`` shown when hovering a feature on the web map, with their headers.
    """

    gdf: gpd.GeoDataFrame
    style: dict[str, Any]
    label: str = ""
    tooltip: dict[str, str] | None = None


@dataclasses.dataclass(frozen=True)
class Label:
    """A text label at a place (e.g. a unit's name at its government seat)."""

    text: str
    lon: float
    lat: float
    priority: int = 0
    size_pt: float = 7.0
    weight: str = "normal"
    color: str = "#222222"
    marker: bool = True


@dataclasses.dataclass(frozen=True)
class LegendEntry:
    """One legend row: ``kind`` is ``"patch"``, ``"line"`` or ``"point"``."""

    label: str
    facecolor: str = "#cccccc"
    edgecolor: str = "#555555"
    kind: str = "patch"
    linestyle: str = "-"
    linewidth: float = 1.0


@dataclasses.dataclass
class MapView:
    """Everything the renderer needs to draw one view; built by :mod:`cymap.views`.

    Attributes
    ----------
    title, subtitle
        Heading lines (subtitle: document, scenario, origin, time limit).
    layers
        Thematic layers drawn over the basemap, in order.
    labels
        Place labels; lower-priority labels are dropped where they would overlap.
    legend
        Legend rows; when empty, one row per labelled layer.
    legend_title
        Heading of the legend box.
    extent
        ``(min_lon, min_lat, max_lon, max_lat)``; the layers' bounds with a margin when ``None``.
    sources
        Data source lines printed in the footer (the boundary source is always added).
    scenario
        Scenario text printed in the footer (e.g. ``"2035 规划情景"``).
    date
        Map date (today when ``None``).
    lang
        ``"zh"`` or ``"en"`` for the fixed texts of the frame; unit names stay Chinese.
    shapes
        Shapes the view's data export carries beside its table (the isochrone bands of a
        reach view: ``lower, upper``, polygons), or ``None``.
    """

    title: str
    subtitle: str = ""
    layers: list[Layer] = dataclasses.field(default_factory=list)
    labels: list[Label] = dataclasses.field(default_factory=list)
    legend: list[LegendEntry] = dataclasses.field(default_factory=list)
    legend_title: str = ""
    extent: tuple[float, float, float, float] | None = None
    sources: list[str] = dataclasses.field(default_factory=list)
    scenario: str = ""
    date: dt.date | None = None
    lang: str = "zh"
    shapes: Any = None

    def texts(self) -> list[str]:
        """Every text the renderer draws for this view (for glyph checks)."""
        out = [self.title, self.subtitle, self.legend_title, self.scenario, *self.sources]
        out += [lab.text for lab in self.labels] + [e.label for e in self.legend]
        out += [layer.label for layer in self.layers]
        out += [settings.boundary_source, settings.boundary_approval]
        return [t for t in out if t]
