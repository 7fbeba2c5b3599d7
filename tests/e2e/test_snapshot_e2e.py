"""'What you see' snapshots of the live map, from the library and from the page's button."""

from __future__ import annotations

import io

from PIL import Image

from cymap.web import snapshot


def _assert_map_png(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data)).convert("RGB")
    assert img.width > 600
    assert img.height > 400
    colours = img.resize((200, 150)).getcolors(maxcolors=100_000)
    assert colours is not None
    assert len(colours) > 50  # a drawn map, not a blank frame
    return img


def test_snapshot_of_a_page_url_is_the_live_map(app_url):
    data = snapshot.snapshot_map(f"{app_url}/reach?minutes=90&year=2035")
    _assert_map_png(data)


def test_live_map_button_downloads_a_png(app_url, page, tmp_path):
    page.page.goto(f"{app_url}/metro?group=cnyx")
    page.wait_for_map()
    export = page.page.get_by_role("button", name="导出地图与数据")
    export.scroll_into_view_if_needed()
    export.click()
    button = page.page.get_by_role("button", name="实时地图 PNG")
    button.wait_for(state="visible", timeout=30_000)
    with page.page.expect_download(timeout=120_000) as info:
        button.click()
    path = tmp_path / "live.png"
    info.value.save_as(path)
    _assert_map_png(path.read_bytes())
    assert info.value.suggested_filename.endswith("-live.png")
    assert page.external_requests() == []
