#!/usr/bin/env bash
# Measures the quarterly report endpoint on a national data set (77 provinces
# x 2 plan types x 150 activities x 4 quarters, bench/generate_national.py),
# on SQLite and on a throwaway MariaDB: one province (TH-96) and the national
# roll-up, for quarter 2 and for the whole year, plus the provincial csv and
# xlsx; writes the medians and p95s to bench/RESULTS.md (section "reports").
#   bench/report_bench.sh [runs]      (default 30 timed requests per endpoint)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
warmup=3
format_runs=5
fiscal_year=2567
province=TH-96
activities=150
mysql_port=33399
provincial_target_ms=50
national_target_ms=1000
password='bench-password-123'
py=/usr/bin/python3

bash scripts/setup.sh
missing=()
for p in mariadb-server mariadb-client sqlite3 curl python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PLANFLOW_BUILD_DIR=build-release bash scripts/build.sh -DCMAKE_BUILD_TYPE=Release -DPLANFLOW_BUILD_TESTS=OFF >/dev/null
planflow=./build-release/core/planflow

work=$(mktemp -d /tmp/planflow-report-bench.XXXXXX)
server_pid=
# shellcheck source=../scripts/mariadb.sh
source scripts/mariadb.sh
stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
cleanup() {
  stop_server
  mariadb_stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "report_bench: $*" >&2; }

# The data set, once, for both databases.
say "generating the national data set"
$py bench/generate_national.py --provinces sql/002_provinces_seed.sql --activities "$activities" \
  --fiscal-year "$fiscal_year" --out "$work/data.sql" >"$work/generate.json"
data_mib=$(awk -v b="$(stat -c %s "$work/data.sql")" 'BEGIN { printf "%.1f", b / 1048576 }')

tables=(provinces agencies users user_roles workflow_cases workflow_events plans plan_revisions report_items
        quarterly_reports progress_entries)
count_sql() { local t; for t in "${tables[@]}"; do echo "SELECT '$t', COUNT(*) FROM $t;"; done; }

# ms statistics of a file of seconds, one a line: "median p95" (p95 by nearest rank).
stats() {
  $py - "$1" <<'PY'
import math, statistics, sys
v = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
print("%.1f %.1f" % (statistics.median(v), v[max(0, math.ceil(0.95 * len(v)) - 1)]))
PY
}

# check KIND FILE: the response has what the data set holds.
check() {
  $py - "$1" "$2" "$activities" <<'PY'
import json, sys
kind, path, activities = sys.argv[1], sys.argv[2], int(sys.argv[3])
r = json.load(open(path, encoding="utf-8"))
if kind == "national":
    provinces = r["provinces"]
    assert len(provinces) == 77, "national: %d provinces" % len(provinces)
    assert sum(p["plans"] for p in provinces) == 154, "national: plans"
    assert r["totals"]["activities"] == 77 * 2 * activities, "national: %d activities" % r["totals"]["activities"]
else:
    plans = r["plans"]
    assert len(plans) == 2, "provincial: %d plans" % len(plans)
    for p in plans:
        n = sum(len(i["activities"]) for g in p["goals"] for i in g["indicators"])
        assert n == activities, "provincial: plan %s has %d activities" % (p["plan_id"], n)
t = r["totals"]
print("%d activities, %d missing, %d done" % (t["activities"], t["missing"], t["done"]))
PY
}

# measure BACKEND NAME URL-PATH RUNS KIND -> appends a result line
measure() {
  local backend=$1 name=$2 path=$3 n=$4 kind=$5
  local url="${base_url}${path#/}" times="$work/times-$backend-$name.txt" body="$work/body-$backend-$name"
  local code i out
  : >"$times"
  for ((i = 0; i < warmup; i++)); do
    code=$(curl -s -o "$body" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
    [[ "$code" == 200 ]] || { say "$backend $name: HTTP $code"; cat "$body" >&2; exit 1; }
  done
  local note=""
  case $kind in
    national | provincial) note=$(check "$kind" "$body") ;;
    xlsx) [[ $(head -c 2 "$body") == PK ]] || { say "$backend $name: not an xlsx"; exit 1; } ;;
    csv) [[ $(wc -l <"$body") -gt $((2 * activities)) ]] || { say "$backend $name: short csv"; exit 1; } ;;
  esac
  local size
  size=$(stat -c %s "$body")
  for ((i = 0; i < n; i++)); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" "$url")
    [[ "${out%% *}" == 200 ]] || { say "$backend $name: HTTP ${out%% *}"; exit 1; }
    echo "${out#* }" >>"$times"
  done
  read -r median p95 < <(stats "$times")
  echo "$backend|$name|$path|$n|$median|$p95|$size|$note" >>"$work/results.txt"
  say "$backend $name: median $median ms, p95 $p95 ms ($size B) $note"
}

# bench BACKEND URL LOAD-FUNCTION COUNT-FUNCTION SETTLE-FUNCTION
bench() {
  local backend=$1 url=$2 load=$3 counter=$4 settle=$5
  say "$backend: migrate"
  $planflow migrate --db "$url" >"$work/$backend-migrate.log" 2>&1
  say "$backend: loading $data_mib MiB of INSERTs"
  local t0 t1
  t0=$(date +%s.%N)
  $load
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }' >"$work/$backend-load-seconds"
  $settle
  echo "$password" | $planflow user add --username admin --role admin --password-stdin --db "$url" >/dev/null
  $counter >"$work/$backend-counts.txt"

  $planflow serve --listen 127.0.0.1:0 --db "$url" --no-access-log >"$work/$backend-serve.out" 2>"$work/$backend-serve.log" &
  server_pid=$!
  for _ in $(seq 1 200); do grep -q "listening on" "$work/$backend-serve.out" 2>/dev/null && break; sleep 0.1; done
  base_url=$(grep -o 'http://[^ ]*' "$work/$backend-serve.out")
  token=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" "${base_url}api/v1/auth/login" |
    $py -c 'import json, sys; print(json.load(sys.stdin)["token"])')

  local q="/api/v1/reports/quarterly?fiscal_year=$fiscal_year"
  measure "$backend" provincial-q2 "$q&province=$province&quarter=2&format=json" "$runs" provincial
  measure "$backend" provincial-year "$q&province=$province&format=json" "$runs" provincial
  measure "$backend" national-q2 "$q&quarter=2&format=json" "$runs" national
  measure "$backend" national-year "$q&format=json" "$runs" national
  measure "$backend" provincial-q2-xlsx "$q&province=$province&quarter=2&format=xlsx" "$format_runs" xlsx
  measure "$backend" provincial-q2-csv "$q&province=$province&quarter=2&format=csv" "$format_runs" csv
  awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status" >"$work/$backend-hwm-kb"
  stop_server
}

sqlite_db="$work/bench.db"
load_sqlite() {
  { echo "PRAGMA journal_mode=WAL;"; echo "PRAGMA foreign_keys=ON;"; echo "BEGIN;"; cat "$work/data.sql"; echo "COMMIT;"; } |
    sqlite3 -bail "$sqlite_db" >/dev/null
}
count_sqlite() { count_sql | sqlite3 -separator ' ' "$sqlite_db"; }
# planflow never runs ANALYZE on SQLite, so neither does the benchmark (no sqlite_stat1).
settle_sqlite() { :; }

load_mysql() {
  { echo "SET NAMES utf8mb4;"; echo "START TRANSACTION;"; cat "$work/data.sql"; echo "COMMIT;"; } |
    mariadb --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot planflow_test
}
# InnoDB recomputes a table's statistics in the background once 10 % of its rows
# changed, some seconds after a bulk load; until then the optimizer sees empty
# tables and plans differently. ANALYZE TABLE brings that state about now, so
# the whole run measures the plans a production database settles on.
settle_mysql() {
  mariadb --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot planflow_test \
    -e "ANALYZE TABLE $(IFS=,; echo "${tables[*]}")" >/dev/null
}
count_mysql() { count_sql | mariadb --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot -N -B planflow_test | tr '\t' ' '; }

# Other work on the machine (CI builds share the two cores): load average and
# compiler processes (counted, never touched) before and after.
compilers() { pgrep -c -x 'cc1plus|ld|as' || true; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg) compilers_before=$(compilers)
bench sqlite "sqlite://$sqlite_db" load_sqlite count_sqlite settle_sqlite
PLANFLOW_TEST_MYSQL_PORT=$mysql_port mariadb_start >&2
bench mysql "$PLANFLOW_TEST_MYSQL_URL" load_mysql count_mysql settle_mysql
mariadb_version=$(mariadb --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot -N -B -e 'SELECT VERSION()' | cut -d- -f1)
mariadb_stop >/dev/null 2>&1
load_after=$(cut -d' ' -f1-3 /proc/loadavg) compilers_after=$(compilers)
if ! diff -q "$work/sqlite-counts.txt" "$work/mysql-counts.txt" >/dev/null; then
  say "row counts differ between the databases"; diff "$work/sqlite-counts.txt" "$work/mysql-counts.txt" >&2; exit 1
fi

# The section.
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "met" : "**NOT met**" }'; }
table_rows() {
  local backend name path n median p95 size note target label
  while IFS='|' read -r backend name path n median p95 size note; do
    case $name in
      provincial-q2 | provincial-year) target=$provincial_target_ms ;;
      national-*) target=$national_target_ms ;;
      *) target= ;;
    esac
    case $backend in sqlite) label="SQLite $(sqlite3 --version | cut -d' ' -f1)" ;; mysql) label="MariaDB $mariadb_version" ;; esac
    if [[ -n "$target" ]]; then
      echo "| $label | $name | \`GET ${path}\` | $n | $median | $p95 | < $target | $(verdict "$p95" "$target") | $size | $note |"
    else
      echo "| $label | $name | \`GET ${path}\` | $n | $median | $p95 | — | — | $size | |"
    fi
  done <"$work/results.txt"
}
counts_line() { awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }' "$work/sqlite-counts.txt"; }
gen() { $py -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$work/generate.json" "$1"; }

bench/write_section.sh reports <<MD
## Reports: provincial report and national roll-up on a national data set

Written by \`bench/report_bench.sh $runs\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)).
Load average (1/5/15 min) before the run $load_before, after it $load_after; compiler processes of other builds running
before $compilers_before, after $compilers_after. Other builds share the two cores with the server, the databases and curl, so a
single slow request (the p95) is more likely noise than a regression; compare medians across runs.

Data set (\`bench/generate_national.py\`, $data_mib MiB of INSERTs, fiscal year $fiscal_year): 77 provinces × 2 plan types
(anti_corruption_action_plan, ethics_promotion_plan) × $activities activities × 4 quarters. Rows per table, identical on
both databases: $(counts_line). Of the $((4 * 154 * activities)) possible progress entries (4 quarters × $((154 * activities)) activities), $(gen missing_entries) are missing and
$(gen unconfirmed_entries) entered but not confirmed (in reports still collecting: every Q4, some plans' Q2 and Q3,
including $province's ethics plan in Q2). Loading took $(cat "$work/sqlite-load-seconds") s into SQLite (one transaction, WAL) and
$(cat "$work/mysql-load-seconds") s into MariaDB (one transaction, batches of 500 rows). MariaDB's statistics were then
computed with \`ANALYZE TABLE\` (what InnoDB does by itself some seconds after a bulk change); SQLite has none, as in production.

| database | report | request | runs | median ms | p95 ms | target ms | p95 vs target | bytes | response check |
|---|---|---|---:|---:|---:|---:|---|---:|---|
$(table_rows)

Peak resident memory of planflow (VmHWM): SQLite run $(($(cat "$work/sqlite-hwm-kb") / 1024)) MiB, MariaDB run $(($(cat "$work/mysql-hwm-kb") / 1024)) MiB.

How measured: a Release build (\`build-release\`, as \`http_bench.sh\`; report SQL from \`core/src/reports/query.cpp\` with
sha256 $(sha256sum core/src/reports/query.cpp | cut -c1-12)), \`planflow serve --no-access-log\` with default
threads, on a fresh SQLite file and on a throwaway MariaDB (\`scripts/mariadb.sh\`, datadir in /dev/shm, port $mysql_port,
reached over TCP on loopback as the application is), each freshly migrated, loaded and with an admin logged in.
Each request is a separate \`curl\` (new connection) timed by curl's \`%{time_total}\` — request sent to last byte
received, so it includes building the report and serialising it but not curl's start-up. $warmup untimed warm-up requests,
whose response is checked (HTTP 200; national: 77 provinces, 154 plans; provincial: 2 plans × $activities activities), then
$runs timed requests in a row (every one must answer 200), $format_runs for csv and xlsx. Median and p95 (nearest rank) in
milliseconds; a target counts as met when the p95 is under it (provincial json < $provincial_target_ms ms, national < $national_target_ms ms;
csv and xlsx have no target of their own).
MD
sed -n '/<!-- reports:begin -->/,/<!-- reports:end -->/p' bench/RESULTS.md
