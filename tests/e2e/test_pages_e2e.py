"""Every page loads in headless Chromium, draws its map, and requests nothing off the machine."""

from __future__ import annotations

import re
import time

import pytest

PAGES = [
    ("", "overview"),
    ("metro", "metro"),
    ("corridors", "corridors"),
    ("reach", "reach"),
    ("sources", "sources"),
]


#: Label of the 通勤圈 metric counting the units within the limit.
UNITS_WITHIN = "范围内区县"


def _wait_idle(page):
    page.page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )


def _assert_no_exception(page):
    errors = page.page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()


def _navigate(page, title: str) -> None:
    """Move to another page with the sidebar (in-app navigation) and wait until it is drawn."""
    page.page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.page.get_by_role("heading", name=title).wait_for(timeout=30_000)
    _wait_idle(page)


def _open_reach(page, app_url: str, query: str) -> int:
    """Open 通勤圈 with ``query``, wait for its map; the number of units within the limit."""
    page.page.goto(f"{app_url}/reach?{query}")
    _wait_idle(page)
    page.wait_for_map()
    return _metric(page, UNITS_WITHIN)


def _metric(page, label: str) -> int:
    metric = page.page.locator('[data-testid="stMetric"]', has_text=label).first
    text = metric.locator('[data-testid="stMetricValue"]').inner_text()
    return int(re.sub(r"[^\d]", "", text))


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_page_loads_offline_without_exception(app_url, page, path, name):
    page.page.goto(f"{app_url}/{path}")
    _wait_idle(page)
    _assert_no_exception(page)
    if name != "sources":
        page.wait_for_map()
    else:
        page.page.get_by_text("成渝地区双城经济圈建设规划纲要").first.wait_for()
    page.page.wait_for_timeout(800)
    page.screenshot(f"page-{name}")
    assert page.external_requests() == []
    # Opened at its own address, the page finds the server at once: no 404 probe detours.
    assert page.failed == []


def test_english_holds_when_moving_between_pages(app_url, page):
    page.page.goto(f"{app_url}/?lang=en")
    _wait_idle(page)
    _navigate(page, "Commute reach")
    assert "lang=en" in page.page.url  # the page's own URL can be shared in English
    assert page.page.get_by_text("通勤圈", exact=True).count() == 0
    _assert_no_exception(page)


def test_a_page_keeps_its_view_after_a_visit_to_another_page(app_url, page):
    units = _open_reach(page, app_url, "minutes=90&with=chengyu_zhongxian_hsr")
    _navigate(page, "资料来源")  # e.g. to look up a line's source
    _navigate(page, "通勤圈")
    page.page.wait_for_function("() => location.search.includes('minutes=90')", timeout=30_000)
    assert "with=chengyu_zhongxian_hsr" in page.page.url
    sidebar = page.page.locator('[data-testid="stSidebar"]')
    assert "已调整 1" in sidebar.get_by_role("button", name=re.compile("^高铁")).inner_text()
    assert _metric(page, UNITS_WITHIN) == units
    _assert_no_exception(page)


def test_switching_chengyu_zhongxian_on_increases_units_within(app_url, page):
    before = _open_reach(page, app_url, "minutes=90&year=today")
    sidebar = page.page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name=re.compile("^高铁")).click()  # the mode's list
    hsr = page.page.get_by_role("combobox", name=re.compile("高铁"))
    assert "成渝中线高铁" not in hsr.locator("xpath=ancestor::*[4]").inner_text()
    hsr.click()
    hsr.fill("成渝中线")
    page.page.get_by_role("option", name=re.compile("成渝中线高铁")).click()
    page.page.wait_for_function(
        "() => document.location.search.includes('with=chengyu_zhongxian_hsr')", timeout=60_000
    )
    _wait_idle(page)
    page.wait_for_map()
    # The rerun's numbers can arrive just after the status widget goes: wait up to 30 s for a
    # change of the count, then compare.
    deadline = time.monotonic() + 30
    while (after := _metric(page, UNITS_WITHIN)) == before and time.monotonic() < deadline:
        page.page.wait_for_timeout(250)
    # the mode's button counts the change
    page.page.keyboard.press("Escape")
    page.page.keyboard.press("Escape")
    sidebar.get_by_role("button", name=re.compile("^高铁.*已调整 1")).wait_for(timeout=10_000)
    page.screenshot("reach-chengyu-zhongxian-on")
    assert after > before
    assert page.external_requests() == []


def test_metro_compare_with_reach_overlay_draws_every_layer(app_url, page):
    page.page.goto(f"{app_url}/metro?group=cq_metro&cmp=1&group_b=cnyx&overlay=1")
    _wait_idle(page)
    page.wait_for_map()
    page.page.wait_for_function(
        """() => { const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
        return (w.feature_group || []).length === 3; }""",
        timeout=30_000,
    )
    _assert_no_exception(page)
    assert page.page.get_by_text("成员中60分钟外").is_visible()


def test_shared_url_reproduces_the_view(app_url, page):
    url = f"{app_url}/metro?group=cnyx&color=membership&lang=en"
    page.page.goto(url)
    _wait_idle(page)
    page.wait_for_map()
    _assert_no_exception(page)
    assert page.page.get_by_role("heading", name="Metropolitan-area boundaries").is_visible()
    members = page.page.locator('[data-testid="stMetric"]').first.locator(
        '[data-testid="stMetricValue"]'
    )
    assert members.inner_text() == "10"  # 川南渝西: 10 units
    assert "group=cnyx" in page.page.url
    page.screenshot("metro-shared-url")


def test_direct_url_runs_through_the_router(app_url, page):
    """A bookmarked page URL gets the router's wide layout and Chinese navigation titles."""
    page.page.goto(f"{app_url}/sources")
    _wait_idle(page)
    page.page.get_by_text("成渝地区双城经济圈建设规划纲要").first.wait_for()
    nav = page.page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "资料来源" in nav
    assert "sources" not in nav


def test_county_labels_appear_when_zooming_in(app_url, page):
    """Sichuan county labels are hidden at the regional view and shown from zoom 9."""
    page.page.goto(f"{app_url}/")
    _wait_idle(page)
    frame = page.wait_for_map()
    county = frame.locator(".cy-label.county", has_text="郫都区")
    assert county.count() == 0  # not even created at the default zoom
    assert frame.locator(".cy-label.pref", has_text="成都市").count() == 1
    page.page.evaluate(
        """() => document.querySelector('iframe[title="streamlit_folium.st_folium"]')
            .contentWindow.map_div.setView([30.8, 103.9], 9, {animate: false}) && null"""
    )
    county.wait_for(state="visible", timeout=10_000)
    page.screenshot("overview-zoom-9")


#: Visible seat labels of the map in the frame, and the pairs of them that overlap.
_LABEL_OVERLAPS = """() => {
  const shown = [...document.querySelectorAll('.cy-label')]
    .filter((s) => getComputedStyle(s).display !== 'none' && getComputedStyle(s).visibility !== 'hidden')
    .map((s) => [s.textContent, s.getBoundingClientRect()])
    .filter(([, b]) => b.width > 0 && b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight);
  const pairs = [];
  shown.forEach(([n, a], i) => shown.slice(i + 1).forEach(([m, b]) => {
    if (a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) pairs.push(n + '/' + m);
  }));
  return {names: shown.map(([n]) => n), overlaps: pairs};
}"""


def _settled_labels(frame, done, timeout_s: float = 15) -> dict:
    """The frame's labels once ``done(labels)`` holds (they are thinned in an animation frame
    after the map is drawn or zoomed), or as they are when ``timeout_s`` runs out."""
    deadline = time.monotonic() + timeout_s
    while not done(labels := frame.locator("body").evaluate(_LABEL_OVERLAPS)):
        if time.monotonic() > deadline:
            break
        time.sleep(0.2)
    return labels


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", {"成都市", "广安市", "万州区", "宜宾市"}),
        ("metro?group=cq_metro", {"广安市", "合川区", "江津区"}),
        ("corridors", {"成都市", "南充市", "宜宾市"}),
        ("reach", {"成都市", "泸州市", "达州市"}),
    ],
)
def test_map_labels_never_overlap_at_the_default_view(app_url, page, path, expected):
    """Where two names would print over each other, the less important one waits for a zoom."""
    page.page.goto(f"{app_url}/{path}")
    _wait_idle(page)
    labels = _settled_labels(page.wait_for_map(), lambda labels: not labels["overlaps"])
    assert labels["overlaps"] == []
    assert expected <= set(labels["names"])  # the main places stay named
    assert len(labels["names"]) >= 15


def test_a_label_thinned_at_the_regional_view_returns_when_zooming_in(app_url, page):
    page.page.goto(f"{app_url}/")
    _wait_idle(page)
    frame = page.wait_for_map()
    labels = _settled_labels(frame, lambda labels: "永川区" not in labels["names"])
    assert "永川区" not in labels["names"]  # it would touch a larger neighbour's name at zoom 7
    page.page.evaluate(
        """() => document.querySelector('iframe[title="streamlit_folium.st_folium"]')
            .contentWindow.map_div.setView([29.35, 105.9], 9, {animate: false}) && null"""
    )
    labels = _settled_labels(
        frame, lambda labels: "永川区" in labels["names"] and not labels["overlaps"]
    )
    assert "永川区" in labels["names"] and labels["overlaps"] == []


def test_a_link_with_a_misspelt_place_says_so_above_the_page(app_url, page):
    page.page.goto(f"{app_url}/reach?from=永州&minutes=45")
    _wait_idle(page)
    page.wait_for_map()
    warning = page.page.locator('[data-testid="stAlert"]', has_text="from=永州")
    warning.wait_for(timeout=30_000)
    assert "永川区" in warning.inner_text()  # a near match to pick instead
    assert "minutes=45" in page.page.url  # the rest of the link is kept
    _assert_no_exception(page)
