"""cymap: an interactive planning map of the Chengdu–Chongqing economic circle."""

from __future__ import annotations

from . import _errors as errors
from . import names as names
from . import settings as settings
from . import units as units
from ._errors import CymapError, DataValidationError, UnknownNameError

__all__ = [
    "CymapError",
    "DataValidationError",
    "UnknownNameError",
    "errors",
    "names",
    "settings",
    "units",
]
__version__ = "0.1.0"
