from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib import font_manager

from cymap._errors import ExportError
from cymap.printmap import fonts


@pytest.fixture
def fresh_font_cache():
    fonts.find_cjk_font.cache_clear()
    fonts.register_cjk_font.cache_clear()
    yield
    fonts.find_cjk_font.cache_clear()
    fonts.register_cjk_font.cache_clear()


def test_finds_simplified_chinese_face():
    font = fonts.find_cjk_font()
    assert font.path.exists()
    assert font.family == "Noto Sans CJK SC"
    assert font.source in ("fonts-noto-cjk", "manimgx-fonts-cjk")


def test_registered_font_is_what_matplotlib_uses_for_the_family():
    family = fonts.register_cjk_font()
    found = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    assert Path(found).resolve() == fonts.find_cjk_font().path.resolve()


def test_place_names_and_frame_texts_have_glyphs(units_gdf):
    text = (
        "".join(units_gdf["name_zh"]) + "审图号：GS(2024)0650号 km² · —（）《》，；：≥ 0–30 分钟 北"
    )
    assert fonts.missing_glyphs(text) == ""


def test_missing_glyphs_lists_each_missing_character_once():
    assert fonts.missing_glyphs("永川\U0001f600区\U0001f600") == "\U0001f600"
    with pytest.raises(ExportError, match="no glyph"):
        fonts.check_glyphs(["永川区", "bad \U0001f600"])


@pytest.mark.usefixtures("fresh_font_cache")
def test_falls_back_to_the_pypi_font(monkeypatch):
    monkeypatch.setattr(fonts, "DEBIAN_NOTO_CJK", Path("/nonexistent/NotoSansCJK-Regular.ttc"))
    font = fonts.find_cjk_font()
    assert font.source == "manimgx-fonts-cjk"
    assert font.family == "Noto Sans CJK SC"
    assert fonts.missing_glyphs("重庆都市圈 綦江区", font=font) == ""


@pytest.mark.usefixtures("fresh_font_cache")
def test_no_font_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(fonts, "DEBIAN_NOTO_CJK", Path("/nonexistent/NotoSansCJK-Regular.ttc"))
    monkeypatch.setattr(fonts, "PYPI_FONT_PACKAGE", "no_such_font_package_here")
    with pytest.raises(ExportError, match="fonts-noto-cjk"):
        fonts.find_cjk_font()
