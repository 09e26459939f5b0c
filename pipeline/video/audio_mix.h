// The soundtrack, rendered once for the whole video: every audio track and
// the sound of unmuted video layers, placed, trimmed, looped, faded, gained,
// music ducked under narration by a side-chain, then normalised to the
// timeline's loudness with a true-peak limit (EBU R128 via libebur128).
#pragma once

#include <optional>
#include <stop_token>

#include "model/timeline.h"
#include "video/audio_buffer.h"

namespace koho::video {

// Exactly round(duration_s × 48000) frames; silence where nothing plays.
// A stop request (the video failed meanwhile, the mix runs beside it) ends
// the work early; what it returns then is incomplete and meant to be dropped.
AudioBuffer mix_soundtrack(const model::Timeline& timeline, std::stop_token stop = {});

struct LoudnessMeasure {
    double integrated_lufs = 0;      // -inf (as -HUGE_VAL) for silence
    double true_peak_dbtp = 0;       // max over channels, 4× oversampled
    double loudness_range_lu = 0;
};

LoudnessMeasure measure_loudness(const AudioBuffer& audio);

struct LoudnessResult {
    LoudnessMeasure before, after;
    double gain_db = 0;              // the static gain applied
};

// Applies one gain to bring the integrated loudness to `target_lufs`, then
// a look-ahead true-peak limiter so that no sample (oversampled) exceeds
// `true_peak_dbtp`. Silence is left as it is.
// A stop request ends it early, leaving `audio` and the result incomplete.
LoudnessResult normalise_loudness(AudioBuffer& audio, double target_lufs, double true_peak_dbtp,
                                  std::stop_token stop = {});

}  // namespace koho::video
