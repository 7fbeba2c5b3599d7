"""Leaflet elements of the web maps, rendered by folium: data scripts, labels, legend, controls.

The browser side lives in ``static/cymap/layers.js`` (units, features, legend, zoom class) and
``static/cymap/labels.js`` (labels and their thinning), served locally with the pages; the
elements here only hand them their data.

Elements that carry map data derive from :class:`DataScript`, whose script goes into the page
as it is (branca would otherwise compile every rendered script as a template once more).
No Streamlit.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable

from branca.element import Element, MacroElement
from jinja2 import Template

#: Decimal degrees kept in map payloads (about 100 m).
PRECISION = 3


class ZoomClass(MacroElement):
    """Adds a ``cy-zoom-N`` class to the map container so labels can depend on zoom."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        cymapMap.zoomClass({{ this._parent.get_name() }});
        {% endmacro %}"""
    )


class MetricScale(MacroElement):
    """A metric-only scale bar (km), as on Chinese maps."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        L.control.scale({imperial:false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}"""
    )


class _Text(Element):
    """Text placed in the page as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **_: object) -> str:
        """The text itself."""
        return self.text


class DataScript(MacroElement):
    """A MacroElement with a ``script`` macro only, whose output goes into the page as is.

    branca compiles every element's rendered script as a Jinja template once more when the
    figure is rendered; for scripts that carry map data (hundreds of kB) that second pass is
    most of the rendering time, and it would misread any "{{" in the data.
    """

    def render(self, **kwargs: object) -> None:
        """Add the script to the figure (uncompiled), then render the children."""
        script = self._template.module.script  # the macro, called as a function
        self.get_root().script.add_child(_Text(script(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class Legend(MacroElement):
    """A small legend box in the bottom-left corner of the map."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        cymapMap.legend({{ this._parent.get_name() }},{{ this.html|tojson }});
        {% endmacro %}"""
    )

    def __init__(
        self, title: str, items: Iterable[tuple[str, str]], *, styled: bool = False
    ) -> None:
        """``items`` are (label, colour), or (label, CSS of the swatch) when ``styled``."""
        super().__init__()
        items = list(items)
        self.title = title
        self.labels = [label for label, _ in items]
        rows = "".join(
            f"<div><i style='{css if styled else 'background:' + css}'></i>"
            f"{html.escape(label)}</div>"
            for label, css in items
        )
        self.html = f"<b>{html.escape(title)}</b>{rows}" if title else rows


class StaticGeoJson(DataScript):
    """A non-interactive GeoJSON layer from JSON text built once, with one style for all.

    The basemap's layers are the same on every page and every rerun; unlike
    ``folium.GeoJson`` this neither serialises the data nor evaluates a style per feature
    again on each render.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        L.geoJson({{ this.data }},{interactive:false,style:{{ this.style }}})
          .addTo({{ this._parent.get_name() }});
        {% endmacro %}"""
    )

    def __init__(self, data: str, style: dict, name: str) -> None:
        super().__init__()
        self._name = "StaticGeoJson"
        self.layer_name = name
        self.data = data
        self.style = json.dumps(style)


class Attribution(MacroElement):
    _template = Template(
        """{% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix(false).addAttribution({{ this.text|tojson }});
        {% endmacro %}"""
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class LabelLayer(DataScript):
    """Seat labels, created in the browser from a compact array by ``static/cymap/labels.js``.

    Labels of class ``county`` are shown from zoom 9 on only (CSS) and created the first time
    the map reaches that zoom. A label that would overlap one placed before it is hidden, so
    the map never shows names printed over each other; zooming in brings the hidden ones back.
    Rows come in priority order, and the label layers of one map are thinned together: layers
    with a lower ``priority`` (a page's own labels, 0) before the basemap's (1). The script
    thins again whenever what it measured can change (zoom, resize, fonts, stylesheets); see
    its header.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        cymapLabels.add({{ this._parent.get_name() }},{{ this.rows_json }},{{ this.priority }});
        {% endmacro %}"""
    )

    def __init__(self, rows: list[tuple[float, float, str, str]], priority: int = 0) -> None:
        super().__init__()
        self._name = "LabelLayer"
        self.priority = int(priority)
        # Raw UTF-8 JSON (names are official Chinese names; no markup in them).
        self.rows_json = json.dumps(rows, ensure_ascii=False).replace("</", "<\\/")


class StyledUnits(DataScript):
    """Units as Leaflet polygons from polyline-encoded rings, with precomputed styles.

    About four times smaller than GeoJSON and much faster than ``folium.GeoJson`` with a style
    function: ring encodings come from a cache, each unit carries only a style index, its
    adcode and its tooltip. Rings are encoded with the polyline algorithm at
    ``PRECISION`` decimals, with "!" standing for "{" (the page's templates treat "{{" as
    markup).
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        cymapMap.units({{ this._parent.get_name() }},{{ this.styles }},{{ this.precision }},{{ this.data }});
        {% endmacro %}"""
    )

    def __init__(self, data: str, styles: str) -> None:
        super().__init__()
        self._name = "StyledUnits"
        self.data = data
        self.styles = styles
        self.precision = PRECISION


class StyledFeatures(DataScript):
    """GeoJSON features, each with a precomputed style (by index) and tooltip."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        cymapMap.features({{ this._parent.get_name() }},{{ this.styles }},{{ this.interactive }},{{ this.data }});
        {% endmacro %}"""
    )

    def __init__(self, data: str, styles: str, *, interactive: bool) -> None:
        super().__init__()
        self._name = "StyledFeatures"
        self.data = data
        self.styles = styles
        self.interactive = "true" if interactive else "false"
