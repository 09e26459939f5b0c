#!/bin/sh
# ctest fixture: renders one sample layout, as `make assets` does, for the
# checks in samples_test.cpp.  render_sample.sh KOHO OUT_DIR LAYOUT_NAME
# The previous render goes first: koho keeps an old PDF when a render fails,
# and the checks must never read what older code wrote.
set -eu
koho=$1 dir=$2 name=$3
rm -rf "$dir/$name.pdf" "$dir/$name-proofs"
mkdir -p "$dir/$name-proofs"
exec "$koho" print "layouts/$name.json" -o "$dir/$name.pdf" --proof "$dir/$name-proofs"
