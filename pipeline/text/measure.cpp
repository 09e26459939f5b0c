// Typesetter::measure: a story's minimum and maximum content widths, for
// table columns of width "auto".
#include <algorithm>

#include "text/line_render.h"
#include "text/typesetter.h"
#include "text/typesetter_impl.h"

namespace koho::text {

ContentWidths Typesetter::measure(const model::Story& story, model::Writing writing) {
    ContentWidths widths;
    const bool vertical = writing == model::Writing::Vertical;
    for (const model::Paragraph& paragraph : story.paragraphs) {
        PreparedText t;
        prepare_paragraph(paragraph, vertical, impl_->cache, t);
        const auto& atoms = t.p.breaking.atoms;
        const auto& gaps = t.p.breaking.gaps;
        // Every line starts at the start indent; the first also carries the
        // first-line indent and, for a list item, whatever a wide marker adds.
        const double start = t.start_indent;
        double first = t.options.first_indent;
        if (t.marker_box > 0) first += place_marker(t, 0).text_at - start;
        double line = start + first;
        double unit = 0;         // the unbreakable run of atoms so far
        bool first_unit = true;  // it is on the first line
        widths.min_pt = std::max(widths.min_pt, atoms.empty() ? line : 0.0);
        for (size_t a = 0; a < atoms.size(); ++a) {
            if (a > 0) line += gaps[a].natural;
            line += atoms[a].width;
            // An atom is never broken and kinsoku glues it to neighbours
            // across a non-breakable gap: a unit runs from one breakable gap
            // to the next (tracking and spacing inside it count).
            if (a > 0 && gaps[a].breakable) {
                unit = 0;
                first_unit = false;
            } else if (a > 0) {
                unit += gaps[a].natural;
            }
            unit += atoms[a].width;
            widths.min_pt = std::max(widths.min_pt, start + (first_unit ? first : 0) + unit);
        }
        widths.max_pt = std::max(widths.max_pt, line);
    }
    widths.max_pt = std::max(widths.max_pt, widths.min_pt);
    return widths;
}

}  // namespace koho::text
