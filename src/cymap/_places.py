"""Places of the travel-time model: unit seats, prefecture seats and polygon adjacency."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Point

from . import names, units
from ._errors import UnknownNameError

#: Mean Earth radius used for great-circle distances (km).
EARTH_RADIUS_KM = 6371.0088


def county_of_point(lon: float, lat: float, *, data_dir: Path | None = None) -> str | None:
    """Adcode of the county-level unit containing a point (``None`` outside the region)."""
    counties = units.county_units(data_dir=data_dir)
    hits = counties.index[counties.geometry.contains(Point(lon, lat))]
    return str(hits[0]) if len(hits) else None


@functools.cache
def _seat_county(adcode: str, data_dir: Path | None) -> str:
    """County-level unit of a unit's seat: itself for a county, else the county containing it."""
    table = units.load_units(data_dir=data_dir)
    row = table.loc[adcode]
    if row["level"] == "county":
        return adcode
    found = county_of_point(float(row["seat_lon"]), float(row["seat_lat"]), data_dir=data_dir)
    if found is None:
        msg = f"the seat of {row['name_zh']} ({adcode}) lies in no county-level unit"
        raise UnknownNameError(msg)
    return found


def place_adcodes(name: str, *, data_dir: Path | None = None) -> list[str]:
    """County-level place adcodes meant by a name or adcode.

    A county is itself; a prefecture (成都, 510100) or province (重庆) means its government seat,
    i.e. the county that contains the seat point; a multi-unit area (两江新区) means all its
    member units.

    Raises
    ------
    UnknownNameError
        For an unknown name, with near matches.
    """
    res = names.resolve(str(name))
    return list(dict.fromkeys(_seat_county(a, data_dir) for a in res.adcodes))


def great_circle_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance between two points (km, haversine)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return float(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a)))


@functools.cache
def adjacent_pairs(digest: str, data_dir: Path | None) -> tuple[tuple[str, str], ...]:
    """Touching county pairs (cached by the data digest ``digest``)."""
    del digest  # cache key only
    counties = units.county_units(data_dir=data_dir)
    # Boundaries are ~1:1M; a 0.002° (~200 m) buffer closes digitising gaps between neighbours.
    geoms = counties.geometry.to_numpy()
    left, right = shapely.STRtree(geoms).query(shapely.buffer(geoms, 0.002), predicate="intersects")
    codes = counties.index.to_numpy()
    pairs = {
        tuple(sorted((codes[i], codes[j]))) for i, j in zip(left, right, strict=True) if i != j
    }
    return tuple(sorted(pairs))
