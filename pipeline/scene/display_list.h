// The display list: what is on a page (or a video frame), in drawing order,
// in points with the origin at the trimmed page's top-left corner, y down.
// Built by compose (from the layout model), drawn by render (on any Cairo
// surface): the same list makes the PDF, the PNG proofs and video frames.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.h"
#include "core/diagnostic.h"
#include "scene/image.h"
#include "text/glyph_run.h"

namespace koho::scene {

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
};

struct StrokeStyle {
    Color color;
    double width_pt = 0.5;
    std::vector<double> dash_pt;  // empty: solid
};

enum class ShapeKind { Rect, RoundedRect, Ellipse, Line, Rects };

// A gradient in page coordinates (points). Cairo writes it to PDF as a
// shading: vector, resolution-free.
struct GradientPaint {
    enum class Kind { Linear, Radial } kind = Kind::Linear;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;   // linear: from (x0,y0) to (x1,y1)
    double cx = 0, cy = 0, radius = 0;       // radial: centre and radius
    std::vector<std::pair<double, Color>> stops;  // offset 0..1, colour
};

// A clip or silhouette outline: the box itself, the ellipse inscribed in
// it, or the box with rounded corners.
enum class OutlineKind { Rect, Ellipse, RoundedRect };

struct ClipPath {
    OutlineKind kind = OutlineKind::Rect;
    Rect box;
    double radius_pt = 0;           // RoundedRect
};

struct ShapeItem {
    ShapeKind kind = ShapeKind::Rect;
    Rect bounds;                    // Rect, RoundedRect, Ellipse
    double radius_pt = 0;           // RoundedRect
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // Line
    std::vector<Rect> rects;        // Rects: many filled rectangles (QR modules)
    std::optional<Color> fill;
    std::optional<GradientPaint> gradient;  // instead of `fill`
    std::optional<StrokeStyle> stroke;
    // Rects: painted over `bounds` before the rectangles (a QR code's
    // background), in the same opacity group.
    std::optional<Color> backdrop;
};

struct TextItem {
    double x = 0, y = 0;            // the frame's inner top-left
    text::SetText text;
    // The frame's background, painted under the text in the same opacity
    // group (so a half-transparent frame does not show its fill through
    // its own glyphs).
    std::optional<Color> background;
    Rect background_box;
};

struct ImageItem {
    std::shared_ptr<const Image> image;
    Rect placed;                    // where the whole image lands (may exceed the clip)
    Rect clip;                      // the frame
    OutlineKind clip_kind = OutlineKind::Rect;  // ellipse: portrait crops
    double clip_radius_pt = 0;
};

// Vector art (scene/svg_art.h): drawn as paths on every surface, so it is
// vector in the PDF and rendered at the surface's resolution in bitmaps.
class SvgArt;

struct SvgItem {
    std::shared_ptr<const SvgArt> art;
    Rect placed;                    // where the art's viewport lands
    Rect clip;
    OutlineKind clip_kind = OutlineKind::Rect;
    double clip_radius_pt = 0;
};

// A hard (unblurred, vector) shadow: the item's silhouette filled with
// `color`, offset, drawn under the item.
struct ShadowPaint {
    double dx_pt = 0, dy_pt = 0;
    Color color;
};

struct Item {
    std::variant<ShapeItem, TextItem, ImageItem, SvgItem> what;
    double opacity = 1;
    std::optional<ShadowPaint> shadow;
    std::string frame_id;           // for messages and (later) preflight
    SourceLoc where;                // the frame in the layout, for located errors
    // For the tagged web PDF (model::Frame::role and alt); `link`: a URI
    // the item's area points to (a QR code's target).
    std::string role;
    std::string alt;
    std::string link;
};

struct PageScene {
    double trim_w_pt = 0, trim_h_pt = 0;
    double bleed_pt = 0;
    std::vector<Item> items;
};

}  // namespace koho::scene
