// Shared by the text engine's tests: the project's fonts, a body style and
// stories built by hand (the loader is not involved).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "text/typesetter.h"

namespace koho::text::testing {

inline std::shared_ptr<FontContext> project_fonts() {
    static auto fonts = FontContext::create({std::filesystem::path(KOHO_SOURCE_DIR) / "fonts"});
    return fonts;
}

// 10 pt Noto Sans on 17 pt, justified, no hanging punctuation.
inline model::Style body_style() {
    model::Style s;
    s.font_family = "Noto Sans CJK JP";
    s.font_loc = {"layout.json", 3, 14, "/styles/body/font"};
    s.size_pt = 10;
    s.leading_pt = 17;
    s.align = model::Align::Justify;
    s.hanging = false;
    return s;
}

inline model::Paragraph paragraph_of(const model::Style& style, const std::string& text) {
    model::Paragraph p;
    p.style = &style;
    p.spans.push_back({text});
    return p;
}

inline model::Story story_of(const model::Style& style, const std::vector<std::string>& paragraphs) {
    model::Story story;
    for (const auto& text : paragraphs) story.paragraphs.push_back(paragraph_of(style, text));
    return story;
}

// A span with a character style.
inline model::Span styled(const std::string& text, const model::CharStyle& cs) {
    model::Span span{text};
    span.char_style = &cs;
    return span;
}

inline std::vector<std::string> line_texts(const FrameFill& fill) {
    std::vector<std::string> out;
    for (const auto& l : fill.lines) out.push_back(l.text);
    return out;
}

// The run that draws the character `utf8` (its first glyph's run), or nullptr.
inline const GlyphRun* run_with(const FrameFill& fill, const std::string& utf8) {
    for (const auto& r : fill.text.runs)
        if (r.utf8.find(utf8) != std::string::npos) return &r;
    return nullptr;
}

// The position of the glyph drawing the character `utf8` (first occurrence).
inline PositionedGlyph glyph_of(const FrameFill& fill, const std::string& utf8) {
    for (const auto& r : fill.text.runs) {
        size_t byte = 0, glyph = 0;
        for (const auto& c : r.clusters) {
            if (c.glyphs > 0 && r.utf8.compare(byte, c.bytes, utf8) == 0) return r.glyphs.at(glyph);
            byte += c.bytes;
            glyph += c.glyphs;
        }
    }
    ADD_FAILURE() << "no glyph for " << utf8;
    return {};
}

}  // namespace koho::text::testing
