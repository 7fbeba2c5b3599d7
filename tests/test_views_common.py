import pytest

from cymap import plans, scenarios, units
from cymap._errors import ScenarioError
from cymap.style import BEYOND_COLOR, MINUTE_BANDS, TIER_COLORS
from cymap.views import _common


def test_scenario_from_year_preset_and_toggles():
    assert _common.scenario_of(2035) == scenarios.preset("2035")
    sc = _common.scenario_of("today", with_lines=["chengyu_zhongxian_hsr"])
    assert "chengyu_zhongxian_hsr" in sc.with_lines
    assert sc.year == scenarios.preset("today").year
    with pytest.raises(
        ScenarioError, match="unknown scenario preset .someday.; presets: 2020, today, 2025, 2035"
    ):
        _common.scenario_of("someday")


def test_changed_parameters_in_the_pages_state_replace_the_defaults():
    sc = _common.scenario_of("today", params={"transfer_min": 5})
    assert sc.params.transfer_min == 5
    assert sc.params == scenarios.DEFAULT_PARAMS.updated(transfer_min=5)
    kept = _common.scenario_of(sc)  # a scenario passes through as it is
    assert kept == sc


def test_scenario_text_names_the_year_and_the_switched_lines():
    sc = _common.scenario_of("2035", without_lines=["chengyu_zhongxian_hsr"])
    assert _common.scenario_text(sc, "zh") == "2035（规划目标年），不含成渝中线高铁"
    plain = _common.scenario_of("today")
    assert _common.scenario_text(plain, "en") == f"Today ({plain.year})"


def test_tiers_without_a_colour_of_their_own_get_distinct_ones():
    colors = _common.tier_colors(["中心城区", "新的层级", "另一层级"])
    assert colors["中心城区"] == TIER_COLORS["中心城区"]
    assert len(set(colors.values())) == 3


def test_minute_band_legend_covers_every_band_and_beyond():
    rows = _common.minute_band_legend("zh")
    assert len(rows) == len(MINUTE_BANDS) + 1
    assert rows[0].label == f"0–{MINUTE_BANDS[0][0]} 分钟"
    assert rows[-1].label == f"> {MINUTE_BANDS[-1][0]} 分钟" and rows[-1].facecolor == BEYOND_COLOR
    assert _common.minute_band_legend("en")[0].label.endswith(" min")


def test_document_titles_quote_each_document_once_with_its_number():
    doc = plans.load_catalogue().documents[0]
    titles = _common.document_titles([doc.id, doc.id, "unknown"])
    assert len(titles) == 2
    assert titles[0].startswith(f"《{doc.title_zh}》")
    assert titles[1] == "unknown"  # an id not in the catalogue is shown as it is


def test_unit_labels_sit_at_the_seats_and_larger_units_win():
    labels = _common.label_units(["500118", "500103", "nonsense"])
    assert [lab.text for lab in labels] == ["永川区", "渝中区"]  # unknown codes are skipped
    seats = units.load_units().loc[["500118", "500103"]]
    assert (labels[0].lon, labels[0].lat) == (seats.iloc[0]["seat_lon"], seats.iloc[0]["seat_lat"])
    bigger = 0 if seats.iloc[0]["population_2020"] > seats.iloc[1]["population_2020"] else 1
    assert labels[bigger].priority > labels[1 - bigger].priority
