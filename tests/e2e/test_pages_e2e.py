"""Every page loads in headless Chromium, draws its map, and requests nothing off the machine."""

from __future__ import annotations

import pytest

PAGES = [
    ("overview", "overview"),
    ("metro", "metro"),
    ("corridors", "corridors"),
    ("reach", "reach"),
    ("sources", "sources"),
]


def _wait_idle(page):
    page.page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_page_loads_offline_without_exception(app_url, page, path, name):
    page.page.goto(f"{app_url}/{path}")
    _wait_idle(page)
    errors = page.page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()
    if name != "sources":
        page.wait_for_map()
    page.page.wait_for_timeout(500)
    page.screenshot(f"page-{name}")
    assert page.page.locator('[data-testid="stException"]').count() == 0
    assert page.external_requests() == []
