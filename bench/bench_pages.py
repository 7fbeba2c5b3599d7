"""Page benchmarks in headless Chromium against `streamlit run`.

Measures, per page: cold load (first visit after the server starts, caches empty), warm
load (the page opened again in a new tab of the same browser once its HTTP and code caches
and the server's caches are filled: two untimed loads first, then the median of nine) and warm
in-app navigation (clicking the page in the sidebar, as users move between pages), each until
the map has drawn; the main thread's busy time in warm loads; the bytes the page receives over
Streamlit's websocket (the map payload travels there); and, on 通勤圈, the time from a line
toggle to the updated map. Writes bench/results/pages.json.

Run: .venv/bin/python bench/bench_pages.py   (targets: warm < 2 s, toggle < 1 s, map < 1.5 MB)
"""

from __future__ import annotations

import json
import platform
import re
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from cymap.app import devserver as _devserver

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "pages.json"
PAGES = {"overview": "", "metro": "metro", "corridors": "corridors", "reach": "reach"}
WARMUP_RUNS = 2  # loads that fill the browser's code cache and the server's caches, not timed
WARM_RUNS = 9
MAP_DRAWN = ".leaflet-overlay-pane svg path, .leaflet-overlay-pane canvas"


def load(ctx, url: str) -> tuple[float, int, float]:
    """Seconds until the map is drawn, websocket bytes received meanwhile, and the seconds the
    page's main thread was busy until then (Chromium's TaskDuration: steadier than the wall
    time on a shared machine, and the part a page's content can change)."""
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Performance.enable")
    received = [0]
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived",
            lambda f: received.__setitem__(
                0, received[0] + len(f if isinstance(f, bytes) else f.encode())
            ),
        ),
    )
    t0 = time.perf_counter()
    page.goto(url)
    page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first.locator(
        MAP_DRAWN
    ).first.wait_for(state="attached", timeout=120_000)
    elapsed = time.perf_counter() - t0
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.close()
    return elapsed, received[0], metrics["TaskDuration"]


#: Sidebar link text of each page (Chinese UI).
NAV_TEXT = {"overview": "总览", "metro": "都市圈边界", "corridors": "发展轴带", "reach": "通勤圈"}


def navigate(ctx, url: str, name: str) -> float:
    """Seconds from clicking a page's sidebar link (in-app navigation) until its map is drawn."""
    page = ctx.new_page()
    start = "sources" if name != "sources" else ""
    page.goto(f"{url}/{start}")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(500)
    t0 = time.perf_counter()
    page.locator('[data-testid="stSidebarNav"]').get_by_text(NAV_TEXT[name], exact=True).click()
    page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first.locator(
        MAP_DRAWN
    ).first.wait_for(state="attached", timeout=120_000)
    elapsed = time.perf_counter() - t0
    page.close()
    return elapsed


def toggle(browser, url: str) -> float:
    """Seconds from ticking 成渝中线高铁 to the map showing the new reach."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    page.goto(url + "/reach?minutes=90")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first
    frame.locator(MAP_DRAWN).first.wait_for(state="attached", timeout=120_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    # Mark the current dynamic layers; the update adds new ones to the same map (no reload).
    page.evaluate("""() => { const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
        (w.feature_group || []).forEach(l => { l._cyOld = true; }); }""")
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name=re.compile("^高铁")
    ).click()
    hsr = page.get_by_role("combobox", name=re.compile("高铁"))
    hsr.click()
    hsr.fill("成渝中线")
    option = page.get_by_role("option", name=re.compile("成渝中线高铁"))
    option.wait_for()
    t0 = time.perf_counter()
    option.click()
    page.wait_for_function(
        """() => { const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
        const fg = w.feature_group || []; return fg.length > 0 && fg.some(l => !l._cyOld && w.map_div.hasLayer(l)); }""",
        timeout=60_000,
    )
    # The map is updated in place (no reload): the map container is the same element.
    elapsed = time.perf_counter() - t0
    ctx.close()
    return elapsed


def main() -> None:
    with _devserver.dashboard() as url:
        results = measure(url)
    OUT.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")


def cpu_loop_s() -> float:
    """Seconds for a fixed pure-Python loop: how fast this (shared) machine ran at the time.

    Page times scale with it; compare runs only at similar values.
    """
    t0 = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return round(time.perf_counter() - t0, 3)


def measure(url: str) -> dict[str, object]:
    """Every page's loads and the toggle time, against a running dashboard."""
    results: dict[str, object] = {
        "machine": {
            "python": platform.python_version(),
            "cpus": __import__("os").cpu_count(),
            "cpu_loop_s_before": cpu_loop_s(),
        },
        "targets": {"warm_load_s": 2.0, "toggle_s": 1.0, "map_bytes": 1_500_000},
        "pages": {},
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        # One browser context per page; the timed rounds visit the pages in turn, so that a
        # slower spell of this shared machine weighs on every page alike.
        ctxs = {
            name: browser.new_context(viewport={"width": 1400, "height": 1000}) for name in PAGES
        }
        cold = {name: load(ctxs[name], f"{url}/{path}")[0] for name, path in PAGES.items()}
        warm: dict[str, list[tuple[float, int, float]]] = {name: [] for name in PAGES}
        nav: dict[str, list[float]] = {name: [] for name in PAGES}
        for run in range(WARMUP_RUNS + WARM_RUNS):
            for name, path in PAGES.items():
                timed = load(ctxs[name], f"{url}/{path}")
                if run >= WARMUP_RUNS:
                    warm[name].append(timed)
        for _ in range(WARM_RUNS):
            for name in PAGES:
                nav[name].append(navigate(ctxs[name], url, name))
        for name in PAGES:
            ctxs[name].close()
            results["pages"][name] = {
                "cold_load_s": round(cold[name], 3),
                "warm_load_s": round(statistics.median(w[0] for w in warm[name]), 3),
                "warm_load_quartiles_s": [
                    round(q, 3) for q in statistics.quantiles((w[0] for w in warm[name]), n=4)
                ],
                "warm_main_thread_s": round(statistics.median(w[2] for w in warm[name]), 3),
                "warm_navigation_s": round(statistics.median(nav[name]), 3),
                "websocket_bytes": int(statistics.median(w[1] for w in warm[name])),
            }
            print(name, results["pages"][name], flush=True)
        toggles = [toggle(browser, url) for _ in range(3)]
        results["toggle_to_map_s"] = round(statistics.median(toggles), 3)
        print("toggle", results["toggle_to_map_s"])
        results["machine"]["cpu_loop_s_after"] = cpu_loop_s()
        browser.close()
    return results


if __name__ == "__main__":
    main()
