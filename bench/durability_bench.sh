#!/usr/bin/env bash
# What durability costs on SQLite: one durable write (POST a comment) under
# load with --sqlite-sync=full (the default: a commit survives power loss)
# and --sqlite-sync=normal (survives a crash of planflow only), on a
# database file on disk (not tmpfs), and writes the table to RESULTS.md.
#   bench/durability_bench.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source bench/lib.sh
duration=${1:-10}
connections=16

bash scripts/setup.sh
bench_packages wrk
bench_binary

work=$(mktemp -d /var/tmp/planflow-durability.XXXXXX)
pid=
cleanup() {
  [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# run SYNC -> "rps p50 p99" for POST /api/v1/plans/ID/comments
run() {
  local sync=$1 db="$work/$1.db" url
  rm -f "$db"*
  echo 'bench passphrase long enough' | $bin user add --db "sqlite://$db" --username admin --role admin --password-stdin >/dev/null
  $bin serve --listen 127.0.0.1:0 --db "sqlite://$db" --sqlite-sync "$sync" --no-access-log \
    >"$work/$sync.out" 2>"$work/$sync.log" &
  pid=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$work/$sync.out" 2>/dev/null && break; sleep 0.1; done
  url=$(grep -o 'http://[^ ]*' "$work/$sync.out")
  local admin agency officer plan
  admin=$(curl -sf -H "Content-Type: application/json" "${url}api/v1/auth/login" -d '{"username":"admin","password":"bench passphrase long enough"}' | json '["token"]')
  agency=$(curl -sf -H "Content-Type: application/json" "${url}api/v1/agencies" -H "Authorization: Bearer $admin" \
    -d '{"province":"TH-96","name_th":"สำนักงานจังหวัดนราธิวาส"}' | json '["id"]')
  curl -sf -H "Content-Type: application/json" "${url}api/v1/users" -H "Authorization: Bearer $admin" \
    -d "{\"username\":\"officer\",\"display_name\":\"officer\",\"password\":\"bench passphrase long enough\",\"agency\":$agency,\"roles\":[{\"role\":\"agency_officer\"}]}" >/dev/null
  officer=$(curl -sf -H "Content-Type: application/json" "${url}api/v1/auth/login" -d '{"username":"officer","password":"bench passphrase long enough"}' | json '["token"]')
  plan=$(curl -sf -H "Content-Type: application/json" "${url}api/v1/plans" -H "Authorization: Bearer $officer" \
    -d "{\"plan_type\":\"anti_corruption_action_plan\",\"title\":\"แผนทดสอบ\",\"province\":\"TH-96\",\"agency\":$agency,\"fiscal_year\":2567}" | json '["id"]')
  cat >"$work/comment.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $officer"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"body":"ความเห็นระหว่างการวัด"}'
LUA
  local out
  out=$(wrk -t2 -c$connections -d"${duration}s" --latency -s "$work/comment.lua" "${url}api/v1/plans/$plan/comments")
  echo "$out" >"$work/wrk-$sync.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  local stored
  stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM plan_comments').fetchone()[0])" "$db")
  to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }'; }
  echo "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out" | to_ms) $(awk '$1=="99%" {print $2}' <<<"$out" | to_ms) $stored"
}

# Not in a subshell: the EXIT trap must see the server's pid if a step fails.
run full >"$work/full.result"
run normal >"$work/normal.result"
read -r full_rps full_p50 full_p99 full_n <"$work/full.result"
read -r normal_rps normal_p50 normal_p99 normal_n <"$work/normal.result"
fs=$(df -T "$work" | awk 'NR==2 {print $2}')

bench/write_section.sh durability <<MD
## Durability: SQLite \`--sqlite-sync=full\` (default) against \`normal\`

Written by \`bench/durability_bench.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(uname -r)); database file on $fs.
\`POST /api/v1/plans/{id}/comments\` (one durable write per request), wrk 2 threads, $connections connections, ${duration} s, $build_kind, access log off.

| --sqlite-sync | requests/s | p50 ms | p99 ms | comments stored |
|---|---:|---:|---:|---:|
| full (default: the WAL is synced at every commit) | $full_rps | $full_p50 | $full_p99 | $full_n |
| normal (synced at checkpoints) | $normal_rps | $normal_p50 | $normal_p99 | $normal_n |

\`full\` is what makes a 2xx mean "on disk" even if the machine loses power; \`normal\` keeps every
acknowledged write across a crash or \`kill -9\` of planflow, but the last commits before a power cut
may be lost. MariaDB needs no switch: InnoDB's default \`innodb_flush_log_at_trx_commit=1\` is durable.
MD
sed -n '/<!-- durability:begin -->/,/<!-- durability:end -->/p' bench/RESULTS.md
