// Encoding presets: what video sites and SNS accept without re-encoding
// off-spec files. H.264 High, yuv420p, BT.709 (tagged and converted),
// CABAC, 2 B-frames, a closed GOP of half the frame rate, CRF capped by a
// VBV budget, AAC-LC 48 kHz stereo, MP4 with the moov atom first and no
// edit list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace koho::video {

struct VideoPreset {
    std::string name;                // "youtube-1080p"
    int width = 1920, height = 1080; // the frame the timeline is rendered at (its "size" unless a variant says otherwise)
    int crf = 20;
    std::string x264_preset = "medium";
    int maxrate_kbps = 8000;         // VBV cap on the CRF stream
    int bufsize_kbps = 16000;
    int audio_bitrate_kbps = 384;
    std::string description;         // one line for `koho video --help`
};

// youtube-1080p, shorts-1080x1920, sns-1080x1080, web-720p.
const std::vector<VideoPreset>& video_presets();

// The preset named `name`; an unknown name is an error (BadInput) at
// `where` with "did you mean".
const VideoPreset& preset_named(std::string_view name, const SourceLoc& where);

}  // namespace koho::video
