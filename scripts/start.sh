#!/usr/bin/env bash
# Install everything (idempotent) and start the dashboard at http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run serve.py --server.port "${PORT:-8501}" "$@"
