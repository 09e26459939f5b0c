#include "print/page_geometry.h"

#include <cmath>

#include "core/diagnostic.h"

namespace koho::print {

PageGeometry page_geometry(double trim_w_pt, double trim_h_pt, double bleed_pt, MarkStyle marks) {
    if (!std::isfinite(trim_w_pt) || !std::isfinite(trim_h_pt) || trim_w_pt <= 0 ||
        trim_h_pt <= 0) {
        fail_system({}, "page size " + format_number(trim_w_pt) + " x " +
                            format_number(trim_h_pt) + " pt is not a positive size");
    }
    if (!std::isfinite(bleed_pt) || bleed_pt < 0) {
        fail_system({}, "bleed " + format_number(bleed_pt) + " pt is negative");
    }

    PageGeometry g;
    g.trim_w_pt = trim_w_pt;
    g.trim_h_pt = trim_h_pt;
    g.bleed_pt = bleed_pt;
    // The marks end kMarkLengthPt beyond where they start, then a blank border.
    g.margin_pt = marks == MarkStyle::Tombo
                      ? mark_start_pt(bleed_pt) - bleed_pt + kMarkLengthPt + kMarkQuietBorderPt
                      : 0;

    const double m = g.margin_pt;
    const double b = bleed_pt;
    const double media_w = trim_w_pt + 2 * (b + m);
    const double media_h = trim_h_pt + 2 * (b + m);
    g.media = {0, 0, media_w, media_h};
    g.bleed = {m, m, media_w - m, media_h - m};
    // The margins are equal on all sides, so flipping y to PDF's y-up space
    // maps the trim's top edge (y = m + b from the top) to media_h - m - b.
    g.trim = {m + b, m + b, media_w - m - b, media_h - m - b};
    return g;
}

}  // namespace koho::print
