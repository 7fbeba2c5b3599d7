"""The one reader of the project's YAML data files: errors name the file and the fix."""

from __future__ import annotations

from pathlib import Path

import yaml

from ._errors import DataValidationError


def read_yaml(path: Path, *, what: str = "data file") -> object:
    """The parsed content of ``path``.

    Raises
    ------
    DataValidationError
        When the file is missing (``what`` names it) or is not valid YAML (with the line).
    """
    if not path.exists():
        msg = f"{path}: {what} is missing; restore it from the repository"
        raise DataValidationError(msg)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        msg = f"{path}: not valid YAML{_where(err)}; fix the file there"
        raise DataValidationError(msg) from err


def _where(err: yaml.YAMLError) -> str:
    """' at line 4, column 1: expected ',' or ']' (while parsing a flow sequence, line 3)'."""
    mark = getattr(err, "problem_mark", None)
    if mark is None:
        return f": {err}"
    text = f" at line {mark.line + 1}, column {mark.column + 1}: {getattr(err, 'problem', '')}"
    context, start = getattr(err, "context", None), getattr(err, "context_mark", None)
    if context and start is not None:
        text += f" ({context}, line {start.line + 1})"
    return text
