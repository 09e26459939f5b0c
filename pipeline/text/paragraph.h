// A paragraph prepared for composition: normalised characters with their
// source offsets, JLReq classes, shaped glyphs, and the atoms and gaps the
// line breaker works on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "text/char_class.h"
#include "text/glyph_run.h"
#include "text/line_breaker.h"


namespace koho::text {

enum class Orientation : uint8_t {
    Upright,       // horizontal text, or CJK upright in vertical text
    Sideways,      // Latin in vertical text: rotated 90° clockwise
    TateChuYoko,   // digits set across the column, one em along it
};

// How a span is drawn: the paragraph style, then its strong variant, then
// the span's character style ([[name:…]]), each overriding what it sets.
struct SpanLook {
    std::string family;
    const SourceLoc* family_loc = nullptr;  // where that family was named
    int weight = 400;
    double size_pt = 10;
    Color color;
    double tracking_pt = 0;        // added after each character (not after a line's last)
    double scale_x = 1;            // 長体/平体
    double shift_pt = 0;           // baseline shift: up (horizontal) / right (vertical)
    std::optional<model::Underline> underline;
    std::optional<model::TextOutline> outline;
};
struct ShapedGlyph {
    uint32_t id = 0;
    double advance = 0;     // along the line, points
    double x_offset = 0;    // from the pen, points, y down, in the run's own frame
    double y_offset = 0;
};

struct ParagraphChar {
    char32_t c = 0;
    CharClass cls = CharClass::Other;
    uint32_t source = 0;       // byte offset of the source character in the base text
    uint16_t span = 0;         // index into the paragraph's spans
    Orientation orientation = Orientation::Upright;
    uint32_t glyph_begin = 0;  // into PreparedParagraph::glyphs
    uint32_t glyph_count = 0;
    double advance = 0;        // along the line, points (0 for the tail of a ligature)
};

// Which characters must stay in one atom: 0 = none, otherwise characters
// with the same non-zero id are kept together (group ruby, marked runs).
struct PreparedParagraph {
    const model::Paragraph* source = nullptr;
    const model::Style* style = nullptr;
    bool vertical = false;
    double em = 10;                         // font size, points
    std::vector<ParagraphChar> chars;
    uint32_t source_end = 0;                // byte length of the base text
    std::vector<uint32_t> keep_together;    // per char
    std::vector<ShapedGlyph> glyphs;
    std::vector<FontRef> span_fonts;        // per span (strong spans differ)
    // Per span: how it is drawn (character style applied). Empty when a
    // test builds a paragraph by hand: then every span is `em` with no tracking.
    std::vector<SpanLook> span_looks;
    BreakParagraph breaking;
    std::vector<bool> atom_is_tcy;          // per atom

    // Ruby (JLReq 3.3): per span, the ruby's advance at half size (0: none);
    // per atom, extra width spread around its characters when the ruby is
    // longer than the base can carry, and where the ruby starts relative
    // to the atom's start (negative: it overhangs the previous character).
    std::vector<double> span_ruby_advance;
    std::vector<double> atom_pad;
    std::vector<double> atom_ruby_start;
    std::vector<bool> atom_ruby_fixed;  // jukugo ruby: placed at atom_ruby_start, not spread
};

// Widens ruby bases whose ruby is too long to overhang (3.3.5–3.3.6): at
// most half a ruby character over adjacent kana, never over kanji. Runs of
// adjacent mono ruby (a compound, {紫|むらさき}{陽|あ}{花|じ}) are set as
// jukugo ruby: a reading may use room left by its neighbours' readings.
// Call after build_atoms, with span_ruby_advance set.
void apply_ruby_spacing(PreparedParagraph& p);

// Decodes, normalises half-width katakana (NFKC of U+FF61..FF9F) and
// classifies the paragraph's base text; offsets refer to the source bytes.
void decode_paragraph(const model::Paragraph& paragraph, PreparedParagraph& out);

// The size (em) a character is set in, and the tracking added after it.
double char_em(const PreparedParagraph& p, uint32_t i);
double char_tracking(const PreparedParagraph& p, uint32_t i);

// Groups characters into atoms and computes the gaps between them (JLReq
// Appendix B spacing, 3.2.6 Japanese–Latin spacing, kinsoku). Needs
// chars[].advance set. Pure: no fonts involved. Tracking (each span's, or
// `tracking_em` of `em` without span_looks) follows every character: inside
// an atom it widens the atom; after an atom's last character it goes into
// the following gap, so it vanishes at a line end.
void build_atoms(PreparedParagraph& p, model::Kinsoku kinsoku, double tracking_em);

// UTF-8 of one code point, appended.
void append_utf8(std::string& out, char32_t c);

}  // namespace koho::text
