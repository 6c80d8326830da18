#!/usr/bin/env bash
# The main job of `make run`: checks every example scenario and summarises the verdicts.
# (Until `dermasim plan` exists this is what `make run` shows; see README.md.)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/src/app/dermasim}
shopt -s globstar nullglob
scenarios=(examples/**/*.scenario.toml)
echo "dermasim: checking ${#scenarios[@]} example scenario(s)"
for scenario in "${scenarios[@]}"; do
  echo
  echo "=== $scenario"
  status=0
  "$binary" check "$scenario" || status=$?
  case $status in
    0) echo "--> exit 0: follows the protocol (warnings, if any, are precautions)" ;;
    1) echo "--> exit 1: breaks the protocol (see the errors above)" ;;
    *) echo "--> exit $status: could not be checked"; exit "$status" ;;
  esac
done
