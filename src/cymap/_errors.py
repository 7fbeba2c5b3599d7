"""Exceptions of cymap.

Every failure a user can cause is a ``CymapError``; each subclass is also a builtin
exception so callers can catch either (``except ValueError`` still works).
"""

from __future__ import annotations


class CymapError(Exception):
    """Base class of every error cymap raises on purpose."""


class DataValidationError(ValueError, CymapError):
    """A data file is malformed; the message names the file, the row and the fix."""


class UnknownNameError(LookupError, CymapError):
    """A place, grouping, line or view name is not known; the message lists near matches."""

    def __init__(self, message: str, *, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions

    def __str__(self) -> str:
        # LookupError/KeyError-style repr quoting is not wanted in user-facing text.
        return str(self.args[0]) if self.args else ""


class AmbiguousNameError(UnknownNameError):
    """A name matches more than one unit; the message lists the candidates."""


class ScenarioError(ValueError, CymapError):
    """A scenario or model parameter is invalid (unknown line id, negative speed …)."""


class ExportError(CymapError):
    """An export could not be written (unknown format, missing browser …)."""
