#!/usr/bin/env bash
# Installs the web interface's npm packages (exactly as package-lock.json
# records them) and builds it into build/web, where `planflow serve` finds it.
# Both steps are skipped when nothing changed, so a second run is instant.
set -euo pipefail
cd "$(dirname "$0")/../web"
out=${PLANFLOW_WEB_OUT:-$PWD/../build/web}

stamp=node_modules/.planflow-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

newest_source=$(find src public index.html vite.config.ts package-lock.json -type f -newer "$out/index.html" 2>/dev/null | head -1 || true)
if [[ ! -f $out/index.html || -n $newest_source ]]; then
  PLANFLOW_WEB_OUT=$out npx vite build --logLevel warn
  echo "web interface built into $out"
fi
