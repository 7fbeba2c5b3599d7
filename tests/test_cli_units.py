import json

from cymap.cli import main


def test_units_json_lists_every_unit_with_its_facts(capsys):
    assert main(["units", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2 + 21 + 221
    yc = next(r for r in rows if r["adcode"] == "500118")
    assert yc["name_zh"] == "永川区" and yc["level"] == "county" and yc["parent_adcode"] == "500000"
    assert yc["population_2020"] > 1_000_000 and 1500 < yc["area_km2"] < 1700
    assert 105 < yc["seat_lon"] < 106.5 and 29 < yc["seat_lat"] < 29.7


def test_units_level_filter(capsys):
    assert main(["units", "--level", "prefecture", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 21


def test_resolve_unknown_name_is_one_clear_line_with_suggestions(capsys):
    assert main(["resolve", "永州"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cymap resolve: error: unknown place name '永州'")
    assert "永川区 (500118)" in err and "Traceback" not in err
