"""The data's English notes have Chinese readings, and the Chinese pages show them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from cymap import notes, settings
from cymap._errors import DataValidationError

DATA = Path(settings.data_dir)
NOTE_KEYS = ("note", "inferred_reason", "carrier_notes", "reason")


def _english_notes() -> set[str]:
    """Every note text of the plans catalogue and of the unplaceable projects, read raw."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in NOTE_KEYS and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in [*sorted((DATA / "plans").glob("*.yaml")), DATA / "network" / "unplaceable.yaml"]:
        if path.name != "notes_zh.yaml":
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_every_note_of_the_data_has_a_chinese_reading():
    missing = _english_notes() - set(notes.readings())
    assert not missing, f"add these to plans/ or network/notes_zh.yaml: {sorted(missing)}"


def test_readings_are_chinese():
    from cymap import network, plans

    ids = {
        *plans.list_groupings()["id"],
        *plans.list_corridors()["id"],
        *network.list_lines()["line_id"],
    }
    for en, zh in notes.readings().items():
        assert re.search(r"[\u4e00-\u9fff]", zh), en
        # English words left in a reading (ids such as cnyx, file names and PDF may stay)
        words = [
            w
            for w in re.findall(r"[A-Za-z][A-Za-z0-9_.]*", zh)
            if len(w) >= 4 and w not in ids and "." not in w and not w.isupper()
        ]
        assert not words, f"{zh!r} keeps English words {words}"


def test_note_text_reads_each_part_and_keeps_what_it_cannot_read():
    table = notes.readings()
    first, second = list(table)[:2]
    assert notes.note_text(first) == table[first]
    assert notes.note_text(first, "en") == first  # English pages keep the English note
    joined = notes.note_text(f"{first} {second}")
    assert table[first] in joined and table[second] in joined
    assert notes.note_text("A note nobody has read yet.") == "A note nobody has read yet."
    assert notes.note_text(None) == ""


def test_a_malformed_reading_file_names_the_file_and_item(tmp_path):
    shutil.copytree(DATA / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "notes_zh.yaml").write_text(
        "notes:\n- en: Stands for 重庆中心城区.\n  zh: ''\n", encoding="utf-8"
    )
    with pytest.raises(DataValidationError, match=r"notes_zh\.yaml: notes\[0\]\.zh"):
        notes.readings(tmp_path)
