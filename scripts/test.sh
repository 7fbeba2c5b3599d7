#!/usr/bin/env bash
# Install everything including test tools (idempotent), then lint and run the whole test suite:
# unit + AppTest tests first, then the browser (e2e) tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest -m "not e2e" -q "$@"
.venv/bin/python -m pytest -m e2e -q "$@"
