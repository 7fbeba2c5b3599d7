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

import io
import threading
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from .. import settings
from .._errors import ExportError
from ..style import PRINT_BASEMAP
from ..views.model import Label, Layer, LegendEntry, MapView
from . import fonts
from ._base import (
    DRAW_CRS,
    SIMPLIFY_M,
    _auto_extent,
    _draw_basemap,
    _draw_layer,
    _set_extent,
    _transformer,
)
from ._frame import (
    _TEXT_EN,
    _TEXT_ZH,
    _draw_headings,
    _draw_legend,
    _draw_north_arrow,
    _draw_scale_bar,
    _footer,
    _nice_length_km,
    _place_labels,
)

_EXPORT_LOCK = threading.RLock()

#: Formats :func:`render` writes.
FORMATS = ("png", "pdf", "svg")


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
        ax.set_facecolor(PRINT_BASEMAP["frame_fill"])
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
        leg = _draw_legend(ax, view, font)
        renderer = fig.canvas.get_renderer()
        frame = [p.get_window_extent(renderer) for p in ax.patches if p.get_zorder() >= 9]
        frame += [t.get_window_extent(renderer) for t in ax.texts if t.get_zorder() >= 10]
        if leg is not None:
            frame.append(leg.get_window_extent(renderer))
        _place_labels(ax, fig, view.labels, font, frame)
        _draw_headings(fig, view, font, footer=(left, right), side=side, bottom=bottom)
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


__all__ = [
    "DRAW_CRS",
    "FORMATS",
    "SIMPLIFY_M",
    "Label",
    "Layer",
    "LegendEntry",
    "MapView",
    "_nice_length_km",
    "_transformer",
    "build_figure",
    "render",
    "render_to_file",
]
