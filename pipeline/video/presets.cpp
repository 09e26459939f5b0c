// The encoding presets. Bit-rate caps follow what the sites recommend for
// SDR uploads at these sizes (YouTube: 8 Mb/s for 1080p30, 5 Mb/s for
// 720p); CRF keeps simple scenes far below the cap.
#include "video/presets.h"

#include "model/suggest.h"

namespace koho::video {

const std::vector<VideoPreset>& video_presets() {
    static const std::vector<VideoPreset> presets = {
        {"youtube-1080p", 1920, 1080, 20, "medium", 8000, 16000, 384,
         "1920×1080 H.264 High, CRF 20 capped at 8 Mb/s, AAC 384 kb/s (YouTube, recruitment site)"},
        {"shorts-1080x1920", 1080, 1920, 20, "medium", 8000, 16000, 384,
         "1080×1920 vertical for YouTube Shorts, Instagram Reels, TikTok"},
        {"sns-1080x1080", 1080, 1080, 20, "medium", 6000, 12000, 320,
         "1080×1080 square for SNS feeds"},
        {"web-720p", 1280, 720, 22, "medium", 5000, 10000, 192,
         "1280×720, smaller files for embedding on a web page"},
    };
    return presets;
}

const VideoPreset& preset_named(std::string_view name, const SourceLoc& where) {
    std::vector<std::string> names;
    for (const auto& preset : video_presets()) {
        if (preset.name == name) return preset;
        names.push_back(preset.name);
    }
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    fail_input(where, "unknown video preset '" + std::string(name) + "'" + model::did_you_mean(name, names) +
                          " (presets: " + list + ")");
}

}  // namespace koho::video
