#include "video/audio_sources.h"

#include <algorithm>

#include "video/media_input.h"

namespace koho::video {

SourceCache::SourceCache() : decoder_(decode_audio) {}

SourceCache::SourceCache(Decoder decoder) : decoder_(std::move(decoder)) {}

void SourceCache::need(const SourceKey& key, std::optional<size_t> frames)
{
    auto [it, fresh] = need_.emplace(key, frames);
    if (fresh) return;
    if (it->second && frames)
        it->second = std::max(*it->second, *frames);
    else
        it->second = std::nullopt;
}

const AudioBuffer& SourceCache::get(const SourceKey& key, const SourceLoc& where)
{
    auto found = decoded_.find(key);
    if (found != decoded_.end()) return found->second;
    std::optional<double> length_s;
    if (key.trim_end_s) length_s = std::max(0.0, *key.trim_end_s - key.trim_start_s);
    auto needed = need_.find(key);
    if (needed != need_.end() && needed->second) {
        const double need_s = static_cast<double>(*needed->second) / kSampleRate;
        length_s = length_s ? std::min(*length_s, need_s) : need_s;
    }
    return decoded_.emplace(key, decoder_(key.path, where, key.trim_start_s, length_s)).first->second;
}

}  // namespace koho::video
