// Inside the compositor: what each layer looks like before it moves.
//
// Static content (text, shapes, images, SVG, captions) is composed by
// scene::compose and rendered ONCE into a bitmap cropped to its ink, so a
// frame only pastes bitmaps (no typesetting, no decoding, no vector
// rasterising per frame). Pictures with Ken Burns `motion` are cached whole
// (not clipped to their box) at the resolution of their largest zoom, and
// clipped to the box when drawn.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "model/timeline.h"
#include "scene/cairo_ptr.h"
#include "scene/display_list.h"
#include "scene/image.h"
#include "text/typesetter.h"
#include "video/animate.h"
#include "video/bitmap_store.h"

namespace koho::video::detail {

// Frame pixels per canvas point: 1 px = 0.75 pt. Points are divided by
// 0.75 (exact in binary) so that "120px" comes back as exactly 120.
inline double px(double pt) { return pt / model::kPtPerPx; }

// Pixels at rest: `surface` covers the frame rectangle (x, y, w, h) in
// frame pixels when the layer sits in its own box. Stills are drawn 1:1
// (w, h are the surface's size); Ken Burns pictures may be finer or coarser.
struct Bitmap {
    scene::SurfacePtr surface;     // ARGB32, or RGB24 when every pixel is opaque
    double x = 0, y = 0, w = 0, h = 0;
    bool opaque = false;            // every pixel
    // Off-screen scenes: the pixels deflated (bitmap_store.h); `surface`
    // is then empty until the scene is shown again.
    std::optional<DeflatedPixels> deflated;
    size_t bytes() const;           // raw and deflated bytes held
    void park();                    // deflate (once) and let the raw pixels go, when big enough
    void wake();                    // raw pixels back from the deflated copy
    // Whether it paints every pixel of the rectangle (at rest).
    bool covers(double x, double y, double w, double h) const;
};

// A picture that moves inside its box (Ken Burns): the whole fitted
// picture, and the outline that clips it, in canvas points.
struct Picture {
    Bitmap bitmap;
    scene::ClipPath clip;
};

// The canvas composed: one display list per page, with image layers that
// were given only `w` or only `h` completed from the picture's aspect ratio.
struct ComposedCanvas {
    std::vector<scene::PageScene> pages;
    // Per canvas page: the completed box of an image/SVG frame given with one
    // side 0 (none: the page was composed as written).
    std::vector<std::optional<model::Box>> completed_boxes;
};

// Composes every page (scene::compose: text set, pictures placed). A JPEG
// is decoded at the smallest DCT scale that still gives the pixels its
// largest use draws (`page_zoom`: per page, the largest Ken Burns zoom),
// not at full size, and those pixels go when the display list goes: the
// loader keeps only the file's bytes (canvas_compose.cpp).
ComposedCanvas compose_canvas(const model::Document& canvas, const std::vector<double>& page_zoom,
                              text::Typesetter& typesetter, const scene::ImageLoader& load_image);

// Renders `items` once at the video resolution, cropped to their ink (plus
// a pixel for antialiasing). Empty surface when nothing is drawn.
Bitmap render_still(const std::vector<scene::Item>& items);

// The picture item of a Ken Burns layer (its page's one ImageItem or
// SvgItem), rendered whole at `max_scale` × the video resolution, capped
// at the source image's own pixel density.
Picture render_picture(const std::vector<scene::Item>& items, double max_scale, const SourceLoc& where);

// Whether a pixel grid under `m` lands exactly on the target's pixels
// (a whole-pixel move, no scale, no turn): then pixels are copied as they are.
bool on_whole_pixels(const cairo_matrix_t& m);

// Paints `bitmap` on `cr` (frame pixel space, transformation already set
// for the layer's pose) with `alpha`. `pad`: the edge pixels extend
// outwards (pictures clipped to a box inside them), instead of fading out.
void paint_bitmap(cairo_t* cr, const Bitmap& bitmap, double alpha, bool pad = false);

// Ken Burns: moves and zooms what is drawn next inside `box` (canvas pt)
// by the pose's content offset and scale, about the box's centre.
void apply_motion(cairo_t* cr, const model::Box& box, const LayerPose& pose);

// The path of `outline` (canvas points) in frame pixels.
void outline_path_px(cairo_t* cr, const scene::ClipPath& outline);

}  // namespace koho::video::detail
