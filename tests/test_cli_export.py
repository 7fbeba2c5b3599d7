import json

import pandas as pd
from PIL import Image

from cymap import views
from cymap.cli import build_parser, main
from cymap.cli._export import state_of


def test_cli_writes_png_of_requested_size(tmp_path, capsys):
    out = tmp_path / "pop.png"
    code = main(
        [
            "export",
            "population",
            "--out",
            str(out),
            "--width",
            "900",
            "--height",
            "700",
            "--dpi",
            "100",
        ]
    )
    assert code == 0
    with Image.open(out) as img:
        assert img.size == (900, 700)
    assert "wrote" in capsys.readouterr().out


def test_cli_group_by_positional_name(tmp_path):
    out = tmp_path / "members.csv"
    assert main(["export", "group", "重庆都市圈", "--out", str(out)]) == 0
    back = pd.read_csv(out, encoding="utf-8-sig", dtype={"adcode": str})
    assert len(back) == 22 and "tier" in back.columns


def test_cli_reach_with_line_toggle(tmp_path):
    out = tmp_path / "reach.geojson"
    argv = [
        "export",
        "reach",
        "--from",
        "中心城区",
        "--minutes",
        "60",
        "--year",
        "today",
        "--with",
        "chengyu_zhongxian_hsr",
        "--out",
        str(out),
    ]
    assert main(argv) == 0
    doc = json.loads(out.read_bytes())
    unit_rows = [f for f in doc["features"] if f["properties"]["feature"] == "unit"]
    bands = [f for f in doc["features"] if f["properties"]["feature"] == "shape"]
    assert len(unit_rows) == 221
    assert {"minutes", "within", "share_area_within"} <= set(unit_rows[0]["properties"])
    assert [b["properties"]["upper"] for b in bands] == [30, 45, 60, 90, 120, None]


def test_cli_errors_are_one_line_exit_2(tmp_path, capsys):
    assert main(["export", "population", "--out", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cymap export: error:") and ".docx" in err
    assert (
        main(["export", "compare", "--group", "重庆都市圈", "--out", str(tmp_path / "c.png")]) == 2
    )
    assert "group_b" in capsys.readouterr().err


def test_state_from_cli_options_matches_url_state():
    args = build_parser().parse_args(
        [
            "export",
            "diff",
            "--from",
            "永川",
            "--minutes",
            "45",
            "--year",
            "2035",
            "--base-year",
            "2020",
            "--with",
            "a_hsr",
            "--with",
            "b_hsr",
            "--without",
            "c_exp",
            "--lang",
            "en",
            "--out",
            "d.svg",
        ]
    )
    state = state_of(args)
    assert state["from"] == "永川" and state["minutes"] == 45
    assert state["year"] == 2035 and state["base_year"] == 2020
    assert state["with"] == ["a_hsr", "b_hsr"] and state["without"] == ["c_exp"]
    assert state["lang"] == "en"


def test_cli_targets_csv_has_rounded_minutes(tmp_path):
    out = tmp_path / "targets.csv"
    assert main(["export", "targets", "--year", "2025", "--out", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"adcode": str})
    assert "cq_core_1h_commute_2025" in set(table["target_id"])
    minutes = table["minutes"].dropna()
    assert (minutes.round(1) == minutes).all()
    assert main(["export", "targets", "--out", str(tmp_path / "targets.png")]) == 2


def test_cli_compare_takes_two_positional_groupings(tmp_path):
    out = tmp_path / "compare.csv"
    assert main(["export", "compare", "重庆都市圈", "川南渝西", "--out", str(out)]) == 0
    sides = set(pd.read_csv(out, encoding="utf-8-sig")["side"])
    assert sides == {"both", "only_a", "only_b"}
    assert main(["export", "group", "a", "b", "--out", str(out)]) == 2


def test_changed_model_parameters_change_the_export_and_are_named_in_it(tmp_path):
    default, custom = tmp_path / "d.csv", tmp_path / "c.csv"
    assert main(["export", "reach", "--year", "today", "--out", str(default)]) == 0
    args = ["export", "reach", "--year", "today", "--param", "station_entry_min.hsr=5"]
    assert main([*args, "--param", "transfer_min=5", "--out", str(custom)]) == 0
    d = pd.read_csv(default, encoding="utf-8-sig")
    c = pd.read_csv(custom, encoding="utf-8-sig")
    minutes = "minutes"
    assert (c[minutes] <= d[minutes] + 1e-6).all()  # shorter access never lengthens a trip
    assert (c[minutes] < d[minutes] - 1).any()
    view, _ = views.build_view("reach", {"year": "today", "params": {"transfer_min": 5}})
    assert any("transfer_min=5" in line for line in view.sources)


def test_bad_model_parameter_option_is_a_clear_error(capsys):
    assert main(["export", "reach", "--param", "speed", "--out", "x.csv"]) == 2
    assert "NAME=NUMBER" in capsys.readouterr().err


def test_cli_group_export_colours_as_the_page_does(tmp_path):
    """`--color membership` gives the figure of the page's 明确/推断 choice."""
    out = tmp_path / "basis.png"
    argv = ["export", "group", "川南渝西", "--color", "membership", "--out", str(out)]
    view, _ = views.build_view("group", state_of(build_parser().parse_args(argv)))
    assert [e.label for e in view.legend] == ["明确列出", "范围边界"]
    assert main(argv) == 0 and out.stat().st_size > 0


def test_unenumerated_grouping_has_no_map_and_says_why(tmp_path, capsys):
    assert main(["export", "group", "渝西地区", "--out", str(tmp_path / "yuxi.png")]) == 2
    err = capsys.readouterr().err
    assert "never listed" in err
    assert "Traceback" not in err
