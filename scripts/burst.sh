#!/usr/bin/env bash
# Prints figures (not a test): 1000 simultaneous bookings with distinct phones against a 10-seat
# activity, on a fresh SQLite database and on a fresh PostgreSQL database (created for the run and
# dropped after). Prints the time until all were answered and how many were booked, waitlisted
# and refused, and checks that exactly 10 were booked.
#   BURST_N=1000 BURST_PROFILE=release DH_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432
#   BURST_SERVER=path/to/another/deputy-homes-server (to compare a build, e.g. before a change)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BURST_N:-1000}
PROFILE=${BURST_PROFILE:-release}
PG_BASE=${DH_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
PORT=${BURST_PORT:-18095}
profile_flag=$([ "$PROFILE" = release ] && echo --release || echo "")
cargo build -q $profile_flag -p deputy-homes-server --bin deputy-homes-server --example burst
bin=target/$([ "$PROFILE" = release ] && echo release || echo debug)
server=${BURST_SERVER:-$bin/deputy-homes-server}
ulimit -n 8192 2>/dev/null || true

work=$(mktemp -d)
pg_db="dh_burst_$$"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  psql -q "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

run() {
  local label=$1 url=$2
  echo "== $label =="
  DH_DATABASE_URL="$url" DH_NEW_PASSWORD='burst staff password' DH_DEMO_ACCOUNTS=0 \
    "$server" create-staff --username burst.staff --display-name 压测 >/dev/null
  # Each citizen comes from an address of its own (X-Forwarded-For, trusted from one proxy).
  DH_ADDR="127.0.0.1:$PORT" DH_DATABASE_URL="$url" DH_DEMO_ACCOUNTS=0 DH_SAMPLE_DATA=0 \
    DH_NOTIFY_INTERVAL_SECONDS=0 DH_TRUST_FORWARDED_FOR=1 \
    RUST_LOG=warn "$server" serve >"$work/server-$label.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.1; done
  "$bin/examples/burst" "http://127.0.0.1:$PORT" burst.staff 'burst staff password' "$url" "$N" || status=$?
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  echo
}

status=0
run sqlite "sqlite://$work/burst.db?mode=rwc"
psql -q "$PG_BASE/postgres" -c "CREATE DATABASE $pg_db" >/dev/null
run postgres "$PG_BASE/$pg_db"
echo "($(nproc) cores; server and the $N clients on the same machine; profile $PROFILE)"
exit $status
