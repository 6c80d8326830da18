#!/usr/bin/env bash
# `make bench`: runs every Google Benchmark program of the build with JSON output into
# BUILD/bench-results/, then the peer comparison when its interpreter is available.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
results="$build/bench-results"
mkdir -p "$results"
find "$build/bench" -name '*_bench' -type f -executable | sort | while read -r program; do
  name=$(basename "$program")
  echo "=== $name"
  "$program" --benchmark_out="$results/$name.json" --benchmark_out_format=json
done
if [ -x "$build/bench/transport_fast_vs_full" ]; then
  "$build/bench/transport_fast_vs_full" > "$results/fast_vs_full.md"
  echo "fast-vs-full table: $results/fast_vs_full.md"
fi
if [ -f bench/peers/run_peers.sh ]; then bash bench/peers/run_peers.sh "$build" "$results" || echo "peer comparison skipped (see bench/peers/)"; fi
echo "Benchmark results (JSON): $results/"
