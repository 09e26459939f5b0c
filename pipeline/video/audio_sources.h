// The decoded sounds a mix plays, each decoded once: a file used by two
// tracks, or by a track and a video layer, with the same trim, is read
// and resampled one time, for as long as its longest use needs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <tuple>

#include "core/diagnostic.h"
#include "video/audio_buffer.h"

namespace koho::video {

// Which part of which file.
struct SourceKey {
    std::filesystem::path path;
    double trim_start_s = 0;
    std::optional<double> trim_end_s;  // none: to the end of the file

    bool operator<(const SourceKey& o) const
    {
        return std::tie(path, trim_start_s, trim_end_s) < std::tie(o.path, o.trim_start_s, o.trim_end_s);
    }
};

class SourceCache {
public:
    // decode_audio's signature; tests count the calls.
    using Decoder = std::function<AudioBuffer(const std::filesystem::path&, const SourceLoc&, double start_s,
                                              std::optional<double> length_s)>;
    SourceCache();
    explicit SourceCache(Decoder decoder);

    // Registers a use that plays `frames` frames of the source (none: all
    // of it, as a loop does). Every use must be registered before the
    // first get().
    void need(const SourceKey& key, std::optional<size_t> frames);

    // The source, decoded on first asking (errors at `where`).
    const AudioBuffer& get(const SourceKey& key, const SourceLoc& where);

private:
    Decoder decoder_;
    std::map<SourceKey, std::optional<size_t>> need_;
    std::map<SourceKey, AudioBuffer> decoded_;
};

}  // namespace koho::video
