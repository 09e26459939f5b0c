#!/usr/bin/env bash
# Speaks the sample videos' narration scripts with espeak-ng (a placeholder
# voice until a narrator records them; see media/README.md).
#
#   scripts/gen-narration.sh promo-main promo-30s    # → media/audio/narration/NAME.wav
#   scripts/gen-narration.sh --captions promo-main   # prints the timeline's "captions" array
#
# media/audio/narration/NAME.txt holds one cue a line:
#   START | caption (kanji, as shown on screen) | reading (kana, as spoken)
# A "／" in a caption is where its line breaks on screen (at most two lines).
# espeak-ng's Japanese voice reads kana only (kanji come out as "Chinese
# letter"), hence the reading column. Each cue is spoken into its own WAV
# and placed at START seconds in one mono track at espeak-ng's own rate
# (22 050 Hz; koho resamples to 48 kHz); a cue that would run into the next
# one is an error. espeak-ng gives the same samples run after run, so the
# track is a build product like the photos and the music.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/media/audio/narration"
VOICE=(-v ja -s 165 -p 50)

mode=render
if [[ "${1:-}" == "--captions" ]]; then mode=captions; shift; fi
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [--captions] NAME..." >&2
  exit 2
fi
command -v espeak-ng >/dev/null || { echo "gen-narration: espeak-ng is not installed (scripts/bootstrap.sh)" >&2; exit 1; }

for name in "$@"; do
  script="$DIR/$name.txt"
  [[ -f "$script" ]] || { echo "gen-narration: no script $script" >&2; exit 2; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # One WAV per cue, named by its line number.
  n=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n + 1))
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    reading="$(awk -F'|' '{ print $3 }' <<<"$line" | sed 's/^ *//; s/ *$//')"
    [[ -n "$reading" ]] || { echo "$script:$n: error: a cue needs START | caption | reading" >&2; exit 2; }
    espeak-ng "${VOICE[@]}" -w "$work/$n.wav" "$reading"
  done <"$script"
  python3 - "$mode" "$script" "$work" "$DIR/$name.wav" <<'PY'
import json, os, sys, wave

mode, script, work, target = sys.argv[1:]
GAP_S = 0.3        # the least silence between two cues
HOLD_S = 0.4       # a caption stays up this long after its cue has been spoken
cues = []
for number, line in enumerate(open(script, encoding="utf-8"), 1):
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    start, caption, reading = (part.strip() for part in line.split("|"))
    with wave.open(os.path.join(work, f"{number}.wav")) as w:
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
        width, channels = w.getsampwidth(), w.getnchannels()
    if (width, channels) != (2, 1):
        sys.exit(f"{script}:{number}: error: espeak-ng wrote {channels} channels of {8 * width} bits, expected mono 16-bit")
    cues.append({"line": number, "start": float(start), "caption": caption,
                 "pcm": frames, "rate": rate, "seconds": len(frames) / 2 / rate})

for a, b in zip(cues, cues[1:]):
    if a["start"] + a["seconds"] + GAP_S > b["start"]:
        sys.exit(f"{script}:{a['line']}: error: the cue at {a['start']}s lasts {a['seconds']:.2f}s and runs into "
                 f"the next one at {b['start']}s (line {b['line']}); move that one to "
                 f"{a['start'] + a['seconds'] + GAP_S:.1f}s or later")

if mode == "captions":
    out = []
    for i, c in enumerate(cues):
        end = c["start"] + c["seconds"] + HOLD_S
        if i + 1 < len(cues):
            end = min(end, cues[i + 1]["start"] - 0.1)
        text = c["caption"].replace("／", "\n")
        out.append({"start": f"{c['start']:g}s", "end": f"{round(end, 1):g}s", "text": text})
    print(",\n".join("    " + json.dumps(o, ensure_ascii=False) for o in out))
    for c in cues:
        print(f"# line {c['line']}: {c['start']:g}s + {c['seconds']:.2f}s", file=sys.stderr)
    sys.exit(0)

rate = cues[0]["rate"]
if any(c["rate"] != rate for c in cues):
    sys.exit(f"{script}: error: espeak-ng changed its sample rate between cues")
end = max(round(c["start"] * rate) + len(c["pcm"]) // 2 for c in cues) + rate  # one second of tail
track = bytearray(end * 2)
for c in cues:
    at = round(c["start"] * rate) * 2
    track[at:at + len(c["pcm"])] = c["pcm"]
temp = target + ".tmp"
with wave.open(temp, "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(rate)
    w.writeframes(bytes(track))
os.replace(temp, target)
print(f"gen-narration: {os.path.relpath(target)}: {len(cues)} cues, {end / rate:.1f}s at {rate} Hz")
PY
  rm -rf "$work"
  trap - EXIT
done
