#!/usr/bin/env bash
# bench/images.sh — laurel's image pipeline against sharp's decode-once pipeline, same photos,
# same machine, same run. Prints cold and warm build time, MP/s, peak RSS, output bytes and
# the ratio to sharp. EFFORT=N sets laurel's webp_effort (libwebp method; sharp uses 4).
#
# Needs: ../shared/bench (make-corpus.sh, sharp-bench.js) beside the repository, node + npm
# (sharp is installed into bench/.work/sharp), GNU time. The corpus (42 photos, 588 MP) is
# made once into bench/.work/corpus with make-corpus.sh (downloads 4 Debian packages).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
SHARED=${SHARED:-$REPO/../shared/bench}
WORK=${WORK:-$HERE/.work}
RUNS=${RUNS:-3}
mkdir -p "$WORK"

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
PHOTOS=$WORK/corpus/photos
if [ "$(ls "$PHOTOS" 2>/dev/null | wc -l)" -lt 42 ]; then
  bash "$SHARED/make-corpus.sh" "$PHOTOS"
fi
if [ ! -d "$WORK/sharp/node_modules/sharp" ]; then
  mkdir -p "$WORK/sharp" && (cd "$WORK/sharp" && npm install --silent sharp >/dev/null)
fi
(cd "$REPO" && cargo build --release --quiet)
LAUREL=$REPO/target/release/laurel

# A site with the baseline's variants: 480/960/1600 wide WebP + JPEG q80 and a 400 px square.
SITE=$WORK/site
rm -rf "$SITE" && mkdir -p "$SITE/content/laureates"
cat > "$SITE/site.yaml" <<YAML
title: bench
base_url: https://bench.example/
images:
  widths: [480, 960, 1600]
  thumbnail: 400
  jpeg_quality: 80
  webp_quality: 80
  webp_effort: ${EFFORT:-4}
YAML
i=0
for photo in "$PHOTOS"/*; do
  folder=$SITE/content/laureates/p$((i / 7))
  mkdir -p "$folder/photos"
  if [ ! -f "$folder/profile.yaml" ]; then
    printf 'name: 测试%d\nphotos:\n' $((i / 7)) > "$folder/profile.yaml"
    echo "故事" > "$folder/story.md"
  fi
  name=$(basename "$photo")
  ln -s "$photo" "$folder/photos/$name"
  printf '  - file: "photos/%s"\n    caption: 照片\n' "$name" >> "$folder/profile.yaml"
  i=$((i + 1))
done

megapixels=$(python3 - "$PHOTOS" <<'PY'
import struct, sys, os
total = 0
for name in os.listdir(sys.argv[1]):
    data = open(os.path.join(sys.argv[1], name), 'rb').read()
    if data[:8] == b'\x89PNG\r\n\x1a\n':
        w, h = struct.unpack('>II', data[16:24])
    else:
        i = 2
        while True:
            marker, length = data[i + 1], struct.unpack('>H', data[i + 2:i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                h, w = struct.unpack('>HH', data[i + 5:i + 9]); break
            i += 2 + length
    total += w * h
print(f"{total / 1e6:.1f}")
PY
)

timed() { # timed LOG CMD... → wall seconds and peak RSS (KiB) in LOG
  /usr/bin/time -f "%e %M" -o "$1" "${@:2}" >/dev/null
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# No CJK font for this run: 海报 and 长图 are not image processing (bench/posters.sh times them).
NO_FONTS=$WORK/no-fonts
mkdir -p "$NO_FONTS"
export LAUREL_FONT_DIRS=$NO_FONTS
cold=(); rss=(); warm=(); sharp_t=(); sharp_rss=()
for run in $(seq "$RUNS"); do
  rm -rf "$SITE/.laurel-cache" "$SITE/public"
  timed "$WORK/t" "$LAUREL" build --quiet --root "$SITE"
  read -r t m < "$WORK/t"; cold+=("$t"); rss+=("$m")
  timed "$WORK/t" "$LAUREL" build --quiet --root "$SITE"
  read -r t m < "$WORK/t"; warm+=("$t")
  rm -rf "$WORK/sharp-out"
  (cd "$WORK/sharp" && NODE_PATH="$WORK/sharp/node_modules" UV_THREADPOOL_SIZE=2 timed "$WORK/t" node "$SHARED/sharp-bench.js" "$PHOTOS" "$WORK/sharp-out" 2 once)
  read -r t m < "$WORK/t"; sharp_t+=("$t"); sharp_rss+=("$m")
done

c=$(printf '%s\n' "${cold[@]}" | median); w=$(printf '%s\n' "${warm[@]}" | median)
r=$(printf '%s\n' "${rss[@]}" | median); s=$(printf '%s\n' "${sharp_t[@]}" | median)
sr=$(printf '%s\n' "${sharp_rss[@]}" | median)
# Compare the same 7 outputs a photo: laurel also writes a JPEG square (the thumbnail's
# fallback) and, for each laureate's first photo, a 900x383 cover and a 960 px share crop:
# in the timing, counted apart in bytes.
extra=(-name '*-s400.jpg' -o -name '*-c900.*' -o -name '*-p960.*')
laurel_bytes=$(find "$SITE/public/media" -type f ! \( "${extra[@]}" \) -printf '%s\n' | awk '{s+=$1} END {print s}')
extra_bytes=$(find "$SITE/public/media" -type f \( "${extra[@]}" \) -printf '%s\n' | awk '{s+=$1} END {print s}')
extra_files=$(find "$SITE/public/media" -type f \( "${extra[@]}" \) | wc -l)
sharp_bytes=$(find "$WORK/sharp-out" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
laurel_files=$(find "$SITE/public/media" -type f ! \( "${extra[@]}" \) | wc -l)
sharp_files=$(find "$WORK/sharp-out" -type f | wc -l)

echo "corpus: $(ls "$PHOTOS" | wc -l) photos, $megapixels MP; median of $RUNS runs on $(nproc) cores"
printf '%-28s %8s %8s %8s %10s %14s %6s\n' pipeline "cold s" "warm s" "MP/s" "RSS MiB" "output bytes" files
printf '%-28s %8s %8s %8.1f %10d %14d %6d\n' "laurel build" "$c" "$w" "$(echo "$megapixels / $c" | bc -l)" $((r / 1024)) "$laurel_bytes" "$laurel_files"
printf '%-28s %8s %8s %8.1f %10d %14d %6d\n' "sharp (decode once)" "$s" "-" "$(echo "$megapixels / $s" | bc -l)" $((sr / 1024)) "$sharp_bytes" "$sharp_files"
echo "laurel's extra crops (in its time, not in its bytes above): $extra_files files, $extra_bytes bytes"
printf 'laurel is %.2fx faster than sharp cold; output bytes %+.1f%% vs sharp\n' \
  "$(echo "$s / $c" | bc -l)" "$(echo "($laurel_bytes - $sharp_bytes) * 100 / $sharp_bytes" | bc -l)"
