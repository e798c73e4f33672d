#!/usr/bin/env bash
# What the audit log costs on one node: audited writes per second (PUT of an
# agency: the change and its audit entry in one transaction) spread over 64
# entities and all on one entity, on SQLite and on MariaDB, with the binary
# under test and, when given, a binary of the version before (one global
# chain locked by every audited write); then the time `planflow audit verify`
# takes over the log the runs left, and one `planflow audit checkpoint`.
# Writes the table to RESULTS.md.
#   PLANFLOW_BENCH_BIN=build/core/planflow PLANFLOW_BENCH_BEFORE_BIN=/path/to/old/planflow \
#     bench/audit_bench.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source bench/lib.sh
duration=${1:-10}
connections=16
rounds=${PLANFLOW_BENCH_ROUNDS:-2}
entities=64
mysql_port=33398

bash scripts/setup.sh
bench_packages wrk mariadb-server mariadb-client
bench_binary
before_bin=${PLANFLOW_BENCH_BEFORE_BIN:-}

work=$(mktemp -d /var/tmp/planflow-audit-bench.XXXXXX)
pid=
# shellcheck source=../scripts/mariadb.sh
source scripts/mariadb.sh
cleanup() {
  [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  mariadb_stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
PLANFLOW_TEST_MYSQL_PORT=$mysql_port mariadb_start >&2
mysql_cli() { mariadb --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot -N -B "$@"; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }'; }
seconds_of() { local start=$1 end=$2; awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'; }

# A fresh database URL for one run.
fresh_db() {
  local name=$1 backend=$2
  if [[ $backend == sqlite ]]; then
    echo "sqlite://$work/$name.db"
  else
    mysql_cli -e "CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    echo "mysql://planflow:planflow-test@127.0.0.1:$mysql_port/$name"
  fi
}

count_entries() {
  local url=$1 backend=$2 table=$3
  if [[ $backend == sqlite ]]; then
    python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM $table').fetchone()[0])" "${url#sqlite://}"
  else
    mysql_cli "${url##*/}" -e "SELECT COUNT(*) FROM $table"
  fi
}

# wrk_run NAME LUA URL -> "rps p50 p99 non2xx"
wrk_run() {
  local out
  out=$(wrk -t2 -c$connections -d"${duration}s" --latency -s "$2" "$3")
  echo "$out" >"$work/wrk-$1.txt"
  local non2xx
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  echo "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out" | to_ms) $(awk '$1=="99%" {print $2}' <<<"$out" | to_ms) ${non2xx:-0}"
}

# run VERSION BIN BACKEND ROUND: both workloads on one server, then verify (and checkpoint).
run() {
  local version=$1 exe=$2 backend=$3 name="bench_${1}_$3_$4" url key_args=() table=audit_log
  url=$(fresh_db "$name" "$backend")
  # Not grep -q: under pipefail, planflow killed by SIGPIPE would read as "no such flag".
  if $exe --help | grep -- --audit-key-file >/dev/null; then key_args=(--audit-key-file "$work/$name.key"); table=audit_entries; fi
  # SQLite has one writer at a time: more threads only queue on its lock.
  local threads=2
  [[ $backend == mysql ]] && threads=8
  echo 'bench passphrase long enough' | $exe user add --db "$url" --username admin --role admin --password-stdin >/dev/null 2>&1
  # No background pass during the runs: checkpoints are measured on their own below.
  $exe serve --listen 127.0.0.1:0 --db "$url" --threads "$threads" --no-access-log --background-interval 3600 \
    "${key_args[@]}" >"$work/$name.out" 2>"$work/$name.log" &
  pid=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  local base admin
  base=$(grep -o 'http://[^ ]*' "$work/$name.out")
  admin=$(curl -sf -H "Content-Type: application/json" "${base}api/v1/auth/login" \
    -d '{"username":"admin","password":"bench passphrase long enough"}' | json '["token"]')
  local ids=()
  for i in $(seq 1 $entities); do
    ids+=("$(curl -sf -H "Content-Type: application/json" -H "Authorization: Bearer $admin" "${base}api/v1/agencies" \
      -d "{\"province\":\"TH-96\",\"name_th\":\"หน่วยงานทดสอบ $i\"}" | json '["id"]')")
  done
  # Every request rewrites one agency with its own name and a name_en never
  # sent before, so that each is a real change (an UPDATE that changes
  # nothing affects no row on MySQL and would be answered 404).
  local lua_ids
  lua_ids=$(printf '%s,' "${ids[@]}")
  cat >"$work/spread.lua" <<LUA
local ids = {${lua_ids%,}}
local n = 0
local threads = 0
function setup(thread) thread:set("offset", threads); threads = threads + 1 end
function request()
  n = n + 1
  local i = ((n + offset) % #ids) + 1
  local body = '{"province":"TH-96","name_th":"หน่วยงานทดสอบ ' .. i .. '","name_en":"' .. offset .. '-' .. n .. '"}'
  return wrk.format("PUT", "/api/v1/agencies/" .. ids[i],
    {["Authorization"] = "Bearer $admin", ["Content-Type"] = "application/json"}, body)
end
LUA
  cat >"$work/one.lua" <<LUA
local n = 0
local threads = 0
function setup(thread) thread:set("offset", threads); threads = threads + 1 end
function request()
  n = n + 1
  local body = '{"province":"TH-96","name_th":"หน่วยงานทดสอบ 1","name_en":"' .. offset .. '-' .. n .. '"}'
  return wrk.format("PUT", "/api/v1/agencies/${ids[0]}",
    {["Authorization"] = "Bearer $admin", ["Content-Type"] = "application/json"}, body)
end
LUA
  local spread one
  spread=$(wrk_run "$name-spread" "$work/spread.lua" "${base}api/v1/agencies/${ids[0]}")
  one=$(wrk_run "$name-one" "$work/one.lua" "${base}api/v1/agencies/${ids[0]}")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  local entries start end verify_s verify_ok checkpoint_s="—"
  entries=$(count_entries "$url" "$backend" "$table")
  if ((${#key_args[@]})); then
    start=$(date +%s.%N)
    $exe audit checkpoint --db "$url" "${key_args[@]}" --log-level error >/dev/null
    end=$(date +%s.%N)
    checkpoint_s=$(seconds_of "$start" "$end")
  fi
  start=$(date +%s.%N)
  if $exe audit verify --db "$url" "${key_args[@]}" --log-level error >"$work/$name.verify"; then verify_ok=intact; else verify_ok=BROKEN; fi
  end=$(date +%s.%N)
  verify_s=$(seconds_of "$start" "$end")
  echo "$version $backend $threads $spread $one $entries $verify_s $verify_ok $checkpoint_s"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/results"
# Before and after alternate, so that a burst of other work on the machine
# falls on both.
for backend in sqlite mysql; do
  for round in $(seq 1 "$rounds"); do
    [[ -n "$before_bin" ]] && run before "$before_bin" "$backend" "$round" >>"$work/results"
    run after "$bin" "$backend" "$round" >>"$work/results"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
mariadb_version=$(mysql_cli -e 'SELECT VERSION()' | cut -d- -f1)

rows=$(while read -r version backend threads s_rps s_p50 s_p99 s_bad o_rps o_p50 o_p99 o_bad entries verify_s verify_ok checkpoint_s; do
  case $backend in sqlite) db="SQLite $(sqlite3 --version | cut -d' ' -f1)" ;; mysql) db="MariaDB $mariadb_version" ;; esac
  case $version in before) what="before: one global chain" ;; after) what="after: a chain per entity" ;; esac
  echo "| $db | $what | $threads | $s_rps | $s_p50 | $s_p99 | $o_rps | $o_p50 | $o_p99 | $((s_bad + o_bad)) | $entries | $verify_s ($verify_ok) | $checkpoint_s |"
done <"$work/results")
fs=$(df -T "$work" | awk 'NR==2 {print $2}')

bench/write_section.sh audit <<MD
## Audit log: audited writes on one node

Written by \`bench/audit_bench.sh $duration\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(uname -r)); $build_kind${before_bin:+, before: $before_bin}.
Load average (1/5/15 min) before the runs $load_before, after them $load_after.
\`PUT /api/v1/agencies/{id}\` (the change and its audit entry in one transaction), wrk 2 threads, $connections connections,
${duration} s per workload, $rounds rounds (before and after alternating), \`planflow serve --threads N --no-access-log\`; SQLite file on $fs
(\`--sqlite-sync full\`), MariaDB throwaway (\`scripts/mariadb.sh\`: datadir in /dev/shm,
\`innodb_flush_log_at_trx_commit=2\`) reached over TCP on loopback. "spread": each request one of $entities agencies in turn;
"one": every request the same agency. verify and checkpoint: \`planflow audit verify|checkpoint\` over the log both runs left
(with the ~$entities set-up entries), wall time including the process start.

| database | version | threads | spread req/s | p50 ms | p99 ms | one entity req/s | p50 ms | p99 ms | non-2xx | entries | verify s | checkpoint s |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$rows

The machine has 2 cores shared by wrk, planflow, the database and whatever else runs (other engineers' builds
and tests): compare rows of one run, not runs of different days.
MD
sed -n '/<!-- audit:begin -->/,/<!-- audit:end -->/p' bench/RESULTS.md
