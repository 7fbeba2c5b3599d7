import json

from cymap import scenarios
from cymap.cli import main


def _cli_json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_route_json_shape(capsys):
    out = _cli_json(capsys, "route", "永川", "成都", "--year", "2035", "--modes", "rail", "--json")
    assert set(out) == {"origin", "destination", "door_to_door_min", "in_vehicle_min", "legs"}
    assert out["origin"] == "永川" and out["door_to_door_min"] > out["in_vehicle_min"] > 0
    assert all(set(leg) == {"mode", "line", "from", "to", "minutes"} for leg in out["legs"])


def test_cli_reach_json_shape_and_toggles(capsys):
    out = _cli_json(
        capsys,
        "reach",
        "渝中区",
        "--minutes",
        "45",
        "--year",
        "today",
        "--with",
        "chengyu_zhongxian_hsr",
        "--json",
    )
    assert set(out) == {"origins", "minutes", "scenario", "units", "summary"}
    assert out["minutes"] == 45 and out["scenario"]["with"] == ["chengyu_zhongxian_hsr"]
    assert len(out["units"]) == 221
    assert set(out["units"][0]) == {"adcode", "name_zh", "minutes", "within"}
    assert out["summary"]["units_within"] == sum(u["within"] for u in out["units"])


def test_cli_errors_name_the_bad_line_and_place(capsys):
    assert main(["route", "永川", "成都", "--with", "chengyu_hrs"]) == 2
    assert "unknown line id 'chengyu_hrs'" in capsys.readouterr().err
    assert main(["reach", "永州"]) == 2
    err = capsys.readouterr().err
    assert "'永州'" in err and "永川区" in err


def test_cli_lines_and_calibrate(capsys, shared_dir):
    del shared_dir
    lines = _cli_json(capsys, "lines", "--year", "2020", "--json")
    assert {"chengyu_hsr", "chengyu_exp"} <= {x["line_id"] for x in lines}
    assert all(x["open_year"] <= 2020 for x in lines)
    today = _cli_json(capsys, "lines", "--year", "today", "--json")  # presets as in route/reach
    assert len(lines) < len(today)
    assert all(x["open_year"] <= scenarios.preset("today").year for x in today)
    assert main(["lines", "--year", "tomorrow"]) == 2
    assert "presets: 2020, today, 2025, 2035" in capsys.readouterr().err
    table = _cli_json(capsys, "calibrate", "--json")["peak"]
    assert {
        "origin",
        "destination",
        "observed_min",
        "modelled_min",
        "error_pct",
        "included",
    } <= set(table[0])
