#!/usr/bin/env bash
# Makes the README's pictures (docs/images/) from a build's output/, after
# `make assets`: small views of real outputs and the proof gallery, so the README shows what koho
# makes. Run it again after a change to the sample layouts and commit the
# pictures with the change. Uses koho itself (the contact sheet), poppler's
# pdftoppm (PDF pages), the ffmpeg CLI (scaling pictures) and chromium
# (the gallery).
#   scripts/readme-pictures.sh [KOHO]
set -euo pipefail
cd "$(dirname "$0")/.."
koho=${1:-build/pipeline/cli/koho}
out=docs/images
mkdir -p "$out"
for need in output/pamphlet-a4.pdf output/proofs/pamphlet-a4/pamphlet-a4-spread-2.png output/flyer-setsumeikai.pdf \
            output/banner-wide/banner-wide-chiba-0417.png output/promo-30s.jpg output/promo-30s-9x16.jpg \
            output/index.html; do
  [ -f "$need" ] || { echo "readme-pictures: $need is missing: run make assets first" >&2; exit 1; }
done

# A page of a PDF, trimmed, about W pixels wide.
page() {  # PDF PAGE WIDTH NAME
  pdftoppm -png -f "$2" -l "$2" -singlefile -scale-to-x "$3" -scale-to-y -1 -cropbox "$1" "$out/$4"
}
page output/pamphlet-a4.pdf 1 360 pamphlet-a4-cover
page output/pamphlet-a4.pdf 6 360 pamphlet-a4-page6
page output/flyer-setsumeikai.pdf 1 360 flyer-setsumeikai
scale() {  # PICTURE WIDTH NAME
  ffmpeg -nostdin -loglevel error -y -i "$1" -vf "scale=$2:-2" "$out/$3"
}
scale output/proofs/pamphlet-a4/pamphlet-a4-spread-2.png 720 pamphlet-a4-spread.png
scale output/banner-wide/banner-wide-chiba-0417.png 480 banner-wide.png
scale output/promo-30s.jpg 480 promo-30s.jpg
scale output/promo-30s-9x16.jpg 180 promo-30s-9x16.jpg
"$koho" proof --contact-sheet -o "$out/contact-sheet.png" --columns 9 --tile 120 --title "koho: the sample campaign" \
  output/pamphlet-a4.pdf output/pamphlet-a5.pdf output/flyer-session output/banner-square output/banner-wide >/dev/null
# The proof gallery as a browser shows it (Debian's chromium, headless).
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1280,860 \
  --screenshot="$PWD/$out/gallery.png" "file://$PWD/output/index.html" >/dev/null 2>&1
rm -rf "$profile"
ls -la "$out"
