import dataclasses

import pytest
from pydantic import ValidationError

from cymap import plans
from cymap._errors import DataValidationError
from cymap._plan_schemas import (
    Evidence,
    GroupingsFile,
    Member,
    check_catalogue,
    name_key,
    read_file,
)

GROUPING = """\
groupings:
- id: ok_group
  name_zh: 测试都市圈
  name_en: Test area
  kind: metropolitan_area
  documents: ["001"]
  evidence: [{document: "001", line: 3, quote: 测试}]
  members:
  - {name: 永川区, evidence: {document: "001", line: 3, quote: 永川}}
- id: bad_group
  name_zh: 错误
  name_en: Bad
  kind: metropolitan_area
  documents: ["001"]
  evidence: [{document: "001", line: 0, quote: 测试}]
  members:
  - {name: 永川区, evidence: {document: "001", line: 3, quote: 永川}}
- id: empty_group
  name_zh: 空
  name_en: Empty
  kind: metropolitan_area
  documents: ["001"]
  evidence: [{document: "001", line: 3, quote: 测试}]
"""


def test_bad_items_are_named_by_file_position_id_and_field_all_at_once(tmp_path):
    path = tmp_path / "groupings.yaml"
    path.write_text(GROUPING, encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        read_file(path, "groupings", GroupingsFile)
    message = str(err.value)
    assert f"{path}: groupings[1] (id 'bad_group').evidence[0].line" in message
    assert "(got 0)" in message  # the value that is wrong
    assert "groupings[2] (id 'empty_group'): Value error, an enumerated grouping needs" in message
    assert "ok_group" not in message


def test_a_valid_file_gives_its_items_in_order(tmp_path):
    path = tmp_path / "groupings.yaml"
    path.write_text(GROUPING.split("- id: bad_group")[0], encoding="utf-8")
    (group,) = read_file(path, "groupings", GroupingsFile)
    assert group.id == "ok_group" and group.members[0].membership == "stated"


def test_an_inferred_member_must_say_why():
    evidence = Evidence(document="001", line=3, quote="永川")
    with pytest.raises(ValidationError, match="needs an inferred_reason"):
        Member(name="永川区", membership="inferred", evidence=evidence)


def test_names_match_across_scripts_spaces_and_brackets():
    assert name_key("重慶 都市圈") == name_key("重庆都市圈")
    assert name_key("成都（东部）") == name_key("成都(东部)")
    assert name_key("CQ_Metro") == "cq_metro"


def test_cross_file_problems_are_collected_and_reported_together():
    cat = plans.load_catalogue()
    first = cat.groupings[0]
    stray = first.model_copy(
        update={"id": "stray", "name_zh": "无名", "aliases": [], "documents": ["999"]}
    )
    broken = dataclasses.replace(cat, groupings=(*cat.groupings, first, stray))
    with pytest.raises(DataValidationError) as err:
        check_catalogue(broken, cat.data_dir / "plans")
    message = str(err.value)
    assert f"duplicate id {first.id!r}" in message
    assert "(id 'stray').documents: unknown document '999'" in message
    check_catalogue(cat, cat.data_dir / "plans")  # the project's own catalogue is consistent
