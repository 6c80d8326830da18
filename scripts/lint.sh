#!/usr/bin/env bash
# Runs clang-tidy (the checks of .clang-tidy: naming and bug-prone patterns) over every source
# file in src/, with the compile commands of BUILD_DIR. Exits 1 when any file has a finding.
#   scripts/lint.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tidy=$(command -v clang-tidy-16 || true)
if [ -z "$tidy" ]; then
  echo "lint: clang-tidy-16 is missing; run scripts/install-deps.sh --lint" >&2
  exit 2
fi
[ -f "$build/compile_commands.json" ] || { echo "lint: no $build/compile_commands.json; build first" >&2; exit 2; }
# Only the files this build compiles (rank_group_mpi.cpp is in an MPI build only).
files=$(git ls-files 'src/*.cpp' | while read -r file; do
  grep -q "\"file\": \"[^\"]*/$file\"" "$build/compile_commands.json" && echo "$file"; done)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# clang-tidy warns about GCC-only flags of the build; they are not findings. One file per
# process, each with its own log: clang-tidy 16 given io's nearest_name, parameter_reader,
# person_reader and profile_reader in one run did not finish in 2 minutes, and it sometimes
# crashes (a crash is reported as such, not as a clean file).
export tidy build logs
echo "$files" | xargs -P "$(nproc)" -I{} sh -c \
  '"$tidy" -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option "$1" >"$logs/$(echo "$1" | tr / _).log" 2>&1 ||
   echo "$1 exit $?" >>"$logs/failed"' _ {}
grep -hE "(warning|error):" "$logs"/*.log | sort -u || true
n=$(echo "$files" | wc -l)
if [ -s "$logs/failed" ]; then
  crashed=$(grep -c "exit 139" "$logs/failed" || true)
  echo "lint: clang-tidy found problems in $(wc -l <"$logs/failed") of $n files in src/ ($crashed crashed: $(grep "exit 139" "$logs/failed" | cut -d' ' -f1 | tr '\n' ' '))"
  exit 1
fi
echo "lint: $n files in src/ are clean"
