#!/usr/bin/env bash
# Installs every Debian package that dermasim's build, tests and benchmarks need
# (with --bench, the benchmark peers too).
# Idempotent: packages already present are skipped, so `make run` / `make test` may call it
# every time. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libsundials-dev libsuitesparse-dev libeigen3-dev libical-dev libnlopt-cxx-dev
  libgtest-dev libgmock-dev libbenchmark-dev python3-scipy
  clang-16 libclang-rt-16-dev libomp-16-dev
  openmpi-bin libopenmpi-dev
)
# `--bench`: also the benchmark peers (bench/peers/): FEniCSx/dolfinx for Debian's own
# interpreter /usr/bin/python3 (SciPy is above).
if [ "${1:-}" = "--bench" ]; then packages+=(python3-dolfinx); fi
# `--lint`: clang-tidy 16 (14 cannot parse std::source_location with GCC 12's library).
if [ "${1:-}" = "--lint" ]; then packages+=(clang-tidy-16); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
