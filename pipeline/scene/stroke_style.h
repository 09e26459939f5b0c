// The display-list stroke for a model stroke: shared by every scene part that
// draws lines (shape and line frames, table borders), so they all stroke alike.
#pragma once

#include "model/document.h"
#include "scene/display_list.h"

namespace koho::scene {

inline StrokeStyle stroke_style(const model::Stroke& stroke) {
    StrokeStyle style;
    style.color = stroke.color;
    style.width_pt = stroke.width_pt;
    style.dash_pt = stroke.dash_pt;
    return style;
}

}  // namespace koho::scene
