import pandas as pd
import pytest

from cymap import calibration


@pytest.mark.parametrize("period", ["peak", "offpeak"])
def test_calibration_pairs_are_within_20_percent(shared_dir, period):
    table = calibration.calibration_table(period=period)
    ref = pd.read_csv(shared_dir / "reference" / "od_times_calibration.csv")
    assert len(table) == len(ref)
    included = table[table["included"]]
    assert len(included) >= 20
    bad = included[~included["within_tolerance"]]
    assert bad.empty, bad[["origin", "destination", "observed_min", "modelled_min"]]
    excluded = table[~table["included"]]
    assert excluded["note"].str.len().gt(20).all()  # every exclusion says why
