"""Tests mirror the library: each module of ``src/cymap`` has a test file named after it.

``cymap/a/b.py`` is tested in ``tests/test_a_b.py`` and ``cymap/x.py`` in ``tests/test_x.py``;
a private module ``_x.py`` in ``tests/test_a_x.py`` or ``tests/test_x.py``. ``__init__.py`` and
``__main__.py`` need none.
"""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "cymap"
TESTS = Path(__file__).resolve().parent

#: Modules without a test file of their own, each pure data or re-exports (none at present).
ALLOWLIST: frozenset[str] = frozenset()


def expected_test_files(module: Path) -> set[str]:
    """The names a test file of ``module`` (a path under ``src/cymap``) may have."""
    *packages, name = module.relative_to(SRC).with_suffix("").parts
    names = {"test_" + "_".join([*packages, name.lstrip("_")])}
    if name.startswith("_"):
        names.add(f"test_{name.lstrip('_')}")
    return {f"{n}.py" for n in names}


def library_modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name not in ("__init__.py", "__main__.py"))


def test_the_names_follow_the_module_path():
    assert expected_test_files(SRC / "views" / "reach.py") == {"test_views_reach.py"}
    assert expected_test_files(SRC / "units.py") == {"test_units.py"}
    assert expected_test_files(SRC / "web" / "_leaflet.py") == {
        "test_web_leaflet.py",
        "test_leaflet.py",
    }
    assert expected_test_files(SRC / "_graph.py") == {"test_graph.py"}


def test_every_library_module_has_a_test_file():
    modules = library_modules()
    assert len(modules) > 30  # the walk found the library
    existing = {p.name for p in TESTS.glob("test_*.py")}
    missing = [
        str(m.relative_to(SRC))
        for m in modules
        if str(m.relative_to(SRC)) not in ALLOWLIST and not expected_test_files(m) & existing
    ]
    assert missing == [], "modules without tests/test_<module>.py: " + ", ".join(missing)


def test_the_allowlist_names_modules_that_exist():
    assert {str(m.relative_to(SRC)) for m in library_modules()} >= ALLOWLIST
