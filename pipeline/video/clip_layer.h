// Inside the compositor: a "type": "video" layer. Its clip is opened once
// and decoded frame by frame (media_input.h), scaled by swscale straight to
// the pixel size it is drawn at, so a frame costs one decode and one copy.
#pragma once

#include <memory>

#include "model/timeline.h"
#include "scene/display_list.h"
#include "video/animate.h"
#include "video/media_input.h"

typedef struct _cairo cairo_t;

namespace koho::video::detail {

class ClipLayer {
public:
    // `max_scale`: the largest Ken Burns zoom of the layer (1 without
    // motion); the clip is scaled to that resolution, at most its own.
    // Throws BadInput at the layer's `src` when the file has no pictures,
    // or frames larger than `max_frame_pixels` (Limits::max_image_pixels).
    ClipLayer(const model::Layer& layer, double max_scale, uint64_t max_frame_pixels);
    ~ClipLayer();

    // The source time shown at `local_s` seconds into the layer: from the
    // trim start, looping over the trimmed part, or holding its last frame.
    double source_time(double local_s) const;

    // Draws the clip's frame for `pose` on `cr` (frame pixels, the layer's
    // pose transformation already set), clipped to the layer's box.
    void draw(cairo_t* cr, const LayerPose& pose);

private:
    model::ClipSource clip_;
    model::Box box_;
    scene::Rect placed_;            // where the whole picture lands (canvas pt), by fit and focus
    MediaInfo info_;
    double end_s_ = 0;              // trim end (or the file's end)
    std::unique_ptr<VideoReader> reader_;
};

}  // namespace koho::video::detail
