import os
import subprocess
import sys
from pathlib import Path

from cymap import plans, settings, units


def _settings_in_a_fresh_process(**env: str) -> list[str]:
    code = "from cymap import settings; print(settings.data_dir); print(settings.shared_dir)"
    run = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.splitlines()


def test_data_and_shared_folders_can_be_moved_by_environment(tmp_path):
    data, shared = _settings_in_a_fresh_process(
        CYMAP_DATA_DIR=str(tmp_path / "data"), CYMAP_SHARED_DIR=str(tmp_path / "shared")
    )
    assert (Path(data), Path(shared)) == (tmp_path / "data", tmp_path / "shared")


def test_the_data_folder_is_the_checkouts_geodata_by_default():
    env = {k: v for k, v in os.environ.items() if k not in ("CYMAP_DATA_DIR",)}
    run = subprocess.run(
        [sys.executable, "-c", "from cymap import settings; print(settings.data_dir)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(run.stdout.strip()) == settings.root_dir / "geodata"
    assert (settings.root_dir / "src" / "cymap" / "settings.py").is_file()


def test_the_region_frame_holds_every_unit_of_the_economic_circle():
    min_lon, min_lat, max_lon, max_lat = settings.region_extent
    seats = units.load_units().loc[plans.members("cy_circle").index]
    assert seats["seat_lon"].between(min_lon, max_lon).all()
    assert seats["seat_lat"].between(min_lat, max_lat).all()


def test_every_map_credits_the_boundaries_with_the_approval_number():
    assert "天地图" in settings.boundary_source
    assert settings.boundary_approval == "审图号：GS(2024)0650号"
