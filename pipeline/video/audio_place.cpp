// Placing a sound: a loop over the soundtrack frames it covers, the source
// frame found by offset (modulo its length when looped).
#include "video/audio_place.h"

#include <algorithm>
#include <cmath>

#include "video/gain.h"

namespace koho::video {

size_t placed_end(const AudioBuffer& sound, const Placement& placement)
{
    if (sound.frames() == 0 || placement.end_frame <= placement.start_frame) return placement.start_frame;
    if (placement.loop) return placement.end_frame;
    return std::min(placement.end_frame, placement.start_frame + sound.frames());
}

void place_sound(const AudioBuffer& sound, const Placement& placement, AudioBuffer& out)
{
    const size_t start = placement.start_frame;
    const size_t end = std::min(placed_end(sound, placement), out.frames());
    if (end <= start) return;
    const double gain = db_to_linear(placement.gain_db);
    const double fade_in = placement.fade_in_s * kSampleRate;
    const double fade_out = placement.fade_out_s * kSampleRate;
    // The fade-out ends where the sound does on the soundtrack, also when
    // that is the soundtrack's own end.
    const size_t fade_end = end;
    const size_t length = sound.frames();
    for (size_t f = start; f < end; ++f) {
        const size_t offset = f - start;
        const size_t from = placement.loop ? offset % length : offset;
        double g = gain;
        if (offset < fade_in) g *= std::sin(M_PI / 2 * (offset / fade_in));
        const double to_end = static_cast<double>(fade_end - f);
        if (to_end < fade_out) g *= std::sin(M_PI / 2 * (to_end / fade_out));
        const float gf = static_cast<float>(g);
        out.samples[f * kChannels] += gf * sound.samples[from * kChannels];
        out.samples[f * kChannels + 1] += gf * sound.samples[from * kChannels + 1];
    }
}

}  // namespace koho::video
