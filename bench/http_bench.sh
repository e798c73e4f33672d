#!/usr/bin/env bash
# Measures planflow's GET /healthz and a database-backed JSON read
# (GET /api/v1/provinces/TH-96, served from SQLite) with wrk on loopback, next
# to nginx serving static files of the same sizes in the same run, and writes
# the ratios, latency percentiles and the server's peak memory to RESULTS.md.
#   bench/http_bench.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
threads=2
connections=64
nginx_port=18080

bash scripts/setup.sh
missing=()
for p in wrk nginx-light; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if ((${#missing[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PLANFLOW_BUILD_DIR=build-release bash scripts/build.sh -DCMAKE_BUILD_TYPE=Release -DPLANFLOW_BUILD_TESTS=OFF >/dev/null

work=$(mktemp -d /tmp/planflow-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# planflow on a fresh SQLite database; access log on and written to a file, as in production.
./build-release/core/planflow serve --listen 127.0.0.1:0 --db "sqlite://$work/bench.db" \
  >"$work/planflow.out" 2>"$work/planflow.log" &
planflow_pid=$!
pids+=("$planflow_pid")
for _ in $(seq 1 100); do grep -q "listening on" "$work/planflow.out" 2>/dev/null && break; sleep 0.1; done
planflow_url=$(grep -o 'http://[^ ]*' "$work/planflow.out")

# nginx serves byte-for-byte copies of the two planflow responses.
mkdir -p "$work/www"
curl -sf "${planflow_url}healthz" >"$work/www/healthz.json"
curl -sf "${planflow_url}api/v1/provinces/TH-96" >"$work/www/province.json"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
NGINX
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=("$!")
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$nginx_port/healthz.json" >/dev/null && break; sleep 0.1; done

# run NAME URL -> "rps p50 p90 p99" (latencies in ms)
run() {
  local out
  out=$(wrk -t$threads -c$connections -d"${duration}s" --latency "$2")
  echo "$out" >"$work/wrk-$1.txt"
  local rps p50 p90 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }'; }
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
  p90=$(awk '$1=="90%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
  echo "$rps $p50 $p90 $p99"
}

# Warm-up, then the four measured runs.
wrk -t$threads -c$connections -d2s "${planflow_url}api/v1/provinces/TH-96" >/dev/null
read -r ng_small_rps ng_small_p50 ng_small_p90 ng_small_p99 < <(run nginx-healthz "http://127.0.0.1:$nginx_port/healthz.json")
read -r pf_health_rps pf_health_p50 pf_health_p90 pf_health_p99 < <(run planflow-healthz "${planflow_url}healthz")
read -r ng_json_rps ng_json_p50 ng_json_p90 ng_json_p99 < <(run nginx-province "http://127.0.0.1:$nginx_port/province.json")
read -r pf_json_rps pf_json_p50 pf_json_p90 pf_json_p99 < <(run planflow-province "${planflow_url}api/v1/provinces/TH-96")
peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$planflow_pid/status")
requests_logged=$(grep -c '"msg":"request"' "$work/planflow.log" || true)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
health_ratio=$(ratio "$pf_health_rps" "$ng_small_rps")
json_ratio=$(ratio "$pf_json_rps" "$ng_json_rps")
verdict() { awk -v r="$1" -v min="$2" -v p99="$3" 'BEGIN { print (r >= min && p99 < 10) ? "met" : "NOT met" }'; }

bench/write_section.sh http <<MD
## HTTP: planflow next to nginx

Written by \`bench/http_bench.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)).
wrk $threads threads, $connections connections, ${duration} s per run, keep-alive, on loopback; wrk shares the two cores with the server.
planflow: Release build, default threads (1 I/O, one worker per core), SQLite (WAL), access log on (one JSON line per request, written to a file).
nginx $(nginx -v 2>&1 | sed 's/.*\///'): 1 worker, access log off, serving byte-identical copies of planflow's responses.

| endpoint | server | requests/s | p50 ms | p90 ms | p99 ms | planflow / nginx |
|---|---|---:|---:|---:|---:|---:|
| \`GET /healthz\` ($(stat -c %s "$work/www/healthz.json") B) | nginx (static file) | $ng_small_rps | $ng_small_p50 | $ng_small_p90 | $ng_small_p99 | |
| | planflow | $pf_health_rps | $pf_health_p50 | $pf_health_p90 | $pf_health_p99 | **$health_ratio** |
| \`GET /api/v1/provinces/TH-96\` ($(stat -c %s "$work/www/province.json") B, from the database) | nginx (static file) | $ng_json_rps | $ng_json_p50 | $ng_json_p90 | $ng_json_p99 | |
| | planflow | $pf_json_rps | $pf_json_p50 | $pf_json_p90 | $pf_json_p99 | **$json_ratio** |

Peak resident memory of planflow over the whole run (VmHWM): **$((peak_kb / 1024)) MiB** ($peak_kb kB); access-log lines written: $requests_logged.

Targets (issue 2): \`/healthz\` at least as many requests/s as nginx — $(verdict "$health_ratio" 1.0 "$pf_health_p99");
the database-backed read at least half of nginx — $(verdict "$json_ratio" 0.5 "$pf_json_p99"); p99 under 10 ms at $connections connections (checked in both verdicts).
MD
sed -n '/<!-- http:begin -->/,/<!-- http:end -->/p' bench/RESULTS.md
