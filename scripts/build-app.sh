#!/usr/bin/env bash
# Builds both browser apps into dist/ (the citizens' app) and dist/office/ (delegates and staff),
# then writes the precompressed copies. The citizens' build replaces dist/, so it goes first.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release --offline=true
trunk build --release --offline=true --dist dist/office --public-url /office/ office.html
scripts/precompress.sh dist
