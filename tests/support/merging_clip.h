// A one-second timeline that merges data/s.csv (fields id, venue) and has
// a "square" variant: each record makes clip-ID.mp4 and clip-ID-square.mp4.
// For the tests of koho plan and Makefile.assets on merging timelines.
#pragma once

#include <string>

namespace koho::test {

inline std::string merging_clip_with_variant() {
    return R"({"type": "video", "data": "data/s.csv", "title": "{{venue}}",
"size": "320x180", "fps": 30, "background": "#0f5e6e",
"scenes": [{"id": "one", "duration": "1s", "layers": []}],
"variants": {"square": {"size": "180x180", "output": {"preset": "sns-1080x1080"}}},
"output": {"preset": "web-720p", "encoder_preset": "ultrafast", "name": "clip-{{id}}.mp4"}})";
}

}  // namespace koho::test
