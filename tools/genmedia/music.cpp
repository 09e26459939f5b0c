#include "music.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/atomic_file.h"

namespace koho::genmedia {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kBpm = 96;
constexpr double kBeat = 60.0 / kBpm;  // 0.625 s
constexpr double kBar = 4 * kBeat;     // 2.5 s
constexpr int kKeyRoot = 62;           // D4: the piece is in D major
constexpr double kPeak = 0.5;          // −6 dBFS: the loudness stage has headroom to work with

// splitmix64: small, fast and the same on every platform, unlike std:: engines' distributions.
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return (next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
    double bipolar() { return 2 * uniform() - 1; }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }

private:
    uint64_t state_;
};

double midi_hz(double note) { return 440.0 * std::pow(2.0, (note - 69) / 12); }

// A chord as a root (semitones above the key's tonic) and its quality.
struct Chord {
    int root;
    bool minor;
};
// I–V–vi–IV and its rotation vi–IV–I–V: the two phrase shapes of the piece.
constexpr std::array<Chord, 4> kPopProgression{{{0, false}, {7, false}, {9, true}, {5, false}}};
constexpr std::array<Chord, 4> kRotated{{{9, true}, {5, false}, {0, false}, {7, false}}};
constexpr Chord kTonic{0, false};

// The chord's pitch classes placed in [low, low + 12): close voicing, so
// consecutive chords move by small steps without any voice-leading logic.
std::array<int, 3> voiced(Chord c, int low) {
    std::array<int, 3> intervals{0, c.minor ? 3 : 4, 7};
    std::array<int, 3> notes{};
    for (size_t i = 0; i < 3; ++i) {
        int n = kKeyRoot + c.root + intervals[i];
        while (n < low) n += 12;
        while (n >= low + 12) n -= 12;
        notes[i] = n;
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

enum class Section { Intro, Verse, Chorus, Outro };

struct Bar {
    Chord chord;
    Section section;
    int pattern;  // which arpeggio figure
};

// −1 (left) … +1 (right), constant power.
struct Pan {
    explicit Pan(double position)
        : left(std::cos((position + 1) * kPi / 4)), right(std::sin((position + 1) * kPi / 4)) {}
    double left, right;
};

class Mixer {
public:
    Mixer(int rate, size_t frames) : rate_(rate), left_(frames, 0.0), right_(frames, 0.0) {}
    int rate() const { return rate_; }
    size_t frames() const { return left_.size(); }
    void add(size_t i, double v, const Pan& pan) {
        if (i >= left_.size()) return;
        left_[i] += v * pan.left;
        right_[i] += v * pan.right;
    }
    std::vector<double>& left() { return left_; }
    std::vector<double>& right() { return right_; }

private:
    int rate_;
    std::vector<double> left_, right_;
};

// Additive voice: harmonics k = 1…n with amplitude 1/k^tilt, each decaying at
// base_decay + k·decay_per_harmonic per second (a pluck) or held (a pad,
// decay 0). Sines advance by complex rotation, so a note costs no sin() per sample.
struct Voice {
    double hz;
    int harmonics;
    double tilt;
    double base_decay;
    double decay_per_harmonic;
};

void add_voice(Mixer& mix, const Voice& v, double start_s, double length_s, double attack_s, double release_s,
               double gain, double pan_position) {
    const int rate = mix.rate();
    const Pan pan(pan_position);
    const size_t first = static_cast<size_t>(std::llround(start_s * rate));
    const size_t count = static_cast<size_t>((length_s + release_s) * rate);
    for (int k = 1; k <= v.harmonics; ++k) {
        double f = v.hz * k;
        if (f > rate * 0.45) break;
        std::complex<double> step = std::polar(1.0, 2 * kPi * f / rate);
        std::complex<double> phasor(0.0, 1.0);  // start at sin = 0: no click
        double amp = gain / std::pow(k, v.tilt);
        double decay = std::exp(-(v.base_decay + k * v.decay_per_harmonic) / rate);
        double level = 1;
        for (size_t n = 0; n < count; ++n) {
            double t = static_cast<double>(n) / rate;
            double env = t < attack_s ? t / attack_s : 1.0;
            if (t > length_s) env *= std::max(0.0, 1 - (t - length_s) / release_s);
            mix.add(first + n, amp * level * env * phasor.imag(), pan);
            phasor *= step;
            level *= decay;
        }
    }
}

void add_pad(Mixer& mix, const Bar& bar, double start) {
    double gain = bar.section == Section::Chorus ? 0.055 : 0.06;
    for (int note : voiced(bar.chord, 55)) {
        // Two copies ±6 cents apart, panned apart: slow beating gives the pad its width.
        for (int side : {-1, 1}) {
            Voice v{midi_hz(note + side * 0.06), 6, 1.8, 0, 0};
            add_voice(mix, v, start, kBar, 0.45, 0.8, gain, side * 0.6);
        }
    }
}

void add_bass(Mixer& mix, const Bar& bar, double start) {
    int root = kKeyRoot + bar.chord.root - 24;
    if (root < 38) root += 12;
    std::vector<double> beats = {0, 2};
    if (bar.section == Section::Chorus) beats.push_back(3.5);
    for (double b : beats) {
        Voice v{midi_hz(root), 3, 2.2, 1.6, 0.8};
        add_voice(mix, v, start + b * kBeat, kBeat * 1.6, 0.012, 0.25, 0.16, 0);
    }
}

// Eight-note figures over the chord tones spread across two octaves (0–5).
constexpr std::array<std::array<int, 8>, 4> kFigures{{{0, 1, 2, 3, 4, 3, 2, 1},
                                                      {0, 2, 1, 3, 2, 4, 3, 5},
                                                      {0, 1, 2, 4, 3, 1, 2, 5},
                                                      {2, 1, 0, 3, 2, 4, 5, 3}}};

// Into the plucks bus, which gets the echo (see synthesise_music).
void add_arpeggio(Mixer& plucks, const Bar& bar, double start) {
    std::array<int, 3> low = voiced(bar.chord, 62);
    std::array<int, 6> tones{low[0], low[1], low[2], low[0] + 12, low[1] + 12, low[2] + 12};
    const auto& figure = kFigures[bar.pattern % kFigures.size()];
    bool sparse = bar.section == Section::Intro || bar.section == Section::Outro;
    for (int i = 0; i < 8; ++i) {
        if (sparse && i % 2 == 1) continue;
        double accent = i % 4 == 0 ? 1.0 : (i % 2 == 0 ? 0.8 : 0.65);
        double pan = i % 2 == 0 ? -0.3 : 0.3;
        Voice v{midi_hz(tones[figure[i]]), 6, 1.3, 2.2, 1.6};
        add_voice(plucks, v, start + i * kBeat / 2, 0.9, 0.004, 0.15, 0.05 * accent, pan);
    }
}

void add_kick(Mixer& mix, double t, double gain) {
    const int rate = mix.rate();
    size_t first = static_cast<size_t>(std::llround(t * rate));
    const Pan centre(0);
    double phase = 0;
    for (size_t n = 0; n < static_cast<size_t>(0.4 * rate); ++n) {
        double s = static_cast<double>(n) / rate;
        double hz = 48 + 70 * std::exp(-s / 0.03);
        phase += 2 * kPi * hz / rate;
        double env = std::min(1.0, s / 0.002) * std::exp(-s / 0.11);
        mix.add(first + n, gain * env * std::sin(phase), centre);
    }
}

// Filtered noise bursts: a shaker (high) and a finger snap (mid).
void add_noise_hit(Mixer& mix, Random& random, double t, double gain, double decay_s, double hp, double lp,
                   double pan_position) {
    const int rate = mix.rate();
    const Pan pan(pan_position);
    size_t first = static_cast<size_t>(std::llround(t * rate));
    double low = 0, band = 0;
    for (size_t n = 0; n < static_cast<size_t>(decay_s * 6 * rate); ++n) {
        double s = static_cast<double>(n) / rate;
        double x = random.bipolar();
        low += hp * (x - low);  // one-pole low-pass; x − low is the high-passed part
        double high = x - low;
        band += lp * (high - band);
        double env = std::min(1.0, s / 0.003) * std::exp(-s / decay_s);
        mix.add(first + n, gain * env * band, pan);
    }
}

void add_percussion(Mixer& mix, Random& random, const Bar& bar, double start) {
    if (bar.section == Section::Intro || bar.section == Section::Outro) return;
    bool full = bar.section == Section::Chorus;
    add_kick(mix, start, 0.34);
    if (full) add_kick(mix, start + 2 * kBeat, 0.3);
    for (int i = 0; i < 8; ++i) {
        double g = (i % 2 == 1 ? 0.05 : 0.03) * (full ? 1.0 : 0.8);
        add_noise_hit(mix, random, start + i * kBeat / 2, g, 0.03, 0.35, 0.9, 0.35);
    }
    if (full)
        for (int beat : {1, 3}) add_noise_hit(mix, random, start + beat * kBeat, 0.09, 0.06, 0.08, 0.35, -0.1);
}

std::vector<Bar> arrange(int bars, Random& random) {
    std::vector<Bar> plan;
    int phrases = (bars + 3) / 4;
    for (int p = 0; p < phrases; ++p) {
        Section s = p == 0 ? Section::Intro
                    : (p == phrases - 1 && phrases > 2) ? Section::Outro
                    : (p % 2 == 1) ? Section::Verse
                                   : Section::Chorus;
        const auto& progression = (s == Section::Chorus && random.below(2) == 0) ? kRotated : kPopProgression;
        int pattern = random.below(static_cast<int>(kFigures.size()));
        for (int b = 0; b < 4 && static_cast<int>(plan.size()) < bars; ++b)
            plan.push_back({progression[b], s, pattern});
    }
    plan.back().chord = kTonic;  // end at home, so a loop returns to where it started
    return plan;
}

}  // namespace

Music synthesise_music(const MusicSettings& settings) {
    if (!(settings.seconds > 0)) throw std::invalid_argument("--seconds must be positive");
    const int rate = settings.sample_rate;
    const int bars = std::max(4, static_cast<int>(std::lround(settings.seconds / kBar)));
    const double length = bars * kBar;
    const size_t frames = static_cast<size_t>(std::llround(length * rate));

    Random random(settings.seed);
    std::vector<Bar> plan = arrange(bars, random);
    Mixer mix(rate, frames);
    Mixer plucks(rate, frames);  // a separate bus: it gets the echo
    for (size_t i = 0; i < plan.size(); ++i) {
        double start = i * kBar;
        add_pad(mix, plan[i], start);
        add_bass(mix, plan[i], start);
        add_arpeggio(plucks, plan[i], start);
        add_percussion(mix, random, plan[i], start);
    }

    // Ping-pong echo of a dotted eighth on the plucks, then into the mix.
    const size_t delay = static_cast<size_t>(std::llround(0.75 * kBeat * rate));
    std::vector<double> el(frames, 0.0), er(frames, 0.0);
    for (size_t n = 0; n < frames; ++n) {
        double in_l = plucks.left()[n], in_r = plucks.right()[n];
        double fb_l = n >= delay ? er[n - delay] : 0.0;  // left hears the right's echo: ping-pong
        double fb_r = n >= delay ? el[n - delay] : 0.0;
        el[n] = 0.5 * in_r + 0.35 * fb_l;
        er[n] = 0.5 * in_l + 0.35 * fb_r;
        mix.left()[n] += in_l + 0.45 * el[n];
        mix.right()[n] += in_r + 0.45 * er[n];
    }

    // Fades: in over the first beat, out over the last bar.
    const double fade_in = kBeat, fade_out = kBar;
    double peak = 1e-12;
    for (size_t n = 0; n < frames; ++n) {
        double t = static_cast<double>(n) / rate;
        double g = std::min({1.0, t / fade_in, (length - t) / fade_out});
        g = std::max(0.0, g);
        g = g * g * (3 - 2 * g);  // smoothstep: no corner at either end of a fade
        mix.left()[n] *= g;
        mix.right()[n] *= g;
        peak = std::max({peak, std::abs(mix.left()[n]), std::abs(mix.right()[n])});
    }

    Music music;
    music.sample_rate = rate;
    music.samples.resize(frames * 2);
    double scale = kPeak / peak;
    for (size_t n = 0; n < frames; ++n) {
        music.samples[2 * n] = static_cast<float>(mix.left()[n] * scale);
        music.samples[2 * n + 1] = static_cast<float>(mix.right()[n] * scale);
    }
    return music;
}

void write_wav(const std::filesystem::path& path, const Music& music) {
    const uint32_t channels = 2, bits = 16;
    const uint32_t data_bytes = static_cast<uint32_t>(music.samples.size() * 2);
    std::string out;
    out.reserve(44 + data_bytes);
    auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    auto u16 = [&](uint32_t v) {
        for (int i = 0; i < 2; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    out += "RIFF";
    u32(36 + data_bytes);
    out += "WAVEfmt ";
    u32(16);
    u16(1);  // PCM
    u16(channels);
    u32(static_cast<uint32_t>(music.sample_rate));
    u32(static_cast<uint32_t>(music.sample_rate) * channels * bits / 8);
    u16(channels * bits / 8);
    u16(bits);
    out += "data";
    u32(data_bytes);
    // TPDF dither from a fixed seed: no quantisation buzz in the fades, same bytes every run.
    Random dither(0x6b6f686f);
    for (float s : music.samples) {
        double d = (dither.uniform() - dither.uniform());
        long v = std::lround(std::clamp(s * 32767.0 + d, -32768.0, 32767.0));
        u16(static_cast<uint32_t>(static_cast<uint16_t>(static_cast<int16_t>(v))));
    }
    write_file_atomically(path, out);
}

}  // namespace koho::genmedia
