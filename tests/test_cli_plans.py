import json

from cymap import plans
from cymap.cli import main


def _run_json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_json_lists_every_grouping_corridor_and_target(capsys):
    groups = _run_json(capsys, "groups", "--json")
    assert [g["id"] for g in groups] == list(plans.list_groupings()["id"])
    corridors = _run_json(capsys, "corridors", "--json")
    assert [c["id"] for c in corridors] == list(plans.list_corridors()["id"])
    assert corridors[[c["id"] for c in corridors].index("yangtze_axis")]["members"] == [
        "宜宾市",
        "泸州市",
        "永川区",
        "江津区",
    ]
    targets = _run_json(capsys, "targets", "--json")
    assert [t["id"] for t in targets] == [t.id for t in plans.list_targets()]


def test_cli_members_and_summary(capsys):
    out = _run_json(capsys, "members", "重庆都市圈", "--json")
    assert out["id"] == "cq_metro" and len(out["members"]) == 22
    first = out["members"][0]
    assert {"adcode", "name_zh", "membership", "document", "quote"} <= set(first)
    summary = _run_json(capsys, "group-summary", "川南渝西", "--json")
    assert summary["stated_area_km2"] == 46600 and summary["area_diff_pct"] is not None
    assert main(["group-summary", "cq_metro"]) == 0
    text = capsys.readouterr().out
    assert "area difference" in text and "%" in text
    assert main(["members", "重庆都市"]) == 2
    assert "Did you mean: 重庆都市圈" in capsys.readouterr().err
