import pandas as pd

from cymap import scenarios
from cymap.tables import corridors, groupings, headers, reach


def test_page_tables_leave_no_code_names_on_an_english_page():
    members = groupings.member_table("cq_metro", "en")
    assert {"Name", "Quote", "Population 2020"} <= set(members.columns)
    english = corridors.corridor_table(["yangtze_axis"], lang="en")
    assert list(english.columns[:3]) == ["Name", "Kind", "Places (in order)"]
    targets = reach.target_table(scenarios.for_year("2035"), "en")
    for table in (members, english, targets):
        assert not [c for c in table.columns if "_" in c], table.columns


def test_headers_follow_the_language_and_codes_stay_without_one():
    frame = pd.DataFrame({"name_zh": ["永川区"], "minutes": [52.0]})
    zh = {"name_zh": "名称", "minutes": "分钟"}
    assert list(headers.page_headers(frame, "zh", zh).columns) == ["名称", "分钟"]
    assert list(headers.page_headers(frame, "en", zh).columns) == ["Name", "Minutes"]
    assert list(headers.page_headers(frame, None, zh).columns) == ["name_zh", "minutes"]
