// Placing one decoded sound on the soundtrack: where it starts, where it
// is cut, looping, fades and gain. The building block of mix_soundtrack
// for audio tracks and the sound of video layers alike.
#pragma once

#include <cstddef>

#include "video/audio_buffer.h"

namespace koho::video {

struct Placement {
    size_t start_frame = 0;          // first frame of the soundtrack it plays on
    size_t end_frame = 0;            // cut here (exclusive); a sound that is not looped may end sooner
    bool loop = false;               // start the sound again from its first frame when it ends
    double fade_in_s = 0;            // from the start
    double fade_out_s = 0;           // ending at the sound's end on the soundtrack (cut or natural)
    double gain_db = 0;
};

// The frame (exclusive) at which `sound` stops playing under `placement`:
// the cut, or its natural end when it is not looped.
size_t placed_end(const AudioBuffer& sound, const Placement& placement);

// Adds `sound`, placed, into `out` (frames past out's end are dropped).
// Fades are equal-power (quarter-sine) ramps: the gain is sin(π/2 · x)
// where x runs 0 → 1 over the fade-in from the start and 1 → 0 over the
// fade-out to the end, so the middle of a fade is at -3 dB.
void place_sound(const AudioBuffer& sound, const Placement& placement, AudioBuffer& out);

}  // namespace koho::video
