#include "print/trim_marks.h"

#include <cairo.h>

namespace koho::print {

Color registration_color() {
    // Set by hand rather than through Color::from_cmyk: the RGB that Cairo
    // draws must be exactly black whatever the proof conversion says.
    Color color;
    color.space = Color::Space::Cmyk;
    for (double& ink : color.cmyk) ink = 100;
    color.rgb = {0, 0, 0};
    return color;
}

namespace {

// The four lines of one corner. (x, y) is the trim's corner; (dx, dy) point
// away from the page (±1). `start` and `end` are distances from the trim.
void add_corner(std::vector<MarkLine>& out, double x, double y, double dx, double dy,
                double bleed, double start, double end) {
    // 内トンボ: the trim edges continued outward, from the bleed edge.
    out.push_back({x, y + dy * start, x, y + dy * end});
    out.push_back({x + dx * start, y, x + dx * end, y});
    if (bleed <= 0) return;  // the outer lines would lie on the inner ones
    // 外トンボ: the bleed edges, from the inner line across the bleed's corner
    // and on outward.
    const double bx = x + dx * bleed;
    const double by = y + dy * bleed;
    out.push_back({bx, y, bx, y + dy * end});
    out.push_back({x, by, x + dx * end, by});
}

}  // namespace

TrimMarks trim_marks(const PageGeometry& g) {
    TrimMarks marks;
    if (g.margin_pt <= 0) return marks;

    const double b = g.bleed_pt;
    const double start = mark_start_pt(b);
    const double end = start + kMarkLengthPt;
    const double left = g.trim_origin_x();
    const double top = g.trim_origin_y();
    const double right = left + g.trim_w_pt;
    const double bottom = top + g.trim_h_pt;

    add_corner(marks.corner, left, top, -1, -1, b, start, end);
    add_corner(marks.corner, right, top, +1, -1, b, start, end);
    add_corner(marks.corner, right, bottom, +1, +1, b, start, end);
    add_corner(marks.corner, left, bottom, -1, +1, b, start, end);

    // Centre marks: the stem on the centre line, the bar across its middle.
    const double cx = left + g.trim_w_pt / 2;
    const double cy = top + g.trim_h_pt / 2;
    const double mid = (start + end) / 2;
    const double half_bar = kCentreBarLengthPt / 2;
    auto& c = marks.centre;
    c.push_back({cx, top - start, cx, top - end});  // top
    c.push_back({cx - half_bar, top - mid, cx + half_bar, top - mid});
    c.push_back({right + start, cy, right + end, cy});  // right
    c.push_back({right + mid, cy - half_bar, right + mid, cy + half_bar});
    c.push_back({cx, bottom + start, cx, bottom + end});  // bottom
    c.push_back({cx - half_bar, bottom + mid, cx + half_bar, bottom + mid});
    c.push_back({left - start, cy, left - end, cy});  // left
    c.push_back({left - mid, cy - half_bar, left - mid, cy + half_bar});
    return marks;
}

void draw_trim_marks(cairo_t* cr, const PageGeometry& geometry, const Rgb& ink) {
    const TrimMarks marks = trim_marks(geometry);
    if (marks.corner.empty() && marks.centre.empty()) return;

    cairo_save(cr);
    cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
    cairo_set_line_width(cr, kMarkLineWidthPt);
    // Butt caps: a line ends exactly where its numbers say, so the inner
    // lines do not poke past the bleed edge into the bleed.
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_new_path(cr);
    for (const auto* list : {&marks.corner, &marks.centre}) {
        for (const MarkLine& line : *list) {
            cairo_move_to(cr, line.x1, line.y1);
            cairo_line_to(cr, line.x2, line.y2);
        }
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

}  // namespace koho::print
