#!/usr/bin/env bash
# The API contract check (tests/contract): `install` installs its npm packages
# exactly as package-lock.json records them (skipped when nothing changed);
# `check DIR` proves the checker can fail (its self-test), checks every
# exchange the tests recorded in DIR against api/openapi.json, and lints the
# document with Redocly. Each prints its summary; the exit status is the worst.
set -euo pipefail
# DIR is named from where the script was called.
[[ "${1:-}" == check && -n "${2:-}" ]] && set -- check "$(realpath "$2")"
cd "$(dirname "$0")/../tests/contract"

install() {
  local stamp=node_modules/.planflow-lock
  if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
}

case "${1:-}" in
  install) install ;;
  check)
    [[ -n "${2:-}" ]] || { echo "usage: scripts/contract.sh check DIR" >&2; exit 2; }
    install
    status=0
    node --test --test-reporter=spec self-test.mjs || status=$?
    node validate.mjs "$2" || status=$?
    # The CLI phones home and checks for updates unless told not to.
    REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
      npx --no-install redocly lint --config redocly.yaml --format=summary ../../api/openapi.json || status=$?
    exit $status
    ;;
  *) echo "usage: scripts/contract.sh install | check DIR" >&2; exit 2 ;;
esac
