"""The ``cymap`` command line.

Each feature registers its subcommands from its own module (``cymap.cli._units`` …), so the
command line grows without one long file. Errors a user can cause print one clear line to
stderr and exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .._errors import CymapError

#: Modules that add subcommands; each defines ``register(subparsers)``.
COMMAND_MODULES = ("_units", "_plans", "_network", "_export", "_snapshot")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="cymap",
        description="成渝地区双城经济圈 planning map: units, plans, commute reach and exports.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"{__name__}.{name}":
                continue  # feature not present in this build
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CymapError as err:
        print(f"cymap {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `cymap units | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
