#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, fuzzes the plan
# importers briefly, checks the formatting and runs clang-tidy (scripts/lint.sh),
# starts a throwaway MariaDB on loopback and runs every test against it and
# against SQLite, checks every answer those tests got against api/openapi.json
# and lints the document, then the web interface's tests: unit tests and the
# browser story in Debian's Chromium against a real planflow. Each runner prints its own closing summary; the exit status is the worst.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/build.sh -DPLANFLOW_WERROR=ON

# A short fuzz run proves no input crashes the importers (longer runs: scripts/fuzz.sh 600).
bash scripts/fuzz.sh "${PLANFLOW_FUZZ_SECONDS:-20}"

status=0
# Formatting and clang-tidy (.clang-format, .clang-tidy) over the whole tree.
bash scripts/lint.sh || status=$?

source scripts/mariadb.sh
trap mariadb_stop EXIT
mariadb_start

# Every test process records its exchanges with planflow here (one file each),
# for the contract check after the run.
rm -rf build/contract && mkdir -p build/contract
PLANFLOW_CONTRACT_DIR=$PWD/build/contract ctest --test-dir build --output-on-failure -j2 --timeout 300 || status=$?
bash scripts/contract.sh check build/contract || status=$?

# Screenshots of the main pages land in build/web-artifacts/screenshots/<test file>/.
rm -rf build/web-artifacts
(cd web && npx vitest run) || status=$?
exit $status
