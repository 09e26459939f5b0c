// Glyph placement of one line. Horizontal: pen along x on the baseline.
// Vertical: pen along y down the column's centre line; upright glyphs use
// HarfBuzz's vertical offsets, Latin is rotated 90° clockwise with its em
// box centred on the column, tate-chu-yoko digits are set across it.
#include "text/line_render.h"

#include <hb.h>
#include <hb-ot.h>
#include <pango/pangocairo.h>

#include <algorithm>

#include "text/font_context.h"

namespace koho::text {

namespace {
constexpr double kEmBottom = 0.12;  // ideographic em box below the baseline, in em (fallback)

double ideographic_em_top(const FontRef& font, double em) {
    hb_font_t* hb = pango_font_get_hb_font(font.get());
    hb_position_t top = 0, bottom = 0;
    int xs = 0, ys = 0;
    hb_font_get_scale(hb, &xs, &ys);
    if (hb_ot_layout_get_baseline(hb, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT, HB_DIRECTION_LTR,
                                  HB_SCRIPT_HAN, HB_TAG_NONE, &top) &&
        hb_ot_layout_get_baseline(hb, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT, HB_DIRECTION_LTR,
                                  HB_SCRIPT_HAN, HB_TAG_NONE, &bottom) &&
        top > bottom)
        return top * em / ys;
    return (1 - kEmBottom) * em;
}

// Collects glyphs into runs of one font, size, colour and rotation.
class RunBuilder {
public:
    explicit RunBuilder(SetText& out) : out_(out) {}
    void begin(const FontRef& font, double size, const Color& color, double rotation) {
        if (current_ && current_->font.get() == font.get() && current_->size_pt == size &&
            current_->color == color && current_->rotation_deg == rotation)
            return;
        out_.runs.emplace_back();
        current_ = &out_.runs.back();
        current_->font = font;
        current_->size_pt = size;
        current_->color = color;
        current_->rotation_deg = rotation;
    }
    void cluster(char32_t c, int glyphs) {
        const size_t before = current_->utf8.size();
        append_utf8(current_->utf8, c);
        current_->clusters.push_back({static_cast<int>(current_->utf8.size() - before), glyphs});
    }
    void glyph(uint32_t id, double x, double y) { current_->glyphs.push_back({id, x, y}); }
    void end() { current_ = nullptr; }

private:
    SetText& out_;
    GlyphRun* current_ = nullptr;
};
}  // namespace

void prepare_paragraph(const model::Paragraph& paragraph, bool vertical, FontCache& fonts, PreparedText& out) {
    if (!paragraph.style) fail_system(paragraph.loc, "paragraph without a resolved style");
    const model::Style& style = *paragraph.style;
    require_family(fonts.context(), style.font_family, style.font_loc);
    for (const auto& span : paragraph.spans)
        if (span.strong && !style.strong_font_family.empty())
            require_family(fonts.context(), style.strong_font_family, style.font_loc);

    PreparedParagraph& p = out.p;
    p.vertical = vertical;
    p.em = style.size_pt;
    decode_paragraph(paragraph, p);
    shape_paragraph(p, fonts);

    const size_t spans = paragraph.spans.size();
    out.ruby.assign(spans, {});
    out.ruby_fonts.assign(spans, {});
    out.dots.assign(spans, {});
    out.dot_ink_centre.assign(spans, {0.0, 0.0});
    p.span_ruby_advance.assign(spans, 0);
    for (size_t s = 0; s < spans; ++s) {
        const model::Span& span = paragraph.spans[s];
        if (span.ruby.empty() && !span.bouten) continue;
        SpanLook look = span_look(style, span);
        out.ruby_fonts[s] = fonts.get(look.family, look.weight, p.em / 2);
        if (!span.ruby.empty()) {
            model::Paragraph ruby_para;
            ruby_para.spans.push_back({span.ruby});
            PreparedParagraph decoded;
            decode_paragraph(ruby_para, decoded);
            std::u32string text;
            for (const auto& c : decoded.chars) text += c.c;
            out.ruby[s] = shape_string(out.ruby_fonts[s], p.em / 2, text, vertical);
            p.span_ruby_advance[s] = out.ruby[s].advance;
        }
        if (span.bouten) {
            // The sesame dot is drawn upright; it is placed by its ink, not
            // its em box (fonts put it low, as it is a punctuation form).
            out.dots[s] = shape_string(out.ruby_fonts[s], p.em / 2, U"\uFE45", false);
            hb_font_t* hb = pango_font_get_hb_font(out.ruby_fonts[s].get());
            hb_glyph_extents_t ext{};
            int xs = 0, ys = 0;
            hb_font_get_scale(hb, &xs, &ys);
            if (!out.dots[s].glyphs.empty() && hb_font_get_glyph_extents(hb, out.dots[s].glyphs[0].id, &ext))
                out.dot_ink_centre[s] = {(ext.x_bearing + ext.width / 2.0) * (p.em / 2) / xs,
                                         -(ext.y_bearing + ext.height / 2.0) * (p.em / 2) / ys};
        }
    }
    build_atoms(p, style.kinsoku, style.tracking_em);
    apply_ruby_spacing(p);
    out.em_top = p.span_fonts.empty() ? (1 - kEmBottom) * p.em : ideographic_em_top(p.span_fonts[0], p.em);

    out.options.first_indent = style.indent_em * p.em;
    out.options.hanging = style.hanging;
    out.options.align = style.align;
    out.options.last_line_align = style.align == model::Align::Justify ? style.last_line_align : style.align;
}

SetLine render_line(const PreparedText& t, const BreakLine& line, const LinePlacement& where, SetText& out) {
    const PreparedParagraph& p = t.p;
    const auto& atoms = p.breaking.atoms;
    const auto& spans = p.source->spans;
    const model::Style& style = *p.style;
    const double em = p.em;
    const double tracking = style.tracking_em * em;
    const double column_centre = where.frame_width - where.block - em / 2;  // vertical only
    const double baseline = where.block + t.em_top;                           // horizontal only
    const double line_top = where.block;

    SetLine report;
    report.hanging = line.hanging;
    report.width_pt = line.width;
    report.em_pt = em;
    report.block_pt = where.block;
    report.source_begin = p.chars[atoms[line.begin].begin].source;
    const uint32_t last_char = atoms[line.end - 1].end;
    report.source_end = last_char < p.chars.size() ? p.chars[last_char].source : p.source_end;

    RunBuilder runs(out);
    double pen = line.offset + (line.first ? t.options.first_indent : 0);
    std::vector<std::pair<uint32_t, double>> atom_starts;  // for ruby and dots

    for (uint32_t a = line.begin; a < line.end; ++a) {
        const BreakAtom& atom = atoms[a];
        if (a > line.begin) {
            // Characters inside the gap (word spaces) extract as text but draw nothing.
            for (uint32_t c = atoms[a - 1].end; c < atom.begin; ++c) {
                const ParagraphChar& ch = p.chars[c];
                SpanLook look = span_look(style, spans[ch.span]);
                const bool sideways = p.vertical && ch.orientation == Orientation::Sideways;
                runs.begin(p.span_fonts[ch.span], em, look.color, sideways ? 90 : 0);
                runs.cluster(ch.c, 0);
                append_utf8(report.text, ch.c);
            }
            pen += adjusted_gap(p.breaking.gaps[a], line);
        }
        atom_starts.emplace_back(a, pen);
        const uint32_t count = atom.end - atom.begin;
        const double pad = p.atom_pad.empty() ? 0 : p.atom_pad[a] / (2.0 * count);
        // Tate-chu-yoko: the digits set horizontally, centred in a 1 em cell.
        if (p.vertical && p.atom_is_tcy[a]) {
            double across = 0;
            for (uint32_t c = atom.begin; c < atom.end; ++c)
                for (uint32_t g = 0; g < p.chars[c].glyph_count; ++g) across += p.glyphs[p.chars[c].glyph_begin + g].advance;
            const double scale = across > em ? em / across : 1.0;
            runs.end();  // a run of its own: it is set across the column
            double x = column_centre - across * scale / 2;
            const double y = pen + em / 2 + (0.5 - kEmBottom) * em * scale;
            for (uint32_t c = atom.begin; c < atom.end; ++c) {
                const ParagraphChar& ch = p.chars[c];
                SpanLook look = span_look(style, spans[ch.span]);
                runs.begin(p.span_fonts[ch.span], em * scale, look.color, 0);
                runs.cluster(ch.c, static_cast<int>(ch.glyph_count));
                append_utf8(report.text, ch.c);
                for (uint32_t g = 0; g < ch.glyph_count; ++g) {
                    const ShapedGlyph& sg = p.glyphs[ch.glyph_begin + g];
                    runs.glyph(sg.id, x + sg.x_offset * scale, y + sg.y_offset * scale);
                    x += sg.advance * scale;
                }
            }
            runs.end();
            pen += atom.width;
            continue;
        }
        for (uint32_t c = atom.begin; c < atom.end; ++c) {
            const ParagraphChar& ch = p.chars[c];
            SpanLook look = span_look(style, spans[ch.span]);
            const bool sideways = p.vertical && ch.orientation == Orientation::Sideways;
            runs.begin(p.span_fonts[ch.span], em, look.color, sideways ? 90 : 0);
            runs.cluster(ch.c, static_cast<int>(ch.glyph_count));
            append_utf8(report.text, ch.c);
            pen += pad;
            double g_pen = pen;
            for (uint32_t g = 0; g < ch.glyph_count; ++g) {
                const ShapedGlyph& sg = p.glyphs[ch.glyph_begin + g];
                if (!p.vertical) {
                    runs.glyph(sg.id, g_pen + sg.x_offset, baseline + sg.y_offset);
                } else if (sideways) {
                    // Rotated clockwise: "up" points right; centre the em box on the column.
                    const double base_x = column_centre - em / 2 + kEmBottom * em;
                    runs.glyph(sg.id, base_x - sg.y_offset, g_pen + sg.x_offset);
                } else {
                    runs.glyph(sg.id, column_centre + sg.x_offset, g_pen + sg.y_offset);
                }
                g_pen += sg.advance;
            }
            pen += ch.advance + tracking + pad;
        }
    }
    runs.end();

    // Ruby and emphasis dots, over (horizontal) or right of (vertical) the base.
    const double small = em / 2;
    for (const auto& [a, start] : atom_starts) {
        const BreakAtom& atom = atoms[a];
        const uint16_t span = p.chars[atom.begin].span;
        const ShapedString& ruby = t.ruby[span];
        if (!ruby.glyphs.empty()) {
            double base_len = atom.width;
            double gap = 0, at = start;
            const bool fixed = !p.atom_ruby_fixed.empty() && p.atom_ruby_fixed[a];
            if (fixed) {
                at = start + p.atom_ruby_start[a];  // jukugo: placed over the compound
            } else if (ruby.advance <= base_len) {
                gap = (base_len - ruby.advance) / ruby.glyphs.size();  // 1:2:1 spreading
                at = start + gap / 2;
            } else {
                at = start + (p.atom_ruby_start.empty() ? 0 : p.atom_ruby_start[a]);
                // Ruby never overhangs the line's start or end (JLReq 3.3.7):
                // its overhang moves to the side inside the line.
                if (a + 1 == line.end && at + ruby.advance > start + base_len) at = start + base_len - ruby.advance;
                if (a == line.begin && at < start) at = start;
            }
            runs.begin(t.ruby_fonts[span], small, span_look(style, spans[span]).color, 0);
            const std::string& text = spans[span].ruby;
            // The ruby text as one cluster: it extracts as the reading.
            runs.end();
            runs.begin(t.ruby_fonts[span], small, span_look(style, spans[span]).color, 0);
            GlyphRun& run = out.runs.back();
            run.utf8 += text;
            run.clusters.push_back({static_cast<int>(text.size()), static_cast<int>(ruby.glyphs.size())});
            for (const ShapedGlyph& sg : ruby.glyphs) {
                if (!p.vertical)
                    runs.glyph(sg.id, at + sg.x_offset, line_top - kEmBottom * small + sg.y_offset);
                else
                    runs.glyph(sg.id, column_centre + em / 2 + small / 2 + sg.x_offset, at + sg.y_offset);
                at += sg.advance + gap;
            }
            runs.end();
        }
        const ShapedString& dot = t.dots[span];
        if (dot.glyphs.empty()) continue;
        double at = start;
        for (uint32_t c = atom.begin; c < atom.end; ++c) {
            const ParagraphChar& ch = p.chars[c];
            const bool marked = !takes_aki(ch.cls) && ch.cls != CharClass::WesternSpace;
            if (marked) {
                runs.begin(t.ruby_fonts[span], small, span_look(style, spans[span]).color, 0);
                // A cluster of no bytes: the dot draws but does not extract as text.
                out.runs.back().clusters.push_back({0, 0});
                // Ink centred on the character, in the half em beside the line.
                const auto [ink_x, ink_y] = t.dot_ink_centre[span];
                const double along = at + ch.advance / 2;
                const double cx = p.vertical ? column_centre + em / 2 + small / 2 : along;
                const double cy = p.vertical ? along : line_top - small / 2;
                for (const ShapedGlyph& sg : dot.glyphs) runs.glyph(sg.id, cx - ink_x, cy - ink_y);
                out.runs.back().clusters.back().glyphs = static_cast<int>(dot.glyphs.size());
                runs.end();
            }
            at += ch.advance + tracking;
        }
    }
    return report;
}

}  // namespace koho::text
