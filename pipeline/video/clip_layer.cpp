#include "video/clip_layer.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "core/diagnostic.h"
#include "scene/fit.h"
#include "video/layer_art.h"

namespace koho::video::detail {
namespace {

// Timestamps of frame i are i/fps; i/fps computed in floating point may
// fall a hair short of the frame it names. Asking a little later picks
// the frame on screen at that instant, never its predecessor.
constexpr double kTimeSlack = 1e-4;

}  // namespace

ClipLayer::ClipLayer(const model::Layer& layer, double max_scale, uint64_t max_frame_pixels)
    : clip_(*layer.clip), box_(layer.box) {
    info_ = probe_media(clip_.path, clip_.src_loc, max_frame_pixels);
    if (!info_.has_video || info_.width <= 0 || info_.height <= 0)
        fail_input(clip_.src_loc, "video '" + clip_.src + "' has no video stream");
    end_s_ = clip_.trim_end_s.value_or(info_.duration_s);
    if (clip_.trim_start_s >= end_s_ && !clip_.trim_end_s)
        fail_input(clip_.src_loc, "video '" + clip_.src + "' ends before its trim start");
    placed_ = scene::fit_image({box_.x, box_.y, box_.w, box_.h}, info_.width, info_.height, clip_.fit,
                               clip_.focus_x, clip_.focus_y);
    // swscale does the scaling once per frame: to the drawn size, or for a
    // zooming clip to its closest zoom (no finer than the source itself).
    double zoom = 1;
    if (max_scale > 1) zoom = std::clamp(info_.width / px(placed_.w), 1.0, max_scale);
    int w = std::max(1, static_cast<int>(std::lround(px(placed_.w) * zoom)));
    int h = std::max(1, static_cast<int>(std::lround(px(placed_.h) * zoom)));
    reader_ = std::make_unique<VideoReader>(clip_.path, clip_.src_loc, w, h, max_frame_pixels);
}

ClipLayer::~ClipLayer() = default;

double ClipLayer::source_time(double local_s) const {
    double start = clip_.trim_start_s;
    double length = end_s_ - start;
    double t = start + std::max(local_s, 0.0);
    if (clip_.loop && length > 0) t = start + std::fmod(std::max(local_s, 0.0) + kTimeSlack, length);
    else t += kTimeSlack;
    // Past the trim end the last frame before it holds.
    if (clip_.trim_end_s) {
        double frame = info_.fps > 0 ? 1 / info_.fps : 0.04;
        t = std::min(t, *clip_.trim_end_s - frame / 2);
    }
    return std::max(t, start);
}

void ClipLayer::draw(cairo_t* cr, const LayerPose& pose) {
    VideoFrameView view = reader_->frame_at(source_time(pose.local_s));
    if (!view.data || view.width <= 0 || view.height <= 0) return;
    Bitmap frame;
    frame.x = px(placed_.x);
    frame.y = px(placed_.y);
    frame.w = px(placed_.w);
    frame.h = px(placed_.h);
    frame.opaque = true;
    scene::SavedState saved(cr);
    cairo_rectangle(cr, px(box_.x), px(box_.y), px(box_.w), px(box_.h));
    cairo_clip(cr);
    apply_motion(cr, box_, pose);
    // The pixels are opaque ARGB32. Copied 1:1 they go fastest as RGB24;
    // resampled, as ARGB32 (pixman's fast bilinear paths).
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    cairo_matrix_translate(&m, frame.x, frame.y);
    cairo_matrix_scale(&m, frame.w / view.width, frame.h / view.height);
    cairo_format_t format = on_whole_pixels(m) ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32;
    frame.surface.reset(cairo_image_surface_create_for_data(const_cast<unsigned char*>(view.data), format,
                                                            view.width, view.height, view.stride));
    cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
    cairo_clip(cr);
    paint_bitmap(cr, frame, pose.opacity, true);
}

}  // namespace koho::video::detail
