// Helpers for the soundtrack tests: deterministic test signals, a tiny
// 16-bit PCM WAV writer (inputs for decode_audio and for outside meters),
// levels, and FFmpeg's ebur128 filter as an independent loudness meter.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "video/audio_buffer.h"

namespace koho::video::testing {

// A fresh directory under the system temp dir, removed at the end.
class TempDir {
public:
    explicit TempDir(const std::string& tag)
    {
        path_ = std::filesystem::temp_directory_path() /
                ("koho-" + tag + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Interleaved samples (±1) as 16-bit PCM, rounded and clipped.
inline void write_wav16(const std::filesystem::path& path, const std::vector<float>& interleaved,
                        int rate, int channels)
{
    std::ofstream out(path, std::ios::binary);
    auto u32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) out.put(static_cast<char>(v >> (8 * i))); };
    auto u16 = [&](uint16_t v) { for (int i = 0; i < 2; ++i) out.put(static_cast<char>(v >> (8 * i))); };
    const uint32_t data_bytes = static_cast<uint32_t>(interleaved.size() * 2);
    out.write("RIFF", 4);
    u32(36 + data_bytes);
    out.write("WAVEfmt ", 8);
    u32(16);
    u16(1);  // PCM
    u16(static_cast<uint16_t>(channels));
    u32(static_cast<uint32_t>(rate));
    u32(static_cast<uint32_t>(rate * channels * 2));
    u16(static_cast<uint16_t>(channels * 2));
    u16(16);
    out.write("data", 4);
    u32(data_bytes);
    for (float s : interleaved) {
        long v = std::lround(static_cast<double>(s) * 32767.0);
        v = std::max(-32768L, std::min(32767L, v));
        u16(static_cast<uint16_t>(static_cast<int16_t>(v)));
    }
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

inline void write_wav16(const std::filesystem::path& path, const AudioBuffer& audio)
{
    write_wav16(path, audio.samples, kSampleRate, kChannels);
}

// A reproducible uniform noise in [-1, 1) (64-bit LCG, top bits).
class Noise {
public:
    explicit Noise(uint64_t seed) : state_(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
    float next()
    {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<float>(static_cast<double>(state_ >> 11) / 9007199254740992.0 * 2.0 - 1.0);
    }

private:
    uint64_t state_;
};

// Something like music: pinkish noise (a leaky integrator over white noise)
// under a few chords of sines, both swelling, different on the two sides.
inline AudioBuffer music_like(double seconds, uint64_t seed = 1)
{
    AudioBuffer a;
    a.resize_frames(static_cast<size_t>(std::llround(seconds * kSampleRate)));
    Noise noise(seed);
    float pink[2] = {0, 0};
    const double notes[] = {220.0, 277.18, 329.63, 440.0, 554.37};
    for (size_t n = 0; n < a.frames(); ++n) {
        double t = static_cast<double>(n) / kSampleRate;
        double swell = 0.6 + 0.4 * std::sin(2 * M_PI * 0.5 * t);
        for (int ch = 0; ch < kChannels; ++ch) {
            pink[ch] = 0.97f * pink[ch] + 0.03f * noise.next();
            double tone = 0;
            for (size_t k = 0; k < 5; ++k) tone += std::sin(2 * M_PI * notes[k] * (1 + 0.002 * ch) * t + k);
            a.samples[n * kChannels + ch] = static_cast<float>(swell * (0.5 * pink[ch] * 4 + 0.05 * tone));
        }
    }
    return a;
}

inline AudioBuffer sine(double seconds, double freq, double amplitude)
{
    AudioBuffer a;
    a.resize_frames(static_cast<size_t>(std::llround(seconds * kSampleRate)));
    for (size_t n = 0; n < a.frames(); ++n) {
        float v = static_cast<float>(amplitude * std::sin(2 * M_PI * freq * n / kSampleRate));
        a.samples[n * kChannels] = v;
        a.samples[n * kChannels + 1] = v;
    }
    return a;
}

// RMS over frames [from, to) of both channels.
inline double rms(const AudioBuffer& a, size_t from, size_t to)
{
    double sum = 0;
    to = std::min(to, a.frames());
    if (to <= from) return 0;
    for (size_t i = from * kChannels; i < to * kChannels; ++i) sum += double(a.samples[i]) * a.samples[i];
    return std::sqrt(sum / double((to - from) * kChannels));
}

inline double rms_s(const AudioBuffer& a, double from_s, double to_s)
{
    return rms(a, static_cast<size_t>(std::llround(from_s * kSampleRate)),
               static_cast<size_t>(std::llround(to_s * kSampleRate)));
}

inline double db(double linear) { return 20 * std::log10(linear); }

// FFmpeg's ebur128 filter, run on a WAV file: its summary's integrated
// loudness and true peak (printed to 0.1 dB).
struct FfmpegLoudness {
    double integrated_lufs = NAN;
    double true_peak_dbtp = NAN;
};

inline FfmpegLoudness ffmpeg_ebur128(const std::filesystem::path& wav)
{
    std::string cmd = "ffmpeg -hide_banner -nostats -nostdin -i '" + wav.string() +
                      "' -af ebur128=peak=true -f null - 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error("cannot run ffmpeg");
    std::string out;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
    FfmpegLoudness r;
    auto summary = out.rfind("Summary:");
    if (summary == std::string::npos) throw std::runtime_error("no ebur128 summary from ffmpeg:\n" + out);
    std::string tail = out.substr(summary);
    std::smatch m;
    if (std::regex_search(tail, m, std::regex(R"(I:\s+(-?[0-9.]+|-inf) LUFS)")))
        r.integrated_lufs = m[1] == "-inf" ? -INFINITY : std::stod(m[1]);
    if (std::regex_search(tail, m, std::regex(R"(Peak:\s+(-?[0-9.]+|-inf) dBFS)")))
        r.true_peak_dbtp = m[1] == "-inf" ? -INFINITY : std::stod(m[1]);
    return r;
}

}  // namespace koho::video::testing
