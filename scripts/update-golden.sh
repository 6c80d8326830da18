#!/usr/bin/env bash
# Regenerates every golden output under tests/golden/ from the built dermasim (the cases are
# tests/golden/cases.txt), then prints what changed for review: git diff --stat, the new
# files, and the diff. Commit the changes only once each difference is understood.
#   scripts/update-golden.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
python=/usr/bin/python3
[ -x "$python" ] || python=python3

cmake --build "$build" --target dermasim
"$python" tests/golden/golden.py update --binary "$build/src/app/dermasim" --source .

echo
echo "== git diff --stat tests/golden"
git diff --stat -- tests/golden
new_files=$(git ls-files --others --exclude-standard -- tests/golden)
if [ -n "$new_files" ]; then
  echo
  echo "== new golden files (not yet in git)"
  echo "$new_files"
fi
echo
echo "== git diff tests/golden"
git --no-pager diff -- tests/golden
