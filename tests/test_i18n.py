"""One i18n mechanism: UI strings, labels of the data's coded values, glossed plan terms."""

from typing import get_args

import pytest

from cymap import i18n, plans
from cymap._network_schema import RailMode, Status


@pytest.mark.parametrize(
    ("kind", "codes"),
    [("mode", [*get_args(RailMode), "expressway"]), ("status", list(get_args(Status)))],
)
def test_every_coded_value_of_the_schema_has_a_label_in_both_languages(kind, codes):
    for code in codes:
        zh, en = i18n.STRINGS[f"{kind}.{code}"]
        assert zh and en and zh != en


def test_an_unknown_key_raises_under_the_tests_and_shows_itself_otherwise(monkeypatch):
    with pytest.raises(KeyError, match="reach.no_such_string"):
        i18n.tr("reach.no_such_string")
    monkeypatch.setattr(i18n, "STRICT", False)
    assert i18n.tr("reach.no_such_string", "en") == "reach.no_such_string"


def test_labels_read_in_the_page_language():
    assert i18n.mode_label("hsr", "zh") == "高铁"
    assert i18n.mode_label("hsr", "en") == "High-speed rail"
    assert i18n.status_label("under_construction", "en") == "under construction"
    assert i18n.tier_label("中心城区", "en") == "中心城区 (central districts)"


def test_every_member_tier_of_the_plans_has_an_english_gloss():
    tiers = set()
    for gid in plans.list_groupings()["id"]:
        tiers |= set(plans.members(gid)["tier"].dropna())
    assert tiers <= set(i18n.TIERS_EN), tiers - set(i18n.TIERS_EN)


def test_every_ui_string_has_both_languages():
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh, key
        assert en, key
    assert i18n.tr("reach.title", "en") == "Commute reach"
