// Loudness: EBU R128 measurement through libebur128, and normalisation to
// a target with a true-peak ceiling.
//
// normalise_loudness applies one static gain to reach the integrated
// target, then a look-ahead true-peak limiter (true_peak_limiter.h). The
// limiter's own peak detector is not libebur128's, so its result is checked
// with libebur128 and the ceiling lowered until that meter agrees; the
// limit is a promise about what a meter reads, not about our detector.
#include <algorithm>
#include <cmath>
#include <memory>

#include <ebur128.h>

#include "core/diagnostic.h"
#include "video/audio_mix.h"
#include "video/gain.h"
#include "video/true_peak_limiter.h"

namespace koho::video {
namespace {

struct Ebur128Free {
    void operator()(ebur128_state* st) const { ebur128_destroy(&st); }
};
using Ebur128Ptr = std::unique_ptr<ebur128_state, Ebur128Free>;

// How far below the limit the limiter aims: meters interpolate differently
// (libebur128 and FFmpeg's ebur128 filter disagree by a few hundredths of
// a dB on dense material), and the output is requantised by the encoder.
constexpr double kCeilingMarginDb = 0.1;
// Limiting that costs more than this much integrated loudness is made up
// by one more pass with a higher static gain.
constexpr double kLoudnessToleranceLu = 0.3;
// Tries at lowering the ceiling before a final static trim.
constexpr int kCeilingTries = 4;

LoudnessMeasure measure(const AudioBuffer& audio, bool with_range)
{
    int mode = EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK;
    if (with_range) mode |= EBUR128_MODE_LRA;
    Ebur128Ptr st(ebur128_init(kChannels, kSampleRate, mode));
    if (!st) fail_system({}, "libebur128 could not start a loudness measurement");
    // Blocks keep libebur128's internal buffers small.
    constexpr size_t kBlock = kSampleRate;
    for (size_t f = 0; f < audio.frames(); f += kBlock) {
        size_t n = std::min(kBlock, audio.frames() - f);
        if (ebur128_add_frames_float(st.get(), audio.samples.data() + f * kChannels, n) != EBUR128_SUCCESS)
            fail_system({}, "libebur128 failed to measure the soundtrack's loudness");
    }
    LoudnessMeasure m;
    if (ebur128_loudness_global(st.get(), &m.integrated_lufs) != EBUR128_SUCCESS)
        fail_system({}, "libebur128 failed to measure the integrated loudness");
    double peak = 0;
    for (unsigned ch = 0; ch < kChannels; ++ch) {
        double p = 0;
        if (ebur128_true_peak(st.get(), ch, &p) != EBUR128_SUCCESS)
            fail_system({}, "libebur128 failed to measure the true peak");
        peak = std::max(peak, p);
    }
    m.true_peak_dbtp = linear_to_db(peak);
    if (with_range && ebur128_loudness_range(st.get(), &m.loudness_range_lu) != EBUR128_SUCCESS)
        fail_system({}, "libebur128 failed to measure the loudness range");
    return m;
}

void apply_gain(AudioBuffer& audio, double gain_db)
{
    const float g = static_cast<float>(db_to_linear(gain_db));
    for (float& s : audio.samples) s *= g;
}

// `source` gained by `gain_db` and limited until libebur128 reads a true
// peak at or under `limit_dbtp`; returns the measurement of the result.
LoudnessMeasure gain_and_limit(const AudioBuffer& source, AudioBuffer& out, double gain_db,
                               double limit_dbtp)
{
    double ceiling_db = limit_dbtp - kCeilingMarginDb;
    LoudnessMeasure m;
    for (int attempt = 0; attempt < kCeilingTries; ++attempt) {
        out = source;
        apply_gain(out, gain_db);
        limit_true_peak(out, db_to_linear(ceiling_db));
        m = measure(out, false);
        if (m.true_peak_dbtp <= limit_dbtp) return m;
        ceiling_db -= (m.true_peak_dbtp - limit_dbtp) + 0.05;
    }
    // Still over (pathological material): a static trim scales the true
    // peak exactly, so this one always lands under the limit.
    apply_gain(out, limit_dbtp - m.true_peak_dbtp - 0.01);
    return measure(out, false);
}

}  // namespace

LoudnessMeasure measure_loudness(const AudioBuffer& audio) { return measure(audio, true); }

LoudnessResult normalise_loudness(AudioBuffer& audio, double target_lufs, double true_peak_dbtp)
{
    LoudnessResult result;
    result.before = measure(audio, true);
    // Silence (or less than one 400 ms block): nothing to aim at.
    if (!std::isfinite(result.before.integrated_lufs)) {
        result.after = result.before;
        return result;
    }
    const AudioBuffer source = audio;
    double gain_db = target_lufs - result.before.integrated_lufs;
    LoudnessMeasure m = gain_and_limit(source, audio, gain_db, true_peak_dbtp);
    // Heavy limiting pulls the loudness down; aim once more from higher up.
    if (m.integrated_lufs < target_lufs - kLoudnessToleranceLu) {
        gain_db += target_lufs - m.integrated_lufs;
        gain_and_limit(source, audio, gain_db, true_peak_dbtp);
    }
    result.gain_db = gain_db;
    result.after = measure(audio, true);
    return result;
}

}  // namespace koho::video
