"""The plans' travel-time targets checked under a scenario, one row per target and unit."""

import io
import json

import pandas as pd

from cymap import plans, targets
from cymap.printmap import export

WANTED = {
    "cq_core_1h_commute_2025",
    "chengyu_dual_core_1h",
    "rongchang_45min_commute",
    "cq_metro_size_2020",
}


def test_travel_time_targets_are_checked_per_unit(monkeypatch):
    chosen = [t for t in plans.list_targets() if t.id in WANTED]
    monkeypatch.setattr(plans, "list_targets", lambda: chosen)
    table = targets.check_targets(2035)
    assert set(table["target_id"]) == WANTED - {"cq_metro_size_2020"}  # size targets left out
    core = table[table["target_id"] == "cq_core_1h_commute_2025"]
    assert len(core) > 5 and core["passes"].notna().all()
    assert core["target_passes"].iloc[0] == bool(core["passes"].all())


def test_a_year_or_a_preset_name_gives_the_same_checks():
    by_year = targets.check_targets(2035)
    by_name = targets.check_targets("2035")
    assert by_year.drop(columns="geometry").equals(by_name.drop(columns="geometry"))


def test_the_checks_export_as_csv_and_geojson(monkeypatch):
    chosen = [t for t in plans.list_targets() if t.id in WANTED]
    monkeypatch.setattr(plans, "list_targets", lambda: chosen)
    table = targets.check_targets(2035)
    csv = pd.read_csv(io.BytesIO(export.to_csv(table)), encoding="utf-8-sig")
    assert "target_name_zh" in csv.columns
    doc = json.loads(export.to_geojson(table))
    assert len(doc["features"]) == len(table)
