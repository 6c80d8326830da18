#!/usr/bin/env bash
# Runs dermasim's transport benchmarks and the SciPy peers back to back on this machine and
# prints the time ratio at equal accuracy class (BENCHMARKS.md problems A and B).
# Usage: bench/peers/run_peers.sh BUILD_DIR   (after building transport_bench)
# FEniCSx/dolfinx is not run: python3-dolfinx is not installed by scripts/install-deps.sh yet.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
"$build/bench/transport_bench" --benchmark_filter='BM_Problem(A_Bdf2|A_Cvode|B_OnePercent_Bdf2_Cold|B_TenthPercent_Bdf2_Cold)' \
  --benchmark_out="$out/dermasim.json" --benchmark_out_format=json > /dev/null
OMP_NUM_THREADS=1 /usr/bin/python3 "$here/scipy_peers.py" 2> "$out/scipy.json"
/usr/bin/python3 - "$out/dermasim.json" "$out/scipy.json" <<'PY'
import json, sys
ours = {b["name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
peers = {p["name"]: p for p in json.load(open(sys.argv[2]))}
pairs = [("A (0.1 %)", "BM_ProblemA_Bdf2", "A, solve_ivp BDF"),
         ("B (1 %), cold", "BM_ProblemB_OnePercent_Bdf2_Cold", "B <= 1 %, FV + splu BDF2 600 s"),
         ("B (0.1 %), cold", "BM_ProblemB_TenthPercent_Bdf2_Cold", "B <= 0.1 %, FV + splu BDF2 150 s")]
print("| problem | dermasim cells, error, wall ms | SciPy cells, error, ms | SciPy / dermasim |")
print("|---|---|---|---|")
for label, mine, theirs in pairs:
    m, p = ours[mine], peers[theirs]
    ms = m["real_time"] if m["time_unit"] == "ms" else m["real_time"] / 1e6
    print(f"| {label} | {int(m['cells'])}, {m['worst_relative_error']:.2e}, {ms:.1f} | "
          f"{p['cells']}, {p['worst_relative_error']:.2e}, {1e3 * p['seconds']:.1f} | {1e3 * p['seconds'] / ms:.1f}x |")
PY
