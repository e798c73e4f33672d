#!/usr/bin/env bash
# A throwaway MariaDB server for the tests, on loopback, in a fresh datadir.
#   source scripts/mariadb.sh; mariadb_start; ...; mariadb_stop
# mariadb_start exports PLANFLOW_TEST_MYSQL_URL. The server is stopped by the
# PID this script started, never by name.

mariadb_start() {
  local port=${PLANFLOW_TEST_MYSQL_PORT:-33306}
  local base=/tmp
  [[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm  # tests need speed, not durability
  MARIADB_DIR=$(mktemp -d "$base/planflow-mariadb.XXXXXX")
  local sock="$MARIADB_DIR/mysqld.sock"
  mariadb-install-db --no-defaults --datadir="$MARIADB_DIR/data" --user=root \
    --auth-root-authentication-method=normal --skip-test-db >"$MARIADB_DIR/install.log" 2>&1
  mariadbd --no-defaults --datadir="$MARIADB_DIR/data" --socket="$sock" --port="$port" \
    --bind-address=127.0.0.1 --user=root --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-flush-log-at-trx-commit=2 --log-error="$MARIADB_DIR/error.log" \
    >"$MARIADB_DIR/stdout.log" 2>&1 &
  MARIADB_PID=$!
  for _ in $(seq 1 100); do
    mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
    if ! kill -0 "$MARIADB_PID" 2>/dev/null; then
      cat "$MARIADB_DIR/error.log" >&2; echo "mariadb failed to start" >&2; return 1
    fi
    sleep 0.1
  done
  mariadb --no-defaults --socket="$sock" -uroot -e "
    CREATE DATABASE IF NOT EXISTS planflow_test CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'planflow'@'127.0.0.1' IDENTIFIED BY 'planflow-test';
    GRANT ALL PRIVILEGES ON *.* TO 'planflow'@'127.0.0.1';"
  export PLANFLOW_TEST_MYSQL_URL="mysql://planflow:planflow-test@127.0.0.1:$port/planflow_test"
  echo "mariadb: pid $MARIADB_PID on 127.0.0.1:$port (datadir $MARIADB_DIR)"
}

mariadb_stop() {
  [[ -n "${MARIADB_PID:-}" ]] || return 0
  mariadb-admin --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || kill "$MARIADB_PID" 2>/dev/null || true
  wait "$MARIADB_PID" 2>/dev/null || true
  rm -rf "$MARIADB_DIR"
  unset MARIADB_PID
}
