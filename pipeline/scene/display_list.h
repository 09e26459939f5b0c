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

struct ShapeItem {
    ShapeKind kind = ShapeKind::Rect;
    Rect bounds;                    // Rect, RoundedRect, Ellipse
    double radius_pt = 0;           // RoundedRect
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // Line
    std::vector<Rect> rects;        // Rects: many filled rectangles (QR modules)
    std::optional<Color> fill;
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
};

struct Item {
    std::variant<ShapeItem, TextItem, ImageItem> what;
    double opacity = 1;
    std::string frame_id;           // for messages and (later) preflight
};

struct PageScene {
    double trim_w_pt = 0, trim_h_pt = 0;
    double bleed_pt = 0;
    std::vector<Item> items;
};

}  // namespace koho::scene
