#!/usr/bin/env bash
# Issue 9, item 6: the Debian package. Builds it with cpack from this build
# (cmake/install.cmake), then checks that
#   - its control file depends on the fonts package and the libraries
#     dpkg-shlibdeps found, and it holds the binary, the default press
#     profile, the schemas and the font links;
#   - apt can install it on this Debian 12 system (apt-get -s: dependencies
#     resolve, nothing changes);
#   - the unpacked tree (dpkg -x) renders a sample layout in a project
#     outside the source tree, reading its fonts and profile from the
#     package's share/koho and Debian's fonts — never from the source tree
#     (the render's depfile says what it read) — and the PDF passes preflight;
#   - with KOHO_CI_INSTALL=1 (CI, a throw-away machine), it really installs,
#     /usr/bin/koho renders the sample, and it is removed again.
#   deb_test.sh BUILD_DIR WORK_DIR      (run from the source root)
set -euo pipefail
build=$(cd "$1" && pwd) work=$2
source_root=$(pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/pkg/koho_*_amd64.deb)
control=$(dpkg-deb -f "$deb" Depends)
for needed in fonts-noto-cjk ghostscript libqpdf29 libcairo2 libavcodec59 libpoppler-glib8 libcpp-httplib0.11; do
  grep -q "$needed" <<<"$control" || fail "the package does not depend on $needed: $control"
done
contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/koho ./usr/share/koho/profiles/koho-FOGRA39L.icc ./usr/share/koho/schema/layout.schema.json \
            ./usr/share/koho/schema/timeline.schema.json "./usr/share/koho/fonts/NotoSansCJK-Regular.ttc -> " \
            ./usr/share/doc/koho/README.md; do
  grep -qF "$file" <<<"$contents" || fail "the package lacks $file"
done

apt-get install -s "$deb" >"$work/apt-simulate.log" 2>&1 || { cat "$work/apt-simulate.log"; fail "apt cannot install the package"; }
grep -q "^Inst koho " "$work/apt-simulate.log" || fail "apt would not install koho: $(cat "$work/apt-simulate.log")"

# A project of its own, outside the source tree (and the build tree in
# it): a sample layout and the media it shows.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/koho-deb-test-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
project=$scratch/project
mkdir -p "$project/layouts" "$project/media"
cp layouts/flyer-setsumeikai.json "$project/layouts/"
cp -r media/photos media/mascot "$project/media/"

render_with() {  # KOHO NAME: renders the flyer, checks what it read
  local koho=$1 name=$2 data_dir=$3
  (cd "$project" && "$koho" print layouts/flyer-setsumeikai.json -o "$name.pdf" --deps "$name.pdf.d" 2>"$work/$name.log") ||
    { cat "$work/$name.log"; fail "$koho could not render the sample"; }
  grep -q "^$data_dir/profiles/koho-FOGRA39L.icc:" "$project/$name.pdf.d" ||
    fail "$name: the press profile was not read from $data_dir: $(cat "$project/$name.pdf.d")"
  grep -q "^/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:" "$project/$name.pdf.d" ||
    fail "$name: the fonts were not Debian's: $(cat "$project/$name.pdf.d")"
  if grep -q "^$source_root/" "$project/$name.pdf.d"; then
    fail "$name: the render read the source tree: $(grep "^$source_root/" "$project/$name.pdf.d")"
  fi
  (cd "$project" && "$koho" preflight "$name.pdf" >"$work/$name-preflight.log") ||
    { cat "$work/$name-preflight.log"; fail "$name.pdf does not pass preflight"; }
}

dpkg -x "$deb" "$scratch/unpacked"
render_with "$scratch/unpacked/usr/bin/koho" unpacked "$scratch/unpacked/usr/share/koho"
echo "the unpacked package renders the sample from its own data"

if [ "${KOHO_CI_INSTALL:-0}" = 1 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt-install.log" 2>&1 ||
    { cat "$work/apt-install.log"; fail "apt-get install failed"; }
  render_with /usr/bin/koho installed /usr/share/koho
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq koho >/dev/null 2>&1 || fail "apt-get remove failed"
  [ ! -e /usr/bin/koho ] || fail "/usr/bin/koho is still there after removing the package"
  echo "installed with apt, rendered with /usr/bin/koho, removed"
fi
echo ok
