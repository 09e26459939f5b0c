#include "scene/fit.h"

#include <algorithm>

namespace koho::scene {
namespace {

// The offset along one axis that puts `focus` (0..1 of the placed extent)
// at the frame's centre, clamped so that the image still covers the frame.
double cover_offset(double frame_pos, double frame_extent, double placed_extent, double focus) {
    double centred = frame_pos + frame_extent / 2 - std::clamp(focus, 0.0, 1.0) * placed_extent;
    // The image's far edge on the frame's. Cover scales the image to at
    // least the frame, but the product can round a hair below it: then the
    // only offset left is the frame's own edge (std::clamp needs lo ≤ hi —
    // the sanitizer build's library assertions caught the reversed bounds).
    double lowest = std::min(frame_pos + frame_extent - placed_extent, frame_pos);
    return std::clamp(centred, lowest, frame_pos);
}

}  // namespace

Rect fit_image(const Rect& frame, double image_w, double image_h, model::Fit fit, double focus_x,
               double focus_y) {
    switch (fit) {
    case model::Fit::Fill:
        return frame;
    case model::Fit::Contain: {
        double scale = std::min(frame.w / image_w, frame.h / image_h);
        double w = image_w * scale, h = image_h * scale;
        return {frame.x + (frame.w - w) / 2, frame.y + (frame.h - h) / 2, w, h};
    }
    case model::Fit::Cover: {
        double scale = std::max(frame.w / image_w, frame.h / image_h);
        double w = image_w * scale, h = image_h * scale;
        return {cover_offset(frame.x, frame.w, w, focus_x), cover_offset(frame.y, frame.h, h, focus_y),
                w, h};
    }
    }
    return frame;
}

}  // namespace koho::scene
