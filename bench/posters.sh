#!/bin/sh
# 海报 and 长图 of the example's 9 laureates (27 images): cold (share cache emptied, media
# cache warm) and cached, median of 3. Needs a release build (cargo build --release) and a CJK
# font (Debian/Ubuntu: apt install fonts-noto-cjk). Not a test: these machines are noisy.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
laurel="$repo/target/release/laurel"
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cp -r "$repo/site.yaml" "$repo/content" "$repo/static" "$site/"
"$laurel" build --root "$site" >/dev/null 2>&1   # media into the cache
seconds() { "$laurel" build --root "$site" 2>&1 | sed -n 's/.* in \([0-9.]*\)s$/\1/p'; }
median() { sort -n | sed -n 2p; }
cold=$(for i in 1 2 3; do rm -rf "$site/.laurel-cache/share"; seconds; done | median)
cached=$(for i in 1 2 3; do seconds; done | median)
echo "posters, 9 laureates (27 images): cold ${cold}s, cached ${cached}s (whole build, media cached)"
