// A look-ahead true-peak limiter for a whole soundtrack held in memory.
#pragma once

#include <vector>

#include "video/audio_buffer.h"

namespace koho::video {

// Lowers the gain around every place where the 4× oversampled signal
// (either channel; both channels get the same gain, so the stereo image
// stays) would exceed `ceiling` (linear, full scale 1). The gain reaches
// its floor within a 5 ms look-ahead before the peak (a linear ramp, so
// no click) and recovers with a 100 ms release; elsewhere it is exactly 1.
void limit_true_peak(AudioBuffer& audio, double ceiling);

// The gain limit_true_peak would give each frame of `audio` with every
// sample first multiplied by `pre_gain` (as a float, as apply_gain does),
// without touching `audio`: the loudness normaliser tries several gains on
// one soundtrack without a copy of it. Empty when no frame needs limiting.
// Applying it — sample × pre_gain, then × gain[frame], both in float — gives
// exactly what limit_true_peak gives on the pre-gained buffer.
std::vector<float> true_peak_gains(const AudioBuffer& audio, float pre_gain, double ceiling);

}  // namespace koho::video
