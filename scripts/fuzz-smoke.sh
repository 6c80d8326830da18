#!/usr/bin/env bash
# The short fuzz run of `make test`: every libFuzzer target for FUZZ_SECONDS (default 6) each,
# about 80 s for the ten targets with start-up; fails on any crash. `make fuzz` is the long run.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-6} exec bash scripts/fuzz.sh
