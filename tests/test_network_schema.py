import pytest
from pydantic import ValidationError

from cymap._network_schema import RailLine, Source

LINE = {
    "id": "test_hsr",
    "name_zh": "测试高铁",
    "mode": "hsr",
    "status": "existing",
    "open_year": 2015,
    "open_year_source": "actual",
    "design_speed_kph": 350,
    "speed_history": [{"until_year": 2020, "speed_kph": 300}],
    "length_km": 308,
    "stops_span_line": True,
    "stops": [
        "成都东 @ 成华区",
        {"station": "重庆沙坪坝", "unit": 500106, "lon": 106.456, "lat": 29.557},
    ],
    "sources": [{"kind": "news", "text": "opened 2015"}],
}


def line(**changes):
    return RailLine.model_validate({**LINE, **changes})


def test_stops_read_as_station_at_unit():
    stops = line().stops
    assert (stops[0].station, stops[0].unit) == ("成都东", "成华区")
    assert stops[1].unit == "500106" and stops[1].lon == 106.456  # an adcode, as text


def test_a_stop_without_its_unit_is_refused():
    with pytest.raises(ValidationError, match="must read 'station @ unit'"):
        line(stops=["成都东", "重庆沙坪坝 @ 沙坪坝区"])


def test_speed_follows_the_speed_history():
    hsr = line()
    assert hsr.speed_kph(2018) == 300  # until 2020 the line ran at 300 km/h
    assert hsr.speed_kph(2020) == 300
    assert hsr.speed_kph(2021) == 350


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "study", "open_year": 2030}, "a study item has no open_year"),
        ({"status": "planned", "open_year": None}, "status planned needs an open_year"),
        ({"id": "Chengyu-HSR"}, "must be lowercase ascii ending in _hsr"),
        ({"segment_minutes": [10, 20]}, "segment_minutes has 2 values for 2 stops"),
        ({"length_km": None}, "stops_span_line: true needs length_km"),
        ({"speeed": 1}, "speeed"),  # a misspelt key is named, not ignored
        ({"sources": []}, "sources"),
    ],
)
def test_inconsistent_lines_are_refused_with_the_reason(changes, message):
    with pytest.raises(ValidationError, match=message):
        line(**changes)


def test_plan_sources_cite_document_line_and_quote():
    source = Source(kind="plan", seed="002", line=191, quote="依托成渝中線高鐵")
    assert source.describe() == "seed 002 line 191: 「依托成渝中線高鐵」"
    with pytest.raises(ValidationError, match="a plan source needs seed, line and quote"):
        Source(kind="plan", seed="002")
    with pytest.raises(ValidationError, match="a news source needs text"):
        Source(kind="news")
