"""Report figures: a view description drawn with matplotlib (PNG/PDF/SVG), and its data files.

``render`` draws a :class:`cymap.views.model.MapView` (``_base``: layers and basemap,
``_frame``: labels, legend, scale bar, north arrow, title, footer) with a CJK font from
``fonts``; ``export`` writes a view of the pages' state as an image or as CSV/GeoJSON.
"""
