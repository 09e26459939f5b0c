#!/usr/bin/env bash
# Sets up a Debian 12 machine to build and test koho. Idempotent: installs
# only the Debian packages that are missing (apt-get, nothing else is
# downloaded) and copies the freely licensed Japanese fonts koho ships into
# fonts/. Run by `make assets` and `make test`; safe to run by hand.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)

# Build tools and libraries (ARCHITECTURE.md lists why each is here).
packages=(
  cmake ninja-build g++ pkg-config make
  libcairo2-dev libpango1.0-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev
  libpng-dev libjpeg62-turbo-dev libqpdf-dev libqrencode-dev librsvg2-dev liblcms2-dev
  libicu-dev libvalijson-dev nlohmann-json3-dev libcli11-dev libfmt-dev libgtest-dev
  # fonts koho ships (SIL Open Font License 1.1)
  fonts-noto-cjk
  # koho diff and koho proof --contact-sheet draw any PDF's pages with poppler
  libpoppler-glib-dev
  # koho watch --serve: the gallery's loopback HTTP server
  libcpp-httplib-dev
  # the gallery's browser test drives Debian's headless Chromium (tests/browser)
  chromium
  # cpack -G DEB finds the package's library dependencies with dpkg-shlibdeps;
  # tests/install installs the package on a clean Debian 12 made by mmdebstrap
  dpkg-dev mmdebstrap
  # tests read outputs back with independent tools (the QR tests decode
  # with libzbar, its headers in libzbar-dev)
  poppler-utils qpdf zbar-tools libzbar-dev
  # the PDF/X tests parse the XMP packet with libxml2
  libxml2-dev
  # the default press profile is built from FOGRA39L data (icc-profiles-free)
  # with ArgyllCMS colprof; koho preflight renders separations with Ghostscript
  icc-profiles-free argyll ghostscript libtiff-dev
  # video: libav* encode/decode (libx264 comes with libavcodec), EBU R128
  # loudness; the ffmpeg CLI only makes test inputs and the bench baseline;
  # espeak-ng speaks the sample narration
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev libebur128-dev
  # off-screen scenes' layer bitmaps are kept deflated
  zlib1g-dev
  ffmpeg espeak-ng
  # scripts/slurm/ submits manifests to Slurm; its integration test starts
  # a single-node cluster on localhost (scripts/slurm/local-cluster)
  slurmctld slurmd slurm-client munge
  # the sanitizer build (make test-sanitize, CI) and the libFuzzer harnesses:
  # clang-14, its ASan/UBSan/libFuzzer runtimes, llvm-symbolizer for the
  # file:line in sanitizer reports
  clang libclang-rt-14-dev llvm-14
)

# One dpkg-query for every package (a query each took a second on every
# `make`): the ones not reported installed are missing.
missing=()
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null | awk '/ install ok installed$/ { print $1 }' || true)
for p in "${packages[@]}"; do
  if ! grep -qx -- "$p" <<<"$installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Hermetic fonts: koho never reads the system's fonts; it reads fonts/. The
# Noto CJK files come from Debian's fonts-noto-cjk and are copied with their
# licence (they are too large to keep in git).
# A stamp records the size and date of each source file copied, so that an
# unchanged set is seen without reading 100 MB of fonts on every `make`.
# The copies get the time of copying (plain cp), so a font that did change
# is newer than the outputs drawn with the old one and make redraws them.
noto=/usr/share/fonts/opentype/noto
font_stamp=$here/fonts/.noto-copied.stamp
sources=("$noto"/NotoSansCJK-Regular.ttc "$noto"/NotoSansCJK-Bold.ttc "$noto"/NotoSerifCJK-Regular.ttc
         "$noto"/NotoSerifCJK-Bold.ttc /usr/share/doc/fonts-noto-cjk/copyright)
copies=(NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc NotoSerifCJK-Regular.ttc NotoSerifCJK-Bold.ttc NotoCJK-LICENSE.txt)
want_fonts=$(stat -c '%n %s %Y' "${sources[@]}")
copied=1
for f in "${copies[@]}"; do [ -f "$here/fonts/$f" ] || copied=0; done
if ((copied == 0)) || [ ! -f "$font_stamp" ] || [ "$(cat "$font_stamp")" != "$want_fonts" ]; then
  for i in "${!sources[@]}"; do
    if ! cmp -s "${sources[$i]}" "$here/fonts/${copies[$i]}"; then
      cp "${sources[$i]}" "$here/fonts/${copies[$i]}"
    fi
  done
  printf '%s\n' "$want_fonts" >"$font_stamp"
fi

# The default press profile (profiles/README.md); cached, quick when up to date.
"$here/scripts/build-profile.sh"
