#!/usr/bin/env bash
# planflow on one MariaDB node and on a 3-node Galera cluster, same clients:
# audited writes per second (PUT of an agency: the change and its audit
# entry in one transaction) on one standalone node, on Galera through one
# instance (one writer node) and through three instances at once (every node
# writing); then reads (GET of a plan) through 1, 2 and 3 instances. The
# nodes are deploy/galera/node.cnf.in rendered into a scratch directory (the
# standalone node is node 1's config with wsrep off), so only replication
# differs. Writes the table to RESULTS.md.
#   PLANFLOW_BENCH_BIN=build/core/planflow bench/galera_bench.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source bench/lib.sh
duration=${1:-10}
connections=24  # split evenly over the instances of a run
agencies=96
base_port=25000  # the cluster tests use 24000

bash scripts/setup.sh --test >/dev/null
bench_packages wrk
bench_binary

work=$(mktemp -d /dev/shm/planflow-galera-bench.XXXXXX)
chown mysql:mysql "$work"
declare -A node_pid=()
server_pids=()
stop_servers() {
  local p
  for p in "${server_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  server_pids=()
}
stop_nodes() {
  local n
  for n in 3 2 1 0; do
    [[ -n "${node_pid[$n]:-}" ]] || continue
    kill "${node_pid[$n]}" 2>/dev/null || true
    while kill -0 "${node_pid[$n]}" 2>/dev/null; do sleep 0.1; done
    unset "node_pid[$n]"
  done
}
tail_pid=
cleanup() {
  stop_servers; stop_nodes
  [[ -n "$tail_pid" ]] && kill "$tail_pid" 2>/dev/null
  [[ -n "${PLANFLOW_BENCH_KEEP:-}" ]] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

bash deploy/galera/render.sh "$work" "$base_port" mysql "$work"
sock() { echo "$work/node$1/mysqld.sock"; }
sql() { local n=$1; shift; mariadb --no-defaults --socket="$(sock "$n")" -uroot -N -B "$@"; }
status_of() { sql "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" | cut -f2; }
wait_synced() {
  for _ in $(seq 1 600); do
    [[ "$(status_of "$1" wsrep_local_state_comment 2>/dev/null)" == Synced ]] && return 0
    sleep 0.1
  done
  echo "node $1 did not sync" >&2; tail -20 "$work/node$1/error.log" >&2; return 1
}
wait_answers() {
  for _ in $(seq 1 300); do mariadb-admin --no-defaults --socket="$(sock "$1")" -uroot ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "node $1 did not start" >&2; tail -20 "$work/node$1/error.log" >&2; return 1
}
# start_node N EXTRA...: mariadbd as mysql (the SST rsync must write the datadir)
start_node() {
  local n=$1; shift
  mkdir -p "$work/node$n/data"; chown -R mysql:mysql "$work/node$n"
  mariadbd --defaults-file="$work/node$n.cnf" "$@" >"$work/node$n/stdout.log" 2>&1 &
  node_pid[$n]=$!
}
grant_planflow() {
  sql "$1" -e "CREATE USER IF NOT EXISTS 'planflow'@'127.0.0.1' IDENTIFIED BY 'planflow-bench';
               GRANT ALL PRIVILEGES ON *.* TO 'planflow'@'127.0.0.1';"
}
# Node 0, the standalone one, listens where node 1 does (they never run together).
url_of() { echo "mysql://planflow:planflow-bench@127.0.0.1:$((base_port + 100 + ($1 == 0 ? 1 : $1)))/$2"; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }'; }

# serve N DB: one instance on node N; sets $served (its base URL). Not run
# in $(...): the PID must reach this shell's server_pids.
serve() {
  local n=$1 db=$2 name="serve-$1-$2-${#server_pids[@]}"
  "$bin" serve --listen 127.0.0.1:0 --db "$(url_of "$n" "$db")" --threads 8 --no-access-log \
    --background-interval 3600 --audit-key-file "$work/audit.key" >"$work/$name.out" 2>"$work/$name.log" &
  server_pids+=($!)
  for _ in $(seq 1 200); do grep -q "listening on" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  served=$(grep -o 'http://[^ ]*' "$work/$name.out")
}

# prepare DB NODE: a database with an admin, $agencies agencies and one plan;
# sets $token, $ids, $plan.
prepare() {
  local db=$1 n=$2 base
  sql "$n" -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  "$bin" migrate --db "$(url_of "$n" "$db")" --log-level error
  echo 'bench passphrase long enough' | "$bin" user add --db "$(url_of "$n" "$db")" --username admin --role admin \
    --password-stdin >/dev/null 2>&1
  serve "$n" "$db"; base=$served
  token=$(curl -sf -H "Content-Type: application/json" "${base}api/v1/auth/login" \
    -d '{"username":"admin","password":"bench passphrase long enough"}' | json '["token"]')
  ids=()
  for i in $(seq 1 $agencies); do
    ids+=("$(curl -sf -H "Content-Type: application/json" -H "Authorization: Bearer $token" "${base}api/v1/agencies" \
      -d "{\"province\":\"TH-96\",\"name_th\":\"หน่วยงานทดสอบ $i\"}" | json '["id"]')")
  done
  stop_servers
}

# Each request rewrites one agency with a name_en never sent before, so that
# each is a real change; instance k of m starts its cycle at its own offset.
write_lua() {
  local lua_ids k=$1
  lua_ids=$(printf '%s,' "${ids[@]}")
  cat >"$work/write-$k.lua" <<LUA
local ids = {${lua_ids%,}}
local n = 0
local threads = 0
function setup(thread) thread:set("offset", threads * 7 + $k * 31); threads = threads + 1 end
function request()
  n = n + 1
  local i = ((n + offset) % #ids) + 1
  local body = '{"province":"TH-96","name_th":"หน่วยงานทดสอบ ' .. i .. '","name_en":"$k-' .. offset .. '-' .. n .. '"}'
  return wrk.format("PUT", "/api/v1/agencies/" .. ids[i],
    {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
LUA
}
read_lua() {
  cat >"$work/read.lua" <<LUA
function request()
  return wrk.format("GET", "/api/v1/agencies/${ids[0]}", {["Authorization"] = "Bearer $token"})
end
LUA
}

# load NAME KIND URL...: wrk at every URL at once, connections split; prints
# "req/s p50 p99 non2xx" (req/s and non-2xx summed, latencies of the worst).
load() {
  local name=$1 kind=$2; shift 2
  local m=$# k=0 per=$((connections / $#)) wpids=()
  for u in "$@"; do
    local script="$work/read.lua"
    [[ $kind == write ]] && { write_lua "$k"; script="$work/write-$k.lua"; }
    wrk -t1 -c"$per" -d"${duration}s" --latency -s "$script" "$u" >"$work/wrk-$name-$k.txt" &
    wpids+=($!)
    k=$((k + 1))
  done
  wait "${wpids[@]}"
  local rps=0 p50=0 p99=0 bad=0 f
  for f in "$work"/wrk-"$name"-*.txt; do
    rps=$(awk -v a="$rps" '/^Requests\/sec:/ {printf "%.0f", a + $2}' "$f")
    p50=$(awk '$1=="50%" {print $2}' "$f" | to_ms | awk -v a="$p50" '{print ($1 > a ? $1 : a)}')
    p99=$(awk '$1=="99%" {print $2}' "$f" | to_ms | awk -v a="$p99" '{print ($1 > a ? $1 : a)}')
    bad=$((bad + $(awk '/Non-2xx or 3xx responses:/ {print $5}' "$f" | grep . || echo 0)))
  done
  echo "$rps $p50 $p99 $bad $m"
}

audit_count() { sql "$1" "$2" -e "SELECT COUNT(*) FROM audit_entries"; }
# Each node counts the writesets it originated: the cluster's total is the sum.
replicated() { local n sum=0; for n in 1 2 3; do sum=$((sum + $(status_of "$n" wsrep_replicated_bytes))); done; echo "$sum"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/results"
tail -f "$work/results" >&2 &  # progress: each row as it is measured
tail_pid=$!

# 1. One standalone node: node 1's config with replication off.
mkdir -p "$work/node0"
sed -e "s|$work/node1|$work/node0|g" -e "s|^wsrep_on=ON|wsrep_on=OFF|" "$work/node1.cnf" >"$work/node0.cnf"
mkdir -p "$work/node0/data"; chown -R mysql:mysql "$work/node0"
mariadb-install-db --defaults-file="$work/node0.cnf" --user=mysql --auth-root-authentication-method=normal \
  --skip-test-db >"$work/node0-install.log" 2>&1
start_node 0
wait_answers 0
grant_planflow 0
prepare bench_single 0
serve 0 bench_single; u0=$served
before=$(audit_count 0 bench_single)
echo "write single $(load single-write write "${u0}api/v1/agencies/${ids[0]}") $(( $(audit_count 0 bench_single) - before ))" >>"$work/results"
read_lua
echo "read single $(load single-read read "${u0}api/v1/agencies/${ids[0]}") -" >>"$work/results"
stop_servers
stop_nodes

# 2. The cluster: node 1 bootstraps, 2 and 3 join by SST.
mkdir -p "$work/node1/data"; chown -R mysql:mysql "$work/node1"
mariadb-install-db --defaults-file="$work/node1.cnf" --user=mysql --auth-root-authentication-method=normal \
  --skip-test-db >"$work/node1-install.log" 2>&1
start_node 1 --wsrep-new-cluster
wait_synced 1
start_node 2
start_node 3
wait_synced 2
wait_synced 3
grant_planflow 1
prepare bench_galera 1
urls=()
for n in 1 2 3; do serve "$n" bench_galera; urls+=("${served}api/v1/agencies/${ids[0]}"); done
before=$(audit_count 2 bench_galera); first=$before; bytes_before=$(replicated)
echo "write galera-one $(load galera-one write "${urls[0]}") $(( $(audit_count 2 bench_galera) - before ))" >>"$work/results"
before=$(audit_count 2 bench_galera)
echo "write galera-all $(load galera-all write "${urls[@]}") $(( $(audit_count 2 bench_galera) - before ))" >>"$work/results"
bytes_per_write=$(awk -v b="$(( $(replicated) - bytes_before ))" -v n="$(( $(audit_count 2 bench_galera) - first ))" 'BEGIN { printf "%.0f", b / n }')
read_lua
echo "read galera-1 $(load galera-read-1 read "${urls[0]}") -" >>"$work/results"
echo "read galera-2 $(load galera-read-2 read "${urls[0]}" "${urls[1]}") -" >>"$work/results"
echo "read galera-3 $(load galera-read-3 read "${urls[@]}") -" >>"$work/results"
rss=$(for p in "${server_pids[@]}"; do ps -o rss= -p "$p"; done | awk '{s += $1; n++} END {printf "%.0f", s / n / 1024}')
node_rss=$(for n in 1 2 3; do ps -o rss= -p "${node_pid[$n]}"; done | awk '{s += $1; n++} END {printf "%.0f", s / n / 1024}')
checksums=$(for n in 1 2 3; do sql "$n" bench_galera -e "CHECKSUM TABLE audit_entries, agencies" | cut -f2 | tr '\n' ' '; done)
stop_servers
verify=$("$bin" audit verify --db "$(url_of 3 bench_galera)" --audit-key-file "$work/audit.key" --log-level error | tail -1)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
mariadb_version=$(sql 1 -e 'SELECT VERSION()' | cut -d- -f1)
galera_version=$(status_of 1 wsrep_provider_version)

rows=$(while read -r kind where rps p50 p99 bad instances entries; do
  case $where in
    single) what="one node, no replication" ;;
    galera-one) what="Galera, 3 nodes, all writes through one instance and node" ;;
    galera-all) what="Galera, 3 nodes, one instance per node, all writing" ;;
    galera-*) what="Galera, reads through ${where#galera-} instance(s)" ;;
  esac
  echo "| $kind | $what | $instances | $rps | $p50 | $p99 | $bad | $entries |"
done <"$work/results")

bench/write_section.sh galera <<MD
## Galera: audited writes and reads, one node against three

Written by \`bench/galera_bench.sh $duration\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(uname -r)); $build_kind;
MariaDB $mariadb_version, Galera $galera_version. Load average (1/5/15 min) before $load_before, after $load_after.
Nodes from \`deploy/galera/node.cnf.in\` (datadirs in /dev/shm, default InnoDB durability); the one-node row is node 1's
config with \`wsrep_on=OFF\`. wrk, $connections connections in all, split evenly over the instances of a row, ${duration} s
per row, one run; \`planflow serve --threads 8 --no-access-log\`. Writes: \`PUT /api/v1/agencies/{id}\` cycling over
$agencies agencies (each instance from its own offset), the change and its entry in the agency's audit chain in one
transaction. Reads: \`GET /api/v1/agencies/{id}\`. "entries" counts the audit entries the row added (each 2xx write is one).

| kind | setup | instances | req/s | p50 ms | p99 ms | non-2xx | audit entries |
|---|---|---:|---:|---:|---:|---:|---:|
$rows

After the runs: every node's \`CHECKSUM TABLE audit_entries, agencies\`: $checksums(node 1, 2, 3);
\`planflow audit verify\` through node 3: $verify. About $bytes_per_write bytes replicated per audited write
(\`wsrep_replicated_bytes\`), so a \`gcache.size\` of 32 MB holds the last ~$(( 32 * 1024 * 1024 / (bytes_per_write > 0 ? bytes_per_write : 1) )) writes: a node away
for fewer writes than that rejoins by IST. Memory after the runs: ${rss} MB per planflow instance, ${node_rss} MB per node (RSS).
MD
sed -n '/<!-- galera:begin -->/,/<!-- galera:end -->/p' bench/RESULTS.md
