// Ducking. The key level is a running sum of power over a 480-frame window
// (in double: the sum is added to and taken from 8 million times in a
// three-minute soundtrack); the gain computer runs at the sample rate.
#include "video/audio_duck.h"

#include <algorithm>
#include <cmath>

#include "video/gain.h"

namespace koho::video {
namespace {

constexpr double kKeyWindowS = 0.010;
// The level of digital silence, so that dB stays finite.
constexpr float kFloorDb = -200.0f;
// Gains closer than this to 0 dB count as 0 dB (exactly unity, no work).
constexpr double kUnityDb = 1e-4;

}  // namespace

std::vector<float> key_level_db(const AudioBuffer& key)
{
    const size_t frames = key.frames();
    const size_t window = static_cast<size_t>(std::lround(kKeyWindowS * kSampleRate));
    std::vector<float> level(frames, kFloorDb);
    auto power = [&](size_t f) {
        double l = key.samples[f * kChannels], r = key.samples[f * kChannels + 1];
        return (l * l + r * r) / kChannels;
    };
    double sum = 0;
    for (size_t f = 0; f < frames; ++f) {
        sum += power(f);
        if (f >= window) sum -= power(f - window);
        // Frames before the start count as silence.
        double mean = std::max(0.0, sum) / static_cast<double>(window);
        if (mean > 0) level[f] = static_cast<float>(std::max<double>(kFloorDb, 10 * std::log10(mean)));
    }
    return level;
}

void duck(AudioBuffer& audio, const std::vector<float>& key_db, const DuckSettings& settings)
{
    const double attack = std::exp(-1.0 / (std::max(settings.attack_s, 1e-6) * kSampleRate));
    const double release = std::exp(-1.0 / (std::max(settings.release_s, 1e-6) * kSampleRate));
    double gain_db = 0;
    const size_t frames = std::min(audio.frames(), key_db.size());
    for (size_t f = 0; f < frames; ++f) {
        const double target = key_db[f] > settings.threshold_db ? settings.by_db : 0.0;
        const double keep = target < gain_db ? attack : release;
        gain_db = target + keep * (gain_db - target);
        if (std::fabs(gain_db) < kUnityDb) {
            gain_db = 0;
            continue;
        }
        const float g = static_cast<float>(db_to_linear(gain_db));
        audio.samples[f * kChannels] *= g;
        audio.samples[f * kChannels + 1] *= g;
    }
}

}  // namespace koho::video
