// Matrices and rectangles of the content walk, in PDF's conventions: row
// vectors, so a point p maps to p × M and "this, then that" is this × that.
#include <algorithm>
#include <cmath>

#include "print/preflight_content.h"

namespace koho::print::detail {

Matrix Matrix::times(const Matrix& m) const {
    return {a * m.a + b * m.c, a * m.b + b * m.d, c * m.a + d * m.c,
            c * m.b + d * m.d, e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
}

void Matrix::apply(double x, double y, double& ox, double& oy) const {
    ox = a * x + c * y + e;
    oy = b * x + d * y + f;
}

double Matrix::smallest_scale() const {
    const double s = a * a + b * b + c * c + d * d;
    const double det = a * d - b * c;
    const double disc = std::sqrt(std::max(0.0, s * s - 4 * det * det));
    return std::sqrt(std::max(0.0, (s - disc) / 2));
}

double Matrix::x_scale() const { return std::hypot(a, b); }
double Matrix::y_scale() const { return std::hypot(c, d); }

void Rect::add(double x, double y) {
    if (!has_points) {
        x0 = x1 = x;
        y0 = y1 = y;
        has_points = true;
        return;
    }
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x);
    y1 = std::max(y1, y);
}

}  // namespace koho::print::detail
