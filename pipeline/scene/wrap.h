// Text wrap (回り込み): frames with `wrap` keep text out of the text frames
// they overlap on their page. A wrap object becomes thin page-coordinate
// bands — rows (thin in y) for horizontal text, whose lines run along x, and
// columns (thin in x) for vertical text — and each text column box turns the
// bands that meet it into text::Exclusion in its own flow-relative
// coordinates (text/typesetter.h).
//
// Shapes, all grown by the wrap offset:
//  - box mode: the frame box (a line frame: its segment's bounding box);
//  - contour mode: an ellipse frame's ellipse, a rounded rect's rounded box,
//    an image's or SVG's opaque pixels (alpha ≥ 50 %) inside its clip shape
//    (an image without alpha: its clip shape where the placed image covers
//    it, so a circle-clipped portrait wraps as a circle); text, table, QR
//    and line frames wrap as their box.
// Analytic outlines grow exactly (an ellipse's semi-axes and a rounded
// box's sides and corner radius by the offset); pixel masks grow by the
// offset along and across the band (a square dilation). Bands are at least
// 1 pt thick and at most 256 per object; neighbouring bands of equal extent
// merge (a box is one band).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/image.h"
#include "text/typesetter.h"

typedef struct _cairo cairo_t;

namespace koho::scene {

// An SVG frame's art as contour wrap sees it: its intrinsic size (for fit)
// and a way to draw it into a viewport (scene::SvgArt::draw).
struct WrapArt {
    double width_pt = 0, height_pt = 0;
    std::function<void(cairo_t*, const Rect& viewport)> draw;
};

// What contour wrap needs to see of image and SVG frames (the same objects
// compose draws, loaded once). A missing function: that kind of frame wraps
// by its clip shape, as if it were opaque.
struct WrapMedia {
    std::function<std::shared_ptr<const Image>(const model::ImageContent&)> image;
    std::function<WrapArt(const model::SvgContent&)> svg;
};

struct WrapBands {
    Rect bounds;                // covers every band (quick overlap test)
    std::vector<Rect> rows;     // for horizontal text
    std::vector<Rect> columns;  // for vertical text
};

// An analytic outline (box, inscribed ellipse, rounded box) grown by `offset_pt`.
WrapBands outline_bands(const ClipPath& outline, double offset_pt);

// Opaque pixels (alpha ≥ 50 %) of whatever `draw` paints, in page
// coordinates, inside `clip`, grown by `offset_pt`. `draw` paints on a small
// A8 surface whose transform maps page coordinates onto it (at most 512
// pixels on the clip's longer side, at most 4 pixels per point).
WrapBands mask_bands(const ClipPath& clip, double offset_pt, const std::function<void(cairo_t*)>& draw);

// The bands of a frame with `wrap` (precondition: frame.wrap is set).
WrapBands wrap_bands(const model::Frame& frame, const WrapMedia& media);

// The exclusions `bands` make in a text box (page coordinates) whose text
// runs in `writing`, clipped to the box; none when they do not meet it.
std::vector<text::Exclusion> exclusions_in(const Rect& box, model::Writing writing, const WrapBands& bands);

// Wrap side: Start blocks each exclusion on to the end of the line (text
// only before the object), End from the line start (text only after it).
// `measure` is the receiving box's inline extent.
void keep_text_on_one_side(std::vector<text::Exclusion>& exclusions, model::Wrap::Side side, double measure);

// Every wrap object of a document: each page's frames and the master frames
// that page gets (masters.h). Bands are computed once per frame, when some
// text box first meets the frame's area.
class PageWraps {
public:
    PageWraps(const model::Document& document, WrapMedia media);

    // What the wrap objects on page `page_index`, other than `receiver`
    // itself, exclude from `box` (a column box of `receiver`).
    std::vector<text::Exclusion> exclusions(size_t page_index, const model::Frame& receiver, const Rect& box,
                                            model::Writing writing);

private:
    const WrapBands& bands_of(const model::Frame& frame);

    const model::Document& document_;
    WrapMedia media_;
    std::map<const model::Frame*, WrapBands> bands_;
};

}  // namespace koho::scene
