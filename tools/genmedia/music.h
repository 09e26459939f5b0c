// A small deterministic synthesiser for the campaign's background music:
// an original, gentle, bright piece in D major on the I–V–vi–IV progression
// (soft pads, a plucked arpeggio, a round bass, light percussion). The same
// length and seed always give the same samples, so the WAV is a build
// product like the photos rather than a committed binary.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace koho::genmedia {

struct MusicSettings {
    double seconds = 30;  // rounded to whole bars (at least 4)
    uint32_t seed = 1;    // varies the arpeggio patterns and the section order
    int sample_rate = 48000;
};

struct Music {
    int sample_rate = 48000;
    std::vector<float> samples;  // interleaved stereo
    double seconds() const { return samples.size() / 2.0 / sample_rate; }
};

Music synthesise_music(const MusicSettings& settings);

// 16-bit PCM stereo WAV, written atomically.
void write_wav(const std::filesystem::path& path, const Music& music);

}  // namespace koho::genmedia
