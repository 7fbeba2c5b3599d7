r"""Data and image export of a view: GeoJSON, CSV, PNG, PDF, SVG as bytes.

The same functions serve the pages' download buttons (``st.download_button(data=...)``) and
the ``cymap export`` command. GeoJSON is written in EPSG:4326; CSV is UTF-8 with a byte order
mark, so Excel shows the Chinese names.

Examples
--------
>>> from cymap import export, views
>>> view, table = views.view_population()
>>> export.to_csv(table).startswith(b"\xef\xbb\xbf")
True
>>> data = export.export_view("population", {}, fmt="geojson")
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from .. import settings, views
from .._errors import ExportError
from . import render

#: Data formats; image formats are in ``render.FORMATS``.
DATA_FORMATS = ("geojson", "csv")
#: Every format :func:`export_view` writes.
ALL_FORMATS = (*render.FORMATS, *DATA_FORMATS)
#: MIME types for download buttons.
MIME_TYPES = {
    "png": "image/png",
    "pdf": "application/pdf",
    "svg": "image/svg+xml",
    "geojson": "application/geo+json",
    "csv": "text/csv",
}


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Columns as JSON/CSV friendly values.

    Lists and dicts become JSON text; travel times (columns named ``*minutes*`` or ``*_min``)
    are rounded to 0.1 min, the model's precision being far coarser than that.
    """
    out = df.copy()
    for col in out.columns:
        timed = "minutes" in str(col) or str(col).endswith("_min")
        if timed and pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(1)
        if col == "geometry" or pd.api.types.is_numeric_dtype(out[col]):
            continue
        if out[col].map(lambda v: isinstance(v, (list, tuple, dict, set))).any():
            out[col] = out[col].map(
                lambda v: (
                    json.dumps(list(v) if isinstance(v, (set, tuple)) else v, ensure_ascii=False)
                    if isinstance(v, (list, tuple, dict, set))
                    else v
                )
            )
    return out


def _with_index(df: pd.DataFrame) -> pd.DataFrame:
    """Bring a named index (e.g. ``adcode``) back as the first column."""
    if df.index.name and df.index.name not in df.columns:
        return df.reset_index()
    return df.reset_index(drop=True)


def to_geojson(gdf: gpd.GeoDataFrame) -> bytes:
    """A GeoDataFrame as GeoJSON bytes in EPSG:4326 (UTF-8, Chinese kept readable).

    Rows without geometry are kept with ``"geometry": null``.
    """
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf.columns:
        msg = "GeoJSON needs a table with geometry; export this table as CSV instead"
        raise ExportError(msg)
    out = _plain(_with_index(gdf))
    out = gpd.GeoDataFrame(out, geometry=gdf.geometry.name, crs=gdf.crs or settings.crs)
    out = out.to_crs(settings.crs)
    text = out.to_json(ensure_ascii=False, drop_id=True, na="null")
    return text.encode("utf-8")


def to_csv(df: pd.DataFrame) -> bytes:
    """A table as CSV bytes: UTF-8 with BOM (Excel-friendly), geometry dropped.

    Point geometries are kept as ``lon, lat`` columns when the table has no seat columns.
    """
    out = _with_index(df)
    if isinstance(out, gpd.GeoDataFrame) or "geometry" in out.columns:
        out = pd.DataFrame(out.drop(columns="geometry"))
    return _plain(out).to_csv(index=False).encode("utf-8-sig")


def export_table(table: pd.DataFrame, *, fmt: str) -> bytes:
    """A view's table as ``"geojson"`` or ``"csv"`` bytes."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "geojson":
        return to_geojson(table)
    if fmt == "csv":
        return to_csv(table)
    msg = f"unknown data format {fmt!r}; use one of {', '.join(DATA_FORMATS)}"
    raise ExportError(msg)


def export_view(
    kind: str,
    state: dict[str, Any],
    *,
    fmt: str,
    width_px: int = 2000,
    height_px: int = 1500,
    dpi: float = 200,
) -> bytes:
    """Build a view from the pages' URL state and export it as image or data bytes.

    Parameters
    ----------
    kind
        ``group``, ``compare``, ``corridors``, ``reach``, ``diff`` (or ``population``).
    state
        URL state of the page (see :func:`cymap.views.build_view`).
    fmt
        ``png``, ``pdf``, ``svg`` (the map) or ``geojson``, ``csv`` (the view's data; the
        GeoJSON of a reach view also holds its isochrone band polygons, ``feature: shape``).
    width_px, height_px, dpi
        Image size and resolution (images only).
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in ALL_FORMATS:
        msg = f"unknown export format {fmt!r}; use one of {', '.join(ALL_FORMATS)}"
        raise ExportError(msg)
    view, table = views.build_view(kind, state)
    if fmt == "geojson" and view.shapes is not None:
        # the view's shapes (isochrone bands) travel with its units, told apart by `feature`
        shapes = view.shapes.replace([float("inf"), float("-inf")], None).assign(feature="shape")
        units_part = _with_index(table).assign(feature="unit")
        both = pd.concat([units_part, shapes], ignore_index=True)
        return to_geojson(gpd.GeoDataFrame(both, geometry="geometry", crs=settings.crs))
    if fmt in DATA_FORMATS:
        return export_table(table, fmt=fmt)
    return render.render(view, fmt=fmt, width_px=width_px, height_px=height_px, dpi=dpi)


def format_of(path: str | Path) -> str:
    """The export format named by a file's suffix; ``ExportError`` for unknown suffixes."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "json":
        suffix = "geojson"
    if suffix not in ALL_FORMATS:
        msg = f"{path}: unknown suffix {Path(path).suffix!r}; use .{', .'.join(ALL_FORMATS)}"
        raise ExportError(msg)
    return suffix
