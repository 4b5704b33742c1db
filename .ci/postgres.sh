#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL for the test suite on 127.0.0.1:55432, owned by the
# 'postgres' OS user, and prints the JDBC URL the tests read from CERULEAN_TEST_POSTGRES_URL.
# The database uses an ICU collation on purpose: it catches key-ordering bugs a C collation hides.
# Usage: .ci/postgres.sh start|stop
set -euo pipefail
dir=/tmp/cerulean-pg
port=${CERULEAN_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is not installed" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir" && { [ "$(id -u)" != 0 ] || chown postgres:postgres "$dir"; }
      as_pg "$bin/initdb -D $dir -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl -D $dir -o '-p $port -k /tmp -c listen_addresses=127.0.0.1' -l $dir.log -w start" >/dev/null \
        || { echo "postgres.sh: PostgreSQL did not start, see $dir.log" >&2; tail -5 "$dir.log" >&2; exit 1; }
    fi
    as_pg "$bin/psql -h 127.0.0.1 -p $port -U postgres -tAc \"SELECT 1 FROM pg_roles WHERE rolname='cerulean'\"" | grep -q 1 \
      || as_pg "$bin/psql -h 127.0.0.1 -p $port -U postgres -c \"CREATE ROLE cerulean LOGIN PASSWORD 'cerulean'\"" >/dev/null
    as_pg "$bin/psql -h 127.0.0.1 -p $port -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='cerulean_test'\"" | grep -q 1 \
      || as_pg "$bin/psql -h 127.0.0.1 -p $port -U postgres -c \"CREATE DATABASE cerulean_test OWNER cerulean TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'\"" >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$port/cerulean_test?user=cerulean&password=cerulean"
    ;;
  stop)
    as_pg "$bin/pg_ctl -D $dir -m fast stop" >/dev/null 2>&1 || true
    ;;
esac
