// A look-ahead true-peak limiter for a whole soundtrack held in memory.
#pragma once

#include "video/audio_buffer.h"

namespace koho::video {

// Lowers the gain around every place where the 4× oversampled signal
// (either channel; both channels get the same gain, so the stereo image
// stays) would exceed `ceiling` (linear, full scale 1). The gain reaches
// its floor within a 5 ms look-ahead before the peak (a linear ramp, so
// no click) and recovers with a 100 ms release; elsewhere it is exactly 1.
void limit_true_peak(AudioBuffer& audio, double ceiling);

}  // namespace koho::video
