#!/usr/bin/env bash
# Prints figures (not a test): what the citizens' wasm is made of. Builds the app's binary with
# the bundle's profile (wasm-release) and groups twiggy's items by crate, and our own code by
# feature folder; then the largest single items. Installs twiggy from crates.io on first use.
#   WASM_BIN=deputy-homes (or deputy-homes-office)  WASM_TOP=25
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
BIN=${WASM_BIN:-deputy-homes}
TOP=${WASM_TOP:-25}
TWIGGY_VERSION=0.8.0
if ! twiggy --version 2>/dev/null | grep -q " ${TWIGGY_VERSION}\$"; then
  echo "==> installing twiggy ${TWIGGY_VERSION}"
  cargo install twiggy --version "${TWIGGY_VERSION}" --locked
fi
cargo build -q --profile wasm-release --target wasm32-unknown-unknown --bin "$BIN"
wasm=target/wasm32-unknown-unknown/wasm-release/$BIN.wasm
csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
twiggy top -n 1000000 -f csv "$wasm" >"$csv"
echo "== $wasm: $(wc -c <"$wasm") bytes before wasm-bindgen and wasm-opt =="
echo "(wasm-bindgen drops the names and its describe functions; dist/ has the shipped file)"
python3 - "$csv" "$TOP" <<'PY'
import collections, csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
top = int(sys.argv[2])
groups, counts = collections.Counter(), collections.Counter()
for row in rows:
    name, size = row["Name"], int(row["ShallowSize"])
    if name.startswith(('"function names"', "custom section", "export ")) or "__wbindgen_describe" in name:
        continue
    if name.startswith("data segment"):
        key = "data (strings, tables)"
    else:
        # The first crate path in the item's name: generic code is counted where it is defined.
        m = re.search(r"([a-z_][a-z_0-9]*)(?:\[[0-9a-f]+\])?::", name)
        key = m.group(1) if m else "other"
        if key == "deputy_homes":
            f = re.search(r"deputy_homes::([a-z_]+)", name)
            key = "deputy_homes::" + (f.group(1) if f else "?")
    groups[key] += size
    counts[key] += 1
total = sum(groups.values())
print(f"{'bytes':>9} {'share':>6} {'items':>6}  crate or feature")
for key, size in groups.most_common(top):
    print(f"{size:9d} {100 * size / total:5.1f}% {counts[key]:6d}  {key}")
print(f"{total:9d} 100.0% {sum(counts.values()):6d}  code and data")
print()
print(f"largest items:")
items = [r for r in rows if not r["Name"].startswith(('"function names"', "custom section", "export ", "data segment")) and "__wbindgen_describe" not in r["Name"]]
for r in sorted(items, key=lambda r: -int(r["ShallowSize"]))[:top]:
    print(f"{int(r['ShallowSize']):9d}  {r['Name'][:110]}")
PY
