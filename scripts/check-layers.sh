#!/usr/bin/env bash
# Checks every #include "layer/..." in src/ against the layer table of docs/architecture.md:
# a lower layer never includes a higher one. Exits 1 and names each offending line.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A may_use=(
  [core]="core"
  [numerics]="core numerics"
  [regimen]="core regimen"
  [transport]="core numerics transport"
  [response]="core numerics response"
  [simulate]="core numerics regimen transport response simulate"
  [plan]="core numerics regimen transport response simulate plan"
  [population]="core numerics regimen transport response simulate plan population"
  [report]="core numerics regimen transport response simulate plan population report"
  [io]="core numerics regimen transport response io"
  [app]="core numerics regimen transport response simulate plan population report io app"
)

violations=0
checked=0
for layer in "${!may_use[@]}"; do
  [ -d "src/$layer" ] || continue
  while IFS= read -r -d '' file; do
    while IFS= read -r match; do
      line=${match%%:*}
      included=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"${match#*:}")
      checked=$((checked + 1))
      if [[ " ${may_use[$layer]} " != *" $included "* ]]; then
        echo "$file:$line: layer '$layer' may not include '$included' (allowed: ${may_use[$layer]})"
        violations=$((violations + 1))
      fi
    done < <(grep -nE '^#include "[a-z_]+/' "$file" || true)
  done < <(find "src/$layer" -name '*.[ch]pp' -print0)
done
if [ "$violations" -gt 0 ]; then
  echo "check-layers: $violations include(s) break the layer table (docs/architecture.md)"
  exit 1
fi
echo "check-layers: $checked includes follow the layer table"
