#!/usr/bin/env bash
# Configures (once) and builds planflow into ./build. Extra arguments go to
# the CMake configure step, e.g. scripts/build.sh -DPLANFLOW_SANITIZE=address,undefined
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${PLANFLOW_BUILD_DIR:-build}
if [[ ! -f "$build_dir/build.ninja" || $# -gt 0 ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
fi
# Two jobs: each Beast translation unit needs close to 1 GB and the machine has 2 cores.
cmake --build "$build_dir" -j "${PLANFLOW_JOBS:-2}"
# The browser interface, served by planflow from <build>/web.
mkdir -p "$build_dir"
PLANFLOW_WEB_OUT="$(cd "$build_dir" && pwd)/web" bash scripts/web.sh
