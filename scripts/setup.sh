#!/usr/bin/env bash
# Installs the Debian packages planflow needs to build, run and test; does nothing
# when they are all present, so both README commands can call it on every run.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  # Boost 1.81 only: unversioned libboost-*-dev would pull 1.74 and conflict.
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libboost-program-options1.81-dev
  libsoci-dev libsqlite3-dev libmariadb-dev
  libsodium-dev libgtest-dev libxlsxwriter-dev libfmt-dev libcurl4-openssl-dev libzip-dev
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(mariadb-server mariadb-client sqlite3 python3 python3-openpyxl
             chromium fonts-thai-tlwg clang
             # scripts/lint.sh: the formatting and static checks
             clang-format clang-tidy
             # the cluster tests' throwaway Galera cluster (SST by rsync), and its balancer
             galera-4 rsync haproxy)
  # The machine image ships Node.js with npm; Debian's nodejs conflicts with it.
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then sudo=sudo; else sudo=; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # policy-rc.d keeps apt from starting mariadb on 3306 behind our back.
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The contract check's npm packages (a no-op when already installed as locked).
if [[ "${1:-}" == "--test" ]]; then
  bash "$(dirname "$0")/contract.sh" install
fi
