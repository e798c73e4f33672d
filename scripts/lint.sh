#!/usr/bin/env bash
# Checks the C++ sources: clang-format (.clang-format; `scripts/lint.sh
# --fix` reformats instead) and clang-tidy (.clang-tidy) on every
# translation unit of the build (run scripts/build.sh first; it writes
# build/compile_commands.json). Prints what it finds and a closing line.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${PLANFLOW_BUILD_DIR:-build}
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' ':!:web/**')

if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${sources[@]}"
  echo "lint: formatted ${#sources[@]} files"
  exit 0
fi

status=0
if ! clang-format --dry-run -Werror "${sources[@]}"; then
  echo "lint: clang-format would change the files above; run scripts/lint.sh --fix" >&2
  status=1
fi

# The project's own translation units; generated ones (embedded SQL, the
# catalog, the header checks) are the build's.
mapfile -t units < <(git ls-files '*.cpp' ':!:web/**' | sed "s|^|$PWD/|")
if ! run-clang-tidy -quiet -p "$build_dir" -j "${PLANFLOW_JOBS:-2}" "${units[@]}" > "$build_dir/clang-tidy.log" 2>&1; then
  grep -E "(warning|error):" "$build_dir/clang-tidy.log" | sort -u >&2 || cat "$build_dir/clang-tidy.log" >&2
  echo "lint: clang-tidy found the problems above" >&2
  status=1
fi
echo "lint: ${#sources[@]} files formatted as .clang-format says, ${#units[@]} translation units through clang-tidy: $([[ $status == 0 ]] && echo clean || echo problems)"
exit $status
