#!/usr/bin/env bash
# Prints a figure (not a test): the server's peak resident memory (VmHWM) while it takes 16
# uploads at once of the largest photo it accepts, an 8000 x 5000 RGBA PNG (40 megapixels, the
# budget; black, so the file is small and the upload quick), on a fresh SQLite database.
#   PHOTO_PROFILE=debug|release (default debug) PHOTO_UPLOADS=16 PHOTO_WIDTH=8000 PHOTO_HEIGHT=5000
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE=${PHOTO_PROFILE:-debug}
N=${PHOTO_UPLOADS:-16}
WIDTH=${PHOTO_WIDTH:-8000}
HEIGHT=${PHOTO_HEIGHT:-5000}
PORT=${PHOTO_PORT:-18096}
profile_flag=$([ "$PROFILE" = release ] && echo --release || echo "")
cargo build -q $profile_flag -p deputy-homes-server --bin deputy-homes-server
bin=target/$([ "$PROFILE" = release ] && echo release || echo debug)/deputy-homes-server

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 - "$work/largest.png" "$WIDTH" "$HEIGHT" <<'PY'
import struct, sys, zlib
path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
z = zlib.compressobj(1)
row = bytes(1 + 4 * width)
idat = b"".join(z.compress(row) for _ in range(height)) + z.flush()
ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
with open(path, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
PY

DH_ADDR="127.0.0.1:$PORT" DH_DATABASE_URL="sqlite://$work/photos.db?mode=rwc" DH_DEMO_ACCOUNTS=0 \
  DH_NOTIFY_INTERVAL_SECONDS=0 DH_REQUEST_TIMEOUT_SECONDS=900 DH_SAMPLE_REGISTER= RUST_LOG=warn \
  "$bin" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.1; done
idle=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")

start=$(date +%s.%N)
for i in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{http_code}\n' -F "photo=@$work/largest.png;type=image/png" \
    "http://127.0.0.1:$PORT/api/opinion-photos" >"$work/status-$i" &
done
wait $(jobs -p | grep -v "^$server_pid$") 2>/dev/null || true
end=$(date +%s.%N)
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
statuses=$(cat "$work"/status-* | sort | uniq -c | tr -s ' ' | tr '\n' ';')
echo "file: $(stat -c %s "$work/largest.png") bytes, ${WIDTH}x${HEIGHT} RGBA PNG; $N uploads at once"
echo "answers: $statuses"
echo "time until all were answered: $(echo "$end - $start" | bc) s"
echo "peak resident memory (VmHWM): $((peak / 1024)) MiB (idle: $((idle / 1024)) MiB)"
echo "($(nproc) cores; profile $PROFILE)"
