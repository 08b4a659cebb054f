#!/usr/bin/env bash
# Makes public/fonts/noto-sans-mongolian.woff2: Noto Sans Mongolian (3.002, from the npm package
# @fontsource/noto-sans-mongolian) cut down to the Mongolian block and the few characters Mongolian
# text needs beside it, keeping every OpenType layout feature (the script joins its letters by
# GSUB: init/medi/fina/isol, rclt, calt, vert). Hinting is dropped: phones ignore it and it is a
# third of the bytes. Needs npm and PyPI's fonttools and brotli (`pip install fonttools brotli`).
# Also makes the few glyphs of the language switch's "ᠮᠣᠩᠭᠣᠯ" (shown on every page) into a tiny
# font written into style/main.css as a data URL, between its mongolian-label markers, so a
# Chinese page draws that word without requesting any font file.
# The results are committed; run this only to change them.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE=@fontsource/noto-sans-mongolian@5.3.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf ./*.tgz)
whole="$work/package/files/noto-sans-mongolian-mongolian-400-normal.woff2"

# The Mongolian block (letters, digits, punctuation, FVS1-4, MVS), NBSP, ZWNJ, ZWJ, NNBSP, the
# dotted circle shaping shows for a lone mark, and the CJK brackets Mongolian text quotes with.
unicodes="U+1800-18AF,U+00A0,U+200C,U+200D,U+202F,U+25CC,U+300A-300B"
pyftsubset "$whole" \
  --unicodes="$unicodes" \
  --layout-features='*' \
  --layout-scripts='*' \
  --no-hinting \
  --name-IDs='*' \
  --flavor=woff2 \
  --output-file=public/fonts/noto-sans-mongolian.woff2
cp "$work/package/LICENSE" public/fonts/OFL.txt

pyftsubset "$whole" --text="ᠮᠣᠩᠭᠣᠯ" --layout-features='*' --no-hinting --flavor=woff2 \
  --output-file="$work/label.woff2"
python3 - "$work/label.woff2" style/main.css <<'PY'
import base64, re, sys
font, css_path = sys.argv[1], sys.argv[2]
data = base64.b64encode(open(font, "rb").read()).decode()
rule = ('@font-face { font-family: "Mongolian Label"; font-display: block; '
        'unicode-range: U+1800-18AF; src: url(data:font/woff2;base64,' + data + ') format("woff2"); }')
css = open(css_path, encoding="utf-8").read()
css, n = re.subn(r"(/\* mongolian-label:begin \*/\n)(?:[^\n]*\n)?(/\* mongolian-label:end \*/)",
                 lambda m: m.group(1) + rule + "\n" + m.group(2), css)
assert n == 1, "style/main.css needs the mongolian-label markers"
open(css_path, "w", encoding="utf-8").write(css)
print(f"{len(open(font, 'rb').read()):>8} bytes  label font (inlined in style/main.css)")
PY

python3 - "$whole" public/fonts/noto-sans-mongolian.woff2 <<'PY'
import os, sys
from fontTools.ttLib import TTFont
for path in sys.argv[1:]:
    font = TTFont(path)
    version = font["name"].getDebugName(5)
    print(f"{os.path.getsize(path):>8} bytes  {len(font.getGlyphOrder()):>5} glyphs  {version}  {os.path.basename(path)}")
PY
