#include "scene/gradient.h"

#include <algorithm>
#include <cmath>

namespace koho::scene {

GradientPaint gradient_paint(const model::Gradient& gradient, const Rect& box) {
    GradientPaint paint;
    for (const auto& stop : gradient.stops) paint.stops.emplace_back(std::clamp(stop.offset, 0.0, 1.0), stop.color);
    const double cx = box.x + box.w / 2, cy = box.y + box.h / 2;
    if (gradient.kind == model::Gradient::Kind::Linear) {
        paint.kind = GradientPaint::Kind::Linear;
        const double angle = gradient.angle_deg * M_PI / 180;
        const double dx = std::cos(angle), dy = std::sin(angle);
        // Half the box's extent along the direction: the corners' projections.
        const double half = (std::abs(box.w * dx) + std::abs(box.h * dy)) / 2;
        paint.x0 = cx - dx * half;
        paint.y0 = cy - dy * half;
        paint.x1 = cx + dx * half;
        paint.y1 = cy + dy * half;
    } else {
        paint.kind = GradientPaint::Kind::Radial;
        paint.cx = box.x + gradient.center_x * box.w;
        paint.cy = box.y + gradient.center_y * box.h;
        paint.radius = gradient.radius * std::max(box.w, box.h);
    }
    return paint;
}

}  // namespace koho::scene
