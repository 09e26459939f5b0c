// `koho transcode`: camera footage (or any file FFmpeg reads) made
// upload-ready: scaled and padded to the preset's frame (aspect kept, bars
// in the background colour), an image overlaid (the mascot), SubRip
// captions burned in through the text engine, sound normalised to a
// loudness target, encoded by Mp4Writer like `koho video`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/limits.h"
#include "core/progress.h"
#include "model/timeline.h"
#include "text/typesetter.h"

namespace koho::video {

struct TranscodeJob {
    std::filesystem::path input;
    std::filesystem::path output;
    std::string preset = "youtube-1080p";
    std::optional<std::filesystem::path> overlay;  // PNG/JPEG (alpha kept)
    double overlay_x_px = 0, overlay_y_px = 0;     // top-left in the output frame
    double overlay_width_px = 0;                   // 0: the image's own width
    std::optional<std::filesystem::path> captions; // .srt, burned in
    std::optional<double> loudness_lufs = -14;     // none: the sound is only resampled
    double true_peak_dbtp = -1;
    std::optional<int> crf;
    std::string encoder_preset;
    int threads = 0;
    // The input's length and frame size, the overlay's size and each
    // caption's length are held to these before the work starts.
    Limits limits;
};

// The output frame rate for an input whose average rate is `input_fps`:
// 23.976 / 29.97 / 59.94 as the exact NTSC fractions, anything else rounded
// to a whole number within 1–60; 30 when the input does not say.
model::FrameRate transcode_frame_rate(double input_fps);

// An input with no video stream is an error (BadInput) naming the file.
void transcode(const TranscodeJob& job, text::Typesetter& typesetter, ProgressSink* progress);

}  // namespace koho::video
