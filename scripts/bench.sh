#!/usr/bin/env bash
# Prints figures (not a test): the compressed size of everything the first page loads, and the
# throughput and p99 latency of GET /api/homes under loopback load next to a bare axum handler
# returning the same bytes, measured in the same run. Then the public reads (`/api/homes`, the
# app's page `/` and a hashed static file) as identity, gzip and brotli next to nginx (Debian's
# nginx-light, with gzip_static and brotli_static) serving the very bytes our server sent from
# files, in the same run, with the ratio. Needs a release build (`./run` makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
DURATION=${BENCH_DURATION:-10s}
# BENCH_SERVER=path/to/another/deputy-homes-server compares another build (e.g. before a change).
SERVER=${BENCH_SERVER:-target/release/deputy-homes-server}
CONNECTIONS=${BENCH_CONNECTIONS:-32}

command -v wrk >/dev/null || { echo "==> installing wrk"; apt-get install -y -qq wrk; }
command -v nginx >/dev/null || { echo "==> installing nginx-light"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; }
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[ -f "$brotli_module" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static ||
  echo "(nginx-light has no brotli and its module could not be installed: nginx serves identity for br)"
[ -f dist/index.html ] && [ -f dist/office/index.html ] || scripts/build-app.sh
cargo build -q --release -p deputy-homes-server --example bare_axum --bin deputy-homes-server

work=$(mktemp -d)
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
pids=()
trap cleanup EXIT
DH_ADDR=127.0.0.1:18090 DH_DATABASE_URL="sqlite://$work/bench.db?mode=rwc" "$SERVER" serve >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18090/api/health >/dev/null && break; sleep 0.2; done
base=http://127.0.0.1:18090

echo "== What the first page loads (bytes on the wire, as served) =="
# Linked files, and the app's code, which the page's loader fetches by name after the first paint.
assets=$(grep -Eo "(href|src)=\"/[^\"]+\"|'/[^']+\.(js|wasm)'" dist/index.html | sed -E "s/^(href|src)=//; s/[\"']//g" | sort -u)
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

echo
echo "== Public reads: ours next to nginx serving the same bytes from files (gzip_static, brotli_static) =="
www="$work/www"
mkdir -p "$www/api" "$work/nginx"
static=$(echo "$assets" | grep -E '\.(js|wasm)$' | head -n1)
paths=(/api/homes / "$static")
for path in "${paths[@]}"; do
  file="$www${path%/}"; [ "$path" = / ] && file="$www/index.html"
  mkdir -p "$(dirname "$file")"
  curl -s "$base$path" >"$file"
  curl -s -H 'Accept-Encoding: gzip' "$base$path" >"$file.gz"
  curl -s -H 'Accept-Encoding: br' "$base$path" >"$file.br"
done
load_brotli=""; brotli_static=""
if [ -f "$brotli_module" ]; then load_brotli="load_module $brotli_module;"; brotli_static="brotli_static on;"; fi
cat >"$work/nginx/nginx.conf" <<CONF
$load_brotli
user root;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000000;
  client_body_temp_path $work/nginx;
  server {
    listen 127.0.0.1:18092;
    root $www;
    gzip_static on;
    $brotli_static
    location = /api/homes { default_type application/json; types { } }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' &
pids+=($!)
sleep 0.5
req_s() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@" | awk '/Requests\/sec/ {print $2}'; }
printf '%-34s %-8s %12s %12s %7s\n' path encoding ours nginx ratio
for path in "${paths[@]}"; do
  for encoding in identity gzip br; do
    header=(-H "Accept-Encoding: $encoding")
    # Both answer with the same encoding (checked), so the bytes on the wire are the same.
    ours_enc=$(curl -s -o /dev/null -D - "${header[@]}" "$base$path" | awk -F': ' 'tolower($1)=="content-encoding" {print $2}' | tr -d '\r')
    theirs_enc=$(curl -s -o /dev/null -D - "${header[@]}" "http://127.0.0.1:18092$path" | awk -F': ' 'tolower($1)=="content-encoding" {print $2}' | tr -d '\r')
    [ "$ours_enc" = "$theirs_enc" ] || echo "(encodings differ for $path $encoding: ours '${ours_enc}', nginx '${theirs_enc}')"
    ours=$(req_s "${header[@]}" "$base$path")
    theirs=$(req_s "${header[@]}" "http://127.0.0.1:18092$path")
    printf '%-34s %-8s %12s %12s %7s\n' "$path" "$encoding" "$ours" "$theirs" \
      "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')"
  done
done
echo "(target: ours >= 0.5 x nginx; $(nproc) cores shared by the server, nginx and wrk)"
