"""Web rendering of a view description: folium layers and legend from a :class:`MapView`.

The print renderer (:mod:`cymap.printmap.render`) draws the same description, so the web map and the
exported figure show the same layers, colours, labels and legend entries. Nothing here
chooses a colour, a label or a legend entry: it only translates the description's style keys
to Leaflet's.
"""

from __future__ import annotations

from .render import legend_of, map_layers

__all__ = ["legend_of", "map_layers"]
