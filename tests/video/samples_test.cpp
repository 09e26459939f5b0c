// The sample videos' timelines (layouts/promo-*.json) and the media made for
// them (media/README.md "audio/"): every video layout and each of its
// variants loads; the lengths the campaign asked for; captions that are the
// narration script's cues; chapters video sites accept; the mascot on
// screen for the whole video and, in the tall variant, text inside the
// title-safe area above the Shorts controls; the synthesised music's format,
// level and determinism. Needs `make media` (as `make test` does).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "model/json_source.h"
#include "model/merge_plan.h"
#include "model/timeline.h"
#include "model/timeline_record.h"
#include "video/sidecars.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// layouts/*.json whose "type" is "video", by name (promo-main, …); those
// that merge data ("data": one clip per record) are tested on their own.
std::vector<std::string> video_samples() {
    std::vector<std::string> names;
    const std::regex video_type(R"re("type"\s*:\s*"video")re");
    const std::regex merges(R"re("data"\s*:\s*")re");
    for (const auto& entry : fs::directory_iterator("layouts"))
        if (entry.path().extension() == ".json" && std::regex_search(read_file(entry.path()), video_type) &&
            !std::regex_search(read_file(entry.path()), merges))
            names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

model::Timeline load(const std::string& name, const std::string& variant = "") {
    model::TimelineOptions options;
    options.variant = variant;
    return model::load_timeline("layouts/" + name + ".json", options);
}

struct Cue {
    double start_s;
    std::string caption;  // with its line break
};

// media/audio/narration/NAME.txt: "START | caption | reading", "／" = line break.
std::vector<Cue> narration_cues(const std::string& name) {
    std::ifstream in("media/audio/narration/" + name + ".txt");
    EXPECT_TRUE(in) << "no narration script for " << name;
    std::vector<Cue> cues;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const size_t a = line.find('|'), b = line.find('|', a + 1);
        EXPECT_NE(b, std::string::npos) << line;
        auto trim = [](std::string s) {
            s.erase(0, s.find_first_not_of(' '));
            s.erase(s.find_last_not_of(' ') + 1);
            return s;
        };
        const std::string written = trim(line.substr(a + 1, b - a - 1));
        const std::string slash = "／";
        std::string caption;
        for (size_t at = 0; at < written.size();) {
            if (written.compare(at, slash.size(), slash) == 0) {
                caption += '\n';
                at += slash.size();
            } else {
                caption += written[at++];
            }
        }
        cues.push_back({std::stod(line.substr(0, a)), caption});
    }
    return cues;
}

TEST(VideoSamples, EveryVideoLayoutAndVariantLoads) {
    const auto names = video_samples();
    EXPECT_EQ(names, (std::vector<std::string>{"promo-30s", "promo-main"}));
    for (const auto& name : names) {
        const model::Timeline main = load(name);
        EXPECT_EQ(main.width_px * 9, main.height_px * 16) << name << " is 16:9";
        EXPECT_EQ(main.output.preset, "youtube-1080p") << name;
        for (const auto& variant : main.variant_names) {
            SCOPED_TRACE(name + " --variant " + variant);
            const model::Timeline v = load(name, variant);
            EXPECT_EQ(v.duration_s, main.duration_s);
            EXPECT_EQ(v.captions.size(), main.captions.size());
        }
    }
}

TEST(VideoSamples, LengthsAndTheThirtySecondCutsShapes) {
    const model::Timeline main = load("promo-main");
    EXPECT_GE(main.duration_s, 120.0);
    EXPECT_LE(main.duration_s, 180.0);
    EXPECT_EQ(main.fps.num, 30);
    const model::Timeline cut = load("promo-30s");
    EXPECT_DOUBLE_EQ(cut.duration_s, 30.0);
    ASSERT_EQ(cut.variant_names, std::vector<std::string>{"9x16"});
    const model::Timeline tall = load("promo-30s", "9x16");
    EXPECT_EQ(tall.width_px, 1080);
    EXPECT_EQ(tall.height_px, 1920);
    EXPECT_EQ(tall.output.preset, "shorts-1080x1920");
}

TEST(VideoSamples, CaptionsAreTheNarrationScriptsCues) {
    for (const auto& name : video_samples()) {
        SCOPED_TRACE(name);
        const model::Timeline t = load(name);
        const auto cues = narration_cues(name);
        ASSERT_EQ(t.captions.size(), cues.size());
        for (size_t i = 0; i < cues.size(); ++i) {
            EXPECT_NEAR(t.captions[i].start_s, cues[i].start_s, 1e-9) << "caption " << i;
            EXPECT_EQ(t.captions[i].text, cues[i].caption) << "caption " << i;
            if (i + 1 < cues.size()) {
                EXPECT_LE(t.captions[i].end_s, cues[i + 1].start_s) << "caption " << i;
            }
        }
        // The narration track is this script's WAV, and the music ducks under it.
        bool narration = false, ducked = false;
        for (const auto& track : t.audio) {
            if (track.src == "media/audio/narration/" + name + ".wav") narration = track.id == "narration";
            if (track.duck && track.duck->under == "narration") ducked = true;
        }
        EXPECT_TRUE(narration);
        EXPECT_TRUE(ducked);
        ASSERT_TRUE(t.loudness.has_value());
        EXPECT_EQ(t.loudness->integrated_lufs, -14);
    }
}

TEST(VideoSamples, ChaptersVideoSitesAccept) {
    for (const auto& name : video_samples()) {
        const model::Timeline t = load(name);
        EXPECT_GE(t.chapters.size(), 3u) << name;
        for (const auto& warning : video::check_chapters(t.chapters, t.duration_s)) {
            ADD_FAILURE() << name << ": " << warning.message;
        }
    }
}

// The mascot overlay spans the whole video and, once it has walked in,
// every keyframe keeps it inside the frame.
void expect_mascot_on_screen(const model::Timeline& t, double walked_in_s) {
    const model::Layer* mascot = nullptr;
    for (const auto& layer : t.overlays)
        if (layer.id == "mascot") mascot = &layer;
    ASSERT_NE(mascot, nullptr);
    EXPECT_EQ(mascot->start_s, 0);
    EXPECT_NEAR(mascot->end_s, t.duration_s, 1e-9);
    const double fw = t.width_px * model::kPtPerPx, fh = t.height_px * model::kPtPerPx;
    const double w = mascot->box.w;
    const double h = w * 1024.0 / 874.0;  // media/mascot/placeholder.png is 874 × 1024
    ASSERT_GT(w, 0);
    size_t checked = 0;
    for (const auto& k : mascot->keyframes) {
        if (k.t_s < walked_in_s || !k.x_pt || !k.y_pt) continue;
        const double grow = (k.scale.value_or(1) - 1) / 2;
        EXPECT_GE(*k.x_pt - grow * w, 0) << "keyframe at " << k.t_s << " s";
        EXPECT_LE(*k.x_pt + w * (1 + grow), fw) << "keyframe at " << k.t_s << " s";
        EXPECT_GE(*k.y_pt - grow * h, 0) << "keyframe at " << k.t_s << " s";
        EXPECT_LE(*k.y_pt + h * (1 + grow), fh) << "keyframe at " << k.t_s << " s";
        ++checked;
    }
    EXPECT_GT(checked, 20u);
}

TEST(VideoSamples, TheMascotGuidesThroughTheWholeVideo) {
    expect_mascot_on_screen(load("promo-main"), 2.3);
    expect_mascot_on_screen(load("promo-30s"), 2.0);
    expect_mascot_on_screen(load("promo-30s", "9x16"), 2.0);
}

// The per-session clip (layouts/session-clip.json, data merge): every
// record loads as a short 1080×1920 clip for Shorts and Reels whose text,
// captions and title are the record's, with the mascot on screen.
TEST(VideoSamples, TheSessionClipIsShortTallAndEachRecordsOwn) {
    const model::JsonSource source = model::JsonSource::read_file("layouts/session-clip.json");
    const auto spec = model::read_merge_spec(source);
    ASSERT_TRUE(spec);
    const model::MergePlan plan = model::plan_merge(source, *spec, ".", {".mp4"});
    EXPECT_EQ(plan.jobs.size(), 9u);
    for (const model::MergeJob& job : plan.jobs) {
        ASSERT_FALSE(job.error) << job.error->what();
        SCOPED_TRACE(job.output);
        EXPECT_EQ(job.output, "session-clip-" + job.vars.at("id") + ".mp4");
        const model::Timeline t = model::load_timeline_record("layouts/session-clip.json", {}, job.vars);
        EXPECT_EQ(t.width_px, 1080);
        EXPECT_EQ(t.height_px, 1920);
        EXPECT_EQ(t.output.preset, "shorts-1080x1920");
        EXPECT_EQ(t.fps.num, 30);
        EXPECT_GE(t.duration_s, 10.0);
        EXPECT_LE(t.duration_s, 15.0);
        ASSERT_EQ(t.captions.size(), 2u);
        EXPECT_NE(t.captions[0].text.find(job.vars.at("venue")), std::string::npos);
        EXPECT_NE(t.captions[0].text.find(job.vars.at("date")), std::string::npos);
        EXPECT_NE(t.title.find(job.vars.at("venue")), std::string::npos);
        const model::Layer* mascot = nullptr;
        for (const auto& layer : t.overlays)
            if (layer.id == "mascot") mascot = &layer;
        ASSERT_NE(mascot, nullptr);
        EXPECT_NEAR(mascot->end_s, t.duration_s, 1e-9);
        // Once walked in (0.8 s), inside the frame and above the bottom 20 %.
        const double fw = t.width_px * model::kPtPerPx, fh = t.height_px * model::kPtPerPx;
        const double h = mascot->box.w * 1024.0 / 874.0;  // placeholder.png is 874 × 1024
        for (const auto& k : mascot->keyframes) {
            if (k.t_s < 0.8 || !k.x_pt || !k.y_pt) continue;
            EXPECT_GE(*k.x_pt, 0) << k.t_s;
            EXPECT_LE(*k.x_pt + mascot->box.w, fw) << k.t_s;
            EXPECT_LE(*k.y_pt + h, fh * 0.8) << k.t_s;
        }
    }
}

// In the tall frame, every text layer sits in the title-safe area (10 %
// margins) and above the bottom 20 %, where Shorts and Reels put their controls.
TEST(VideoSamples, TallVariantKeepsTextInsideTheSafeArea) {
    const model::Timeline t = load("promo-30s", "9x16");
    const double fw = t.width_px * model::kPtPerPx, fh = t.height_px * model::kPtPerPx;
    size_t texts = 0;
    for (const auto& scene : t.scenes)
        for (const auto& layer : scene.layers) {
            if (layer.kind != model::Layer::Kind::Text) continue;
            ++texts;
            SCOPED_TRACE(scene.id + " / " + layer.id);
            EXPECT_GE(layer.box.x, 0.1 * fw - 1e-6);
            EXPECT_LE(layer.box.x + layer.box.w, 0.9 * fw + 1e-6);
            EXPECT_GE(layer.box.y, 0.1 * fh - 1e-6);
            EXPECT_LE(layer.box.y + layer.box.h, 0.8 * fh + 1e-6);
        }
    EXPECT_GT(texts, 15u);
    // Captions: the default box for tall frames ends at 85 % of the height.
    EXPECT_LE(t.caption_style.box.y + t.caption_style.box.h, 0.85 * fh + 1e-6);
}

// ---- the music (koho-genmedia --music) ----

struct Wav {
    int channels = 0, rate = 0, bits = 0;
    std::vector<int16_t> samples;
};

Wav read_wav(const fs::path& path) {
    const std::string bytes = read_file(path);
    Wav wav;
    auto u32 = [&](size_t at) {
        return static_cast<uint32_t>(static_cast<uint8_t>(bytes[at])) |
               static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 1])) << 8 |
               static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 2])) << 16 |
               static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 3])) << 24;
    };
    auto u16 = [&](size_t at) { return u32(at) & 0xffff; };
    EXPECT_GE(bytes.size(), 44u);
    if (bytes.size() < 44 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 4, "WAVE") != 0) return wav;
    for (size_t at = 12; at + 8 <= bytes.size();) {
        const std::string id = bytes.substr(at, 4);
        const uint32_t size = u32(at + 4);
        if (id == "fmt ") {
            EXPECT_EQ(u16(at + 8), 1u) << "PCM";
            wav.channels = static_cast<int>(u16(at + 10));
            wav.rate = static_cast<int>(u32(at + 12));
            wav.bits = static_cast<int>(u16(at + 22));
        } else if (id == "data") {
            wav.samples.resize(size / 2);
            std::memcpy(wav.samples.data(), bytes.data() + at + 8, wav.samples.size() * 2);
        }
        at += 8 + size + (size & 1);
    }
    return wav;
}

fs::path synthesise(const std::string& file, double seconds, int seed) {
    const fs::path dir = fs::temp_directory_path() / ("koho-music-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path out = dir / file;
    const std::string command = std::string(KOHO_GENMEDIA) + " --music " + out.string() +
                                " --seconds " + std::to_string(seconds) + " --seed " + std::to_string(seed);
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return out;
}

TEST(SampleMusic, StereoAt48kHzWholeBarsPeaksAtMinus6dBAndFadedAtBothEnds) {
    const Wav wav = read_wav(synthesise("a.wav", 12, 3));
    EXPECT_EQ(wav.channels, 2);
    EXPECT_EQ(wav.rate, 48000);
    EXPECT_EQ(wav.bits, 16);
    // 12 s at 96 bpm rounds to 5 bars of 2.5 s.
    EXPECT_EQ(wav.samples.size(), 5u * 120000u * 2u);
    int peak = 0;
    double sum_squares = 0;
    for (int16_t s : wav.samples) {
        peak = std::max(peak, std::abs(static_cast<int>(s)));
        sum_squares += static_cast<double>(s) * s;
    }
    EXPECT_NEAR(20 * std::log10(peak / 32768.0), -6.0, 0.1);
    EXPECT_GT(std::sqrt(sum_squares / wav.samples.size()), 1000) << "not silence";
    // The first and the last millisecond are (dithered) silence: it fades in and out.
    for (size_t i = 0; i < 96; ++i) {
        EXPECT_LE(std::abs(wav.samples[i]), 2) << i;
        EXPECT_LE(std::abs(wav.samples[wav.samples.size() - 1 - i]), 2) << i;
    }
}

TEST(SampleMusic, SameArgumentsSameBytesAnotherSeedAnotherPiece) {
    const std::string a = read_file(synthesise("b1.wav", 10, 7));
    const std::string b = read_file(synthesise("b2.wav", 10, 7));
    const std::string c = read_file(synthesise("b3.wav", 10, 8));
    EXPECT_EQ(a.size(), b.size());
    EXPECT_TRUE(a == b);
    EXPECT_EQ(a.size(), c.size());
    EXPECT_FALSE(a == c);
}

}  // namespace
}  // namespace koho::test
