// The x264 encoder configured for upload: H.264 High, yuv420p, BT.709
// tagged, CABAC, 2 B-frames, a closed GOP of fixed length with scene-cut
// keyframes off (segments of every rendition align), CRF under a VBV cap.
#pragma once

#include "core/diagnostic.h"
#include "video/libav_handles.h"
#include "video/mp4_writer.h"

namespace koho::video {

// The GOP length in frames: settings.gop_frames, or half the frame rate
// rounded (15 at 30 fps, 12 at 25, 15 at 29.97).
int gop_length(const EncodeSettings& settings);

// An open libx264 encoder, time base 1/fps (pts = frame number).
// `global_header`: SPS/PPS in extradata (MP4 wants them there). Options
// libx264 does not consume are an error, as is a refusal to open.
libav::CodecContextPtr open_h264_encoder(const EncodeSettings& settings, bool global_header, const SourceLoc& where);

}  // namespace koho::video
