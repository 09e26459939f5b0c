// Side-chain ducking: one track's gain follows another's level — music
// drops under narration while it speaks and comes back when it stops.
#pragma once

#include <vector>

#include "video/audio_buffer.h"

namespace koho::video {

// The key's level in dB (full scale 0) at every frame: the RMS of both
// channels over the 10 ms up to and including that frame.
std::vector<float> key_level_db(const AudioBuffer& key);

struct DuckSettings {
    double by_db = -12;              // gain while the key is above the threshold
    double attack_s = 0.08;          // one-pole time constant going down
    double release_s = 0.5;          // one-pole time constant coming back up
    double threshold_db = -45;       // key level above which it counts as speaking
};

// Applies to `audio` the gain computed from the key's level: the target is
// `by_db` where the key is above the threshold and 0 dB elsewhere, and the
// gain moves towards it by a one-pole filter in the dB domain (attack time
// constant when falling, release when rising: 63 % of the way in one time
// constant, 95 % in three).
void duck(AudioBuffer& audio, const std::vector<float>& key_db, const DuckSettings& settings);

}  // namespace koho::video
