#!/usr/bin/env bash
# The whole test suite as a new machine would run it: a fresh clone of the committed HEAD in a
# temporary folder, a copy of ../shared beside it, a new virtual environment, and an empty home
# folder (no pip, font or browser caches; Playwright starts Chromium with a new profile), then
# `.ci/run` there, exactly as CI does.
#
# Usage: scripts/fresh-check.sh [--stress] [--keep] [RUNS]
#   --stress  keep both CPU cores busy while the suite runs (a slow machine)
#   --keep    leave the temporary folder in place (its path is printed)
#   RUNS      how many times to run the suite in the same fresh clone (default 1)
# Uncommitted changes are not part of the check: commit first.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

stress=0 keep=0 runs=1
for arg in "$@"; do
  case "$arg" in
    --stress) stress=1 ;;
    --keep) keep=1 ;;
    [0-9]*) runs=$arg ;;
    *) echo "fresh-check: unknown argument '$arg' (use --stress, --keep or a number of runs)" >&2; exit 2 ;;
  esac
done
if [ ! -d ../shared ]; then
  echo "fresh-check: ../shared is missing beside $repo; CI runs with it" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cymap-fresh.XXXXXX")
burners=()
cleanup() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "$keep" = 1 ]; then echo "fresh-check: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

git clone -q "$repo" "$tmp/cymap"
cp -r ../shared "$tmp/shared"
chmod -R a-w "$tmp/shared"  # as in CI
mkdir -p "$tmp/home"
echo "fresh-check: $(git -C "$tmp/cymap" log -1 --format='%h %s' | cut -c1-80) in $tmp/cymap"

if [ "$stress" = 1 ]; then
  for _ in $(seq "$(nproc)"); do
    (while :; do :; done) &
    burners+=($!)
  done
  echo "fresh-check: ${#burners[@]} busy loops running"
fi

status=0
for run in $(seq "$runs"); do
  echo "fresh-check: run $run of $runs"
  if (cd "$tmp/cymap" && env -u VIRTUAL_ENV HOME="$tmp/home" XDG_CACHE_HOME="$tmp/home/.cache" \
    CI=true bash .ci/run </dev/null); then
    echo "fresh-check: run $run passed"
  else
    status=$?
    echo "fresh-check: run $run FAILED (exit $status); screenshots in $tmp/cymap/test-artifacts" >&2
    keep=1
    break
  fi
done
exit "$status"
