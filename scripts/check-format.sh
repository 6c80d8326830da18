#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format makes of it (.clang-format:
# Google style, 120 columns). Fix with: git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cpp' '*.hpp')
if ! echo "$files" | xargs clang-format --dry-run --Werror 2>/tmp/dermasim-format.$$; then
  grep -E "error:" /tmp/dermasim-format.$$ | cut -d: -f1 | sort -u | sed 's/^/  /'
  rm -f /tmp/dermasim-format.$$
  echo "check-format: the files above are not formatted; run clang-format -i on them"
  exit 1
fi
rm -f /tmp/dermasim-format.$$
echo "check-format: $(echo "$files" | wc -l) files follow .clang-format"
