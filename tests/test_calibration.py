import pandas as pd
import pytest

from cymap import calibration


@pytest.mark.parametrize("period", ["peak", "offpeak"])
def test_calibration_pairs_are_within_20_percent(shared_dir, period):
    table = calibration.calibration_table(period=period)
    ref = pd.read_csv(shared_dir / "reference" / "od_times_calibration.csv")
    assert len(table) == len(ref)
    included = table[table["included"]]
    assert len(included) >= 15
    assert included["error_pct"].abs().median() <= 10
    bad = included[~included["within_tolerance"]]
    assert bad.empty, bad[["origin", "destination", "observed_min", "modelled_min"]]
    excluded = table[~table["included"]]
    assert excluded["note"].str.len().gt(20).all()  # every exclusion says why


def test_typical_drive_times_are_asserted_off_peak_and_reported_at_the_peak(shared_dir):
    del shared_dir
    peak = calibration.calibration_table(period="peak")
    off = calibration.calibration_table(period="offpeak")
    typical = off["mode"] == "road_typical"
    assert off[typical & off["included"]].shape[0] >= 8
    assert not peak[typical]["included"].any()
    assert (peak.loc[~typical, "included"] == off.loc[~typical, "included"]).all()
    # the peak is never faster than the off-peak on the road rows
    road = typical & off["modelled_min"].notna()
    assert (peak.loc[road, "modelled_min"] >= off.loc[road, "modelled_min"] - 1e-9).all()
