// The true-peak limiter. The soundtrack is in memory, so "look-ahead" is
// just reading ahead: no delay line, no latency to compensate.
//
// 1. Peaks: every sample and the three points between it and the next
//    are estimated with a 4× polyphase windowed-sinc interpolator (16 taps
//    per phase, Kaiser window) — the inter-sample peaks a DAC or a decoder
//    produces. Each frame needs gain min(1, ceiling / peak) for both
//    segments it borders.
// 2. Look-ahead minimum: each frame's gain floor is the lowest need from
//    8 frames before it (the interpolator's reach) to 5 ms + 8 frames after.
// 3. Release: the floor may drop at once but rises back to 1 by a one-pole
//    filter with a 100 ms time constant.
// 4. Attack: a 5 ms moving average of (3). Every frame inside the average's
//    window had the peak inside its look-ahead, so the averaged gain is
//    still at or under every need: the attack is a linear ramp that lands
//    on the floor exactly when the peak arrives.
#include "video/true_peak_limiter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <vector>

namespace koho::video {
namespace {

constexpr int kOversample = 4;
constexpr int kHalfTaps = 8;                     // taps at offsets -7 … +8
constexpr int kTaps = 2 * kHalfTaps;
constexpr double kKaiserBeta = 6.0;
constexpr double kLookAheadS = 0.005;
constexpr double kReleaseS = 0.100;

double bessel_i0(double x)
{
    double sum = 1, term = 1;
    for (int k = 1; k < 50; ++k) {
        term *= (x / (2 * k)) * (x / (2 * k));
        sum += term;
        if (term < sum * 1e-12) break;
    }
    return sum;
}

// phase p (1..3) interpolates at n + p/4 from x[n-7] … x[n+8].
struct Interpolator {
    std::array<std::array<float, kTaps>, kOversample> taps{};
    double bound = 0;  // max over phases of Σ|tap|: |interpolated| ≤ bound × max|x|

    Interpolator()
    {
        for (int p = 1; p < kOversample; ++p) {
            double sum = 0;
            for (int t = 0; t < kTaps; ++t) {
                int d = t - (kHalfTaps - 1);
                double u = static_cast<double>(p) / kOversample - d;  // distance from tap to point
                double sinc = std::sin(M_PI * u) / (M_PI * u);
                double r = u / kHalfTaps;
                double window = bessel_i0(kKaiserBeta * std::sqrt(std::max(0.0, 1 - r * r))) /
                                bessel_i0(kKaiserBeta);
                taps[p][t] = static_cast<float>(sinc * window);
                sum += std::fabs(taps[p][t]);
            }
            bound = std::max(bound, sum);
        }
    }
};

// The highest |value| of either channel on the segment [n, n+1],
// interpolated points included.
float segment_peak(const Interpolator& in, const std::vector<float>& s, float pre_gain, size_t frames, size_t n)
{
    float peak = 0;
    for (int ch = 0; ch < kChannels; ++ch) {
        peak = std::max(peak, std::fabs(s[n * kChannels + ch] * pre_gain));
        if (n + 1 < frames) peak = std::max(peak, std::fabs(s[(n + 1) * kChannels + ch] * pre_gain));
        for (int p = 1; p < kOversample; ++p) {
            float v = 0;
            for (int t = 0; t < kTaps; ++t) {
                long j = static_cast<long>(n) + t - (kHalfTaps - 1);
                if (j < 0 || j >= static_cast<long>(frames)) continue;
                v += in.taps[p][t] * (s[j * kChannels + ch] * pre_gain);
            }
            peak = std::max(peak, std::fabs(v));
        }
    }
    return peak;
}

// Per frame: the gain that keeps both segments it borders under `ceiling`.
std::vector<float> needed_gain(const std::vector<float>& s, float pre_gain, size_t frames, double ceiling)
{
    static const Interpolator interpolator;
    // Blocks whose neighbourhood cannot reach the ceiling even in the worst
    // case of interpolation are skipped (most of a normalised mix).
    constexpr size_t kBlock = kTaps;
    const size_t blocks = (frames + kBlock - 1) / kBlock;
    std::vector<float> block_peak(blocks, 0.0f);
    for (size_t n = 0; n < frames; ++n)
        for (int ch = 0; ch < kChannels; ++ch)
            block_peak[n / kBlock] = std::max(block_peak[n / kBlock], std::fabs(s[n * kChannels + ch] * pre_gain));

    std::vector<float> segment(frames, 0.0f);
    for (size_t b = 0; b < blocks; ++b) {
        float near = block_peak[b];
        if (b > 0) near = std::max(near, block_peak[b - 1]);
        if (b + 1 < blocks) near = std::max(near, block_peak[b + 1]);
        if (near * interpolator.bound <= ceiling) continue;
        for (size_t n = b * kBlock; n < std::min(frames, (b + 1) * kBlock); ++n)
            segment[n] = segment_peak(interpolator, s, pre_gain, frames, n);
    }
    std::vector<float> need(frames, 1.0f);
    for (size_t n = 0; n < frames; ++n) {
        float peak = segment[n];
        if (n > 0) peak = std::max(peak, segment[n - 1]);
        if (peak > ceiling) need[n] = static_cast<float>(ceiling / peak);
    }
    return need;
}

}  // namespace

std::vector<float> true_peak_gains(const AudioBuffer& audio, float pre_gain, double ceiling)
{
    const size_t frames = audio.frames();
    if (frames == 0) return {};
    std::vector<float> need = needed_gain(audio.samples, pre_gain, frames, ceiling);
    if (std::all_of(need.begin(), need.end(), [](float g) { return g >= 1.0f; })) return {};

    const size_t look = std::max<size_t>(1, std::lround(kLookAheadS * kSampleRate));
    const size_t spread = kHalfTaps;
    // Gains are computed for frames -(look-1) … frames-1 so that the ramp
    // towards a peak in the first 5 ms starts before the soundtrack does.
    // floor[i] (frame i-(look-1)) = min need over frames [k-spread, k+look-1+spread].
    const size_t pad = look - 1 + spread;
    const size_t window = look + 2 * spread;
    auto need_at = [&](size_t padded) -> float {
        if (padded < pad || padded - pad >= frames) return 1.0f;
        return need[padded - pad];
    };
    const size_t count = frames + look - 1;
    std::vector<float> floor(count);
    std::deque<size_t> mins;  // padded indices, their needs increasing
    for (size_t j = 0; j < count + window - 1; ++j) {
        while (!mins.empty() && need_at(mins.back()) >= need_at(j)) mins.pop_back();
        mins.push_back(j);
        if (j + 1 < window) continue;
        size_t i = j + 1 - window;
        while (mins.front() < i) mins.pop_front();
        floor[i] = need_at(mins.front());
    }
    // Release: falls at once, rises by a one-pole towards the floor. In
    // double: a float one-pole this slow stalls 1e-4 short of its goal.
    const double keep = std::exp(-1.0 / (kReleaseS * kSampleRate));
    double env = 1.0;
    for (float& g : floor) {
        env = g < env ? g : g + keep * (env - g);
        g = static_cast<float>(env);
    }
    // Attack: the moving average over `look` values; frame n's gain is the
    // mean of floor[n … n+look-1]. Written over `need`, no longer needed:
    // one soundtrack-long array fewer.
    std::vector<float>& gain = need;
    double sum = 0;
    for (size_t i = 0; i < look; ++i) sum += floor[i];
    for (size_t n = 0; n < frames; ++n) {
        gain[n] = static_cast<float>(sum / look);
        sum += (n + look < count ? floor[n + look] : 1.0f) - floor[n];
    }
    return std::move(gain);
}

void limit_true_peak(AudioBuffer& audio, double ceiling)
{
    const std::vector<float> gain = true_peak_gains(audio, 1.0f, ceiling);
    for (size_t n = 0; n < gain.size(); ++n) {
        audio.samples[n * kChannels] *= gain[n];
        audio.samples[n * kChannels + 1] *= gain[n];
    }
}

}  // namespace koho::video
