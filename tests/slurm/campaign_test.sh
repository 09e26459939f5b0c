#!/usr/bin/env bash
# Issue 8, item 5: the sample campaign through Slurm. Starts a single-node
# cluster on localhost (scripts/slurm/local-cluster), submits a manifest of
# every print layout in layouts/ (their data-merge records, editions,
# proofs) and a short timeline split in two segments and joined
# (tests/slurm/clip.json — the campaign's own videos take minutes each),
# with scripts/slurm/submit --wait, and checks that
#   - every job succeeded and the final step reported so (summary, contact sheet);
#   - the outputs are byte for byte those of the same manifest run locally
#     (koho run-job --shard 0/1);
#   - a job that fails (its layout edited after planning) is reported by
#     koho and by Slurm, and submit --wait exits non-zero.
#   campaign_test.sh KOHO WORK_DIR      (run from the project root)
# Exit 77 (skipped) without root or Slurm, unless KOHO_REQUIRE_SLURM=1 (CI).
set -euo pipefail
koho=$1 work=$2
root=$(pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "$(id -u)" -ne 0 ] || ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  [ "${KOHO_REQUIRE_SLURM:-0}" = 1 ] && fail "needs root, slurmctld, slurmd and munged (scripts/bootstrap.sh)"
  echo "skipped: needs root and Debian's slurmctld, slurmd, munge (scripts/bootstrap.sh installs them)"
  exit 77
fi

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
# Jobs write below the project root; the outputs go to the build tree when
# it is inside the root, else to output/.
rel=$(realpath --relative-to="$root" "$work")
case $rel in ..*) rel=output/.slurm-test; rm -rf "$rel"; mkdir -p "$rel" ;; esac

cluster=$work/cluster
trap 'scripts/slurm/local-cluster stop "$cluster"' EXIT
eval "$(scripts/slurm/local-cluster start "$cluster")"

layouts=()
for layout in layouts/*.json; do
  head -n 5 "$layout" | grep -q '"type": *"print"' && layouts+=("$layout")
done
layouts+=(tests/slurm/clip.json)
"$koho" plan "${layouts[@]}" --segments 2 --output-dir "$rel/slurm" -o "$work/slurm.json" >/dev/null
"$koho" plan "${layouts[@]}" --segments 2 --output-dir "$rel/local" -o "$work/local.json" >/dev/null
eval "$("$koho" jobs "$work/slurm.json" --shell)"
echo "$KOHO_JOB_COUNT jobs in stages $KOHO_STAGES"
[ "$KOHO_STAGES" != "${KOHO_STAGES% 1:*}" ] || fail "no join stage in the manifest: $KOHO_STAGES"

# The same jobs locally, one after another (a join after its segments).
"$koho" run-job "$work/local.json" --shard 0/1 2>"$work/local.log" || { cat "$work/local.log"; fail "the local run failed"; }

status=0
scripts/slurm/submit --koho "$koho" --results "$work/results" --wait "$work/slurm.json" >"$work/submit.log" 2>&1 || status=$?
cat "$work/submit.log"
[ "$status" -eq 0 ] || fail "submit --wait exited $status"
grep -q "^$KOHO_JOB_COUNT jobs: $KOHO_JOB_COUNT ok, 0 failed, 0 without a result" "$work/results/report.txt" ||
  fail "the final report does not say every job succeeded"
grep -q "\"ok\": $KOHO_JOB_COUNT," "$work/results/summary.json" || fail "summary.json does not count every job ok"
pages=$(pdfinfo "$work/results/contact-sheet.pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 1 ] || fail "no contact sheet"

# Every output (PDFs, proofs, spreads, pictures, segments, the joined MP4
# and its sidecars) is the local run's, byte for byte; depfiles and results
# name their own folders, so they are left out.
list() { (cd "$1" && find . -path ./.deps -prune -o -path ./.jobs -prune -o -type f -print | LC_ALL=C sort); }
list "$rel/slurm" >"$work/slurm.files"
list "$rel/local" >"$work/local.files"
diff -u "$work/local.files" "$work/slurm.files" || fail "the Slurm run wrote other files than the local run"
count=$(wc -l <"$work/slurm.files")
[ "$count" -gt "$KOHO_JOB_COUNT" ] || fail "only $count files for $KOHO_JOB_COUNT jobs"
while read -r file; do
  cmp -s "$rel/local/$file" "$rel/slurm/$file" || fail "$file differs between the Slurm and the local run"
done <"$work/slurm.files"
grep -q '^\./clip\.mp4$' "$work/slurm.files" || fail "the split clip was not joined"
echo "$count files identical to the local run"

# A failing job: a layout edited after planning is refused as stale (exit
# 2); the final step names it, Slurm saw its task fail, --wait says so.
cp layouts/flyer-setsumeikai.json "$work/stale.json"
"$koho" plan "$rel/stale.json" --editions web --output-dir "$rel/stale" -o "$work/stale-manifest.json" >/dev/null
echo " " >>"$work/stale.json"
status=0
scripts/slurm/submit --koho "$koho" --results "$work/stale-results" --contact-sheet "" --wait \
  "$work/stale-manifest.json" >"$work/stale.log" 2>&1 || status=$?
cat "$work/stale.log"
[ "$status" -eq 2 ] || fail "submit --wait exited $status for a failed job, not 2"
grep -q "^job 0 failed, exit 2: web $rel/stale/web/stale.pdf" "$work/stale.log" || fail "the report does not name the failed job"
grep -q "the manifest is stale" "$work/stale.log" || fail "the report does not say why the job failed"
grep -q "task 0 ended FAILED" "$work/stale.log" || fail "the report does not give Slurm's account of the task"

[ "$rel" = output/.slurm-test ] && rm -rf "$rel"
echo "ok"
