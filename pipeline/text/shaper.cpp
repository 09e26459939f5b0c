// HarfBuzz shaping of prepared paragraphs, one call per run of characters
// sharing font, orientation and script kind.
#include "text/shaper.h"

#include <hb.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <memory>

#include "core/dependency_log.h"
#include "core/diagnostic.h"

namespace koho::text {

namespace {
struct BufferFree {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
struct DescFree {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

bool western(CharClass c) {
    return c == CharClass::Western || c == CharClass::Prefix || c == CharClass::Postfix ||
           c == CharClass::WesternSpace;
}

hb_feature_t feature(const char* tag, uint32_t value, unsigned start, unsigned end) {
    hb_feature_t f;
    f.tag = hb_tag_from_string(tag, -1);
    f.value = value;
    f.start = start;
    f.end = end;
    return f;
}

// No silent tofu: a character the family cannot draw is the layout's error.
[[noreturn]] void missing_glyph(const PreparedParagraph& p, const ParagraphChar& c, const std::string& family) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c.c));
    std::string ch;
    append_utf8(ch, c.c);
    fail_input(p.source->loc, "character " + std::string(code) + " \"" + ch + "\" is not in font \"" + family + "\"");
}
}  // namespace

FontRef FontCache::get(const std::string& family, int weight, double size_pt) {
    auto key = std::make_tuple(family, weight, size_pt);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::unique_ptr<PangoFontDescription, DescFree> desc(pango_font_description_new());
    pango_font_description_set_family(desc.get(), family.c_str());
    pango_font_description_set_weight(desc.get(), static_cast<PangoWeight>(weight));
    pango_font_description_set_absolute_size(desc.get(), size_pt * PANGO_SCALE);
    PangoFont* font = pango_font_map_load_font(fonts_.font_map(), fonts_.pango_context(), desc.get());
    if (!font) fail_system({}, "cannot load font \"" + family + "\"");
    FontRef ref(font);
    g_object_unref(font);  // FontRef took its own reference
    // The one place a font is loaded: a depfile lists the files really used.
    if (recording_dependencies()) record_dependency(font_file_of(ref.get()));
    cache_.emplace(key, ref);
    return ref;
}

SpanLook span_look(const model::Style& style, const model::Span& span) {
    SpanLook look;
    look.family = style.font_family;
    look.family_loc = &style.font_loc;
    look.weight = style.weight;
    look.size_pt = style.size_pt;
    look.color = style.color;
    look.scale_x = style.horizontal_scale;
    look.shift_pt = style.baseline_shift_pt;
    look.underline = style.underline;
    look.outline = style.outline;
    double tracking_em = style.tracking_em;
    if (span.strong) {
        look.weight = style.strong_weight;
        if (!style.strong_font_family.empty()) {
            look.family = style.strong_font_family;
            if (style.strong_font_loc.line > 0) look.family_loc = &style.strong_font_loc;
        }
        if (style.strong_color) look.color = *style.strong_color;
    }
    // A character style is the most specific: it overrides the strong variant too.
    if (const model::CharStyle* cs = span.char_style) {
        if (!cs->font_family.empty()) look.family = cs->font_family, look.family_loc = &cs->font_loc;
        if (cs->weight) look.weight = *cs->weight;
        if (cs->size_pt) look.size_pt = *cs->size_pt;
        if (cs->color) look.color = *cs->color;
        if (cs->tracking_em) tracking_em = *cs->tracking_em;
        if (cs->horizontal_scale) look.scale_x = *cs->horizontal_scale;
        if (cs->baseline_shift_pt) look.shift_pt = *cs->baseline_shift_pt;
        if (cs->underline) look.underline = cs->underline;
        if (cs->outline) look.outline = cs->outline;
    }
    look.tracking_pt = tracking_em * look.size_pt;
    return look;
}

void shape_paragraph(PreparedParagraph& p, FontCache& fonts) {
    p.glyphs.clear();
    p.span_fonts.clear();
    for (const SpanLook& look : p.span_looks) p.span_fonts.push_back(fonts.get(look.family, look.weight, look.size_pt));
    std::u32string text;
    text.reserve(p.chars.size());
    for (const auto& c : p.chars) text += c.c;
    const size_t n = p.chars.size();
    std::unique_ptr<hb_buffer_t, BufferFree> buffer(hb_buffer_create());

    for (size_t i = 0; i < n;) {
        const ParagraphChar& head = p.chars[i];
        const bool west = western(head.cls);
        size_t j = i + 1;
        // A tate-chu-yoko run is shaped as one piece whatever its scripts
        // ([[A!]]): it takes one em however many characters it has.
        const bool tcy = head.orientation == Orientation::TateChuYoko;
        while (j < n && p.chars[j].span == head.span && p.chars[j].orientation == head.orientation &&
               (tcy || western(p.chars[j].cls) == west))
            ++j;
        const bool upright_vertical = p.vertical && head.orientation == Orientation::Upright;
        hb_buffer_clear_contents(buffer.get());
        hb_buffer_add_utf32(buffer.get(), reinterpret_cast<const uint32_t*>(text.data()),
                            static_cast<int>(n), static_cast<unsigned>(i), static_cast<int>(j - i));
        hb_buffer_set_direction(buffer.get(), upright_vertical ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
        hb_buffer_set_script(buffer.get(), west ? HB_SCRIPT_LATIN : HB_SCRIPT_HAN);
        hb_buffer_set_language(buffer.get(), hb_language_from_string("ja", -1));
        hb_buffer_set_cluster_level(buffer.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);

        std::vector<hb_feature_t> features;
        if (head.orientation == Orientation::TateChuYoko && j - i >= 2) {
            // Two or more digits across a column: half-width forms fit the em.
            features.push_back(feature("hwid", 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END));
            features.push_back(feature("kern", 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END));
        }
        if (!west) {
            features.push_back(feature("kern", 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END));
            if (upright_vertical) features.push_back(feature("vert", 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END));
            for (size_t k = i; k < j; ++k)
                if (takes_aki(p.chars[k].cls))
                    features.push_back(feature(upright_vertical ? "vhal" : "halt", 1, static_cast<unsigned>(k),
                                               static_cast<unsigned>(k + 1)));
        }
        PangoFont* font = p.span_fonts[head.span].get();
        hb_font_t* hb = pango_font_get_hb_font(font);
        int x_scale = 0, y_scale = 0;
        hb_font_get_scale(hb, &x_scale, &y_scale);
        const SpanLook& look = p.span_looks[head.span];
        const double size = look.size_pt;
        // 長体/平体 scales the glyph's own x axis: advances along a
        // horizontal line (and a sideways run), but only the width across
        // the column of an upright glyph in vertical text.
        const double kx = size * look.scale_x / x_scale, ky = size / y_scale;
        hb_shape(hb, buffer.get(), features.data(), static_cast<unsigned>(features.size()));
        unsigned count = 0;
        hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
        hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
        for (size_t k = i; k < j; ++k) {
            p.chars[k].glyph_count = 0;
            p.chars[k].advance = 0;
        }
        for (unsigned g = 0; g < count; ++g) {
            ParagraphChar& owner = p.chars[info[g].cluster];
            if (info[g].codepoint == 0 && owner.c > 0x20) missing_glyph(p, owner, p.span_looks[owner.span].family);
            if (owner.glyph_count == 0) owner.glyph_begin = static_cast<uint32_t>(p.glyphs.size());
            ++owner.glyph_count;
            ShapedGlyph sg;
            sg.id = info[g].codepoint;
            sg.advance = upright_vertical ? -pos[g].y_advance * ky : pos[g].x_advance * kx;
            sg.x_offset = pos[g].x_offset * kx;
            sg.y_offset = -pos[g].y_offset * ky;
            owner.advance += sg.advance;
            p.glyphs.push_back(sg);
        }
        if (head.orientation == Orientation::TateChuYoko) {
            // Across the column: the run takes one em along the line.
            for (size_t k = i; k < j; ++k) p.chars[k].advance = k == i ? size : 0;
        }
        i = j;
    }
}

ShapedString shape_string(const FontRef& font, double size_pt, const std::u32string& text, bool vertical) {
    ShapedString out;
    std::unique_ptr<hb_buffer_t, BufferFree> buffer(hb_buffer_create());
    hb_buffer_add_utf32(buffer.get(), reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()),
                        0, static_cast<int>(text.size()));
    hb_buffer_set_direction(buffer.get(), vertical ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer.get(), HB_SCRIPT_HAN);
    hb_buffer_set_language(buffer.get(), hb_language_from_string("ja", -1));
    std::vector<hb_feature_t> features{feature("kern", 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END)};
    if (vertical) features.push_back(feature("vert", 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END));
    hb_font_t* hb = pango_font_get_hb_font(font.get());
    int x_scale = 0, y_scale = 0;
    hb_font_get_scale(hb, &x_scale, &y_scale);
    const double kx = size_pt / x_scale, ky = size_pt / y_scale;
    hb_shape(hb, buffer.get(), features.data(), static_cast<unsigned>(features.size()));
    unsigned count = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
    for (unsigned g = 0; g < count; ++g) {
        ShapedGlyph sg;
        sg.id = info[g].codepoint;
        sg.advance = vertical ? -pos[g].y_advance * ky : pos[g].x_advance * kx;
        sg.x_offset = pos[g].x_offset * kx;
        sg.y_offset = -pos[g].y_offset * ky;
        out.advance += sg.advance;
        out.glyphs.push_back(sg);
        out.clusters.push_back(info[g].cluster);
    }
    return out;
}

}  // namespace koho::text
