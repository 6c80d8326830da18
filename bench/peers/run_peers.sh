#!/usr/bin/env bash
# Runs dermasim's transport benchmarks and the peers -- the SciPy code (scipy_peers.py) and
# FEniCSx/dolfinx (dolfinx_peers.py) -- back to back on this machine, one thread each
# (OMP_NUM_THREADS=1, one MPI process), and prints one table with the time ratios at equal
# accuracy class (docs/benchmarks.md problems A at 0.1 %, B at 1 % and B at 0.1 %).
# Usage: bench/peers/run_peers.sh BUILD_DIR [OUT_DIR]
#   BUILD_DIR holds bench/transport_bench (cmake --build BUILD_DIR --target transport_bench);
#   OUT_DIR (default: a temporary directory) receives dermasim.json, scipy.json, dolfinx.json.
# The peers run with Debian's /usr/bin/python3 (scripts/install-deps.sh --bench installs
# python3-scipy and python3-dolfinx); dolfinx is skipped, with the reason, when
# `/usr/bin/python3 -c "import dolfinx"` fails. Peers time from grid build to last output,
# imports excluded, median of 3; dermasim's figures are Google Benchmark's (cold = grid built
# and factorized inside the timed loop, as the peers do).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$(mktemp -d)}
mkdir -p "$out"
python=/usr/bin/python3
export OMP_NUM_THREADS=1

if [ ! -x "$build/bench/transport_bench" ]; then
  echo "run_peers: $build/bench/transport_bench not found; build it first:" >&2
  echo "  cmake --build $build --target transport_bench" >&2
  exit 1
fi

echo "run_peers: dermasim (transport_bench)"
"$build/bench/transport_bench" --benchmark_filter='BM_Problem(A_Bdf2|A_Cvode|B_OnePercent_Bdf2_Cold|B_TenthPercent_Bdf2_Cold)' \
  --benchmark_out="$out/dermasim.json" --benchmark_out_format=json > /dev/null

echo "run_peers: SciPy peer ($python scipy_peers.py)"
"$python" "$here/scipy_peers.py" 2> "$out/scipy.json"

rm -f "$out/dolfinx.json"
if reason=$("$python" -c "import dolfinx" 2>&1); then
  echo "run_peers: dolfinx peer ($python dolfinx_peers.py)"
  "$python" "$here/dolfinx_peers.py" 2> "$out/dolfinx.json"
else
  echo "run_peers: dolfinx skipped: '$python -c \"import dolfinx\"' failed: $(printf '%s\n' "$reason" | tail -n 1)"
  echo "           (bash scripts/install-deps.sh --bench installs python3-dolfinx)"
fi

echo
"$python" - "$out/dermasim.json" "$out/scipy.json" "$out/dolfinx.json" <<'PY'
import json, os, sys


def peer_entries(path):
    """The JSON list a peer writes as the last line of its stderr (anything before it is noise)."""
    if not os.path.exists(path):
        return None
    lines = [line for line in open(path).read().splitlines() if line.strip()]
    if not lines:
        raise SystemExit(f"run_peers: {path} is empty (the peer failed?)")
    return {p["name"]: p for p in json.loads(lines[-1])}


ours = {b["name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
scipy, dolfinx = peer_entries(sys.argv[2]), peer_entries(sys.argv[3])
to_ms = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
rows = [("A (0.1 %)", 1e-3, "BM_ProblemA_Bdf2", "A, solve_ivp BDF", "A, P1 + MUMPS BDF2"),
        ("B (1 %), cold", 1e-2, "BM_ProblemB_OnePercent_Bdf2_Cold", "B <= 1 %, FV + splu BDF2 600 s",
         "B <= 1 %, P1 + MUMPS BDF2"),
        ("B (0.1 %), cold", 1e-3, "BM_ProblemB_TenthPercent_Bdf2_Cold", "B <= 0.1 %, FV + splu BDF2 150 s",
         "B <= 0.1 %, P1 + MUMPS BDF2")]


def cell(size, error, ms, limit):
    miss = "" if error <= limit else " (misses!)"
    return f"{size}, {error:.2e}{miss}, {ms:.1f}"


print("| problem | dermasim cells, error, ms | SciPy cells, error, ms | dolfinx unknowns, error, ms "
      "| SciPy / dermasim | dolfinx / dermasim |")
print("|---|---|---|---|---|---|")
for label, limit, mine, theirs, fenics in rows:
    m = ours[mine]
    if m.get("error_occurred"):
        print(f"| {label} | failed: {m.get('error_message', '?')} | | | | |")
        continue
    ms = m["real_time"] * to_ms[m["time_unit"]]
    line = f"| {label} | {cell(int(m['cells']), m['worst_relative_error'], ms, limit)} | "
    p = scipy[theirs]
    ratios = f"{1e3 * p['seconds'] / ms:.1f}x | "
    line += cell(p["cells"], p["worst_relative_error"], 1e3 * p["seconds"], limit) + " | "
    if dolfinx is None:
        line += "skipped | "
        ratios += "- |"
    else:
        f = dolfinx[fenics]
        line += cell(f["cells"], f["worst_relative_error"], 1e3 * f["seconds"], limit) + " | "
        ratios += f"{1e3 * f['seconds'] / ms:.1f}x |"
    print(line + ratios)
print("\nerror = worst relative error over Q at 1, 2, 4, 8, 12, 24 h; ms = wall time, grid build to last "
      "output (dermasim: Google Benchmark mean; peers: median of 3); dolfinx unknowns = P1 vertices.")
PY
echo "run_peers: JSON in $out/"
