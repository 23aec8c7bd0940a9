#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster for the persistence tests and writes how to
# reach it to target/postgres.properties. Called by the build before the tests run;
# stops it with "postgres.sh stop". Without PostgreSQL installed it says so and the persistence
# tests run on H2 alone - except in CI, where that is an error.
set -euo pipefail
cd "$(dirname "$0")/../../.."
port="${COCKPIT_PG_PORT:-55432}"
# The cluster lives outside target/ so that "mvn clean" cannot pull it away from a running server.
dir="${TMPDIR:-/tmp}/cockpit-postgres-$port"
props="$PWD/target/postgres.properties"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  stop)
    [ -n "$bin" ] && [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    # A stopped cluster must not be named to the next test run: it would wait for it and fail.
    rm -f "$props"
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac

if [ -n "${COCKPIT_TEST_POSTGRES_URL:-}" ]; then
  echo "PostgreSQL: using $COCKPIT_TEST_POSTGRES_URL from the environment"; exit 0
fi
if [ -z "$bin" ]; then
  if [ "${CI:-}" = "true" ]; then echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; fi
  echo "PostgreSQL is not installed: the persistence tests run on H2 only (apt-get install -y postgresql)"
  rm -f "$props"; exit 0
fi

mkdir -p "$dir" "$(dirname "$props")"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  rm -rf "$dir/data"; mkdir -p "$dir/data" "$dir/run"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
fi
if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
fi
psql() { as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -c "SELECT 1 FROM pg_roles WHERE rolname='cockpit'" | grep -q 1 \
  || psql -c "CREATE ROLE cockpit LOGIN PASSWORD 'cockpit'"
psql -c "SELECT 1 FROM pg_database WHERE datname='cockpit'" | grep -q 1 \
  || psql -c "CREATE DATABASE cockpit OWNER cockpit"
cat >"$props" <<PROPS
url=jdbc:postgresql://127.0.0.1:$port/cockpit
user=cockpit
password=cockpit
PROPS
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port"
