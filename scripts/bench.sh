#!/usr/bin/env bash
# Prints figures (not a test): the compressed size of everything the first page loads, and the
# throughput and p99 latency of GET /api/homes under loopback load next to a bare axum handler
# returning the same bytes, measured in the same run. Needs a release build (`./run` makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}

command -v wrk >/dev/null || { echo "==> installing wrk"; apt-get install -y -qq wrk; }
[ -f dist/index.html ] && [ -f dist/office/index.html ] || scripts/build-app.sh
cargo build -q --release -p deputy-homes-server --example bare_axum --bin deputy-homes-server

work=$(mktemp -d)
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
pids=()
trap cleanup EXIT
DH_ADDR=127.0.0.1:18090 DH_DATABASE_URL="sqlite://$work/bench.db?mode=rwc" target/release/deputy-homes-server serve >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18090/api/health >/dev/null && break; sleep 0.2; done
base=http://127.0.0.1:18090

echo "== What the first page loads (bytes on the wire, as served) =="
assets=$(grep -Eo '(href|src)="/[^"]+"' dist/index.html | sed -E 's/.*="([^"]+)"/\1/' | sort -u)
js=$(echo "$assets" | grep '\.js$' | head -n1)
wasm=$(basename "$js" .js)_bg.wasm
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for path in $(printf '%s\n' / $assets /$wasm /api/homes | awk '!seen[$0]++'); do
  raw=$(curl -s "$base$path" | wc -c)
  gz=$(curl -s -H 'Accept-Encoding: gzip' "$base$path" | wc -c)
  br=$(curl -s -H 'Accept-Encoding: br' "$base$path" | wc -c)
  printf '%-48s %10d %10d %10d\n' "$path" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done
printf '%-48s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
awk -v g="$total_gz" -v b="$total_br" 'BEGIN { printf "total: %.1f KiB gzip, %.1f KiB brotli (target: at most 200 KiB gzip)\n", g/1024, b/1024 }'

echo
echo "== GET /api/homes under load: wrk, $CONNECTIONS connections, 2 threads, $DURATION each =="
curl -s "$base/api/homes" >"$work/homes.json"
target/release/examples/bare_axum 127.0.0.1:18091 "$work/homes.json" >/dev/null 2>&1 &
pids+=($!)
sleep 0.5
run_wrk() {
  local label=$1 url=$2; shift 2
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  printf '%-44s %10s req/s   p50 %-9s p99 %s\n' "$label" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')"
}
run_wrk "deputy-homes /api/homes (SQLite)" "$base/api/homes"
run_wrk "deputy-homes /api/homes, gzip" "$base/api/homes" -H 'Accept-Encoding: gzip'
run_wrk "deputy-homes /api/homes?district=saihan" "$base/api/homes?district=saihan"
run_wrk "bare axum, same bytes" http://127.0.0.1:18091/api/homes
echo "body: $(wc -c <"$work/homes.json") bytes; both servers on this machine ($(nproc) cores), wrk on the same cores"
