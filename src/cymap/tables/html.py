"""Tables of the dashboard pages as static HTML: formatted, escaped, quotes wrapped in full.

A static table draws in the browser in a few milliseconds, where the interactive grid and
Streamlit's own table load and lay out a cell at a time (0.15-0.35 s of a page's load on the
benchmark machine). The pages' tables are read, not edited; their data goes out through the
export buttons (CSV, GeoJSON).
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import pandas as pd

#: Text columns whose longest value exceeds this many characters wrap (quotes, documents,
#: lists); shorter ones (names, codes, tiers) stay on one line.
WRAP_CHARS = 10
#: The wrapping column with the most text, when a value of it exceeds this many characters
#: (quotes with their simplified reading, lists of places), gets a wider minimum, so it wraps
#: into a few lines rather than a narrow column of many.
WIDE_CHARS = 30

_CSS = (
    ".cy-table{overflow:auto;border:1px solid rgba(49,51,63,.1);border-radius:.5rem;"
    "margin-bottom:1rem}"
    ".cy-table table{border-collapse:collapse;width:100%;font-size:.875rem;line-height:1.45}"
    ".cy-table th,.cy-table td{padding:.3rem .6rem;border-bottom:1px solid rgba(49,51,63,.08);"
    "vertical-align:top;text-align:left;white-space:nowrap;font-weight:400}"
    # Headers wrap between words only: English ones at spaces, Chinese ones not at all.
    ".cy-table thead th{position:sticky;top:0;z-index:1;background:#f8f8f9;"
    "color:rgba(49,51,63,.7);white-space:normal;word-break:keep-all}"
    ".cy-table .num{text-align:right;font-variant-numeric:tabular-nums}"
    ".cy-table .wrap{white-space:normal;min-width:8em}"
    ".cy-table .wrap.wide{min-width:12em}"
)


def _is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def column_formats(frame: pd.DataFrame) -> dict[str, str]:
    """The format of each numeric column: whole numbers without decimals, others with one.

    Quantities (population, area) get thousands separators; small codes (years, line
    numbers) do not.
    """
    formats = {}
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_float_dtype(values):
            whole = bool(((values.dropna() % 1) == 0).all())
            formats[col] = "{:,.0f}" if whole else "{:,.1f}"
        elif pd.api.types.is_integer_dtype(values):
            formats[col] = "{:,}" if values.abs().max() >= 10_000 else "{}"
    return formats


def cell_text(value: Any, fmt: str | None = None) -> str:
    """A cell as shown: '—' when missing, ✓/✗ for yes/no, numbers by ``fmt``."""
    if _is_missing(value):
        return "—"
    if isinstance(value, bool | np.bool_):
        return "✓" if value else "✗"
    return fmt.format(value) if fmt else str(value)


def html_table(frame: pd.DataFrame, *, max_height_px: int | None = 480) -> str:
    """``frame`` as an HTML table (with its style), the first column as row headers.

    Every value is escaped. Numeric columns are right-aligned; long text columns wrap; the
    header stays in view when the table scrolls (taller than ``max_height_px``; ``None``
    shows every row).
    """
    formats = column_formats(frame)
    lengths = {
        col: [len(str(v)) for v in frame[col] if not _is_missing(v)]
        for col in frame.columns
        if col not in formats and not pd.api.types.is_bool_dtype(frame[col])
    }
    wrap = {col for col, n in lengths.items() if max(n, default=0) > WRAP_CHARS}
    # the column carrying the most text (the quotes), when long, gets more room than others
    top = max(wrap, key=lambda col: sum(lengths[col]), default=None)
    wide = {top} if top is not None and max(lengths[top]) > WIDE_CHARS else set()

    def cls(col: Any) -> str:
        if col in formats:
            return ' class="num"'
        if col in wrap:
            return ' class="wrap wide"' if col in wide else ' class="wrap"'
        return ""

    head = "".join(f"<th{cls(c)}>{html.escape(str(c))}</th>" for c in frame.columns)
    height = f' style="max-height:{max_height_px}px"' if max_height_px else ""
    rows = []
    for record in frame.itertuples(index=False, name=None):
        cells = []
        for i, (col, value) in enumerate(zip(frame.columns, record, strict=True)):
            tag = "th" if i == 0 else "td"
            text = html.escape(cell_text(value, formats.get(col)))
            cells.append(f"<{tag}{cls(col)}>{text}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f"<style>{_CSS}</style>"
        f'<div class="cy-table"{height}>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
