// Sound inside koho: 48 kHz stereo float, interleaved (L R L R …), full
// scale ±1. Every input is decoded and resampled to this once (media_input.h);
// the mix, the loudness stage and the AAC encoder all work on it.
#pragma once

#include <cstddef>
#include <vector>

namespace koho::video {

constexpr int kSampleRate = 48000;
constexpr int kChannels = 2;

struct AudioBuffer {
    std::vector<float> samples;  // interleaved, kChannels per frame

    size_t frames() const { return samples.size() / kChannels; }
    double seconds() const { return static_cast<double>(frames()) / kSampleRate; }
    void resize_frames(size_t frames) { samples.assign(frames * kChannels, 0.0f); }
};

}  // namespace koho::video
