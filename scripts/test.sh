#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, starts a throwaway
# MariaDB on loopback and runs every test against it and against SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/build.sh -DPLANFLOW_WERROR=ON

source scripts/mariadb.sh
trap mariadb_stop EXIT
mariadb_start

ctest --test-dir build --output-on-failure -j2 --timeout 300
