#!/usr/bin/env bash
# Renders node.cnf.in for the nodes of a 3-node cluster on one host.
#   deploy/galera/render.sh [DIR [BASE_PORT [USER [OUT_DIR]]]]
# Writes nodeN.cnf into OUT_DIR (default: beside this script) with node N's
# datadir under DIR/nodeN
# and ports BASE+100+N (SQL), BASE+200+N (group communication), BASE+300+N
# (IST), BASE+400+N (SST). The defaults give the committed examples, which
# the cluster tests check against their own rendering of the template.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-/var/lib/planflow-galera}
base=${2:-24000}
user=${3:-mysql}
out=${4:-$here}
members=
for n in 1 2 3; do members+="${members:+,}127.0.0.1:$((base + 200 + n))"; done
for n in 1 2 3; do
  sed -e "s|@NODE@|$n|g" -e "s|@USER@|$user|g" -e "s|@DIR@|$dir/node$n|g" \
      -e "s|@SQL_PORT@|$((base + 100 + n))|g" -e "s|@GCOMM_PORT@|$((base + 200 + n))|g" \
      -e "s|@IST_PORT@|$((base + 300 + n))|g" -e "s|@SST_PORT@|$((base + 400 + n))|g" \
      -e "s|@CLUSTER_ADDRESS@|$members|g" "$here/node.cnf.in" >"$out/node$n.cnf"
done
