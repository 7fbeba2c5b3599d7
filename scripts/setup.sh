#!/usr/bin/env bash
# Idempotent set-up: a local virtual environment in .venv with the pinned dependencies,
# cymap installed in editable mode, and the Leaflet web assets copied to static/vendor/.
# Usage: scripts/setup.sh [--dev]   (--dev adds test tools, Chromium and CJK fonts)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo "[setup] creating .venv with $PY"
  if ! "$PY" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "[setup] apt-get install python3-venv"
      apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
      "$PY" -m venv .venv
    else
      echo "[setup] error: Python's venv module is missing; install it with: sudo apt-get install python3-venv" >&2
      exit 1
    fi
  fi
fi

req=requirements.txt
[ "${1:-}" = "--dev" ] && req=requirements-dev.txt
stamp=".venv/.installed-$(cat "$req" requirements.txt pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "[setup] installing $req"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi

# Leaflet from the XStatic-Leaflet wheel, served by Streamlit's static file serving.
leaflet_src=$(.venv/bin/python -c "import xstatic.pkg.leaflet as x; print(x.BASE_DIR)")
if [ ! -f static/vendor/leaflet/leaflet.js ] || ! cmp -s "$leaflet_src/leaflet.js" static/vendor/leaflet/leaflet.js; then
  mkdir -p static/vendor/leaflet
  cp -r "$leaflet_src/leaflet.js" "$leaflet_src/leaflet.css" "$leaflet_src/images" static/vendor/leaflet/
fi

if [ "${1:-}" = "--dev" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
  [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "[setup] apt-get install ${missing[*]}"
      apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "[setup] warning: missing ${missing[*]} and apt-get is not usable; browser tests will skip" >&2
    fi
  fi
fi
