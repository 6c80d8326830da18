#!/usr/bin/env bash
# Builds every libFuzzer target of fuzz/ (the `fuzz` preset: clang, ASan + UBSan) and runs each
# in turn over its seed corpus, with a dictionary of the keys and names its seeds use, then prints
# a table: target, seconds, executions, executions per second, crashes. Exits 1 if any target
# crashed (the input is kept under FUZZ_ARTIFACTS) or printed no statistics.
#   FUZZ_SECONDS    seconds per target (default 10)
#   FUZZ_RUNS       stop a target earlier, after this many executions (default no limit)
#   FUZZ_TARGETS    the targets to run, space-separated (default all)
#   FUZZ_CORPUS     where the corpora grow (default a temporary directory, removed at exit)
#   FUZZ_ARTIFACTS  where crash, leak and timeout inputs go (default build-fuzz/fuzz-artifacts)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-10}
runs=${FUZZ_RUNS:--1}
# UBSan only prints by default; halting makes its reports crashes that libFuzzer keeps.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
artifacts=${FUZZ_ARTIFACTS:-build-fuzz/fuzz-artifacts}

cmake --preset fuzz >/dev/null || exit 1
cmake --build build-fuzz --target fuzz_targets -j 2 >/dev/null || {
  echo "fuzz: the build failed; run: cmake --build build-fuzz --target fuzz_targets" >&2
  exit 1
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
corpus_root=${FUZZ_CORPUS:-$scratch/corpus}
mkdir -p "$corpus_root" "$artifacts"

# The seed files of one target: the example and test inputs of its kind, the hand-written
# seeds in fuzz/seeds/, and for a catalogue target the data/ file it stands for.
seeds_of() {
  case "$1" in
    scenario_reader_fuzz) find examples tests/regimen/scenarios fuzz/seeds/scenario -name '*.scenario.toml' 2>/dev/null ;;
    profile_reader_fuzz) find examples tests fuzz/seeds/profile -name '*.profile.toml' ;;
    experiment_reader_fuzz) find examples tests fuzz/seeds/experiment -name '*.experiment.toml' ;;
    *_catalogue_fuzz) echo "data/${1%_catalogue_fuzz}.toml" ;;
  esac
}

# A libFuzzer dictionary: TOML punctuation and edge values, then every key and every short
# quoted name the seeds contain, so that mutations spell valid keys and enumerators.
write_dictionary() {
  printf '%s\n' '"="' '"["' '"]"' '"[["' '"]]"' '"{"' '"}"' '","' '"."' '"\""' '"\"\"\""' "\"'''\"" \
    '"true"' '"false"' '"nan"' '"+inf"' '"-inf"' '"1e308"' '"-0.0"' '"0x7fffffffffffffff"' \
    '"-9223372036854775808"' '"2999-12-31"' '"1900-01-01"' '"1979-05-27T07:32:00Z"' '"07:32:00"'
  grep -hv '^[[:space:]]*#' "$@" | grep -oE '[A-Za-z_][A-Za-z0-9_-]*[[:space:]]*=' | sed -E 's/[[:space:]]*=$//; s/.*/"&"/'
  grep -hoE '^\[+[A-Za-z0-9_.-]+' "$@" | sed -E 's/^\[+//; s/.*/"&"/'
  grep -hv '^[[:space:]]*#' "$@" | grep -oE '"[A-Za-z0-9_.-]{1,40}"' | sed -E 's/^"(.*)"$/"\\"\1\\""/'
}

targets=${FUZZ_TARGETS:-$(cd build-fuzz/fuzz && ls -- *_fuzz)}
rows=()
failed=0
for target in $targets; do
  corpus="$corpus_root/$target"
  mkdir -p "$corpus"
  mapfile -t seeds < <(seeds_of "$target")
  if [ ${#seeds[@]} -eq 0 ]; then
    echo "fuzz: $target has no seeds; add a case to seeds_of in scripts/fuzz.sh" >&2
    failed=1
    continue
  fi
  cp -- "${seeds[@]}" "$corpus"/
  write_dictionary "${seeds[@]}" | sort -u >"$scratch/$target.dict"
  log="$scratch/$target.log"
  stamp="$scratch/$target.stamp"
  touch "$stamp"
  started=$(date +%s)
  "./build-fuzz/fuzz/$target" "$corpus" -dict="$scratch/$target.dict" -max_total_time="$seconds" -runs="$runs" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$log" 2>&1
  status=$?
  elapsed=$(($(date +%s) - started))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  crashes=$(find "$artifacts" -name "$target-*" -newer "$stamp" | wc -l)
  if [ "$status" -ne 0 ] || [ -z "$executions" ]; then
    [ "$crashes" -eq 0 ] && crashes="?"
    failed=1
    echo "fuzz: $target failed (exit $status); the end of its log:" >&2
    tail -n 40 "$log" >&2
  fi
  rows+=("$(printf '%-28s %8s %14s %10s %8s' "$target" "$elapsed" "${executions:-0}" \
    "$(( ${executions:-0} / (elapsed > 0 ? elapsed : 1) ))" "$crashes")")
done

printf '%-28s %8s %14s %10s %8s\n' target seconds executions exec/s crashes
printf '%s\n' "${rows[@]}"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED; crash inputs are in $artifacts (rerun one: ./build-fuzz/fuzz/TARGET FILE)" >&2
  exit 1
fi
echo "fuzz: every target ran (at most ${seconds}s each) without a crash"
