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
#include <stop_token>
#include <thread>
#include <vector>

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

// How far below the limit the limiter aims. Meters interpolate differently
// (libebur128 and FFmpeg's ebur128 and loudnorm filters differ by up to
// 0.03 dB on dense material), and AAC at 384 kb/s raises true peaks: by
// +0.07 dB on limited noise, by +0.18 dB on the promo's music and
// narration. 0.5 dB keeps the encoded file, not only this buffer, under
// the limit.
constexpr double kCeilingMarginDb = 0.5;
// Limiting that costs more than this much integrated loudness is made up
// by another pass with a higher static gain, up to kGainPasses in all.
constexpr double kLoudnessToleranceLu = 0.2;
constexpr int kGainPasses = 4;
// Tries at lowering the ceiling before a final static trim.
constexpr int kCeilingTries = 4;

// One channel's true peak (linear), on its own meter so that the channels
// can be measured side by side: 4× oversampling is by far libebur128's
// slowest part (about 1.7 s per channel for three minutes).
bool channel_true_peak(const AudioBuffer& audio, unsigned channel, double& peak, const std::stop_token& stop)
{
    Ebur128Ptr st(ebur128_init(1, kSampleRate, EBUR128_MODE_TRUE_PEAK));
    if (!st) return false;
    constexpr size_t kBlock = 8192;
    std::vector<float> mono(kBlock);
    for (size_t f = 0; f < audio.frames(); f += kBlock) {
        if (stop.stop_requested()) return false;
        size_t n = std::min(kBlock, audio.frames() - f);
        for (size_t i = 0; i < n; ++i) mono[i] = audio.samples[(f + i) * kChannels + channel];
        if (ebur128_add_frames_float(st.get(), mono.data(), n) != EBUR128_SUCCESS) return false;
    }
    return ebur128_true_peak(st.get(), 0, &peak) == EBUR128_SUCCESS;
}

// Integrated loudness (and range) of both channels together.
bool programme_loudness(const AudioBuffer& audio, bool with_range, LoudnessMeasure& m, const std::stop_token& stop)
{
    Ebur128Ptr st(ebur128_init(kChannels, kSampleRate,
                               with_range ? (EBUR128_MODE_I | EBUR128_MODE_LRA) : EBUR128_MODE_I));
    if (!st) return false;
    constexpr size_t kBlock = kSampleRate;
    for (size_t f = 0; f < audio.frames(); f += kBlock) {
        if (stop.stop_requested()) return false;
        size_t n = std::min(kBlock, audio.frames() - f);
        if (ebur128_add_frames_float(st.get(), audio.samples.data() + f * kChannels, n) != EBUR128_SUCCESS)
            return false;
    }
    if (ebur128_loudness_global(st.get(), &m.integrated_lufs) != EBUR128_SUCCESS) return false;
    return !with_range || ebur128_loudness_range(st.get(), &m.loudness_range_lu) == EBUR128_SUCCESS;
}

// Stopped early, the figures are meaningless (and no error is raised).
LoudnessMeasure measure(const AudioBuffer& audio, bool with_range, const std::stop_token& stop)
{
    // The left and right true peaks on two threads while this one measures
    // the loudness. Each meter sees all of its input, so the figures are
    // those of a single stereo meter. Nothing in the threads throws.
    double peaks[kChannels] = {0, 0};
    bool peak_ok[kChannels] = {false, false};
    std::vector<std::thread> workers;
    for (unsigned ch = 0; ch < kChannels; ++ch)
        workers.emplace_back([&, ch] { peak_ok[ch] = channel_true_peak(audio, ch, peaks[ch], stop); });
    LoudnessMeasure m;
    const bool ok = programme_loudness(audio, with_range, m, stop);
    for (auto& t : workers) t.join();
    if (stop.stop_requested()) return m;
    if (!ok) fail_system({}, "libebur128 failed to measure the soundtrack's loudness");
    if (!peak_ok[0] || !peak_ok[1]) fail_system({}, "libebur128 failed to measure the soundtrack's true peak");
    m.true_peak_dbtp = linear_to_db(std::max(peaks[0], peaks[1]));
    return m;
}

void apply_gain(AudioBuffer& audio, double gain_db)
{
    const float g = static_cast<float>(db_to_linear(gain_db));
    for (float& s : audio.samples) s *= g;
}

// `out` = `source` gained by `gain_db` and limited at `ceiling_db`.
void gain_and_limit(const AudioBuffer& source, AudioBuffer& out, double gain_db, double ceiling_db)
{
    out = source;
    apply_gain(out, gain_db);
    limit_true_peak(out, db_to_linear(ceiling_db));
}

double integrated_only(const AudioBuffer& audio, const std::stop_token& stop)
{
    LoudnessMeasure m;
    if (!programme_loudness(audio, false, m, stop) && !stop.stop_requested())
        fail_system({}, "libebur128 failed to measure the soundtrack's loudness");
    return m.integrated_lufs;
}

}  // namespace

LoudnessMeasure measure_loudness(const AudioBuffer& audio) { return measure(audio, true, {}); }

LoudnessResult normalise_loudness(AudioBuffer& audio, double target_lufs, double true_peak_dbtp,
                                  std::stop_token stop)
{
    LoudnessResult result;
    result.before = measure(audio, true, stop);
    // Each stage below takes a while on a long soundtrack: a stop request is
    // honoured between them (and inside the meters).
    if (stop.stop_requested()) return result;
    // Silence (or less than one 400 ms block): nothing to aim at.
    if (!std::isfinite(result.before.integrated_lufs)) {
        result.after = result.before;
        return result;
    }
    const AudioBuffer source = audio;
    double ceiling_db = true_peak_dbtp - kCeilingMarginDb;
    double gain_db = target_lufs - result.before.integrated_lufs;
    gain_and_limit(source, audio, gain_db, ceiling_db);
    double loudness = integrated_only(audio, stop);

    // Heavy limiting pulls the loudness down (espeak narration over music
    // lost 0.9 LU); aim again from higher up. Each dB more of gain buys
    // less than a dB of loudness once the limiter works hard, so after the
    // first retry the step follows the slope the passes so far have shown.
    double slope = 1;
    for (int pass = 1; pass < kGainPasses; ++pass) {
        if (stop.stop_requested()) return result;
        const double shortfall = target_lufs - loudness;
        if (std::fabs(shortfall) <= kLoudnessToleranceLu) break;
        const double step = shortfall / slope;
        gain_and_limit(source, audio, gain_db + step, ceiling_db);
        const double next = integrated_only(audio, stop);
        slope = std::clamp((next - loudness) / step, 0.1, 1.0);
        gain_db += step;
        loudness = next;
    }

    // The limit is a promise about what libebur128 reads, and its
    // interpolator is not the limiter's: lower the ceiling until it agrees.
    if (stop.stop_requested()) return result;
    LoudnessMeasure m = measure(audio, true, stop);
    for (int attempt = 0; attempt < kCeilingTries && m.true_peak_dbtp > true_peak_dbtp; ++attempt) {
        if (stop.stop_requested()) return result;
        ceiling_db -= (m.true_peak_dbtp - true_peak_dbtp) + 0.05;
        gain_and_limit(source, audio, gain_db, ceiling_db);
        m = measure(audio, true, stop);
    }
    if (stop.stop_requested()) return result;
    if (m.true_peak_dbtp > true_peak_dbtp) {
        // Still over (pathological material): a static trim scales the
        // true peak exactly, so this lands under the limit.
        apply_gain(audio, true_peak_dbtp - m.true_peak_dbtp - 0.01);
        m = measure(audio, true, stop);
    }
    result.gain_db = gain_db;
    result.after = m;
    return result;
}

}  // namespace koho::video
