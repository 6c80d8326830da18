#!/usr/bin/env bash
# The main job of `make run`: plans the default profile (examples/05-plan-for-profile) and
# prints the plan's summary and where its files are; then checks the example scenarios.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/src/app/dermasim}
profile=examples/05-plan-for-profile/default.profile.toml
out=dermasim-out

echo "dermasim plan $profile --out $out"
echo
"$binary" plan "$profile" --out "$out"

echo
echo "Open $out/report.html in a browser; import $out/plan.ics into a calendar."
echo "Check any scenario with: $binary check FILE.scenario.toml"
