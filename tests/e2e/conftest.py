"""Browser tests: a real `streamlit run` server and Debian's headless Chromium.

Every request the page makes is recorded; a test fails if any leaves the machine.
Screenshots are written to test-artifacts/ (and on failure, too).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from cymap.app import devserver as _devserver

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def app_url():
    """Start the dashboard with `streamlit run` and wait for its health endpoint."""
    if not (ROOT / "static/vendor/leaflet/leaflet.js").exists():
        pytest.fail("static/vendor/leaflet is missing: run scripts/setup.sh first")
    ARTIFACTS.mkdir(exist_ok=True)
    for stale in ARTIFACTS.glob("FAILED-*.png"):  # from an earlier run; this run writes its own
        stale.unlink()
    try:
        with _devserver.dashboard(log=ARTIFACTS / "streamlit.log") as url:
            yield url
    except RuntimeError as err:
        pytest.fail(str(err))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright (no `playwright install`)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (scripts/setup.sh --dev installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


class PageRecorder:
    """A page plus every URL it requested and every response that failed (HTTP 4xx/5xx)."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.failed: list[str] = []
        page.on("request", lambda req: self.requests.append(req.url))
        page.on(
            "response",
            lambda resp: resp.status >= 400 and self.failed.append(f"{resp.status} {resp.url}"),
        )

    def external_requests(self) -> list[str]:
        out = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about", "chrome-extension"):
                continue
            if parsed.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out

    def wait_for_map(self, index: int = 0, timeout: float = 45_000):
        """Wait until the index-th folium map has drawn its vector layers."""
        frame = self.page.frame_locator('iframe[title="streamlit_folium.st_folium"]').nth(index)
        frame.locator(
            ".leaflet-overlay-pane svg path, .leaflet-overlay-pane canvas"
        ).first.wait_for(state="attached", timeout=timeout)
        return frame

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    pg = context.new_page()
    if rate := float(os.environ.get("CYMAP_E2E_CPU_THROTTLE", "0") or 0):  # a slow machine
        context.new_cdp_session(pg).send("Emulation.setCPUThrottlingRate", {"rate": rate})
    rec = PageRecorder(pg)
    yield rec
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        rec.screenshot(f"FAILED-{request.node.name}")
    context.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)
