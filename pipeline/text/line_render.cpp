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
#include "text/run_builder.h"

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

}  // namespace

void prepare_paragraph(const model::Paragraph& paragraph, bool vertical, FontCache& fonts, PreparedText& out) {
    if (!paragraph.style) fail_system(paragraph.loc, "paragraph without a resolved style");
    const model::Style& style = *paragraph.style;
    require_family(fonts.context(), style.font_family, style.font_loc);

    PreparedParagraph& p = out.p;
    p.vertical = vertical;
    p.em = style.size_pt;
    p.span_looks.clear();
    for (const auto& span : paragraph.spans) {
        p.span_looks.push_back(span_look(style, span));
        const SpanLook& look = p.span_looks.back();
        if (look.family != style.font_family) require_family(fonts.context(), look.family, *look.family_loc);
    }
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
        const SpanLook& look = p.span_looks[s];
        const double small = look.size_pt / 2;
        out.ruby_fonts[s] = fonts.get(look.family, look.weight, small);
        if (!span.ruby.empty()) {
            model::Paragraph ruby_para;
            ruby_para.spans.push_back({span.ruby});
            PreparedParagraph decoded;
            decode_paragraph(ruby_para, decoded);
            std::u32string text;
            for (const auto& c : decoded.chars) text += c.c;
            out.ruby[s] = shape_string(out.ruby_fonts[s], small, text, vertical);
            p.span_ruby_advance[s] = out.ruby[s].advance;
        }
        if (span.bouten) {
            // The sesame dot is drawn upright; it is placed by its ink, not
            // its em box (fonts put it low, as it is a punctuation form).
            out.dots[s] = shape_string(out.ruby_fonts[s], small, U"\uFE45", false);
            hb_font_t* hb = pango_font_get_hb_font(out.ruby_fonts[s].get());
            hb_glyph_extents_t ext{};
            int xs = 0, ys = 0;
            hb_font_get_scale(hb, &xs, &ys);
            if (!out.dots[s].glyphs.empty() && hb_font_get_glyph_extents(hb, out.dots[s].glyphs[0].id, &ext))
                out.dot_ink_centre[s] = {(ext.x_bearing + ext.width / 2.0) * small / xs,
                                         -(ext.y_bearing + ext.height / 2.0) * small / ys};
        }
    }
    build_atoms(p, style.kinsoku, style.tracking_em);
    apply_ruby_spacing(p);
    // The line's em box is the paragraph style's, whatever sizes its spans have.
    out.em_top = ideographic_em_top(fonts.get(style.font_family, style.weight, p.em), p.em);

    out.options.first_indent = style.indent_em * p.em;
    out.options.hanging = style.hanging;
    out.options.align = style.align;
    out.options.last_line_align = style.align == model::Align::Justify ? style.last_line_align : style.align;
    prepare_marker(paragraph, vertical, fonts, out);
}

SetLine render_line(const PreparedText& t, const BreakLine& line, const LinePlacement& where, SetText& out) {
    const PreparedParagraph& p = t.p;
    const auto& atoms = p.breaking.atoms;
    const auto& spans = p.source->spans;
    const double em = p.em;
    const double column_centre = where.frame_width - where.block - em / 2;  // vertical only
    const double baseline = where.block + t.em_top;                           // horizontal only
    const double em_top_ratio = t.em_top / em;
    // A span's own em box top (horizontal), its size set on the paragraph's baseline.
    auto span_top = [&](const SpanLook& look) { return baseline - look.shift_pt - em_top_ratio * look.size_pt; };

    SetLine report;
    report.hanging = line.hanging;
    report.width_pt = line.width;
    report.em_pt = em;
    report.block_pt = where.block;
    report.inline_pt = where.inline_start;
    report.source_begin = p.chars[atoms[line.begin].begin].source;
    const uint32_t last_char = atoms[line.end - 1].end;
    report.source_end = last_char < p.chars.size() ? p.chars[last_char].source : p.source_end;

    RunBuilder runs(out);
    UnderlineBuilder underline(out, p.vertical, p.vertical ? column_centre : baseline);
    double pen = where.inline_start + line.offset + (line.first ? where.first_indent : 0);
    std::vector<std::pair<uint32_t, double>> atom_starts;  // for ruby and dots

    for (uint32_t a = line.begin; a < line.end; ++a) {
        const BreakAtom& atom = atoms[a];
        if (a > line.begin) {
            // Characters inside the gap (word spaces) extract as text but draw nothing.
            for (uint32_t c = atoms[a - 1].end; c < atom.begin; ++c) {
                const ParagraphChar& ch = p.chars[c];
                const SpanLook& look = p.span_looks[ch.span];
                const bool sideways = p.vertical && ch.orientation == Orientation::Sideways;
                runs.begin(p.span_fonts[ch.span], look.size_pt, look.color, sideways ? 90 : 0, look.scale_x,
                           look.outline);
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
            const SpanLook& look = p.span_looks[p.chars[atom.begin].span];
            const double size = look.size_pt;
            double across = 0;
            for (uint32_t c = atom.begin; c < atom.end; ++c)
                for (uint32_t g = 0; g < p.chars[c].glyph_count; ++g) across += p.glyphs[p.chars[c].glyph_begin + g].advance;
            const double scale = across > size ? size / across : 1.0;
            runs.end();  // a run of its own: it is set across the column
            double x = column_centre + look.shift_pt - across * scale / 2;
            const double y = pen + size / 2 + (0.5 - kEmBottom) * size * scale;
            for (uint32_t c = atom.begin; c < atom.end; ++c) {
                const ParagraphChar& ch = p.chars[c];
                const SpanLook& cl = p.span_looks[ch.span];
                runs.begin(p.span_fonts[ch.span], size * scale, cl.color, 0, cl.scale_x, cl.outline);
                runs.cluster(ch.c, static_cast<int>(ch.glyph_count));
                append_utf8(report.text, ch.c);
                for (uint32_t g = 0; g < ch.glyph_count; ++g) {
                    const ShapedGlyph& sg = p.glyphs[ch.glyph_begin + g];
                    runs.glyph(sg.id, x + sg.x_offset * scale, y + sg.y_offset * scale);
                    x += sg.advance * scale;
                }
            }
            runs.end();
            underline.add(look, pen, pen + size);
            pen += atom.width;
            continue;
        }
        for (uint32_t c = atom.begin; c < atom.end; ++c) {
            const ParagraphChar& ch = p.chars[c];
            const SpanLook& look = p.span_looks[ch.span];
            const double size = look.size_pt;
            const bool sideways = p.vertical && ch.orientation == Orientation::Sideways;
            runs.begin(p.span_fonts[ch.span], size, look.color, sideways ? 90 : 0, look.scale_x, look.outline);
            runs.cluster(ch.c, static_cast<int>(ch.glyph_count));
            append_utf8(report.text, ch.c);
            pen += pad;
            double g_pen = pen;
            for (uint32_t g = 0; g < ch.glyph_count; ++g) {
                const ShapedGlyph& sg = p.glyphs[ch.glyph_begin + g];
                if (!p.vertical) {
                    runs.glyph(sg.id, g_pen + sg.x_offset, baseline - look.shift_pt + sg.y_offset);
                } else if (sideways) {
                    // Rotated clockwise: "up" points right; centre the em box on the column.
                    const double base_x = column_centre + look.shift_pt - size / 2 + kEmBottom * size;
                    runs.glyph(sg.id, base_x - sg.y_offset, g_pen + sg.x_offset);
                } else {
                    runs.glyph(sg.id, column_centre + look.shift_pt + sg.x_offset, g_pen + sg.y_offset);
                }
                g_pen += sg.advance;
            }
            underline.add(look, pen - pad, pen + ch.advance + pad);
            // The tracking after an atom's last character is in the next gap.
            pen += ch.advance + pad + (c + 1 < atom.end ? char_tracking(p, c) : 0);
        }
    }
    runs.end();
    underline.close();

    // Ruby and emphasis dots, over (horizontal) or right of (vertical) the base.
    for (const auto& [a, start] : atom_starts) {
        const BreakAtom& atom = atoms[a];
        const uint16_t span = p.chars[atom.begin].span;
        const SpanLook& look = p.span_looks[span];
        const double small = look.size_pt / 2;
        const double side_x = column_centre + look.shift_pt + look.size_pt / 2 + small / 2;  // vertical
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
            // The ruby text as one cluster of a run of its own: it extracts as the reading.
            runs.end();
            runs.begin(t.ruby_fonts[span], small, look.color, 0, 1, look.outline);
            GlyphRun& run = runs.run();
            const std::string& text = spans[span].ruby;
            run.utf8 += text;
            run.clusters.push_back({static_cast<int>(text.size()), static_cast<int>(ruby.glyphs.size())});
            for (const ShapedGlyph& sg : ruby.glyphs) {
                if (!p.vertical)
                    runs.glyph(sg.id, at + sg.x_offset, span_top(look) - kEmBottom * small + sg.y_offset);
                else
                    runs.glyph(sg.id, side_x + sg.x_offset, at + sg.y_offset);
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
                runs.end();
                runs.begin(t.ruby_fonts[span], small, look.color, 0, 1, look.outline);
                // A cluster of no bytes: the dot draws but does not extract as text.
                runs.run().clusters.push_back({0, 0});
                // Ink centred on the character, in the half em beside the line.
                const auto [ink_x, ink_y] = t.dot_ink_centre[span];
                const double along = at + ch.advance / 2;
                const double cx = p.vertical ? side_x : along;
                const double cy = p.vertical ? along : span_top(look) - small / 2;
                for (const ShapedGlyph& sg : dot.glyphs) runs.glyph(sg.id, cx - ink_x, cy - ink_y);
                runs.run().clusters.back().glyphs = static_cast<int>(dot.glyphs.size());
                runs.end();
            }
            at += ch.advance + char_tracking(p, c);
        }
    }
    return report;
}

}  // namespace koho::text
