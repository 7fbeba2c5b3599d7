"""'What you see' PNG of the live interactive map, taken with headless Chromium.

The static exporter (:mod:`cymap.printmap.render`) draws report figures from the data; this module
instead photographs the interactive map exactly as a page of a running dashboard shows it,
with Debian's ``chromium`` driven by Playwright. Requests that would leave the machine are
blocked, so the snapshot is as offline as the dashboard.

Examples
--------
>>> from cymap import snapshot
>>> snapshot.chromium_path() is None or snapshot.chromium_path().endswith("chromium")
True
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

from .._errors import ExportError

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAP_DRAWN = ".leaflet-overlay-pane svg path, .leaflet-overlay-pane canvas"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
BROWSER_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking")


def chromium_path() -> str | None:
    """Path of the Chromium executable (``CYMAP_CHROMIUM`` or ``chromium`` on PATH), or None."""
    path = os.environ.get("CYMAP_CHROMIUM") or shutil.which("chromium")
    return path if path and Path(path).exists() else None


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in LOCAL_HOSTS


def snapshot_map(
    url: str,
    *,
    width_px: int = 1400,
    height_px: int = 1000,
    timeout_s: float = 90,
) -> bytes:
    """PNG bytes of the interactive map of a dashboard page, as a user sees it.

    Parameters
    ----------
    url
        A page of a running dashboard with its view in the query string, e.g.
        ``http://localhost:8501/reach?minutes=90&year=2035``.
    width_px, height_px
        Browser window size; the PNG is the map's part of it.
    timeout_s
        How long to wait for the page and the map.

    Raises
    ------
    ExportError
        When Chromium or Playwright is missing, the URL is not on this machine, or the page
        shows no map in time.
    """
    if not _is_local(url):
        msg = f"snapshot URL {url!r} is not on this machine; use the dashboard's own address (http://localhost:8501/…)"
        raise ExportError(msg)
    browser_path = chromium_path()
    if browser_path is None:
        msg = (
            "'what you see' snapshots need Chromium, which is not installed: run "
            "`apt-get install chromium` (or set CYMAP_CHROMIUM), or use the PNG/PDF/SVG export, "
            "which needs no browser"
        )
        raise ExportError(msg)
    if importlib.util.find_spec("playwright") is None:
        msg = "'what you see' snapshots need the playwright package: run scripts/setup.sh"
        raise ExportError(msg)
    # Playwright's sync API refuses to run on a thread with an event loop (Streamlit's server
    # thread, or a test already driving a browser): always use a fresh worker thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(
            _take, url, browser_path, (width_px, height_px), timeout_s * 1000
        ).result()


def _take(url: str, browser_path: str, size: tuple[int, int], timeout_ms: float) -> bytes:
    from playwright.sync_api import Error as PlaywrightError  # noqa: PLC0415 - heavy, needed only here
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - heavy, needed only here

    width_px, height_px = size
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=browser_path, args=list(BROWSER_ARGS))
            try:
                page = browser.new_page(viewport={"width": width_px, "height": height_px})
                page.route(
                    "**/*",
                    lambda route: (
                        route.continue_() if _is_local(route.request.url) else route.abort()
                    ),
                )
                page.goto(url, timeout=timeout_ms)
                page.frame_locator(MAP_IFRAME).first.locator(MAP_DRAWN).first.wait_for(
                    state="attached", timeout=timeout_ms
                )
                page.wait_for_function(
                    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                    timeout=timeout_ms,
                )
                page.wait_for_timeout(500)  # let Leaflet finish drawing after the last update
                return page.locator(MAP_IFRAME).first.screenshot()
            finally:
                browser.close()
    except PlaywrightError as err:
        msg = f"snapshot of {url} failed: {str(err).splitlines()[0]}; is the dashboard running and does the page show a map?"
        raise ExportError(msg) from err
