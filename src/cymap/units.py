"""Administrative units: boundaries, government seats, 2020 population and area.

The units of analysis are Chongqing's 38 districts and counties, Sichuan's 21 prefectures and
183 counties, plus the two provinces themselves. Everything comes from ``geodata/`` (built by
``cymap build-geodata``) and is validated on load.

Examples
--------
>>> from cymap import units
>>> gdf = units.load_units()
>>> gdf.loc["500118", "name_zh"]
'永川区'
"""

from __future__ import annotations

import functools
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from . import settings
from ._build import CONTEXT_FILE, POPULATION_FILE, SEATS_FILE, UNITS_FILE
from ._errors import DataValidationError

LEVELS = ("province", "prefecture", "county")
UNIT_COLUMNS = (
    "name_zh",
    "level",
    "parent_adcode",
    "province_adcode",
    "area_km2",
    "population_2020",
    "seat_lon",
    "seat_lat",
)


def _path(name: str, data_dir: Path | None) -> Path:
    path = (data_dir or settings.data_dir) / name
    if not path.exists():
        msg = f"{path}: not found; run `cymap build-geodata` to create it"
        raise DataValidationError(msg)
    return path


def _read_boundaries(path: Path) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(path)
    problems = []
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        problems.append(f"CRS is {gdf.crs}, expected EPSG:4326")
    for col in ("adcode", "name_zh", "level"):
        if col not in gdf.columns:
            problems.append(f"missing column '{col}'")
    if not problems:
        bad_code = ~gdf["adcode"].astype(str).str.fullmatch(r"\d{6}")
        problems += [
            f"row {i + 1}: adcode {gdf.at[i, 'adcode']!r} is not 6 digits"
            for i in gdf.index[bad_code]
        ]
        dup = gdf["adcode"].duplicated(keep=False)
        problems += [
            f"row {i + 1}: adcode {gdf.at[i, 'adcode']} is not unique" for i in gdf.index[dup]
        ]
        invalid = ~shapely.is_valid(gdf.geometry.values) | gdf.geometry.is_empty.values
        problems += [
            f"row {i + 1}: {gdf.at[i, 'adcode']} geometry is empty or invalid"
            for i in gdf.index[invalid]
        ]
    if problems:
        msg = f"{path}: " + "; ".join(problems) + ". Rebuild with `cymap build-geodata`."
        raise DataValidationError(msg)
    return gdf.set_index("adcode")


@functools.cache
def _load_units(data_dir: Path | None) -> gpd.GeoDataFrame:
    gdf = _read_boundaries(_path(UNITS_FILE, data_dir))
    seats = pd.read_csv(_path(SEATS_FILE, data_dir), dtype={"adcode": str}).set_index("adcode")
    pop = pd.read_csv(_path(POPULATION_FILE, data_dir), dtype={"adcode": str, "census_adcode": str})
    pop = pop[pop["level"] != "dev_zone"].set_index("adcode")
    gdf["seat_lon"] = seats["lon"].reindex(gdf.index)
    gdf["seat_lat"] = seats["lat"].reindex(gdf.index)
    gdf["population_2020"] = pop["population_2020"].reindex(gdf.index).astype("Int64")
    missing = gdf.index[gdf["seat_lon"].isna() | gdf["population_2020"].isna()].tolist()
    if missing:
        msg = f"{settings.data_dir}: units {missing} lack a seat or a population row; rebuild with `cymap build-geodata`"
        raise DataValidationError(msg)
    gdf["parent_adcode"] = gdf["parent_adcode"].fillna("")
    return gdf[[*UNIT_COLUMNS, "geometry"]]


def load_units(*, level: str | None = None, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """All units (or one level of them) as a GeoDataFrame indexed by ``adcode``.

    Parameters
    ----------
    level
        ``"province"``, ``"prefecture"`` or ``"county"``; all levels when ``None``.
    data_dir
        Folder with the geodata files; ``settings.data_dir`` by default.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name_zh, level, parent_adcode, province_adcode, area_km2`` (km², equal-area),
        ``population_2020`` (persons), ``seat_lon, seat_lat`` (WGS 84) and polygon geometry in
        EPSG:4326. A copy: callers may modify it.

    Examples
    --------
    >>> len(load_units(level="prefecture"))
    21
    """
    gdf = _load_units(data_dir)
    if level is not None:
        if level not in LEVELS:
            msg = f"level {level!r} is not one of {', '.join(LEVELS)}"
            raise ValueError(msg)
        gdf = gdf[gdf["level"] == level]
    return gdf.copy()


def county_units(*, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The 221 county-level units (Chongqing 38 + Sichuan 183): the places of the travel model."""
    return load_units(level="county", data_dir=data_dir)


def load_seats(*, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Government seats as points (EPSG:4326), indexed by ``adcode``, with ``name_zh`` and ``level``."""
    gdf = _load_units(data_dir)
    pts = gpd.points_from_xy(gdf["seat_lon"], gdf["seat_lat"], crs=settings.crs)
    return gpd.GeoDataFrame(gdf[["name_zh", "level"]].copy(), geometry=pts, crs=settings.crs)


@functools.cache
def _load_context(data_dir: Path | None) -> gpd.GeoDataFrame:
    return _read_boundaries(_path(CONTEXT_FILE, data_dir))


def load_context(*, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Neighbouring provinces and prefectures (simplified) for the basemap, indexed by ``adcode``."""
    return _load_context(data_dir).copy()


def load_rivers(path: Path | None = None) -> gpd.GeoDataFrame | None:
    """Major rivers from ``shared/reference/rivers.geojson`` (or ``path``), or ``None`` if absent.

    The rivers are read at run time and never copied into the project (Natural Earth, public
    domain; GSHHG/WDBII, LGPL-3.0+; see each feature's ``source`` and ``license``).
    """
    path = path or settings.shared_dir / "reference" / "rivers.geojson"
    if not path.exists():
        return None
    return gpd.read_file(path).to_crs(settings.crs)


def population_dev_zones(*, data_dir: Path | None = None) -> pd.DataFrame:
    """Census rows of development zones counted apart from any county (e.g. 内江经济开发区).

    Their population is in the prefecture totals but in no county polygon.
    """
    pop = pd.read_csv(_path(POPULATION_FILE, data_dir), dtype={"adcode": str, "census_adcode": str})
    return pop[pop["level"] == "dev_zone"].reset_index(drop=True)


def summarize(adcodes: list[str] | pd.Index, *, data_dir: Path | None = None) -> dict[str, float]:
    """Count, area (km²) and 2020 population of a set of units.

    Prefectures and their own counties must not both be listed (they would be counted twice).
    """
    gdf = _load_units(data_dir).loc[list(adcodes)]
    return {
        "units": len(gdf),
        "area_km2": float(gdf["area_km2"].sum()),
        "population_2020": int(gdf["population_2020"].sum()),
    }
