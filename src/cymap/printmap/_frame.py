"""Frame of the static renderer: place labels, scale bar, north arrow, legend, title, footer."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pyproj
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon, Rectangle
from matplotlib.patheffects import Stroke
from matplotlib.transforms import Bbox

from .. import settings
from ..views.model import Label, LegendEntry, MapView
from ._base import DRAW_CRS, _transformer

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


def _draw_legend(ax: Any, view: MapView, font: FontProperties) -> Any:
    """The legend box at the lower right; ``None`` when the view has no legend rows."""
    handles = _legend_handles(view)
    if not handles:
        return None
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
    return leg


def _draw_headings(
    fig: Figure,
    view: MapView,
    font: FontProperties,
    *,
    footer: tuple[str, str],
    side: float,
    bottom: float,
) -> None:
    """Title and subtitle above the map, footer columns (left, right) below it."""
    h_in = fig.get_size_inches()[1]
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
    left, right = footer
    foot = {"fontproperties": font, "fontsize": 6, "color": "#444444", "va": "top"}
    for column, x, ha in ((left, side, "left"), (right, 1 - side, "right")):
        for k, line in enumerate(column.split("\n")):
            fig.text(x, bottom - (0.06 + 0.125 * k) / h_in, line, ha=ha, **foot)
