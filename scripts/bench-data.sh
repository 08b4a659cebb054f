#!/usr/bin/env bash
# Prints figures (not a test): p50/p99 latency at 16 concurrent clients (wrk) of the read paths
# issue 12 names, on a database filled by `deputy-homes-server generate` at 10% and at 100% of
# five years of a city, side by side, and how long each generation took.
#   BENCH_DB=postgres   use PostgreSQL on 127.0.0.1:5432 (trust auth) instead of SQLite
#   BENCH_SCALES="0.1 1.0"  BENCH_DURATION=10s  BENCH_CONNECTIONS=16  BENCH_SKIP_BUILD=1 (use the
#   release binary as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
SCALES=${BENCH_SCALES:-"0.1 1.0"}
BACKEND=${BENCH_DB:-sqlite}
PORT=18095
base=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { echo "==> installing wrk"; apt-get install -y -qq wrk; }
[ -n "${BENCH_SKIP_BUILD:-}" ] || cargo build -q --release -p deputy-homes-server
server=target/release/deputy-homes-server

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/dist/office"
echo '<!doctype html><title>bench</title>' >"$work/dist/index.html"
cp "$work/dist/index.html" "$work/dist/office/index.html"

database_url() {
  local scale=$1
  if [ "$BACKEND" = postgres ]; then
    local name="dh_bench_${scale/./_}"
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $name" >/dev/null
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $name" >/dev/null
    echo "postgres://postgres@127.0.0.1:5432/$name"
  else
    echo "sqlite://$work/bench-$scale.db?mode=rwc"
  fi
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# The p50 and p99 of one endpoint, in milliseconds, as "p50 p99".
measure() {
  local url=$1 out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "$url")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx!"; return; fi
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    END { printf "%.1f %.1f", p50, p99 }'
}

declare -A result
labels=()
for scale in $SCALES; do
  url=$(database_url "$scale")
  export DH_DATABASE_URL=$url DH_ADDR=127.0.0.1:$PORT DH_DIST_DIR=$work/dist DH_SAMPLE_DATA=0 \
    DH_DEMO_ACCOUNTS=0 DH_NOTIFY_INTERVAL_SECONDS=0 DH_HOUSEKEEPING_INTERVAL_SECONDS=0 RUST_LOG=warn
  echo "==> scale $scale on $BACKEND: generating"
  $server generate --scale "$scale" | tee "$work/generate-$scale.txt"
  result["generate,$scale"]=$(grep -Eo 'in [0-9.]+ s' "$work/generate-$scale.txt" | awk '{print $2 " s"}')
  DH_NEW_PASSWORD=bench-password-1 $server create-staff --username bench --display-name 压测 >/dev/null
  $server serve >"$work/server-$scale.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "$base/api/health" >/dev/null && break; sleep 0.2; done
  cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"login":"bench","password":"bench-password-1"}' "$base/api/session" |
    grep -io 'set-cookie: dh_session=[^;]*' | sed 's/^[Ss]et-[Cc]ookie: //')
  number=$(curl -s "$base/api/public/opinions" | json 'd["items"][0]["tracking_number"]')
  delegate=$(curl -s -H "Cookie: $cookie" "$base/api/accounts" |
    json '[a["id"] for a in d if a["role"]=="delegate"][0]')
  year=$(date +%Y)
  endpoints=(
    "homes list|/api/homes"
    "activities list|/api/activities"
    "activities, district+kind|/api/activities?district=saihan&kind=reception"
    "a home|/api/homes/xc-01"
    "a home's activities|/api/homes/xc-01/activities"
    "staff queue p.1|/api/staff/opinions"
    "staff queue p.1, filtered|/api/staff/opinions?status=assigned&category=transport"
    "staff queue p.1, overdue|/api/staff/opinions?overdue=true"
    "opinion, staff view|/api/staff/opinions/$number"
    "public board|/api/public/opinions"
    "public stats, one year|/api/public/stats?year=$year"
    "public stats, all years|/api/public/stats"
    "delegate's year|/api/delegates/$delegate/summary?year=$year"
    "audit log p.1|/api/staff/audit"
  )
  for entry in "${endpoints[@]}"; do
    label=${entry%%|*}
    path=${entry#*|}
    [ "$scale" = "${SCALES%% *}" ] && labels+=("$label")
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
    if [ "$status" != 200 ]; then result["$label,$scale"]="HTTP $status"; continue; fi
    result["$label,$scale"]=$(measure "$base$path")
    echo "    $label: ${result["$label,$scale"]} ms"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done

echo
echo "== p50 / p99 in ms, wrk $CONNECTIONS connections, $DURATION each, $BACKEND, $(nproc) cores =="
printf '%-30s' endpoint
for scale in $SCALES; do printf '%22s' "scale $scale"; done
echo
for label in "${labels[@]}"; do
  printf '%-30s' "$label"
  for scale in $SCALES; do printf '%22s' "${result["$label,$scale"]// / / }"; done
  echo
done
printf '%-30s' "generate (wall time)"
for scale in $SCALES; do printf '%22s' "${result["generate,$scale"]}"; done
echo
