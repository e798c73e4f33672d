#!/usr/bin/env bash
# Builds the importers' libFuzzer targets with clang and runs each for a short
# time (seconds per target: first argument, default 30), starting from the
# seed documents. A crash, a leak or an ASan report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build_dir=${PLANFLOW_FUZZ_BUILD_DIR:-build-fuzz}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  CXX=clang++ CC=clang cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPLANFLOW_FUZZ=ON -DPLANFLOW_BUILD_TESTS=OFF >/dev/null
fi
targets=$(cd "$build_dir" && ninja -t targets all | cut -d: -f1 | grep -E '^[a-z_]+_fuzzer$' | grep -v '^cmake_' | sort -u)
[[ -n "$targets" ]] || { echo "fuzz: no fuzz targets"; exit 1; }
cmake --build "$build_dir" -j 2 --target $targets
corpus=$(mktemp -d /tmp/planflow-fuzz.XXXXXX)
trap 'rm -rf "$corpus"' EXIT
for target in $targets; do
  mkdir -p "$corpus/$target"
  cp tests/fixtures/seeds/*.txt "$corpus/$target/"
  binary=$(find "$build_dir" -name "$target" -type f -executable | head -n 1)
  echo "fuzz: $target for ${seconds}s"
  "$binary" -max_total_time="$seconds" -max_len=200000 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus/$target" 2>&1 | tail -n 12
done
echo "fuzz: every target ran ${seconds}s without a crash"
