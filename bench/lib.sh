# What the benchmarks share; sourced from the repository's root.

# bench_packages PKG...: installs the Debian packages that are missing.
bench_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null
  done
}

# bench_binary: sets $bin to the planflow under test and $build_kind to what
# it is. PLANFLOW_BENCH_BIN reuses a binary already built (say
# build/core/planflow); otherwise a Release build in build-release.
bench_binary() {
  bin=${PLANFLOW_BENCH_BIN:-}
  build_kind="Release build"
  if [[ -z "$bin" ]]; then
    PLANFLOW_BUILD_DIR=build-release bash scripts/build.sh -DCMAKE_BUILD_TYPE=Release -DPLANFLOW_BUILD_TESTS=OFF >/dev/null
    bin=./build-release/core/planflow
  else
    build_kind="binary $bin"
  fi
}
