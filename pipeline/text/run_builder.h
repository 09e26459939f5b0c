// Internal to the text engine: collects positioned glyphs into GlyphRuns
// (one font, size, colour, rotation, scale and outline each) and underline
// segments into TextRules.
#pragma once

#include <optional>

#include "text/glyph_run.h"
#include "text/paragraph.h"

namespace koho::text {

class RunBuilder {
public:
    explicit RunBuilder(SetText& out) : out_(out) {}
    void begin(const FontRef& font, double size, const Color& color, double rotation, double scale_x = 1,
               const std::optional<model::TextOutline>& outline = std::nullopt);
    void cluster(char32_t c, int glyphs);
    void glyph(uint32_t id, double x, double y) { current_->glyphs.push_back({id, x, y}); }
    GlyphRun& run() { return *current_; }
    void end() { current_ = nullptr; }

private:
    SetText& out_;
    GlyphRun* current_ = nullptr;
};

// Underline (horizontal) or side line (vertical) of consecutive characters
// with the same resolved underline: one TextRule per stretch.
class UnderlineBuilder {
public:
    // `cross`: the paragraph baseline y (horizontal) or the column's centre x (vertical).
    UnderlineBuilder(SetText& out, bool vertical, double cross) : out_(out), vertical_(vertical), cross_(cross) {}
    ~UnderlineBuilder() { close(); }
    // A character of `look` occupying [from, to) along the line.
    void add(const SpanLook& look, double from, double to);
    void close();

private:
    SetText& out_;
    bool vertical_;
    double cross_;
    bool open_ = false;
    TextRule rule_;
};

}  // namespace koho::text
