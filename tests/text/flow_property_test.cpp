// Property test of the flow rules together: generated stories (lists,
// character styles, keep_with_next, orphans, widows, last_line_min_chars)
// through chains of frames with random text-wrap exclusions. Every
// character arrives exactly once and in order, every frame makes progress,
// and no line (nor a hanging mark) enters an exclusion.
#include <gtest/gtest.h>

#include <random>

#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;

std::string pick(std::mt19937& rng, int n) {
    static const std::vector<std::string> pool = {"児", "童", "相", "談", "所", "専", "門", "職", "あ", "い",
                                                  "う", "っ", "ゃ", "ー", "を", "「", "」", "、", "。", "・"};
    std::string s;
    int marks = 0;
    for (int i = 0; i < n; ++i) {
        std::string c = pool[rng() % pool.size()];
        const bool mark = c == "」" || c == "、" || c == "。" || c == "・" || c == "「" || c == "っ" || c == "ゃ" || c == "ー";
        if (mark && marks == 2) c = "児";
        marks = mark && marks < 2 ? marks + 1 : 0;
        s += c;
    }
    return s;
}

bool overlaps(const Exclusion& e, double block, double em, double from, double to) {
    return e.block_begin < block + em - 1e-6 && e.block_end > block + 1e-6 && e.inline_begin < to - 1e-6 &&
           e.inline_end > from + 1e-6;
}

TEST(FlowProperty, ChainsWithWrapLoseNothingAndStayOutOfExclusions) {
    std::mt19937 rng(4242);
    Typesetter t(project_fonts());
    model::CharStyle big, narrow, spaced;
    big.size_pt = 14;
    narrow.horizontal_scale = 0.7;
    spaced.tracking_em = 0.2;
    const model::CharStyle* char_styles[] = {&big, &narrow, &spaced};
    for (int round = 0; round < 60; ++round) {
        const bool vertical = rng() % 2;
        // A few styles per round, the rules chosen at random.
        std::vector<model::Style> styles(4, body_style());
        for (auto& s : styles) {
            s.hanging = rng() % 2;
            s.keep_with_next = rng() % 4 == 0;
            s.orphans = 1 + rng() % 3;
            s.widows = 1 + rng() % 3;
            s.last_line_min_chars = 1 + rng() % 3;
            s.start_indent_pt = (rng() % 3) * 10;
            s.space_after_pt = rng() % 6;
            if (rng() % 3 == 0) {
                s.list.kind = rng() % 2 ? model::ListKind::Bullet : model::ListKind::Number;
                s.list.item_gap_pt = 2;
            }
        }
        model::Story story;
        std::string expected;
        const int paragraphs = 1 + rng() % 6;
        for (int i = 0; i < paragraphs; ++i) {
            model::Paragraph p;
            p.style = &styles[rng() % styles.size()];
            if (p.style->list.kind != model::ListKind::None) p.marker = p.style->list.kind == model::ListKind::Bullet ? "・" : "①";
            const int spans = 1 + rng() % 4;
            for (int k = 0; k < spans; ++k) {
                model::Span span{pick(rng, 1 + rng() % 25)};
                if (rng() % 3 == 0) span.char_style = char_styles[rng() % 3];
                expected += span.text;
                p.spans.push_back(span);
            }
            story.paragraphs.push_back(p);
        }
        const double measure = 120 + 10 * (rng() % 10);
        const double extent = 60 + 10 * (rng() % 10);
        StoryPosition from;
        std::string got;
        bool done = false;
        for (int frame_no = 0; frame_no < 200 && !done; ++frame_no) {
            FrameGeometry frame{vertical ? extent : measure, vertical ? measure : extent,
                                vertical ? model::Writing::Vertical : model::Writing::Horizontal};
            const int count = rng() % 3;
            for (int e = 0; e < count; ++e) {
                const double b = (rng() % 100) * extent / 100, len = 5 + rng() % 40;
                const double w = measure * (0.1 + (rng() % 25) / 100.0);
                const double at = rng() % 2 ? 0 : measure - w;  // from one side, as pictures usually are
                frame.exclusions.push_back({b, b + len, at, at + w});
            }
            FrameFill fill = t.fill(story, from, frame);
            ASSERT_TRUE(fill.story_done || !fill.lines.empty() || !(fill.end == from))
                << "round " << round << ": a frame made no progress";
            for (const SetLine& line : fill.lines) {
                got += line.text;
                const double hang = line.hanging ? line.em_pt : 0;
                for (const Exclusion& e : frame.exclusions)
                    EXPECT_FALSE(overlaps(e, line.block_pt, line.em_pt, line.inline_pt,
                                          line.inline_pt + line.width_pt + hang))
                        << "round " << round << ": line \"" << line.text << "\" at " << line.block_pt << "/"
                        << line.inline_pt << " width " << line.width_pt << " meets an exclusion";
            }
            from = fill.end;
            done = fill.story_done;
        }
        ASSERT_TRUE(done) << "round " << round;
        EXPECT_EQ(got, expected) << "round " << round;
    }
}

}  // namespace
}  // namespace koho::text
