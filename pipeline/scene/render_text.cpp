// Text: the typesetter's glyph runs, drawn with the exact fonts Pango
// shaped them with. Every run goes through cairo_show_text_glyphs with its
// UTF-8 and cluster map, so the PDF's text extracts as Unicode.
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "scene/cairo_ptr.h"
#include "scene/render_parts.h"

namespace koho::scene::detail {
namespace {

// The size a font matrix sets glyphs at: the length of its em's y axis.
double matrix_size(const cairo_matrix_t& m) { return std::hypot(m.xy, m.yy); }

// Selects the run's font on `cr`: Pango's own scaled font when it is at the
// run's size, upright and unscaled, else the same face (and options, and any
// synthetic slant in Pango's matrix) rescaled to run.size_pt, scaled by
// run.scale_x along the glyph's own x axis (長体/平体) and then rotated
// clockwise by run.rotation_deg about each glyph's origin.
void select_font(cairo_t* cr, const text::GlyphRun& run) {
    if (!run.font.get()) fail_system({}, "a glyph run has no font");
    cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run.font.get()));
    if (!scaled || cairo_scaled_font_status(scaled) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "Pango gave no usable Cairo font for a glyph run");
    cairo_matrix_t matrix;
    cairo_scaled_font_get_font_matrix(scaled, &matrix);
    double pango_size = matrix_size(matrix);
    bool same_size = std::abs(pango_size - run.size_pt) <= 1e-6 * std::max(1.0, run.size_pt);
    if (same_size && run.rotation_deg == 0 && run.scale_x == 1) {
        cairo_set_scaled_font(cr, scaled);
        return;
    }
    if (pango_size > 0) cairo_matrix_scale(&matrix, run.size_pt / pango_size, run.size_pt / pango_size);
    if (run.scale_x != 1) {
        cairo_matrix_t narrow;
        cairo_matrix_init_scale(&narrow, run.scale_x, 1);
        cairo_matrix_multiply(&matrix, &matrix, &narrow);
    }
    if (run.rotation_deg != 0) {
        cairo_matrix_t rotation;
        cairo_matrix_init_rotate(&rotation, run.rotation_deg * M_PI / 180);  // y down: clockwise
        cairo_matrix_multiply(&matrix, &matrix, &rotation);
    }
    FontOptionsPtr options(cairo_font_options_create());
    cairo_scaled_font_get_font_options(scaled, options.get());
    cairo_set_font_face(cr, cairo_scaled_font_get_font_face(scaled));
    cairo_set_font_matrix(cr, &matrix);
    cairo_set_font_options(cr, options.get());
}

void check_clusters(const text::GlyphRun& run) {
    size_t bytes = 0, glyphs = 0;
    for (const auto& cluster : run.clusters) {
        bytes += cluster.bytes;
        glyphs += cluster.glyphs;
    }
    if (bytes != run.utf8.size() || glyphs != run.glyphs.size())
        fail_system({}, "glyph run's clusters cover " + std::to_string(bytes) + " bytes and " +
                            std::to_string(glyphs) + " glyphs, but the run has " +
                            std::to_string(run.utf8.size()) + " bytes and " +
                            std::to_string(run.glyphs.size()) + " glyphs (text engine bug)");
}

void draw_run(cairo_t* cr, const text::GlyphRun& run, double origin_x, double origin_y, double alpha) {
    if (run.glyphs.empty()) return;
    select_font(cr, run);
    set_source_color(cr, run.color, alpha);
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const auto& g : run.glyphs) glyphs.push_back({g.id, origin_x + g.x, origin_y + g.y});
    if (run.outline) {
        // 縁取り: the outlines stroked first, so the fill covers the inner
        // half of the stroke and the outer half shows as the border.
        cairo_new_path(cr);
        cairo_glyph_path(cr, glyphs.data(), static_cast<int>(glyphs.size()));
        cairo_set_line_width(cr, run.outline->width_pt);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        set_source_color(cr, run.outline->color, alpha);
        cairo_stroke(cr);
        set_source_color(cr, run.color, alpha);
    }
    if (run.clusters.empty() && run.utf8.empty()) {
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
        return;
    }
    check_clusters(run);
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.clusters.size());
    for (const auto& c : run.clusters) clusters.push_back({c.bytes, c.glyphs});
    cairo_show_text_glyphs(cr, run.utf8.data(), static_cast<int>(run.utf8.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
}

}  // namespace

bool paints_over_itself(const TextItem& text) {
    // Glyphs of a frame do not overlap one another; a background, a rule
    // (an underline through descenders) or an outline under a fill does.
    if (text.background.has_value() || !text.text.rules.empty()) return true;
    return std::any_of(text.text.runs.begin(), text.text.runs.end(),
                       [](const text::GlyphRun& run) { return run.outline.has_value(); });
}

void draw_text(cairo_t* cr, const TextItem& item, double alpha) {
    SavedState saved(cr);
    if (item.background) {
        const Rect& b = item.background_box;
        cairo_rectangle(cr, b.x, b.y, b.w, b.h);
        set_source_color(cr, *item.background, alpha);
        cairo_fill(cr);
    }
    for (const auto& run : item.text.runs) draw_run(cr, run, item.x, item.y, alpha);
    for (const auto& rule : item.text.rules) {
        cairo_rectangle(cr, item.x + rule.x, item.y + rule.y, rule.w, rule.h);
        set_source_color(cr, rule.color, alpha);
        cairo_fill(cr);
    }
}

}  // namespace koho::scene::detail
