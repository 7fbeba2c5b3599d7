import shapely
from shapely.ops import unary_union

from cymap import settings, units


def test_unit_counts_match_official_divisions(units_gdf):
    counties = units_gdf[units_gdf["level"] == "county"]
    assert (counties["province_adcode"] == "500000").sum() == 38
    assert (counties["province_adcode"] == "510000").sum() == 183
    assert (units_gdf["level"] == "prefecture").sum() == 21
    assert set(units_gdf.index[units_gdf["level"] == "province"]) == {"500000", "510000"}


def test_adcodes_are_unique_six_digit_strings(units_gdf):
    assert units_gdf.index.is_unique
    assert units_gdf.index.str.fullmatch(r"\d{6}").all()


def test_geometries_are_valid_polygons_in_wgs84(units_gdf):
    assert units_gdf.crs.to_epsg() == 4326
    assert shapely.is_valid(units_gdf.geometry.values).all()
    assert not units_gdf.geometry.is_empty.any()
    assert set(units_gdf.geom_type) <= {"Polygon", "MultiPolygon"}
    minx, miny, maxx, maxy = units_gdf.total_bounds
    assert 97 < minx < maxx < 111 and 26 < miny < maxy < 35


def test_every_seat_lies_inside_its_own_polygon(units_gdf):
    seats = shapely.points(units_gdf["seat_lon"], units_gdf["seat_lat"])
    inside = shapely.contains(units_gdf.geometry.values, seats)
    outside = units_gdf.index[~inside].tolist()
    assert outside == []


def test_chongqing_districts_union_to_the_chongqing_outline(units_gdf):
    counties = units_gdf[
        (units_gdf["level"] == "county") & (units_gdf["province_adcode"] == "500000")
    ]
    union = unary_union(counties.geometry.values).buffer(0)
    outline = units_gdf.loc["500000", "geometry"]
    # Same shape up to the 1e-5° coordinate grid: symmetric difference below 0.1 % of the area.
    assert union.symmetric_difference(outline).area / outline.area < 1e-3


def test_sichuan_prefectures_partition_their_counties(units_gdf):
    prefs = units_gdf[units_gdf["level"] == "prefecture"]
    counties = units_gdf[
        (units_gdf["level"] == "county") & (units_gdf["province_adcode"] == "510000")
    ]
    assert set(counties["parent_adcode"]) == set(prefs.index)
    by_parent = counties.groupby("parent_adcode")["area_km2"].sum()
    ratio = by_parent / prefs["area_km2"]
    assert ratio.between(0.995, 1.005).all()


def test_population_is_the_2020_census_and_counties_sum_to_provinces(units_gdf):
    assert units_gdf.loc["500000", "population_2020"] == 32054159
    assert units_gdf.loc["510000", "population_2020"] == 83674866
    assert units_gdf.loc["513402", "population_2020"] > 0  # 会理市, census code 513425
    counties = units_gdf[units_gdf["level"] == "county"]
    cq = counties[counties["province_adcode"] == "500000"]["population_2020"].sum()
    assert cq == 32054159
    dev_zones = units.population_dev_zones()["population_2020"].sum()
    sc = counties[counties["province_adcode"] == "510000"]["population_2020"].sum()
    assert sc + dev_zones == 83674866


def test_area_is_equal_area_km2(units_gdf):
    # Chongqing's official land area is about 82,400 km².
    assert 81_500 < units_gdf.loc["500000", "area_km2"] < 83_500
    recomputed = units_gdf.geometry.to_crs(settings.area_crs).area / 1e6
    assert (recomputed - units_gdf["area_km2"]).abs().max() < 0.1


def test_context_layer_has_neighbour_provinces():
    ctx = units.load_context()
    names = set(ctx["name_zh"])
    assert {"贵州省", "云南省", "湖北省", "陕西省"} <= names
    assert not ctx.index.str.startswith(("50", "51")).any()


def test_summarize_adds_area_and_population():
    s = units.summarize(["500118", "500116"])
    assert s["units"] == 2
    g = units.load_units().loc[["500118", "500116"]]
    assert s["population_2020"] == g["population_2020"].sum()
