// Property test: over many generated paragraphs and measures, no character
// is lost or duplicated (only spaces at breaks may vanish), lines keep to
// the measure unless one unit is wider than it, and no line starts with a
// character kinsoku forbids.
#include <gtest/gtest.h>

#include <algorithm>
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
            if (c == U'%' && (text.empty() || text.back() < U'0' || text.back() > U'9')) c = U'5';  // 28%, not %5
            marks = mark && marks < 2 ? marks + 1 : 0;
            text += c;
        }
        style.hanging = rng() % 2;
        style.kinsoku = static_cast<model::Kinsoku>(rng() % 3);
        model::Story story;
        model::Paragraph p;
        p.style = &style;
        // Cut into spans; some carry ruby (up to 3 base characters), bouten or strong.
        for (size_t at = 0; at < text.size();) {
            const size_t take = std::min<size_t>(text.size() - at, 1 + rng() % 6);
            model::Span span{encode(text.substr(at, take))};
            const int kind = rng() % 5;
            const std::u32string base = text.substr(at, take);
            const bool letters = std::all_of(base.begin(), base.end(), [](char32_t c) {
                const CharClass k = classify(c);
                return k == CharClass::Ideographic || k == CharClass::Hiragana || k == CharClass::Katakana;
            });
            if (kind == 0 && take <= 3 && letters) span.ruby = "よみがな", span.mono_ruby = take == 1;
            if (kind == 1) span.bouten = true;
            if (kind == 2) span.strong = true;
            p.spans.push_back(span);
            at += take;
        }
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
                    << encode(text) << " line " << i << ": " << line.text << " prev: " << fill.lines[i - 1].text
                    << " prev width " << fill.lines[i - 1].width_pt << " measure " << measure;
            }
            // Keep to the measure, except a single unit wider than it.
            if (line.width_pt > measure + 1e-6) {
                EXPECT_LE(chars.size(), 8u) << encode(text) << " line " << i << ": " << line.text;
            }
        }
        // Clusters map the run's UTF-8 onto its glyphs exactly (cairo_show_text_glyphs).
        for (const auto& run : fill.text.runs) {
            size_t bytes = 0, glyphs = 0;
            for (const auto& c : run.clusters) {
                EXPECT_FALSE(c.bytes == 0 && c.glyphs == 0);
                bytes += c.bytes;
                glyphs += c.glyphs;
            }
            EXPECT_EQ(bytes, run.utf8.size());
            EXPECT_EQ(glyphs, run.glyphs.size());
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
