#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each briefly over a seed corpus made of the
# example and test scenarios. FUZZ_SECONDS (default 20) sets the time per target.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
cmake --preset fuzz >/dev/null
cmake --build build-fuzz --target scenario_reader_fuzz -j 2
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
find examples tests/regimen/scenarios -name '*.scenario.toml' -exec cp {} "$corpus"/ \;
./build-fuzz/fuzz/scenario_reader_fuzz "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 \
  -print_final_stats=1 2>&1 | tail -n 12
echo "fuzz-smoke: scenario_reader_fuzz ran ${seconds}s without a crash"
