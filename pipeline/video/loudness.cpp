// Loudness: EBU R128 measurement through libebur128, and normalisation to
// a target with a true-peak ceiling.
//
// normalise_loudness applies one static gain to reach the integrated
// target, then a look-ahead true-peak limiter (true_peak_limiter.h); the
// gains it tries are measured on the soundtrack read through them, and only
// the last is written into it. The
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

// The soundtrack as a trial of the normaliser would leave it — each sample
// × the static gain, then × the limiter's gain for its frame, in float as
// apply_gain and limit_true_peak compute them — read without being
// written: trying a gain costs no copy of the soundtrack (64 MB for three
// minutes), only the limiter's one gain per frame.
struct Processed {
    const AudioBuffer& audio;
    float gain = 1.0f;
    const std::vector<float>* limiter = nullptr;  // null or empty: no limiting

    float at(size_t frame, unsigned channel) const
    {
        float v = audio.samples[frame * kChannels + channel] * gain;
        if (limiter && !limiter->empty()) v *= (*limiter)[frame];
        return v;
    }
    size_t frames() const { return audio.frames(); }
};

// One channel's true peak (linear), on its own meter so that the channels
// can be measured side by side: 4× oversampling is by far libebur128's
// slowest part (about 1.7 s per channel for three minutes).
bool channel_true_peak(const Processed& audio, unsigned channel, double& peak, const std::stop_token& stop)
{
    Ebur128Ptr st(ebur128_init(1, kSampleRate, EBUR128_MODE_TRUE_PEAK));
    if (!st) return false;
    constexpr size_t kBlock = 8192;
    std::vector<float> mono(kBlock);
    for (size_t f = 0; f < audio.frames(); f += kBlock) {
        if (stop.stop_requested()) return false;
        size_t n = std::min(kBlock, audio.frames() - f);
        for (size_t i = 0; i < n; ++i) mono[i] = audio.at(f + i, channel);
        if (ebur128_add_frames_float(st.get(), mono.data(), n) != EBUR128_SUCCESS) return false;
    }
    return ebur128_true_peak(st.get(), 0, &peak) == EBUR128_SUCCESS;
}

// Integrated loudness (and range) of both channels together.
bool programme_loudness(const Processed& audio, bool with_range, LoudnessMeasure& m, const std::stop_token& stop)
{
    Ebur128Ptr st(ebur128_init(kChannels, kSampleRate,
                               with_range ? (EBUR128_MODE_I | EBUR128_MODE_LRA) : EBUR128_MODE_I));
    if (!st) return false;
    constexpr size_t kBlock = kSampleRate;
    std::vector<float> block(kBlock * kChannels);
    for (size_t f = 0; f < audio.frames(); f += kBlock) {
        if (stop.stop_requested()) return false;
        size_t n = std::min(kBlock, audio.frames() - f);
        for (size_t i = 0; i < n; ++i)
            for (unsigned ch = 0; ch < kChannels; ++ch) block[i * kChannels + ch] = audio.at(f + i, ch);
        if (ebur128_add_frames_float(st.get(), block.data(), n) != EBUR128_SUCCESS) return false;
    }
    if (ebur128_loudness_global(st.get(), &m.integrated_lufs) != EBUR128_SUCCESS) return false;
    return !with_range || ebur128_loudness_range(st.get(), &m.loudness_range_lu) == EBUR128_SUCCESS;
}

// Stopped early, the figures are meaningless (and no error is raised).
LoudnessMeasure measure(const Processed& audio, bool with_range, const std::stop_token& stop)
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

float gain_factor(double gain_db) { return static_cast<float>(db_to_linear(gain_db)); }

void apply_gain(AudioBuffer& audio, double gain_db)
{
    const float g = gain_factor(gain_db);
    for (float& s : audio.samples) s *= g;
}

double integrated_only(const Processed& audio, const std::stop_token& stop)
{
    LoudnessMeasure m;
    if (!programme_loudness(audio, false, m, stop) && !stop.stop_requested())
        fail_system({}, "libebur128 failed to measure the soundtrack's loudness");
    return m.integrated_lufs;
}

// One trial of the normaliser: a static gain and the limiter's gains at a
// ceiling, on the untouched soundtrack.
struct Trial {
    float gain = 1.0f;
    std::vector<float> limiter;

    void set(const AudioBuffer& source, double gain_db, double ceiling_db)
    {
        gain = gain_factor(gain_db);
        std::vector<float>().swap(limiter);  // the old gains go before the new are made
        limiter = true_peak_gains(source, gain, db_to_linear(ceiling_db));
    }
    Processed on(const AudioBuffer& source) const { return Processed{source, gain, &limiter}; }
    // Writes the trial into the soundtrack.
    void apply(AudioBuffer& audio) const
    {
        for (size_t f = 0; f < audio.frames(); ++f)
            for (unsigned ch = 0; ch < kChannels; ++ch)
                audio.samples[f * kChannels + ch] = on(audio).at(f, ch);
    }
};

}  // namespace

LoudnessMeasure measure_loudness(const AudioBuffer& audio) { return measure(Processed{audio}, true, {}); }

LoudnessResult normalise_loudness(AudioBuffer& audio, double target_lufs, double true_peak_dbtp,
                                  std::stop_token stop)
{
    LoudnessResult result;
    result.before = measure(Processed{audio}, true, stop);
    // Each stage below takes a while on a long soundtrack: a stop request is
    // honoured between them (and inside the meters).
    if (stop.stop_requested()) return result;
    // Silence (or less than one 400 ms block): nothing to aim at.
    if (!std::isfinite(result.before.integrated_lufs)) {
        result.after = result.before;
        return result;
    }
    // Trials read `audio` as it came; only the last is written into it.
    double ceiling_db = true_peak_dbtp - kCeilingMarginDb;
    double gain_db = target_lufs - result.before.integrated_lufs;
    Trial trial;
    trial.set(audio, gain_db, ceiling_db);
    double loudness = integrated_only(trial.on(audio), stop);

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
        trial.set(audio, gain_db + step, ceiling_db);
        const double next = integrated_only(trial.on(audio), stop);
        slope = std::clamp((next - loudness) / step, 0.1, 1.0);
        gain_db += step;
        loudness = next;
    }

    // The limit is a promise about what libebur128 reads, and its
    // interpolator is not the limiter's: lower the ceiling until it agrees.
    if (stop.stop_requested()) return result;
    LoudnessMeasure m = measure(trial.on(audio), true, stop);
    for (int attempt = 0; attempt < kCeilingTries && m.true_peak_dbtp > true_peak_dbtp; ++attempt) {
        if (stop.stop_requested()) return result;
        ceiling_db -= (m.true_peak_dbtp - true_peak_dbtp) + 0.05;
        trial.set(audio, gain_db, ceiling_db);
        m = measure(trial.on(audio), true, stop);
    }
    if (stop.stop_requested()) return result;
    trial.apply(audio);
    if (m.true_peak_dbtp > true_peak_dbtp) {
        // Still over (pathological material): a static trim scales the
        // true peak exactly, so this lands under the limit.
        apply_gain(audio, true_peak_dbtp - m.true_peak_dbtp - 0.01);
        m = measure(Processed{audio}, true, stop);
    }
    result.gain_db = gain_db;
    result.after = m;
    return result;
}

}  // namespace koho::video
