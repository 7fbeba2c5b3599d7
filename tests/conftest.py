"""Shared fixtures of the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from cymap import i18n, settings

i18n.STRICT = True  # a page or view asking for a string that does not exist fails its test


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared reference folder beside the checkout; skips the test when it is absent."""
    path = settings.shared_dir
    if not (path / "reference").is_dir() or not (path / "seeds").is_dir():
        pytest.skip(
            f"{path} is absent: this test reads ../shared (seeds, reference); "
            "set CYMAP_SHARED_DIR to run it"
        )
    return path


@pytest.fixture(scope="session")
def units_gdf():
    """All units (provinces, prefectures, counties) as loaded by the library."""
    from cymap import units

    return units.load_units()
