#!/usr/bin/env bash
# Installs what is missing, builds, and runs planflow on the embedded SQLite
# database under ./var/. Extra arguments go to `planflow serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
mkdir -p var
exec ./build/core/planflow serve --db "sqlite://./var/planflow.db" "$@"
