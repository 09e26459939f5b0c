// "audio" (tracks, their gains, fades and ducking) and "loudness".
#include "core/paths.h"
#include "model/suggest.h"
#include "model/timeline_internal.h"

namespace koho::model::detail {
namespace {

const std::vector<std::string> kTrackKeys = {"id",   "src",     "start",    "end", "trim",
                                             "gain", "loop",    "fade_in",  "fade_out", "duck"};

AudioTrack::Duck read_duck(const Node& node, TimelineContext& c) {
    expect_object(node, "\"duck\"");
    check_keys(node, {"under", "by", "attack", "release", "threshold"}, "\"duck\"");
    AudioTrack::Duck duck;
    Node under = require(node, "under", "\"duck\"");
    duck.under = read_string(under, "\"under\"");
    duck.under_loc = under.loc();
    if (auto n = member(node, "by")) duck.by_db = read_level(*n, "\"by\"", "dB", -60, 0);
    if (auto n = member(node, "attack")) duck.attack_s = read_time(*n, "\"attack\"", c.fps);
    if (auto n = member(node, "release")) duck.release_s = read_time(*n, "\"release\"", c.fps);
    if (auto n = member(node, "threshold")) duck.threshold_db = read_level(*n, "\"threshold\"", "dB", -90, 0);
    return duck;
}

AudioTrack read_track(const Node& node, TimelineContext& c) {
    expect_object(node, "an audio track");
    check_keys(node, kTrackKeys, "an audio track");
    const double video_s = c.timeline.duration_s;
    AudioTrack t;
    t.loc = node.loc();
    if (auto n = member(node, "id")) t.id = read_string(*n, "\"id\"");
    Node src = require(node, "src", "an audio track");
    t.src = read_string(src, "\"src\"");
    t.src_loc = src.loc();
    t.path = resolve_in_root(c.load.root, t.src, t.src_loc, "audio file");
    if (auto n = member(node, "start")) {
        t.start_s = read_time(*n, "\"start\"", c.fps);
        if (t.start_s >= video_s)
            fail_input(n->loc(), "\"start\" (" + seconds(t.start_s) + ") is not within the video (" +
                                     seconds(video_s) + " long)");
    }
    if (auto n = member(node, "end")) {
        double end = read_time(*n, "\"end\"", c.fps);
        if (end <= t.start_s)
            fail_input(n->loc(), "\"end\" (" + seconds(end) + ") must come after \"start\" (" + seconds(t.start_s) + ")");
        t.end_s = std::min(end, video_s);  // sound past the video's end is cut there
    }
    if (auto trim = member(node, "trim")) {
        expect_object(*trim, "\"trim\"");
        check_keys(*trim, {"start"}, "\"trim\" of an audio track");
        if (auto n = member(*trim, "start")) t.trim_start_s = read_time(*n, "\"start\" of \"trim\"", c.fps);
    }
    if (auto n = member(node, "gain")) t.gain_db = read_level(*n, "\"gain\"", "dB", -60, 24);
    if (auto n = member(node, "loop")) t.loop = read_bool(*n, "\"loop\"");
    if (auto n = member(node, "fade_in")) t.fade_in_s = read_time(*n, "\"fade_in\"", c.fps);
    if (auto n = member(node, "fade_out")) t.fade_out_s = read_time(*n, "\"fade_out\"", c.fps);
    if (auto n = member(node, "duck")) t.duck = read_duck(*n, c);
    return t;
}

}  // namespace

std::vector<AudioTrack> read_audio(const Node& list, TimelineContext& c) {
    expect_array(list, "\"audio\"");
    std::vector<AudioTrack> tracks;
    std::map<std::string, SourceLoc> ids;
    for (size_t i = 0; i < list.json().size(); ++i) {
        tracks.push_back(read_track(list.element(i), c));
        const AudioTrack& t = tracks.back();
        if (t.id.empty()) continue;
        auto [seen, fresh] = ids.emplace(t.id, list.element(i).child("id").loc());
        if (!fresh)
            fail_input(list.element(i).child("id").loc(),
                       "two audio tracks have the id '" + sanitize_utf8(t.id) + "' (the first at line " +
                           std::to_string(seen->second.line) + ", column " + std::to_string(seen->second.col) + ")");
    }
    // Ducking names another track: checked once all ids are known.
    std::vector<std::string> names;
    for (const auto& t : tracks)
        if (!t.id.empty()) names.push_back(t.id);
    for (const auto& t : tracks) {
        if (!t.duck) continue;
        if (t.duck->under == t.id)
            fail_input(t.duck->under_loc, "a track cannot duck under itself ('" + sanitize_utf8(t.id) + "')");
        if (!ids.count(t.duck->under))
            fail_input(t.duck->under_loc, "\"under\" names no audio track: '" + sanitize_utf8(t.duck->under) + "'" +
                                              (names.empty() ? " (no track has an \"id\")" : did_you_mean(t.duck->under, names)));
    }
    return tracks;
}

std::optional<Loudness> read_loudness(const Node& node) {
    if (node.json().is_string()) {
        read_enum(node, "loudness", {"off"});
        return std::nullopt;
    }
    if (!node.json().is_object())
        fail_input(node.loc(), "\"loudness\" must be {\"integrated\": \"-14LUFS\", \"true_peak\": \"-1dBTP\"} or "
                               "\"off\", not " + json_type_name(node.json()));
    check_keys(node, {"integrated", "true_peak"}, "\"loudness\"");
    Loudness l;
    l.loc = node.loc();
    if (auto n = member(node, "integrated")) l.integrated_lufs = read_level(*n, "\"integrated\"", "LUFS", -40, -5);
    if (auto n = member(node, "true_peak")) l.true_peak_dbtp = read_level(*n, "\"true_peak\"", "dBTP", -9, 0);
    return l;
}

}  // namespace koho::model::detail
