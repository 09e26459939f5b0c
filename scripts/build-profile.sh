#!/usr/bin/env bash
# Builds koho's default press profile, profiles/koho-FOGRA39L.icc, from the
# FOGRA39L characterisation data in Debian's icc-profiles-free, with
# ArgyllCMS colprof (profiles/README.md says what it is and is not).
#
# Cached: a stamp beside the profile records the checksum of the data and
# the colprof arguments; when both match, nothing is rebuilt. The profile is
# written atomically, and its header date is set from the data (or
# SOURCE_DATE_EPOCH), so the same data and arguments give the same bytes.
# Usage: scripts/build-profile.sh [--force]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
ti3=/usr/share/color/icc/FOGRA39L.ti3
out="$here/profiles/koho-FOGRA39L.icc"
stamp="$here/profiles/koho-FOGRA39L.stamp"
description="koho FOGRA39L (ArgyllCMS colprof from icc-profiles-free FOGRA39L.ti3)"
copyright="Built by koho from FOGRA39L.ti3 of icc-profiles-free (Zlib licence)"
srgb=/usr/share/color/argyll/ref/sRGB.icm

# -qm       medium quality (33-point tables): the usual choice, ~2 min of CPU
# -kr       black generation: K ramps from none at white to full at black
#           (a medium GCR, as offset separations use)
# -l320     total ink limit 320 % (FOGRA39 prints up to 330 %; keep a margin)
# -S srgb   gamut-map the perceptual and saturation tables from sRGB, what
#           koho's colours and photos are in; -cmt -dpp: sRGB seen on a
#           monitor, the print under practical reflection viewing
# -nc       leave the measurements out: the profile is embedded in every PDF
args=(-qm -kr -l320 -S "$srgb" -cmt -dpp -nc)

for need in "$ti3" "$srgb"; do
  if [ ! -f "$need" ]; then
    echo "build-profile: $need is missing; install Debian's icc-profiles-free and argyll (scripts/bootstrap.sh)" >&2
    exit 1
  fi
done
if ! command -v colprof >/dev/null; then
  echo "build-profile: colprof is missing; install Debian's argyll (scripts/bootstrap.sh)" >&2
  exit 1
fi

# colprof prints its version in the usage it shows when given nothing.
version=$( (colprof 2>&1 || true) | sed -n '/Version/{s/.*Version \([0-9][0-9.]*\).*/\1/p;q}')
want_stamp=$(printf 'ti3-sha256 %s\ncolprof %s %s\ndescription %s\n' \
  "$(sha256sum "$ti3" | cut -d' ' -f1)" "${version:-unknown}" "${args[*]}" "$description")
if [ "${1:-}" != "--force" ] && [ -f "$out" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ]; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ti3" "$work/FOGRA39L.ti3"
echo "build-profile: building profiles/koho-FOGRA39L.icc with colprof (about 2 minutes)" >&2
start=$(date +%s)
(cd "$work" && colprof "${args[@]}" -D "$description" -C "$copyright" -O koho-FOGRA39L.icc FOGRA39L >colprof.log 2>&1) || {
  cat "$work/colprof.log" >&2
  echo "build-profile: colprof failed" >&2
  exit 1
}

# ICC header bytes 24..35: the creation date, six big-endian 16-bit numbers.
# colprof writes the clock; write the data's date instead.
epoch=${SOURCE_DATE_EPOCH:-$(stat -c %Y "$ti3")}
date_hex=""
for field in %Y %m %d %H %M %S; do
  date_hex+=$(printf '%04x' "$((10#$(date -u -d "@$epoch" +"$field")))")
done
printf '%s' "$date_hex" | sed 's/../\\x&/g' | xargs -0 printf '%b' |
  dd of="$work/koho-FOGRA39L.icc" bs=1 seek=24 count=12 conv=notrunc status=none

mkdir -p "$here/profiles"
cp "$work/koho-FOGRA39L.icc" "$out.tmp.$$"
mv -f "$out.tmp.$$" "$out"
printf '%s\n' "$want_stamp" >"$stamp.tmp.$$"
mv -f "$stamp.tmp.$$" "$stamp"
echo "build-profile: done in $(($(date +%s) - start)) s" >&2
