// `koho video`: a timeline to an MP4 with its sidecars. Frames are composed
// and encoded one at a time (memory does not grow with length); the
// soundtrack is mixed and normalised once, whole. Every output is atomic.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "model/timeline.h"
#include "text/typesetter.h"
#include "video/audio_mix.h"
#include "video/mp4_writer.h"

namespace koho::video {

struct VideoJob {
    std::filesystem::path output;    // OUT.mp4; sidecars are OUT.srt, OUT.vtt, OUT-chapters.txt, OUT.jpg
    std::string preset;              // overrides the timeline's "output.preset"
    std::optional<int> crf;
    std::string encoder_preset;
    int threads = 0;
    bool thumbnail = true;
    bool sidecars = true;
    // Called with every file about to be written (the MP4 first) once all
    // are complete, just before they are renamed into place: for files
    // that belong with them (the --deps depfile). A throw here leaves none.
    std::function<void(const std::vector<std::filesystem::path>& written)> before_commit;
};

struct VideoReport {
    int64_t frames = 0;
    double duration_s = 0;
    std::optional<LoudnessResult> loudness;
    std::vector<std::filesystem::path> written;
    std::vector<Diagnostic> warnings;  // located (chapters, …); the command line prints them
};

// The encoder settings `koho video` uses for `timeline` and `job`: the
// preset (the job's, else the timeline's), CRF and x264 preset (the job's,
// else the timeline's, else the preset's), chapters, title. bench/video
// encodes with exactly these.
EncodeSettings encode_settings(const model::Timeline& timeline, const VideoJob& job);

VideoReport render_video(const model::Timeline& timeline, const VideoJob& job, text::Typesetter& typesetter,
                         ProgressSink* progress);

}  // namespace koho::video
