import json

import numpy as np
import pandas as pd

from cymap.cli import _output, build_parser


def test_records_are_json_ready_with_missing_values_as_null():
    frame = pd.DataFrame(
        {
            "name_zh": ["永川区", "巫溪县"],
            "minutes": [52.5, np.nan],
            "n": pd.array([3, pd.NA], dtype="Int64"),
            "within": np.array([True, False]),
        }
    )
    rows = _output.records(frame)
    assert rows[1] == {"name_zh": "巫溪县", "minutes": None, "n": None, "within": False}
    assert json.loads(json.dumps(rows)) == rows  # plain Python values only


def test_json_keeps_chinese_readable(capsys):
    _output.print_json({"name_zh": "永川区", "minutes": np.float64(52.0)})
    out = capsys.readouterr().out
    assert '"永川区"' in out and "\\u" not in out
    assert json.loads(out) == {"name_zh": "永川区", "minutes": 52.0}


def test_tables_print_every_row_without_the_index(capsys):
    frame = pd.DataFrame({"name_zh": [f"单元{i}" for i in range(120)], "minutes": range(120)})
    _output.print_table(frame)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 121  # header and every row: nothing elided
    assert lines[1].split() == ["单元0", "0"]


def test_scenario_options_read_repeated_lines_and_the_measure():
    args = build_parser().parse_args(
        ["reach", "永川", "--with", "a_hsr", "--with", "b_hsr", "--measure", "station_to_station"]
    )
    assert args.with_lines == ["a_hsr", "b_hsr"] and args.without_lines == []
    assert args.measure == "station_to_station"
    assert build_parser().parse_args(["reach", "永川"]).measure == "door_to_door"
