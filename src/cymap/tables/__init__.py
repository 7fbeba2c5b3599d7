"""The pages' tables as DataFrames with headers in the page's language, and as static HTML.

``groupings``, ``corridors``, ``reach`` and ``sources`` build each page's tables from the
domain and the views' texts, named by :mod:`~cymap.tables.headers`; ``html`` renders a table.
"""

from __future__ import annotations

from . import corridors as corridors
from . import groupings as groupings
from . import headers as headers
from . import html as html
from . import reach as reach
from . import sources as sources

__all__ = ["corridors", "groupings", "headers", "html", "reach", "sources"]
