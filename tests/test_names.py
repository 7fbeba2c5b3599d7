import pytest

from cymap import names
from cymap._errors import AmbiguousNameError, CymapError, UnknownNameError


@pytest.mark.parametrize("query", ["永川", "永川区", "永川區", "500118", "156500118"])
def test_every_form_of_yongchuan_resolves_to_one_unit(query):
    assert names.resolve(query).adcodes == ("500118",)
    assert names.resolve_adcode(query) == "500118"


def test_city_short_name_means_the_prefecture():
    assert names.resolve("成都").name_zh == "成都市"
    assert names.resolve_adcode("广安") == "511600"
    assert names.resolve_adcode("广安区") == "511602"


@pytest.mark.parametrize("query", ["綦江区—万盛经开区", "万盛经开区", "万盛", "綦江区-万盛经开区"])
def test_wansheng_resolves_to_qijiang_with_a_note(query):
    res = names.resolve(query)
    assert res.adcodes == ("500110",)
    assert "functional zone" in res.note and "綦江区" in res.note


def test_liangjiang_new_area_expands_to_host_districts_flagged_partial():
    res = names.resolve("两江新区")
    assert set(res.adcodes) == {"500105", "500109", "500112"}
    assert res.partial
    with pytest.raises(AmbiguousNameError, match="several units"):
        names.resolve_adcode("两江新区")


def test_old_census_code_maps_to_current_unit():
    assert names.resolve_adcode("513425") == "513402"


def test_traditional_full_name_with_province_prefix():
    assert names.resolve_adcode("重慶市渝中區") == "500103"


def test_unknown_name_lists_closest_matches():
    with pytest.raises(UnknownNameError, match="永川区") as info:
        names.resolve("永川县")
    assert "永川区 (500118)" in info.value.suggestions
    assert isinstance(info.value, CymapError) and isinstance(info.value, LookupError)


def test_ambiguous_name_lists_candidates_with_parents():
    with pytest.raises(AmbiguousNameError, match="内江市市中区.*乐山市市中区"):
        names.resolve("市中区")
    assert names.resolve_adcode("乐山市中区") == "511102"


def test_unknown_adcode_is_an_error():
    with pytest.raises(UnknownNameError, match="unknown adcode"):
        names.resolve("110101")


def test_resolve_many_deduplicates_and_expands():
    assert names.resolve_many(["永川", "500118", "两江新区"]) == [
        "500118",
        "500105",
        "500109",
        "500112",
    ]
