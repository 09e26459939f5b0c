// A layout's gradient (model geometry, relative to the frame box) placed on
// the page.
//
//  - linear: the gradient line runs through the box's centre at `angle`
//    (0° left→right, 90° top→bottom, y down), and is just long enough that
//    the first and last stops touch the two corners farthest along it — the
//    CSS linear-gradient rule, so every angle colours the whole box and the
//    end colours reach the corners;
//  - radial: circles around (x + cx·w, y + cy·h) out to radius·max(w, h).
// Beyond the ends the end colours continue.
#pragma once

#include "model/document.h"
#include "scene/display_list.h"

namespace koho::scene {

GradientPaint gradient_paint(const model::Gradient& gradient, const Rect& box);

}  // namespace koho::scene
