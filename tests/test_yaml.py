"""The one YAML reader: a missing or malformed data file is named, with the line."""

import pytest

from cymap._errors import DataValidationError
from cymap._yaml import read_yaml


def test_reads_a_data_file(tmp_path):
    path = tmp_path / "lines.yaml"
    path.write_text("lines:\n- id: a\n", encoding="utf-8")
    assert read_yaml(path) == {"lines": [{"id": "a"}]}


def test_a_missing_file_is_named_with_what_it_is(tmp_path):
    with pytest.raises(DataValidationError, match=r"rail\.yaml: network data file is missing"):
        read_yaml(tmp_path / "rail.yaml", what="network data file")


def test_malformed_yaml_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("lines:\n- id: a\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(
        DataValidationError, match=r"bad\.yaml: not valid YAML at line 4.*flow sequence, line 3"
    ):
        read_yaml(path)
