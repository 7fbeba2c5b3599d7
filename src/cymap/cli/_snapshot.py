"""``cymap snapshot``: a 'what you see' PNG of a page of the running dashboard."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..web import snapshot


def register(sub: argparse._SubParsersAction) -> None:
    """Add the snapshot subcommand."""
    p = sub.add_parser(
        "snapshot",
        help="PNG of the live map of a running dashboard page (needs Chromium)",
        description="Photograph the interactive map of a dashboard page with headless Chromium, "
        "e.g. `cymap snapshot 'http://localhost:8501/reach?minutes=90&year=2035' --out reach.png`. "
        "For report figures drawn from the data, use `cymap export`.",
    )
    p.add_argument(
        "url", help="page URL of the running dashboard, with its view in the query string"
    )
    p.add_argument("--out", type=Path, required=True, help="output .png file")
    p.add_argument("--width", type=int, default=1400, help="browser width in pixels")
    p.add_argument("--height", type=int, default=1000, help="browser height in pixels")
    p.set_defaults(func=_snapshot)


def _snapshot(args: argparse.Namespace) -> int:
    data = snapshot.snapshot_map(args.url, width_px=args.width, height_px=args.height)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data) // 1024} KiB)")
    return 0
