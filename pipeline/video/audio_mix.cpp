// mix_soundtrack: every sound of the timeline on one 48 kHz stereo buffer.
//
// 1. Uses: each audio track and each unmuted video layer with sound becomes
//    a Use — which part of which file, and a Placement on the soundtrack.
// 2. Decoding: each distinct (file, trim) is decoded once, for as long as
//    its longest use needs (the whole trimmed part when a use loops).
// 3. Keys: tracks that others duck under are rendered first and their
//    level taken (before their own ducking, if any: no order to get wrong).
// 4. Every use is rendered, ducked if it says so, and summed.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/units.h"
#include "video/audio_duck.h"
#include "video/audio_mix.h"
#include "video/audio_place.h"
#include "video/audio_sources.h"
#include "video/media_input.h"

namespace koho::video {
namespace {

struct Use {
    SourceKey key;
    std::string src;                 // as written, for messages
    SourceLoc where;                 // the "src" that named the file
    Placement placement;
    const model::AudioTrack* track = nullptr;  // none: a video layer's sound
};

size_t to_frame(double seconds) { return static_cast<size_t>(std::llround(std::max(0.0, seconds) * kSampleRate)); }

Use track_use(const model::AudioTrack& t, size_t total)
{
    Use u;
    u.key = {t.path, t.trim_start_s, std::nullopt};
    u.src = t.src;
    u.where = t.src_loc;
    u.track = &t;
    u.placement.start_frame = to_frame(t.start_s);
    // Cut at "end"; without it a looped track runs to the video's end and
    // any other to its own end (placed_end), never past the video.
    u.placement.end_frame = t.end_s ? std::min(total, to_frame(*t.end_s)) : total;
    u.placement.loop = t.loop;
    u.placement.fade_in_s = t.fade_in_s;
    u.placement.fade_out_s = t.fade_out_s;
    u.placement.gain_db = t.gain_db;
    return u;
}

// A video layer's sound over its life on screen, from its clip's trim
// start; `base_s` is its time base (its scene's start, or 0 for overlays).
std::optional<Use> layer_use(const model::Layer& layer, double base_s, size_t total,
                             std::map<std::string, bool>& has_audio)
{
    if (layer.kind != model::Layer::Kind::Video || !layer.clip || layer.clip->muted) return std::nullopt;
    const model::ClipSource& clip = *layer.clip;
    // A clip without sound (a screen recording, an animation) is silent.
    auto known = has_audio.find(clip.path.string());
    if (known == has_audio.end())
        known = has_audio.emplace(clip.path.string(), probe_media(clip.path, clip.src_loc).has_audio).first;
    if (!known->second) return std::nullopt;
    Use u;
    u.key = {clip.path, clip.trim_start_s, clip.trim_end_s};
    u.src = clip.src;
    u.where = clip.src_loc;
    u.placement.start_frame = to_frame(base_s + layer.start_s);
    u.placement.end_frame = std::min(total, to_frame(base_s + layer.end_s));
    u.placement.loop = clip.loop;
    u.placement.gain_db = clip.gain_db;
    return u;
}

std::vector<Use> collect_uses(const model::Timeline& timeline, size_t total)
{
    std::vector<Use> uses;
    // Uses that cannot be heard (cut before they start) are left out.
    auto keep = [&](const Use& u) {
        if (u.placement.start_frame < u.placement.end_frame) uses.push_back(u);
    };
    for (const auto& t : timeline.audio) keep(track_use(t, total));
    std::map<std::string, bool> has_audio;
    for (const auto& scene : timeline.scenes)
        for (const auto& layer : scene.layers)
            if (auto u = layer_use(layer, scene.start_s, total, has_audio)) keep(*u);
    for (const auto& layer : timeline.overlays)
        if (auto u = layer_use(layer, 0, total, has_audio)) keep(*u);
    return uses;
}

// A use's sound. An audio track whose trim starts at or past the end of
// its file would play nothing: a mistake in the timeline, not silence. (A
// video layer's clip may well have sound that ends before its pictures.)
const AudioBuffer& sound_of(const Use& u, SourceCache& sources)
{
    const AudioBuffer& sound = sources.get(u.key, u.where);
    if (sound.frames() == 0 && u.track)
        fail_input(u.where, "\"" + u.src + "\" has no sound from " + format_number(u.key.trim_start_s, 3) +
                                "s on (its trim start); it is " +
                                format_number(probe_media(u.key.path, u.where).duration_s, 3) + "s long");
    return sound;
}

DuckSettings duck_settings(const model::AudioTrack::Duck& d)
{
    DuckSettings s;
    s.by_db = d.by_db;
    s.attack_s = d.attack_s;
    s.release_s = d.release_s;
    s.threshold_db = d.threshold_db;
    return s;
}

}  // namespace

AudioBuffer mix_soundtrack(const model::Timeline& timeline, std::stop_token stop)
{
    const size_t total = static_cast<size_t>(std::llround(timeline.duration_s * kSampleRate));
    AudioBuffer mix;
    mix.resize_frames(total);
    const std::vector<Use> uses = collect_uses(timeline, total);
    // Frames a use can play: up to its cut, or everything when it loops.
    SourceCache sources;
    for (const Use& u : uses)
        sources.need(u.key, u.placement.loop ? std::nullopt
                                             : std::optional(u.placement.end_frame - u.placement.start_frame));

    // The keys' levels, by track id.
    std::map<std::string, std::vector<float>> key_levels;
    for (const Use& u : uses)
        if (u.track && u.track->duck) key_levels.emplace(u.track->duck->under, std::vector<float>());
    AudioBuffer one;  // one use at a time, reused
    for (const Use& u : uses) {
        if (stop.stop_requested()) return mix;
        if (!u.track || !key_levels.count(u.track->id)) continue;
        one.resize_frames(total);
        place_sound(sound_of(u, sources), u.placement, one);
        key_levels[u.track->id] = key_level_db(one);
    }

    for (const Use& u : uses) {
        if (stop.stop_requested()) return mix;
        const AudioBuffer& sound = sound_of(u, sources);
        if (!u.track || !u.track->duck) {
            place_sound(sound, u.placement, mix);
            continue;
        }
        one.resize_frames(total);
        place_sound(sound, u.placement, one);
        duck(one, key_levels.at(u.track->duck->under), duck_settings(*u.track->duck));
        const size_t from = u.placement.start_frame * kChannels;
        const size_t to = std::min(placed_end(sound, u.placement), total) * kChannels;
        for (size_t i = from; i < to; ++i) mix.samples[i] += one.samples[i];
    }
    return mix;
}

}  // namespace koho::video
