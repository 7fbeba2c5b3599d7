"""Every page loads in headless Chromium, draws its map, and requests nothing off the machine."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from cymap.style import MINUTE_BANDS

PAGES = [
    ("", "overview"),
    ("metro", "metro"),
    ("corridors", "corridors"),
    ("reach", "reach"),
    ("sources", "sources"),
]


#: Label of the 通勤圈 metric counting the units within the limit.
UNITS_WITHIN = "驻地在范围内的区县"


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
        page.wait_for_map().locator(_LABELS_DONE).wait_for(state="attached")  # drawn, labelled
    else:
        page.page.get_by_text("成渝地区双城经济圈建设规划纲要").first.wait_for()
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
    # The rerun's numbers can arrive just after the status widget goes: wait for the count to
    # change (up to 30 s), then compare.
    page.page.wait_for_function(
        """([label, before]) => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .filter((m) => m.innerText.includes(label))
            .some((m) => Number(m.querySelector('[data-testid="stMetricValue"]').innerText
                .replace(/[^0-9]/g, '')) !== before)""",
        arg=[UNITS_WITHIN, before],
        timeout=30_000,
    )
    after = _metric(page, UNITS_WITHIN)
    # the mode's button counts the change
    page.page.keyboard.press("Escape")
    page.page.keyboard.press("Escape")
    sidebar.get_by_role("button", name=re.compile("^高铁.*已调整 1")).wait_for(timeout=10_000)
    page.screenshot("reach-chengyu-zhongxian-on")
    assert after > before
    assert page.external_requests() == []


#: The fill colours of the visible shapes of every Leaflet map in a frame (canvas-drawn).
_FILLS = """() => {
  if (!window.L) return [];
  const out = new Set();
  for (const v of Object.values(window)) {
    if (v instanceof L.Map) v.eachLayer((l) => {
      const o = l.options || {};
      if (o.fillColor && o.fillOpacity > 0 && o.fill !== false) out.add(o.fillColor.toLowerCase());
    });
  }
  return [...out];
}"""


def _filled_colours(page) -> set[str]:
    return {c for frame in page.page.frames for c in frame.evaluate(_FILLS)}


def _map_png(page) -> Image.Image:
    """The 通勤圈 map as drawn (after its labels settled), as an image."""
    frame = page.wait_for_map()
    frame.locator('.leaflet-container[data-cy-labels="done"]').wait_for(
        state="attached", timeout=60_000
    )
    shot = page.page.locator('iframe[title="streamlit_folium.st_folium"]').first.screenshot()
    return Image.open(io.BytesIO(shot)).convert("RGB")


def test_the_reach_map_draws_band_shapes_and_a_new_line_changes_them(app_url, page):
    page.page.goto(f"{app_url}/reach?minutes=90&year=today&impact=1")
    _wait_idle(page)
    page.wait_for_map()
    assert {c for _, c in MINUTE_BANDS[:3]} <= _filled_colours(page)  # 30/45/60-min shapes
    before = _map_png(page)
    table = page.page.locator('[data-testid="stDataFrame"]', has_text="带入时限的人口")
    table.wait_for(state="attached", timeout=60_000)
    assert "成渝中线高铁" in table.text_content()  # the impact table lists the line
    page.page.goto(f"{app_url}/reach?minutes=90&year=today&with=chengyu_zhongxian_hsr")
    _wait_idle(page)
    after = _map_png(page)
    diff = ImageChops.difference(before, after).convert("L").point(lambda v: 255 if v > 24 else 0)
    changed = sum(diff.histogram()[255:]) / (diff.width * diff.height)
    page.screenshot("reach-bands-chengyu-zhongxian-on")
    assert changed > 0.002  # the bands around its new stations grow (> 0.2 % of the map)
    _assert_no_exception(page)


def test_metro_compare_with_reach_overlay_draws_every_layer(app_url, page):
    page.page.goto(f"{app_url}/metro?group=cq_metro&cmp=1&group_b=cnyx&overlay=1")
    _wait_idle(page)
    page.wait_for_map()
    page.page.wait_for_function(
        """() => { const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
        return (w.feature_group || []).length === 5; }""",  # fill, outlines of A and B, reach outline, labels
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
    _zoom_to(page, 30.8, 103.9, 9)
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

#: The map's labels are thinned on the final layout (static/cymap/labels.js sets this).
_LABELS_DONE = '.leaflet-container[data-cy-labels="done"]'
_LABELS_PENDING = '.leaflet-container[data-cy-labels="pending"]'

#: A stand-in for a slow web font: the labels' font comes from a URL the test answers late,
#: 40 % larger than the system font they are first laid out with.
_LATE_FONT_URL = "/cy-test/late-cjk-font.ttc"
_USE_LATE_FONT = f"""() => {{
  const style = document.createElement('style');
  style.textContent = '@font-face{{font-family:"cy-late-cjk";src:url("{_LATE_FONT_URL}");size-adjust:140%}}'
    + '.cy-label{{font-family:"cy-late-cjk","Noto Sans CJK SC",sans-serif!important}}';
  document.head.appendChild(style);
}}"""
_CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


class SlowMachine:
    """Browser conditions of slow and fast machines for the label tests.

    ``plain``: as is. ``cpu4x``: Chromium's CPU throttled 4x (DevTools protocol). ``late``:
    Leaflet's stylesheet and the labels' font held back until the labels were first laid out
    without them, then released (the order a slow network or a busy machine produces).
    """

    def __init__(self, page, condition: str):
        self.page = page
        self.condition = condition
        self.held: list = []
        self.released = False
        if condition == "cpu4x":
            cdp = page.page.context.new_cdp_session(page.page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        if condition == "late":
            page.page.route("**/leaflet.css", self._hold)
            page.page.route(f"**{_LATE_FONT_URL}", self._hold)
        if os.environ.get("CYMAP_LABEL_THINNING") == "off":  # to show these tests can fail
            page.page.add_init_script("window.cymapLabelThinning = false")

    def _hold(self, route) -> None:
        self.held.append(route)

    def settled(self, frame) -> dict:
        """The frame's labels once thinned on the final layout (late assets released first)."""
        if self.condition == "late" and not self.released:
            self.released = True
            frame.locator(".cy-label").first.wait_for(state="attached", timeout=60_000)
            frame.locator(_LABELS_PENDING).wait_for(state="attached")  # not thinned unstyled
            with self.page.page.expect_request(f"**{_LATE_FONT_URL}", timeout=30_000):
                frame.locator("body").evaluate(_USE_LATE_FONT)  # asked for once labels use it
            while len(self.held) < 2:  # the route handler runs as Playwright takes events
                self.page.page.wait_for_timeout(50)
            for route in self.held:
                if route.request.url.endswith(_LATE_FONT_URL):
                    route.fulfill(body=_CJK_FONT.read_bytes(), content_type="font/collection")
                else:
                    route.continue_()
            self.held.clear()
        frame.locator(_LABELS_DONE).wait_for(state="attached", timeout=60_000)
        return frame.locator("body").evaluate(_LABEL_OVERLAPS)


@pytest.fixture(params=["plain", "cpu4x", "late"])
def machine(page, request):
    if request.param == "late" and not _CJK_FONT.exists():
        pytest.fail(f"{_CJK_FONT} is missing: scripts/setup.sh --dev installs fonts-noto-cjk")
    return SlowMachine(page, request.param)


def _zoom_to(page, lat: float, lon: float, zoom: int) -> None:
    page.page.evaluate(
        f"""() => document.querySelector('iframe[title="streamlit_folium.st_folium"]')
            .contentWindow.map_div.setView([{lat}, {lon}], {zoom}, {{animate: false}}) && null"""
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", {"成都市", "广安市", "万州区", "宜宾市"}),
        ("metro?group=cq_metro", {"广安市", "合川区", "江津区"}),
        ("corridors", {"成都市", "南充市", "宜宾市"}),
        ("reach", {"成都市", "泸州市", "达州市"}),
    ],
)
def test_map_labels_never_overlap_at_the_default_view(app_url, page, machine, path, expected):
    """Where two names would print over each other, the less important one waits for a zoom."""
    page.page.goto(f"{app_url}/{path}")
    labels = machine.settled(page.wait_for_map())
    assert labels["overlaps"] == []
    assert expected <= set(labels["names"])  # the main places stay named
    assert len(labels["names"]) >= 15


def test_a_label_thinned_at_the_regional_view_returns_when_zooming_in(app_url, page, machine):
    page.page.goto(f"{app_url}/")
    frame = page.wait_for_map()
    labels = machine.settled(frame)
    assert "永川区" not in labels["names"]  # it would touch a larger neighbour's name at zoom 7
    _zoom_to(page, 29.35, 105.9, 9)
    labels = machine.settled(frame)
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


def _switch_language(page, to: str, heading: str, shown: str) -> None:
    """Click a language and wait until the page's widgets show ``shown`` (the heading comes
    first in a rerun; the widgets below it are replaced later)."""
    page.page.locator('[data-testid="stSidebar"]').get_by_text(to, exact=True).click()
    page.page.get_by_role("heading", name=heading).wait_for(timeout=30_000)
    page.page.wait_for_function(
        f"(shown) => ({_WIDGET_TEXT})().includes(shown)", arg=shown, timeout=60_000
    )
    _wait_idle(page)


#: What the page's widgets show: labels, options and the selectboxes' chosen values.
_WIDGET_TEXT = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid^="st"]')]
  .filter((e) => /Selectbox|Radio|Checkbox|Multiselect/.test(e.dataset.testid))
  .map((e) => e.innerText + ' ' + [...e.querySelectorAll('input')].map((i) => i.value).join(' ')
    + ' ' + [...e.querySelectorAll('[value]')].map((i) => i.getAttribute('value')).join(' '))
  .join('\\n')"""


def test_switching_language_relabels_every_widget_and_keeps_every_choice(app_url, page):
    query = "measure=station_to_station&cmp=sets&year=2035&base_year=2025&minutes=90"
    page.page.goto(f"{app_url}/reach?{query}")
    _wait_idle(page)
    page.wait_for_map()
    assert "2035（规划目标年）" in page.page.evaluate(_WIDGET_TEXT)
    _switch_language(page, "English", "Commute reach", "Three colours")
    text = page.page.evaluate(_WIDGET_TEXT)
    assert "2035 (plan horizon)" in text and "Three colours" in text
    assert "规划目标年" not in text and "三色" not in text  # no widget left in Chinese
    assert page.page.get_by_role("radio", name=re.compile("^Station to station")).is_checked()
    assert page.page.get_by_role("radio", name="90").is_checked()
    for part in query.split("&"):
        assert part in page.page.url  # every choice kept, also in the link
    _switch_language(page, "中文", "通勤圈", "三色")
    assert "2035（规划目标年）" in page.page.evaluate(_WIDGET_TEXT)
    assert page.page.get_by_role("radio", name=re.compile("^站到站")).is_checked()
    _assert_no_exception(page)
