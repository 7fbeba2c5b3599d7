import pytest

from cymap import _places, network, units


def test_great_circle_distance_in_km():
    # One degree of latitude is 2πR/360 ≈ 111.2 km; along a meridian that is exact.
    assert _places.great_circle_km(105, 30, 105, 31) == pytest.approx(111.19, abs=0.01)
    assert _places.great_circle_km(106.5, 29.5, 106.5, 29.5) == 0
    # Symmetric, and shorter than the degrees of longitude suggest away from the equator.
    there = _places.great_circle_km(104.07, 30.67, 106.55, 29.56)
    assert there == pytest.approx(_places.great_circle_km(106.55, 29.56, 104.07, 30.67))
    assert 250 < there < 280  # 成都 to 重庆 as the crow flies


def test_a_point_lies_in_its_county_and_outside_the_region_in_none():
    seat = units.load_units().loc["500118"]  # 永川区
    assert _places.county_of_point(seat["seat_lon"], seat["seat_lat"]) == "500118"
    assert _places.county_of_point(116.4, 39.9) is None  # Beijing


def test_places_mean_county_level_units():
    assert _places.place_adcodes("永川") == ["500118"]
    chengdu = _places.place_adcodes("成都")  # a prefecture means the county of its seat
    assert len(chengdu) == 1 and units.load_units().loc[chengdu[0], "level"] == "county"
    assert units.load_units().loc[chengdu[0], "parent_adcode"] == "510100"
    assert len(_places.place_adcodes("两江新区")) > 1  # an area of several districts


def test_neighbouring_counties_are_paired_once():
    pairs = _places.adjacent_pairs(network.data_digest(), None)
    assert ("500103", "500105") in pairs  # 渝中区 and 江北区 face each other across the river
    assert all(a < b for a, b in pairs)  # each pair once, in order, never a county with itself
    assert len(pairs) == len(set(pairs))
