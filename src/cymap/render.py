r"""The static map renderer: any view of the pages as PNG, PDF or SVG for reports.

A view is a plain :class:`MapView` (title, layers, labels, legend, extent, sources), built by
:mod:`cymap.views` or by hand. The renderer draws it on a basemap made from our own data
(neighbouring provinces, province/prefecture/county boundaries, rivers) in UTM zone 48N, so
the scale bar is true, and adds the title, legend, scale bar, north arrow, unit labels in
Chinese and a footer with the data sources, the map approval number and the date.

It uses matplotlib's object-oriented API with the Agg canvas (no pyplot), so it is safe to call
from a web server thread.

Examples
--------
>>> from cymap import render, views
>>> view, table = views.view_population()
>>> png = render.render(view, fmt="png", width_px=1600, height_px=1200, dpi=200)
>>> png.startswith(b"\x89PNG")
True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import math
import threading
from pathlib import Path
from typing import Any, NamedTuple

import geopandas as gpd
import matplotlib as mpl
import pyproj
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon, Rectangle
from matplotlib.patheffects import Stroke
from matplotlib.transforms import Bbox

from . import fonts, settings, units
from ._errors import ExportError

_EXPORT_LOCK = threading.RLock()

#: Formats :func:`render` writes.
FORMATS = ("png", "pdf", "svg")

#: Drawing CRS: UTM zone 48N (central meridian 105°E crosses the region), so lengths are true.
DRAW_CRS = settings.metric_crs

#: Tolerance (m) of the one-off simplification of basemap geometries for drawing.
SIMPLIFY_M = 150.0

_TEXT_ZH = {
    "sources": "数据来源",
    "basemap": "底图",
    "date": "制图日期",
    "north": "北",
    "scenario": "情景",
}
_TEXT_EN = {
    "sources": "Sources",
    "basemap": "Basemap",
    "date": "Map date",
    "north": "N",
    "scenario": "Scenario",
}


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
    """

    gdf: gpd.GeoDataFrame
    style: dict[str, Any]
    label: str = ""


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

    def texts(self) -> list[str]:
        """Every text the renderer draws for this view (for glyph checks)."""
        out = [self.title, self.subtitle, self.legend_title, self.scenario, *self.sources]
        out += [lab.text for lab in self.labels] + [e.label for e in self.legend]
        out += [layer.label for layer in self.layers]
        out += [settings.boundary_source, settings.boundary_approval]
        return [t for t in out if t]


def _project(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        gdf = gdf.set_crs(settings.crs)
    return gdf.to_crs(DRAW_CRS)


@functools.cache
def _basemap() -> dict[str, gpd.GeoDataFrame | None]:
    """Basemap layers projected and simplified once per process."""

    def prep(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        out = _project(gdf)
        out["geometry"] = out.geometry.simplify(SIMPLIFY_M, preserve_topology=True)
        return out

    all_units = units.load_units()
    context = units.load_context()
    rivers = units.load_rivers()
    return {
        "context_prov": prep(context[context["level"] == "province"]),
        "context_pref": prep(context[context["level"] != "province"]),
        "province": prep(all_units[all_units["level"] == "province"]),
        "prefecture": prep(all_units[all_units["level"] == "prefecture"]),
        "county": prep(all_units[all_units["level"] == "county"]),
        "rivers": prep(rivers) if rivers is not None else None,
    }


@functools.cache
def _transformer() -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(settings.crs, DRAW_CRS, always_xy=True)


def _draw_layer(ax: Any, layer: Layer) -> None:
    gdf = _project(layer.gdf)
    gdf = gdf[~gdf.geometry.is_empty & gdf.geometry.notna()]
    if gdf.empty:
        return
    style = dict(layer.style)
    col = style.pop("color_column", None)
    kind = gdf.geom_type.iloc[0]
    if col is not None:
        colors = list(gdf[col])
        key = "facecolor" if "Polygon" in kind else "color"
        style[key] = colors
    gdf.plot(ax=ax, **style)


def _auto_extent(view: MapView) -> tuple[float, float, float, float]:
    if view.extent is not None:
        return view.extent
    bounds = [
        layer.gdf.to_crs(settings.crs).total_bounds for layer in view.layers if len(layer.gdf)
    ]
    if not bounds:
        return tuple(units.load_units(level="province").total_bounds)  # type: ignore[return-value]
    minx = min(b[0] for b in bounds)
    miny = min(b[1] for b in bounds)
    maxx = max(b[2] for b in bounds)
    maxy = max(b[3] for b in bounds)
    pad_x, pad_y = 0.08 * (maxx - minx) + 0.05, 0.08 * (maxy - miny) + 0.05
    return (minx - pad_x, miny - pad_y, maxx + pad_x, maxy + pad_y)


def _set_extent(ax: Any, extent: tuple[float, float, float, float]) -> None:
    """Show ``extent`` (lon/lat) whole, widened to the axes' shape at a 1:1 metric aspect."""
    tr = _transformer()
    minx, miny, maxx, maxy = extent
    xs, ys = tr.transform(
        [minx, minx, maxx, maxx, (minx + maxx) / 2], [miny, maxy, miny, maxy, miny]
    )
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    fig_w, fig_h = ax.figure.get_size_inches()
    pos = ax.get_position()
    box_ratio = (pos.height * fig_h) / (pos.width * fig_w)
    width, height = x1 - x0, y1 - y0
    if height / width < box_ratio:
        pad = (width * box_ratio - height) / 2
        y0, y1 = y0 - pad, y1 + pad
    else:
        pad = (height / box_ratio - width) / 2
        x0, x1 = x0 - pad, x1 + pad
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def _draw_basemap(ax: Any) -> None:
    base = _basemap()
    base["context_prov"].plot(
        ax=ax, facecolor="#f1f0ec", edgecolor="#b8b4aa", linewidth=0.6, zorder=0
    )
    base["province"].plot(ax=ax, facecolor="#ffffff", edgecolor="none", zorder=0.5)
    base["county"].plot(ax=ax, facecolor="none", edgecolor="#cfcfcf", linewidth=0.25, zorder=3)
    base["prefecture"].plot(ax=ax, facecolor="none", edgecolor="#9a9a9a", linewidth=0.5, zorder=3.1)
    base["province"].plot(
        ax=ax,
        facecolor="none",
        edgecolor="#555555",
        linewidth=1.0,
        linestyle=(0, (6, 2, 1, 2)),
        zorder=3.2,
    )
    if base["rivers"] is not None:
        base["rivers"].plot(ax=ax, color="#7fb2d9", linewidth=0.9, zorder=2.5)


def _place_labels(
    ax: Any, fig: Figure, labels: list[Label], font: FontProperties, obstacles: list[Any]
) -> int:
    """Draw labels by priority, dropping those that would overlap; returns the count drawn.

    A label never covers another label, another label's seat dot, or the ``obstacles``
    (window extents of the legend, scale bar and north arrow).
    """
    renderer = fig.canvas.get_renderer()
    tr = _transformer()
    ax_box = ax.get_window_extent(renderer)
    taken: list[Any] = list(obstacles)
    dot_r = 2.5 * fig.dpi / 72  # seat dot radius with a margin, in pixels
    offsets = [
        (0, 4, "center", "bottom"),
        (0, -4, "center", "top"),
        (5, 0, "left", "center"),
        (-5, 0, "right", "center"),
    ]
    drawn = 0
    for lab in sorted(labels, key=lambda x: -x.priority):
        x, y = tr.transform(lab.lon, lab.lat)
        px, py = ax.transData.transform((x, y))
        dot = Bbox.from_extents(px - dot_r, py - dot_r, px + dot_r, py + dot_r)
        if lab.marker and any(dot.overlaps(other) for other in taken):
            continue
        for dx, dy, ha, va in offsets if lab.marker else [(0, 0, "center", "center")]:
            kwargs = {
                "xytext": (dx, dy),
                "textcoords": "offset points",
                "ha": ha,
                "va": va,
                "fontproperties": font,
                "fontsize": lab.size_pt,
                "fontweight": lab.weight,
                "annotation_clip": True,
            }
            text = ax.annotate(lab.text, (x, y), color=lab.color, zorder=8, **kwargs)
            box = text.get_window_extent(renderer).expanded(1.08, 1.15)
            inside = ax_box.contains(box.x0, box.y0) and ax_box.contains(box.x1, box.y1)
            if inside and not any(box.overlaps(other) for other in taken):
                taken += [box, dot] if lab.marker else [box]
                # White halo drawn as outlines underneath; the label itself stays real text.
                halo = [Stroke(linewidth=2.2, foreground="white")]
                ax.annotate(
                    lab.text, (x, y), color="white", zorder=7.9, path_effects=halo, **kwargs
                )
                if lab.marker:
                    ax.plot([x], [y], marker="o", markersize=1.8, color=lab.color, zorder=8)
                drawn += 1
                break
            text.remove()
    return drawn


def _nice_length_km(width_m: float) -> float:
    target = width_m / 1000 / 5
    for step in (5, 10, 20, 50, 100, 200, 500):
        if step >= target * 0.7:
            return float(step)
    return 1000.0


def _bold_text(target: Any, x: float, y: float, text: str, **kwargs: Any) -> None:
    """Bold-looking text: a thin outline under the regular face, which stays real text.

    One embedded font instead of two keeps PDF export fast.
    """
    color = kwargs.pop("color", "#111111")
    outline = [Stroke(linewidth=0.35, foreground=color)]
    target.text(x, y, text, color=color, path_effects=outline, **kwargs)
    target.text(x, y, text, color=color, **kwargs)


def _draw_scale_bar(ax: Any, font: FontProperties) -> None:
    """Alternating black/white bar of a round length in km at the lower left."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    length_km = _nice_length_km(w)
    length_m = length_km * 1000
    left, base, height = x0 + 0.03 * w, y0 + 0.045 * h, 0.008 * h
    box = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "zorder": 9}
    ax.add_patch(
        Rectangle((left - 0.01 * w, base - 0.03 * h), length_m + 0.05 * w, 0.075 * h, **box)
    )
    for i in range(4):
        face = "#222222" if i % 2 == 0 else "white"
        ax.add_patch(
            Rectangle(
                (left + i * length_m / 4, base),
                length_m / 4,
                height,
                facecolor=face,
                edgecolor="#222222",
                linewidth=0.6,
                zorder=10,
            )
        )
    text = {"fontproperties": font, "fontsize": 7, "zorder": 10}
    for frac in (0, 0.5, 1):
        ax.text(
            left + frac * length_m,
            base + 1.6 * height,
            f"{length_km * frac:g}",
            ha="center",
            va="bottom",
            **text,
        )
    ax.text(left + length_m + 0.012 * w, base + height / 2, "km", ha="left", va="center", **text)


def _draw_north_arrow(ax: Any, font: FontProperties, word: str) -> None:
    """A half-filled arrow pointing to true north at the upper right."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    cx, cy = x1 - 0.06 * (x1 - x0), y1 - 0.16 * (y1 - y0)
    # True north at the arrow's position (UTM grid north differs by the meridian convergence).
    lon, lat = pyproj.Transformer.from_crs(DRAW_CRS, settings.crs, always_xy=True).transform(cx, cy)
    nx_, ny_ = _transformer().transform(lon, lat + 0.1)
    norm = math.hypot(nx_ - cx, ny_ - cy)
    ux, uy = (nx_ - cx) / norm, (ny_ - cy) / norm
    size = 0.055 * (y1 - y0)
    tip = (cx + ux * size, cy + uy * size)
    tail = (cx - ux * size * 0.35, cy - uy * size * 0.35)
    half = size * 0.28
    for side, face in ((1, "#222222"), (-1, "white")):
        corner = (tail[0] - side * uy * half, tail[1] + side * ux * half)
        ax.add_patch(
            Polygon(
                [tip, corner, (cx, cy)],
                closed=True,
                facecolor=face,
                edgecolor="#222222",
                linewidth=0.6,
                zorder=10,
            )
        )
    _bold_text(
        ax,
        tip[0] + ux * size * 0.12,
        tip[1] + uy * size * 0.12,
        word,
        ha="center",
        va="bottom",
        fontproperties=font,
        fontsize=10,
        zorder=10,
        color="#222222",
    )


def _legend_handles(view: MapView) -> list[Any]:
    entries = list(view.legend)
    if not entries:
        for layer in view.layers:
            if not layer.label:
                continue
            st = layer.style
            geom = layer.gdf.geom_type.iloc[0] if len(layer.gdf) else "Polygon"
            kind = "line" if "Line" in geom else "point" if "Point" in geom else "patch"
            face = st.get("facecolor", st.get("color", "#cccccc"))
            entries.append(
                LegendEntry(
                    layer.label,
                    facecolor=str(face),
                    edgecolor=str(st.get("edgecolor", face)),
                    kind=kind,
                    linewidth=float(st.get("linewidth", 1.0)),
                )
            )
    handles: list[Any] = []
    for e in entries:
        if e.kind == "line":
            handles.append(
                Line2D(
                    [],
                    [],
                    color=e.facecolor,
                    linestyle=e.linestyle,
                    linewidth=max(e.linewidth, 1.2),
                    label=e.label,
                )
            )
        elif e.kind == "point":
            handles.append(
                Line2D(
                    [],
                    [],
                    color="none",
                    marker="o",
                    markerfacecolor=e.facecolor,
                    markeredgecolor=e.edgecolor,
                    markersize=6,
                    label=e.label,
                )
            )
        else:
            handles.append(
                Patch(
                    facecolor=e.facecolor,
                    edgecolor=e.edgecolor,
                    linewidth=0.8,
                    linestyle=e.linestyle,
                    label=e.label,
                )
            )
    return handles


def _text_width(text: str) -> float:
    """Width of a text in em (CJK characters 1, others about 0.55)."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _wrap(head: str, items: list[str], sep: str, max_em: float) -> list[str]:
    """``head`` + items joined by ``sep``, wrapped into lines of at most ``max_em``."""
    lines, current = [], head
    for i, item in enumerate(items):
        piece = item + (sep if i < len(items) - 1 else "")
        if current.strip() and _text_width(current + piece) > max_em:
            lines.append(current)
            current = "　" * 2 if head else ""
        current += piece
    lines.append(current)
    return lines


def _footer(view: MapView, *, max_em: float) -> tuple[str, str]:
    """Left footer (sources, basemap, approval number) and right footer (scenario, date)."""
    words = _TEXT_EN if view.lang == "en" else _TEXT_ZH
    sep = "; " if view.lang == "en" else "；"
    colon = ": " if view.lang == "en" else "："
    left = []
    if view.sources:
        left += _wrap(words["sources"] + colon, list(view.sources), sep, max_em)
    left.append(
        words["basemap"] + colon + settings.boundary_source + sep + settings.boundary_approval
    )
    date = (view.date or dt.date.today()).isoformat()
    right = []
    if view.scenario:
        right.append(words["scenario"] + colon + view.scenario)
    right.append(words["date"] + colon + date)
    return "\n".join(left), "\n".join(right)


def _rc(family: str) -> dict[str, Any]:
    """Matplotlib settings of every export.

    Vector text (TrueType in PDF, ``<text>`` in SVG), the CJK font, and Chinese shaping: with
    ``text.language`` unset, digits after Latin letters (``GS(2024)``) get alternate glyphs,
    which makes the PDF embed the font twice and doubles its export time.
    """
    return {
        "pdf.fonttype": 42,
        "ps.fonttype": 42,  # also sets the PDF glyph-subset size (one subset per font)
        "svg.fonttype": "none",
        "font.family": [family],
        "axes.unicode_minus": False,
        "text.language": "zh-Hans",
    }


def build_figure(
    view: MapView, *, width_px: int = 2000, height_px: int = 1500, dpi: float = 200
) -> Figure:
    """Draw ``view`` on a new matplotlib ``Figure`` (Agg canvas) of the given pixel size.

    Parameters
    ----------
    view
        The view to draw.
    width_px, height_px
        Size of the figure in pixels at ``dpi`` (PDF/SVG: ``width_px / dpi`` inches).
    dpi
        Dots per inch; 300 for print.
    """
    if width_px < 200 or height_px < 150 or dpi <= 0:
        msg = f"figure size {width_px}×{height_px} px at {dpi} dpi is too small; use at least 200×150 px"
        raise ExportError(msg)
    family = fonts.register_cjk_font()
    fonts.check_glyphs(view.texts())
    font = FontProperties(family=family)
    with _EXPORT_LOCK, mpl.rc_context(_rc(family)):
        fig = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        FigureCanvasAgg(fig)
        # Fixed margins (in inches) so the frame texts keep their size whatever the pixel size.
        h_in, w_in = height_px / dpi, width_px / dpi
        top = 1 - min(0.9 / h_in, 0.2) if view.subtitle else 1 - min(0.65 / h_in, 0.15)
        side = min(0.25 / w_in, 0.05)
        # Footer: 6 pt text, about 0.1 inch per line; the right column takes about 30 em.
        left, right = _footer(view, max_em=(1 - 2 * side) * w_in * 72 / 6 - 30)
        n_lines = max(left.count("\n"), right.count("\n")) + 1
        bottom = min((0.2 + 0.13 * n_lines) / h_in, 0.3)
        ax = fig.add_axes((side, bottom, 1 - 2 * side, top - bottom))
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_linewidth(0.8)
            spine.set_color("#444444")
        ax.set_facecolor("#f8f7f4")
        _set_extent(ax, _auto_extent(view))
        xlim, ylim = ax.get_xlim(), ax.get_ylim()
        _draw_basemap(ax)
        for layer in view.layers:
            _draw_layer(ax, layer)
        ax.set_xlim(xlim)
        ax.set_ylim(ylim)
        ax.set_aspect("equal", adjustable="box")
        ax.set_autoscale_on(False)
        ax.set_xlabel("")
        ax.set_ylabel("")
        _draw_scale_bar(ax, font)
        words = _TEXT_EN if view.lang == "en" else _TEXT_ZH
        _draw_north_arrow(ax, font, words["north"])
        handles = _legend_handles(view)
        if handles:
            leg = ax.legend(
                handles=handles,
                loc="lower right",
                prop=font,
                fontsize=8,
                title=view.legend_title or None,
                title_fontproperties=font,
                framealpha=0.92,
                edgecolor="#888888",
                fancybox=False,
            )
            leg.set_zorder(11)
            for text in leg.get_texts():
                text.set_fontsize(8)
            leg.get_title().set_fontsize(8.5)
        renderer = fig.canvas.get_renderer()
        frame = [p.get_window_extent(renderer) for p in ax.patches if p.get_zorder() >= 9]
        frame += [t.get_window_extent(renderer) for t in ax.texts if t.get_zorder() >= 10]
        if handles:
            frame.append(leg.get_window_extent(renderer))
        _place_labels(ax, fig, view.labels, font, frame)
        _bold_text(
            fig,
            0.5,
            1 - 0.12 / h_in,
            view.title,
            ha="center",
            va="top",
            fontproperties=font,
            fontsize=16,
        )
        if view.subtitle:
            fig.text(
                0.5,
                1 - 0.5 / h_in,
                view.subtitle,
                ha="center",
                va="top",
                fontproperties=font,
                fontsize=10,
                color="#333333",
            )
        # One text per footer line: multi-line texts lose their language in the PDF backend.
        foot = {"fontproperties": font, "fontsize": 6, "color": "#444444", "va": "top"}
        for column, x, ha in ((left, side, "left"), (right, 1 - side, "right")):
            for k, line in enumerate(column.split("\n")):
                fig.text(x, bottom - (0.06 + 0.125 * k) / h_in, line, ha=ha, **foot)
    return fig


def render(
    view: MapView,
    *,
    fmt: str = "png",
    width_px: int = 2000,
    height_px: int = 1500,
    dpi: float = 200,
) -> bytes:
    """Render a view to PNG, PDF or SVG bytes.

    PDF embeds the font as Type 42 (TrueType) with a ToUnicode map and SVG keeps text as
    ``<text>`` elements, so the titles and names stay searchable, selectable vector text.

    Parameters
    ----------
    view
        The view to draw.
    fmt
        ``"png"``, ``"pdf"`` or ``"svg"``.
    width_px, height_px, dpi
        Pixel size and resolution (PNG is exactly ``width_px`` × ``height_px``).

    Returns
    -------
    bytes
        The file's content.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        msg = f"unknown image format {fmt!r}; use one of {', '.join(FORMATS)}"
        raise ExportError(msg)
    family = fonts.register_cjk_font()
    metadata: dict[str, Any] = {"Title": view.title}
    if fmt == "png":
        metadata = {"Title": view.title, "Source": settings.boundary_approval}
    buf = io.BytesIO()
    # rcParams are process-wide: one export at a time, so concurrent page sessions cannot
    # restore each other's settings halfway through a save.
    with _EXPORT_LOCK:
        fig = build_figure(view, width_px=width_px, height_px=height_px, dpi=dpi)
        with mpl.rc_context(_rc(family)):
            # zlib level 3: about 3× faster than the default 6 for a file about 15 % larger.
            extra = {"pil_kwargs": {"compress_level": 3}} if fmt == "png" else {}
            fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata, **extra)
    return buf.getvalue()


def render_to_file(
    view: MapView,
    path: str | Path,
    *,
    width_px: int = 2000,
    height_px: int = 1500,
    dpi: float = 200,
) -> Path:
    """Render a view to ``path``; the format comes from the suffix (.png, .pdf, .svg)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        msg = f"{path}: unknown image suffix {path.suffix!r}; use .png, .pdf or .svg"
        raise ExportError(msg)
    data = render(view, fmt=fmt, width_px=width_px, height_px=height_px, dpi=dpi)
    path.write_bytes(data)
    return path
