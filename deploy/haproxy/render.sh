#!/usr/bin/env bash
# Renders haproxy.cfg.in for three planflow instances on this host.
#   deploy/haproxy/render.sh [LISTEN_PORT [STATS_PORT [INSTANCE_PORT_1 INSTANCE_PORT_2 INSTANCE_PORT_3 [BIND_ADDRESS]]]]
# Writes haproxy.cfg beside this script. The defaults (8080, 8404, 8081-8083,
# 127.0.0.1) give the committed example, which the cluster tests check
# against their own rendering of the template.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
listen=${1:-8080}
stats=${2:-8404}
p1=${3:-8081}
p2=${4:-8082}
p3=${5:-8083}
bind=${6:-127.0.0.1}
sed -e "s|@BIND_ADDRESS@|$bind|g" -e "s|@LISTEN_PORT@|$listen|g" -e "s|@STATS_PORT@|$stats|g" \
    -e "s|@INSTANCE1_PORT@|$p1|g" -e "s|@INSTANCE2_PORT@|$p2|g" -e "s|@INSTANCE3_PORT@|$p3|g" \
    "$here/haproxy.cfg.in" >"$here/haproxy.cfg"
