"""Time to export one view to PNG, PDF and SVG (target: under 3 s each on this machine).

Run: ``.venv/bin/python bench/bench_export.py [--repeat 5]``; writes ``bench/results/export.json``.
For every view and format it records the median of ``--repeat`` warm runs of
``export.export_view`` (build the view from the URL state, then render), plus the first
(cold) run, which includes loading data, fonts and the network graph.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import time
from pathlib import Path

from cymap import views
from cymap.printmap import export

TARGET_S = 3.0
VIEWS = {
    "population": ("population", {}, ()),
    "group": ("group", {"group": "重庆都市圈"}, ("cymap.plans",)),
    "corridors": ("corridors", {}, ("cymap.plans",)),
    "reach": ("reach", {"from": "中心城区", "minutes": 60, "year": 2035}, ("cymap.travel_time",)),
    "diff": (
        "diff",
        {"from": "中心城区", "minutes": 60, "year": 2035, "base_year": "2020"},
        ("cymap.travel_time",),
    ),
}
SIZE = {"width_px": 2000, "height_px": 1500, "dpi": 200}


def _time(kind: str, state: dict, fmt: str) -> tuple[float, int, float]:
    """(total s, bytes, of which building the view s) of one export."""
    start = time.perf_counter()
    views.build_view(kind, state)
    build = time.perf_counter() - start
    start = time.perf_counter()
    data = export.export_view(kind, state, fmt=fmt, **SIZE)
    return time.perf_counter() - start, len(data), build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "export.json"
    )
    args = parser.parse_args()
    results = []
    for name, (kind, state, needs) in VIEWS.items():
        if any(importlib.util.find_spec(m) is None for m in needs):
            results.append({"view": name, "skipped": f"needs {', '.join(needs)}"})
            continue
        for fmt in ("png", "pdf", "svg"):
            cold = _time(kind, state, fmt)[0]
            runs = [_time(kind, state, fmt) for _ in range(args.repeat)]
            median = statistics.median(r[0] for r in runs)
            build = statistics.median(r[2] for r in runs)
            results.append(
                {
                    "view": name,
                    "format": fmt,
                    "median_s": round(median, 3),
                    "median_build_view_s": round(build, 3),
                    "cold_s": round(cold, 3),
                    "bytes": runs[0][1],
                    "under_target": median < TARGET_S,
                }
            )
            print(
                f"{name:10s} {fmt:4s} median {median:5.2f} s (view {build:4.2f} s)  cold {cold:5.2f} s"
                f"  {runs[0][1] / 1024:6.0f} KiB"
            )
    load = os.getloadavg()[0]
    report = {
        "load_average_1min_at_end": round(load, 2),
        "what": "median wall time of export.export_view (build view + render) per view and format",
        "size": SIZE,
        "repeat": args.repeat,
        "target_s": TARGET_S,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "date": time.strftime("%Y-%m-%d"),
        "all_under_target": all(r.get("under_target", True) for r in results),
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
