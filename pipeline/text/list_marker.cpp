// List item markers (箇条書き): the marker hangs in the start indent, set
// flush-start in its box; a marker wider than its box pushes the first
// line's text on rather than overlap it.
#include <algorithm>

#include "text/line_render.h"

namespace koho::text {

namespace {

std::u32string decode(const std::string& s) {
    model::Paragraph para;
    para.spans.push_back({s});
    PreparedParagraph decoded;
    decode_paragraph(para, decoded);
    std::u32string text;
    for (const auto& c : decoded.chars) text += c.c;
    return text;
}
}  // namespace

double list_marker_box(const model::Style& style) {
    if (style.list.kind == model::ListKind::None) return 0;
    if (style.list.width_pt > 0) return style.list.width_pt;
    return (style.list.kind == model::ListKind::Bullet ? 1 : 2) * style.size_pt;
}

double effective_start_indent(const model::Style& style) {
    return std::max(style.start_indent_pt, list_marker_box(style));
}

void prepare_marker(const model::Paragraph& paragraph, bool vertical, FontCache& fonts, PreparedText& out) {
    const model::Style& style = *paragraph.style;
    out.start_indent = effective_start_indent(style);
    out.marker_box = 0;
    out.marker = {};
    if (style.list.kind == model::ListKind::None) return;
    out.marker_box = list_marker_box(style);
    out.marker_color = style.list.color ? *style.list.color : style.color;
    if (paragraph.marker.empty()) return;
    out.marker_font = fonts.get(style.font_family, style.weight, style.size_pt);
    out.marker = shape_string(out.marker_font, style.size_pt, decode(paragraph.marker), vertical);
    // The paragraph's horizontal scale applies to its marker as to its text
    // (along a horizontal line; across the column in vertical text).
    const double scale = style.horizontal_scale;
    if (scale != 1) {
        out.marker.advance = 0;
        for (ShapedGlyph& g : out.marker.glyphs) {
            g.x_offset *= scale;
            if (!vertical) g.advance *= scale;
            out.marker.advance += g.advance;
        }
    }
}

MarkerPlace place_marker(const PreparedText& t, double segment_start) {
    MarkerPlace place;
    place.marker_at = std::max(t.start_indent - t.marker_box, segment_start);
    place.text_at = std::max({t.start_indent, segment_start, place.marker_at + t.marker_box,
                              place.marker_at + t.marker.advance});
    return place;
}

void render_marker(const PreparedText& t, double at, const LinePlacement& where, SetText& out) {
    if (t.marker.glyphs.empty()) return;
    const model::Paragraph& paragraph = *t.p.source;
    GlyphRun run;
    run.font = t.marker_font;
    run.size_pt = t.p.em;
    run.color = t.marker_color;
    if (const auto& outline = t.p.style->outline) run.outline = GlyphOutline{outline->color, outline->width_pt};
    run.utf8 = paragraph.marker;
    // One cluster: the marker extracts as written.
    run.clusters.push_back({static_cast<int>(paragraph.marker.size()), static_cast<int>(t.marker.glyphs.size())});
    run.scale_x = t.p.style->horizontal_scale;
    const double em = t.p.em;
    const double shift = t.p.style->baseline_shift_pt;  // the marker moves with its paragraph
    for (const ShapedGlyph& sg : t.marker.glyphs) {
        if (!t.p.vertical)
            run.glyphs.push_back({sg.id, at + sg.x_offset, where.block + t.em_top - shift + sg.y_offset});
        else
            run.glyphs.push_back(
                {sg.id, where.frame_width - where.block - em / 2 + shift + sg.x_offset, at + sg.y_offset});
        at += sg.advance;
    }
    out.runs.push_back(std::move(run));
}

}  // namespace koho::text
