"""Chinese readings of the data's English notes, for the pages in Chinese.

The notes that explain how the documents were read (groupings, members, corridors, targets,
documents) and why a named project cannot be placed are written in English in ``geodata/``.
``plans/notes_zh.yaml`` and ``network/notes_zh.yaml`` hold their simplified-Chinese readings,
keyed by the exact English text; a test checks that every note has one.
"""

from __future__ import annotations

import functools
from pathlib import Path

from . import settings
from ._plan_schemas import NotesFile, read_file

#: The reading files, relative to the data folder.
NOTE_FILES = ("plans/notes_zh.yaml", "network/notes_zh.yaml")


@functools.cache
def readings(data_dir: Path | None = None) -> dict[str, str]:
    """English note → Chinese reading, from every reading file present.

    Raises
    ------
    DataValidationError
        A reading file is malformed; the message names the file, item and field.
    """
    base = Path(data_dir or settings.data_dir).resolve()
    out: dict[str, str] = {}
    for rel in NOTE_FILES:
        path = base / rel
        if path.exists():
            out.update({n.en: n.zh for n in read_file(path, "notes", NotesFile)})
    return out


def note_text(text: object, lang: str | None = "zh", *, data_dir: Path | None = None) -> str:
    """A note of the data as a page shows it: the Chinese reading in Chinese, else the English.

    A text that joins several notes (a member's note and its inference) has each part read;
    a note without a reading stays in English rather than being lost.
    """
    if not isinstance(text, str) or not text:  # None or a missing (NaN) cell
        return ""
    if lang != "zh":
        return text
    table = readings(data_dir)
    if text in table:
        return table[text]
    for en in _longest_first(data_dir):
        if en in text:
            text = text.replace(en, table[en])
    return text.replace("。 ", "。")


@functools.cache
def _longest_first(data_dir: Path | None) -> tuple[str, ...]:
    """The English notes, longest first: a note inside a longer one is read after it."""
    return tuple(sorted(readings(data_dir), key=len, reverse=True))
