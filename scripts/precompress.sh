#!/usr/bin/env bash
# Writes .br (quality 11) and .gz (level 9) beside each text and wasm file of the built app (the
# catalogs under public/i18n/ too), so the server sends the smallest form without compressing on
# every request. The originals, whose integrity hashes Trunk wrote into index.html, are untouched.
set -euo pipefail
dist=${1:-dist}
find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.webmanifest' -o -name '*.txt' \) |
  while read -r file; do
    brotli -f -q 11 -o "$file.br" "$file"
    gzip -f -9 -k "$file"
  done
echo "precompressed $(find "$dist" -name '*.br' | wc -l) files in $dist"
