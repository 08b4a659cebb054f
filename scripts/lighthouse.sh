#!/usr/bin/env bash
# Prints figures (not a test): Lighthouse mobile (its default slow 4G and 4x slower CPU) on each
# citizen entry page of the release build, and what each page loads until it is usable (bytes on
# the wire, measured in Chromium with gzip only and with brotli). Needs `./run`'s release build;
# installs Lighthouse from npm into tools/lighthouse on first use.
#   LIGHTHOUSE_RUNS=1 (runs per page; the median score is printed)
#   LIGHTHOUSE_SERVER=path/to/deputy-homes-server (skips the release build of the server)
#   LIGHTHOUSE_PLAIN=1 (as a phone the server draws no first screen for: the static shell, then
#     the app, as before the server drew `/` and `/homes/:id`; same build, for comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
RUNS=${LIGHTHOUSE_RUNS:-1}
PORT=${LIGHTHOUSE_PORT:-18097}
PAGES=${LIGHTHOUSE_PAGES:-"/ /homes/xc-01 /activities /opinions/new /board /stats"}

if [ ! -x tools/lighthouse/node_modules/.bin/lighthouse ]; then
  echo "==> installing lighthouse from tools/lighthouse/package-lock.json"
  (cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi
[ -f dist/index.html ] && [ -f dist/office/index.html ] || scripts/build-app.sh
server=${LIGHTHOUSE_SERVER:-target/release/deputy-homes-server}
[ -n "${LIGHTHOUSE_SERVER:-}" ] || cargo build -q --release -p deputy-homes-server --bin deputy-homes-server

work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
DH_ADDR=127.0.0.1:$PORT DH_DATABASE_URL="sqlite://$work/lh.db?mode=rwc" DH_DEMO_ACCOUNTS=0 \
  "$server" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.2; done
base=http://127.0.0.1:$PORT

echo "== What each entry page loads: as it arrives, and once used (Chromium, bytes on the wire) =="
node scripts/first-load.mjs "$base" $PAGES

echo
echo "== Lighthouse $(tools/lighthouse/node_modules/.bin/lighthouse --version) mobile, performance, $RUNS run(s) per page =="
printf '%-16s %6s %8s %8s %8s %8s %8s %6s\n' page score FCP LCP TBT CLS SI host
for page in $PAGES; do
  for run in $(seq 1 "$RUNS"); do
    CHROME_PATH=/usr/bin/chromium tools/lighthouse/node_modules/.bin/lighthouse "$base$page" \
      ${LIGHTHOUSE_PLAIN:+--extra-headers='{"Cookie":"dh-lang=plain"}'} \
      --quiet --only-categories=performance --output=json --output-path="$work/lh-$run.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$work/lh.err" \
      || { cat "$work/lh.err"; exit 1; }
  done
  node -e '
    const fs = require("fs");
    const [dir, runs, page] = process.argv.slice(1);
    const reports = [];
    for (let i = 1; i <= +runs; i++) reports.push(JSON.parse(fs.readFileSync(`${dir}/lh-${i}.json`)));
    reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const r = reports[Math.floor(reports.length / 2)];
    const a = (id) => r.audits[id].numericValue;
    console.log([page.padEnd(16), String(Math.round(r.categories.performance.score * 100)).padStart(6),
      (a("first-contentful-paint") / 1000).toFixed(2).padStart(7) + "s",
      (a("largest-contentful-paint") / 1000).toFixed(2).padStart(7) + "s",
      String(Math.round(a("total-blocking-time"))).padStart(6) + "ms",
      a("cumulative-layout-shift").toFixed(3).padStart(8),
      (a("speed-index") / 1000).toFixed(2).padStart(7) + "s",
      String(Math.round(r.environment.benchmarkIndex)).padStart(6)].join(" "));
  ' "$work" "$RUNS" "$page"
done
echo "goals: score >= 95, LCP <= 1.8 s, TBT <= 100 ms, CLS <= 0.05"
echo "host: Lighthouse's benchmark index of this machine in that run. Its slow phone is this machine's"
echo "own task times times 4, so the same page reports more TBT on a slower host: compare at a similar index"
