#!/usr/bin/env bash
# How fast planflow recovers, from the fault tests' own measurements (real
# processes: planflow and a MariaDB of the test's own, stopped and started by
# PID) and the storage test of the bounded lease wait, repeated N times:
#   bench/recovery_bench.sh [repeats]
# Needs the test build (scripts/build.sh); writes the `recovery` section.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-5}
bash scripts/build.sh >/dev/null
export PLANFLOW_TEST_MYSQL_PORT=${PLANFLOW_TEST_MYSQL_PORT:-33316}  # not the test command's port
source scripts/mariadb.sh
trap mariadb_stop EXIT
mariadb_start >/dev/null

out=$(mktemp)
./build/tests/planflow_fault_tests --gtest_filter='database_outage.mariadb_*_under_load*' \
  --gtest_repeat="$repeats" 2>/dev/null | grep '^\[ measure \]' >"$out.recovery"
./build/tests/planflow_integration_tests --gtest_filter='*storage_test.a_lease_waits_a_bounded_time*' \
  --gtest_repeat="$repeats" 2>/dev/null | grep '^\[ measure \]' >"$out.lease"

# min / median / max of the numbers in column $1 of a file
stats() {
  python3 - "$@" <<'PY'
import re, statistics, sys
path, pattern = sys.argv[1], sys.argv[2]
values = [float(m.group(1)) for line in open(path) for m in [re.search(pattern, line)] if m]
print(f"{min(values):.1f} / {statistics.median(values):.1f} / {max(values):.1f} ms ({len(values)} runs)")
PY
}
after_shutdown=$(stats "$out.recovery" 'shutdown: ready again ([0-9.]+) ms')
after_crash=$(stats "$out.recovery" 'crash: ready again ([0-9.]+) ms')
refused=$(stats "$out.lease" 'lease refused after ([0-9.]+) ms')
rm -f "$out" "$out.recovery" "$out.lease"

bench/write_section.sh recovery <<MD
## Recovery: the database restarts, the pool is exhausted (issue 11)

Written by \`bench/recovery_bench.sh $repeats\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(uname -r)).

| What | min / median / max |
|---|---|
| MariaDB shut down under 4 writing clients, then started: from its first answer to planflow's \`/readyz\` answering 200 (polled every 20 ms) | $after_shutdown |
| MariaDB killed (SIGKILL) under the same load, then started (crash recovery): the same | $after_crash |
| A lease with every connection held (\`lease_timeout\` 100 ms, SQLite and MariaDB): time until it is refused with \`unavailable\` (503 + Retry-After) | $refused |

No timer stands between the database's return and planflow's: a connection found dead makes every
other one suspect, and each is checked (and reopened with its session settings) at its next
lease, so the first requests after the database returns succeed. While the database is away,
writes answer 503 \`database-unavailable\` with Retry-After and nothing acknowledged is lost
(the same test counts every acknowledged comment afterwards). The default \`--db-lease-timeout\`
is 5000 ms; the wait above is that bound plus the scheduler's wake-up.
MD
sed -n '/<!-- recovery:begin -->/,/<!-- recovery:end -->/p' bench/RESULTS.md
