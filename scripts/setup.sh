#!/usr/bin/env bash
# Installs what the project needs and is missing, printing each step; skips whatever is already
# installed at the right version. `scripts/setup.sh --test` also installs the browser-test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WANT_TEST_TOOLS=false
[ "${1:-}" = "--test" ] && WANT_TEST_TOOLS=true

say() { printf '==> %s\n' "$*"; }
have() { printf 'ok: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}
if [ ! -f Cargo.lock ]; then
  say "resolving Cargo.lock"
  cargo generate-lockfile
fi

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  have "rust target wasm32-unknown-unknown"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  have "trunk ${TRUNK_VERSION}"
else
  say "installing trunk ${TRUNK_VERSION} (about 12 minutes on 2 cores)"
  cargo install trunk --version "${TRUNK_VERSION}" --locked
fi

# leptosfmt formats the bodies of `view!` macros, which rustfmt leaves alone; ./test checks it.
LEPTOSFMT_VERSION=0.1.33
if leptosfmt --version 2>/dev/null | grep -q " ${LEPTOSFMT_VERSION}\$"; then
  have "leptosfmt ${LEPTOSFMT_VERSION}"
else
  say "installing leptosfmt ${LEPTOSFMT_VERSION} (about 8 minutes)"
  cargo install leptosfmt --version "${LEPTOSFMT_VERSION}" --locked
fi

WB_VERSION=$(wasm_bindgen_version)
if wasm-bindgen --version 2>/dev/null | grep -q " ${WB_VERSION}\$"; then
  have "wasm-bindgen-cli ${WB_VERSION}"
else
  # Not --locked: one locked dependency is missing from the registry mirror (TOOLCHAIN.md).
  say "installing wasm-bindgen-cli ${WB_VERSION} (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "${WB_VERSION}" --force
fi

# npm tools: wasm-opt from binaryen (Debian's is too old), Playwright's driver, axe-core.
if [ -f tools/node_modules/.package-lock.json ] && [ tools/node_modules/.package-lock.json -nt tools/package-lock.json ]; then
  have "npm tools (binaryen, playwright-core, axe-core)"
else
  say "installing npm tools from tools/package-lock.json"
  (cd tools && npm ci --no-audit --no-fund)
fi

# Installs those of the named Debian packages that are missing.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    have "$*"
  else
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}
apt_install brotli

if $WANT_TEST_TOOLS; then
  apt_install chromium chromium-driver fonts-noto-cjk
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    have "PostgreSQL on 127.0.0.1:5432"
  else
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
fi
