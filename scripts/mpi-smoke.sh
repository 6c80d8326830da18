#!/usr/bin/env bash
# Builds dermasim with MPI (DERMASIM_MPI=ON, in build-mpi) and runs a small population on 1
# and on 2 ranks; population.json must be byte-identical (docs/architecture.md: the same seed
# gives the same results whatever the number of ranks). CI runs as root, hence
# --allow-run-as-root; --bind-to none lets ranks move off a core another job is using on a shared
# machine. MPI_PEOPLE (default 40) sets the population size.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${MPI_PEOPLE:-40}
scenario=tests/population/scenarios/short-session.scenario.toml

cmake -S . -B build-mpi -G Ninja -DCMAKE_BUILD_TYPE=Release -DDERMASIM_MPI=ON \
  -DDERMASIM_BUILD_TESTS=OFF -DDERMASIM_BUILD_BENCH=OFF >/dev/null
cmake --build build-mpi --target dermasim -j 2

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {  # run RANKS
  local ranks=$1 started finished
  started=$(date +%s%N)
  mpirun --allow-run-as-root --oversubscribe --bind-to none -np "$ranks" build-mpi/src/app/dermasim population "$scenario" \
    --n "$people" --threads 1 --out "$out/np$ranks" >"$out/np$ranks.txt"
  finished=$(date +%s%N)
  echo "mpi-smoke: $people people on $ranks rank(s): $(( (finished - started) / 1000000 )) ms"
}
run 1
run 2
if cmp -s "$out/np1/population.json" "$out/np2/population.json"; then
  echo "mpi-smoke: population.json is byte-identical on 1 and 2 ranks"
else
  diff "$out/np1/population.json" "$out/np2/population.json" | head -n 20
  echo "mpi-smoke: population.json differs between 1 and 2 ranks" >&2
  exit 1
fi
