// Property test: over many generated paragraphs and measures, no character
// is lost or duplicated (only spaces at breaks may vanish), lines keep to
// the measure unless one unit is wider than it, and no line starts with a
// character kinsoku forbids.
#include <gtest/gtest.h>

#include <random>

#include "text/char_class.h"
#include "text/typesetter.h"

namespace koho::text {
namespace {

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        unsigned char b = s[i];
        int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < len; ++k) c = (c << 6) | (s[i + k] & 0x3F);
        out += c;
        i += len;
    }
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) out += char(c);
        else if (c < 0x800) out += char(0xC0 | (c >> 6)), out += char(0x80 | (c & 0x3F));
        else out += char(0xE0 | (c >> 12)), out += char(0x80 | ((c >> 6) & 0x3F)), out += char(0x80 | (c & 0x3F));
    }
    return out;
}

TEST(NoTextLost, GeneratedParagraphsAtManyMeasures) {
    const std::u32string pool = U"児童相談所専門職あいうえおっゃーを「」（）、。・！？――……々Web 2025%¥";
    std::mt19937 rng(20251125);
    auto fonts = FontContext::create({std::filesystem::path(KOHO_SOURCE_DIR) / "fonts"});
    Typesetter t(fonts);
    model::Style style;
    style.font_family = "Noto Sans CJK JP";
    style.size_pt = 10;
    style.align = model::Align::Justify;
    for (int round = 0; round < 300; ++round) {
        std::u32string text;
        const int len = 5 + rng() % 60;
        // Realistic runs: at most two marks in a row that may not start a
        // line (a longer run leaves no legal break, and an emergency break
        // must then ignore kinsoku rather than overflow the frame).
        int marks = 0;
        for (int i = 0; i < len; ++i) {
            char32_t c = pool[rng() % pool.size()];
            const bool mark = forbidden_at_line_start(classify(c), c, model::Kinsoku::Strict) ||
                              forbidden_at_line_end(classify(c));
            if (mark && marks == 2) c = U'児';
            marks = mark && marks < 2 ? marks + 1 : 0;
            text += c;
        }
        style.hanging = rng() % 2;
        style.kinsoku = static_cast<model::Kinsoku>(rng() % 3);
        model::Story story;
        model::Paragraph p;
        p.style = &style;
        p.spans.push_back({encode(text)});
        story.paragraphs.push_back(p);
        const double measure = 10 * (3 + rng() % 12);
        const bool vertical = rng() % 2;
        FrameGeometry frame{vertical ? 1e5 : measure, vertical ? measure : 1e5,
                            vertical ? model::Writing::Vertical : model::Writing::Horizontal};
        FrameFill fill = t.fill(story, {}, frame);
        ASSERT_TRUE(fill.story_done);
        std::u32string joined;
        for (size_t i = 0; i < fill.lines.size(); ++i) {
            const auto& line = fill.lines[i];
            const std::u32string chars = decode(line.text);
            joined += chars;
            ASSERT_FALSE(chars.empty());
            // Kinsoku: a later line never starts with a closing mark or 。、.
            if (i > 0) {
                const CharClass head = classify(chars[0]);
                EXPECT_FALSE(head == CharClass::Closing || head == CharClass::FullStop || head == CharClass::Comma)
                    << encode(text) << " line " << i << ": " << line.text;
            }
            // Keep to the measure, except a single unit wider than it.
            if (line.width_pt > measure + 1e-6)
                EXPECT_LE(chars.size(), 8u) << encode(text) << " line " << i << ": " << line.text;
        }
        // Only spaces may vanish (at breaks), nothing else.
        std::u32string expected, got;
        for (char32_t c : text)
            if (c != U' ' && c != U'\u3000') expected += c;
        for (char32_t c : joined)
            if (c != U' ' && c != U'\u3000') got += c;
        ASSERT_EQ(encode(got), encode(expected)) << "measure " << measure;
    }
}

}  // namespace
}  // namespace koho::text
