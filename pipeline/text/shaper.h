// Shaping through HarfBuzz (fonts loaded through koho's Pango font map):
// sets each character's advance and glyphs. `kern` is off for Japanese (it
// moves kana off the character grid); punctuation with aki is shaped with
// `halt` (horizontal) or `vhal` (vertical) so koho can add the space itself.
#pragma once

#include <map>
#include <string>
#include <tuple>

#include "text/font_context.h"
#include "text/paragraph.h"

namespace koho::text {

// Loaded fonts by (family, weight, size). Fonts must exist (checked by the caller).
class FontCache {
public:
    explicit FontCache(FontContext& fonts) : fonts_(fonts) {}
    FontRef get(const std::string& family, int weight, double size_pt);
    FontContext& context() { return fonts_; }

private:
    FontContext& fonts_;
    std::map<std::tuple<std::string, int, double>, FontRef> cache_;
};

// The look of `span` in a paragraph of `style` (struct SpanLook: paragraph.h).
SpanLook span_look(const model::Style& style, const model::Span& span);

// Fills chars[].advance/glyph_*, glyphs and span_fonts of `p` (needs
// span_looks): each span in its own font and size; horizontal_scale applied
// to advances along the line (not to upright glyphs in vertical text, whose
// advance runs down the column).
void shape_paragraph(PreparedParagraph& p, FontCache& fonts);

// Shapes a short string in one font (ruby, bouten): glyphs and total advance.
struct ShapedString {
    std::vector<ShapedGlyph> glyphs;
    std::vector<uint32_t> clusters;  // char index per glyph
    double advance = 0;
};
ShapedString shape_string(const FontRef& font, double size_pt, const std::u32string& text, bool vertical);

}  // namespace koho::text
