// Segment specs, boundaries, tags and fingerprints (segment.h).
#include "video/segment.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

extern "C" {
#include <libavutil/mem.h>
#include <libavutil/sha.h>
}

#include "video/h264_encoder.h"

namespace koho::video {
namespace {

constexpr const char* kTagPrefix = "koho-segment ";

struct ShaFreer {
    void operator()(AVSHA* sha) const { av_free(sha); }
};

std::optional<int> positive_int(std::string_view text) {
    int value = 0;
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (err != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

}  // namespace

SegmentSpec parse_segment_spec(const std::string& text, const SourceLoc& where) {
    const size_t slash = text.find('/');
    std::optional<int> k, n;
    if (slash != std::string::npos) {
        k = positive_int(std::string_view(text).substr(0, slash));
        n = positive_int(std::string_view(text).substr(slash + 1));
    }
    if (!k || !n)
        fail_input(where, "'" + text + "' is not a segment K/N (two whole numbers, 1 ≤ K ≤ N, e.g. 2/3)");
    if (*k > *n) fail_input(where, "segment " + text + ": K must be between 1 and N");
    return SegmentSpec{*k, *n};
}

int64_t max_segments(int64_t frames, int gop) { return (frames + gop - 1) / gop; }

FrameRange segment_frames(int64_t frames, int gop, const SegmentSpec& spec, const SourceLoc& where) {
    const int64_t gops = max_segments(frames, gop);
    if (spec.n > gops)
        fail_input(where, "cannot split " + std::to_string(frames) + " frames into " + std::to_string(spec.n) +
                              " segments: a segment is at least one GOP (" + std::to_string(gop) +
                              " frames) and this video has " + std::to_string(gops) + "; use N ≤ " +
                              std::to_string(gops));
    auto boundary = [&](int64_t k) { return std::min<int64_t>(frames, int64_t{gop} * (k * gops / spec.n)); };
    return FrameRange{boundary(spec.k - 1), boundary(spec.k)};
}

std::string SegmentTag::to_text() const {
    nlohmann::ordered_json j;
    j["k"] = spec.k;
    j["n"] = spec.n;
    j["first"] = range.first;
    j["end"] = range.end;
    j["frames"] = frames;
    j["timeline_sha256"] = timeline_sha256;
    j["variant"] = variant;
    j["preset"] = preset;
    j["crf"] = crf;
    j["encoder_preset"] = encoder_preset;
    j["settings"] = settings;
    j["koho"] = koho_version;
    return kTagPrefix + j.dump();
}

std::optional<SegmentTag> SegmentTag::parse(const std::string& text) {
    if (text.rfind(kTagPrefix, 0) != 0) return std::nullopt;
    const auto j = nlohmann::json::parse(text.substr(std::string(kTagPrefix).size()), nullptr, false);
    if (!j.is_object()) return std::nullopt;
    try {
        SegmentTag tag;
        tag.spec = SegmentSpec{j.at("k").get<int>(), j.at("n").get<int>()};
        tag.range = FrameRange{j.at("first").get<int64_t>(), j.at("end").get<int64_t>()};
        tag.frames = j.at("frames").get<int64_t>();
        tag.timeline_sha256 = j.at("timeline_sha256").get<std::string>();
        tag.variant = j.at("variant").get<std::string>();
        tag.preset = j.at("preset").get<std::string>();
        tag.crf = j.at("crf").get<int>();
        tag.encoder_preset = j.at("encoder_preset").get<std::string>();
        tag.settings = j.at("settings").get<std::string>();
        tag.koho_version = j.at("koho").get<std::string>();
        return tag;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a key missing or of the wrong type: not a tag koho wrote
    }
}

std::string encoding_summary(const EncodeSettings& settings) {
    return std::to_string(settings.width) + "x" + std::to_string(settings.height) + " " +
           std::to_string(settings.fps.num) + "/" + std::to_string(settings.fps.den) + " gop " +
           std::to_string(gop_length(settings)) + " crf " + std::to_string(settings.crf) + " x264 " +
           settings.x264_preset + " vbv " + std::to_string(settings.maxrate_kbps) + "/" +
           std::to_string(settings.bufsize_kbps);
}

std::string file_sha256(const std::filesystem::path& file, const SourceLoc& where) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail_input(where, "cannot read " + file.string());
    std::unique_ptr<AVSHA, ShaFreer> sha(av_sha_alloc());
    if (!sha || av_sha_init(sha.get(), 256) < 0) fail_system(where, "out of memory for a SHA-256");
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        av_sha_update(sha.get(), reinterpret_cast<const uint8_t*>(buffer.data()), static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) fail_input(where, "cannot read " + file.string());
    uint8_t digest[32];
    av_sha_final(sha.get(), digest);
    std::string hex;
    for (uint8_t byte : digest) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", byte);
        hex += two;
    }
    return hex;
}

}  // namespace koho::video
