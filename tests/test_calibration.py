import pandas as pd

from cymap import calibration


def test_calibration_pairs_are_within_20_percent(shared_dir):
    table = calibration.calibration_table()
    ref = pd.read_csv(shared_dir / "reference" / "od_times_calibration.csv")
    assert len(table) == len(ref)
    included = table[table["included"]]
    assert len(included) >= 20
    bad = included[~included["within_tolerance"]]
    assert bad.empty, bad[["origin", "destination", "observed_min", "modelled_min"]]
    excluded = table[~table["included"]]
    assert excluded["note"].str.len().gt(20).all()  # every exclusion says why
