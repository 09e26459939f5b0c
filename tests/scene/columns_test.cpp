// Multi-column text frames (段組): column boxes, filling order, chains
// through columns, balancing, vertical tiers and column rules.
#include "scene/columns.h"

#include <gtest/gtest.h>

#include <cmath>

#include "fake_setter.h"
#include "flow_fixtures.h"
#include "scene/compose_pages.h"

namespace koho::scene {
namespace {

using testing::FakeSetter;
using testing::story_of;
using testing::text_frame;
using testing::text_of;

model::TextContent columns(int n, double gutter, model::Writing writing = model::Writing::Horizontal) {
    model::TextContent text;
    text.columns = n;
    text.gutter_pt = gutter;
    text.writing = writing;
    return text;
}

TEST(Columns, HorizontalColumnsSideBySide) {
    auto boxes = column_boxes({10, 20, 210, 100}, columns(3, 15));
    ASSERT_EQ(boxes.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(boxes[i].x, 10 + 75.0 * i);
        EXPECT_DOUBLE_EQ(boxes[i].y, 20);
        EXPECT_DOUBLE_EQ(boxes[i].w, 60);
        EXPECT_DOUBLE_EQ(boxes[i].h, 100);
    }
}

TEST(Columns, VerticalTiersTopToBottom) {
    auto boxes = column_boxes({10, 20, 100, 170}, columns(3, 10, model::Writing::Vertical));
    ASSERT_EQ(boxes.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(boxes[i].x, 10);
        EXPECT_DOUBLE_EQ(boxes[i].y, 20 + 60.0 * i);
        EXPECT_DOUBLE_EQ(boxes[i].w, 100);
        EXPECT_DOUBLE_EQ(boxes[i].h, 50);
    }
}

TEST(Columns, OneColumnIsTheInnerBox) {
    auto boxes = column_boxes({1, 2, 3, 4}, columns(1, 15));
    ASSERT_EQ(boxes.size(), 1u);
    EXPECT_EQ(boxes[0].w, 3);
    EXPECT_EQ(boxes[0].h, 4);
}

TEST(Columns, RulesCentredInGuttersAcrossTheInnerBox) {
    auto text = columns(3, 15);
    EXPECT_TRUE(column_rules({10, 20, 210, 100}, text).empty());  // no column_rule asked
    text.column_rule = model::Stroke{Color::from_rgb(0, 0, 255), 0.3, {2, 1}};
    auto rules = column_rules({10, 20, 210, 100}, text);
    ASSERT_EQ(rules.size(), 2u);
    EXPECT_EQ(rules[0].kind, ShapeKind::Line);
    EXPECT_DOUBLE_EQ(rules[0].x1, 10 + 60 + 7.5);
    EXPECT_DOUBLE_EQ(rules[0].x2, 10 + 60 + 7.5);
    EXPECT_DOUBLE_EQ(rules[1].x1, 10 + 135 + 7.5);
    EXPECT_DOUBLE_EQ(rules[0].y1, 20);
    EXPECT_DOUBLE_EQ(rules[0].y2, 120);
    ASSERT_TRUE(rules[0].stroke.has_value());
    EXPECT_EQ(rules[0].stroke->width_pt, 0.3);
    EXPECT_EQ(rules[0].stroke->dash_pt, (std::vector<double>{2, 1}));

    auto tiers = columns(2, 10, model::Writing::Vertical);
    tiers.column_rule = model::Stroke{};
    auto across = column_rules({10, 20, 100, 170}, tiers);
    ASSERT_EQ(across.size(), 1u);
    EXPECT_DOUBLE_EQ(across[0].y1, 20 + 80 + 5);
    EXPECT_DOUBLE_EQ(across[0].y2, 20 + 80 + 5);
    EXPECT_DOUBLE_EQ(across[0].x1, 10);
    EXPECT_DOUBLE_EQ(across[0].x2, 110);
}

// A 2-column frame at (20, 30), 210 × 100 pt, gutter 10 (columns of 100 pt
// holding 10 fake characters each).
model::Frame two_columns(model::Story story, bool balance = false) {
    auto frame = text_frame("body", {20, 30, 210, 100}, std::move(story));
    text_of(frame).columns = 2;
    text_of(frame).gutter_pt = 10;
    text_of(frame).balance = balance;
    return frame;
}

std::vector<std::pair<double, double>> compose_rules(const model::Document& document, FakeSetter& setter,
                                                     size_t page = 0, size_t item = 0) {
    auto pages = compose_pages(document, setter, testing::no_images());
    return testing::rule_positions(pages.at(page), item);
}

size_t count_at_x(const std::vector<std::pair<double, double>>& at, double x) {
    return std::count_if(at.begin(), at.end(), [&](const auto& p) { return std::abs(p.first - x) < 1e-9; });
}

TEST(Columns, StoryFillsColumnsInOrder) {
    auto document = testing::document_with_pages(1);
    document.pages[0].frames.push_back(two_columns(story_of({"abcdefghijklmno"})));
    FakeSetter setter;
    auto at = compose_rules(document, setter);
    ASSERT_EQ(setter.calls.size(), 2u);
    EXPECT_EQ(setter.calls[0].frame.width_pt, 100);
    EXPECT_EQ(setter.calls[0].frame.height_pt, 100);
    EXPECT_EQ(setter.calls[1].from, (text::StoryPosition{0, 10}));
    ASSERT_EQ(at.size(), 15u);
    EXPECT_EQ(count_at_x(at, 20), 10u);   // the first column
    EXPECT_EQ(count_at_x(at, 130), 5u);   // the second, 100 + 10 pt on
    EXPECT_EQ(at[10], std::make_pair(130.0, 30.0));  // it starts at the top
}

TEST(Columns, ChainRunsThroughColumnsThenOn) {
    auto document = testing::document_with_pages(2);
    auto head = two_columns(story_of({"abcdefghij", "klmnopqrstuvwx"}));
    head.box.h = 50;  // 5 characters a column
    text_of(head).next = "more";
    document.pages[0].frames.push_back(head);
    document.pages[1].frames.push_back(text_frame("more", {0, 0, 100, 200}));
    text_of(document.pages[1].frames[0]).continues_chain = true;
    document.chains[{0, 0}] = {{1, 0}};
    FakeSetter setter;
    auto pages = compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(setter.calls.size(), 3u);
    EXPECT_EQ(setter.calls[1].from, (text::StoryPosition{0, 5}));
    EXPECT_EQ(setter.calls[2].from, (text::StoryPosition{1, 0}));
    EXPECT_EQ(testing::rule_positions(pages[0], 0).size(), 10u);
    EXPECT_EQ(testing::rule_positions(pages[1], 0).size(), 14u);
}

TEST(Columns, UnbalancedUnlessAsked) {
    auto document = testing::document_with_pages(1);
    document.pages[0].frames.push_back(two_columns(story_of({"abcdefghijklm"})));
    FakeSetter setter;
    auto at = compose_rules(document, setter);
    EXPECT_EQ(count_at_x(at, 20), 10u);
    EXPECT_EQ(count_at_x(at, 130), 3u);
}

TEST(Columns, BalancedColumnsEndLevel) {
    for (size_t length : {12u, 13u, 19u, 2u}) {
        auto document = testing::document_with_pages(1);
        document.pages[0].frames.push_back(two_columns(story_of({std::string(length, 'a')}), true));
        FakeSetter setter;
        auto at = compose_rules(document, setter);
        size_t first = count_at_x(at, 20), second = count_at_x(at, 130);
        EXPECT_EQ(first + second, length);
        EXPECT_EQ(first, (length + 1) / 2) << length;  // the last column is shorter by less than a line
        EXPECT_EQ(second, length / 2) << length;
        // The final setting used one extent for both columns, no more than needed.
        const auto& last = setter.calls.back().frame;
        EXPECT_LT(last.height_pt, 10.0 * first + 0.5) << length;
        EXPECT_GE(last.height_pt, 10.0 * first) << length;
    }
}

TEST(Columns, BalancingSnapsToTheLineGrid) {
    model::Style grid;
    grid.size_pt = 12;
    grid.leading_pt = 16;
    auto document = testing::document_with_pages(1);
    document.pages[0].frames.push_back(two_columns(story_of({std::string(12, 'a')}), true));
    text_of(document.pages[0].frames[0]).grid = &grid;
    FakeSetter setter;
    auto at = compose_rules(document, setter);
    EXPECT_EQ(count_at_x(at, 20), 6u);
    EXPECT_EQ(count_at_x(at, 130), 6u);
    EXPECT_DOUBLE_EQ(setter.calls.back().frame.height_pt, 64);  // 4 grid lines hold 6 fake lines
    EXPECT_DOUBLE_EQ(setter.calls.back().frame.grid_pitch_pt, 16);
}

TEST(Columns, NoBalancingWhenTheStoryGoesOn) {
    auto document = testing::document_with_pages(1);
    auto head = two_columns(story_of({std::string(25, 'a')}), true);
    text_of(head).next = "more";
    document.pages[0].frames.push_back(head);
    document.pages[0].frames.push_back(text_frame("more", {0, 200, 100, 100}));
    text_of(document.pages[0].frames[1]).continues_chain = true;
    document.chains[{0, 0}] = {{0, 1}};
    FakeSetter setter;
    auto at = compose_rules(document, setter);
    EXPECT_EQ(setter.calls.size(), 3u);  // no search: the frame was full
    EXPECT_EQ(count_at_x(at, 20), 10u);
    EXPECT_EQ(count_at_x(at, 130), 10u);
}

TEST(Columns, VerticalTiersGetTheFullWidth) {
    auto document = testing::document_with_pages(1);
    auto frame = text_frame("tate", {20, 30, 100, 210}, story_of({std::string(15, 'a')}));
    text_of(frame).writing = model::Writing::Vertical;
    text_of(frame).columns = 2;
    text_of(frame).gutter_pt = 10;
    document.pages[0].frames.push_back(frame);
    FakeSetter setter;
    auto at = compose_rules(document, setter);
    ASSERT_EQ(setter.calls.size(), 2u);
    for (const auto& call : setter.calls) {
        EXPECT_EQ(call.frame.width_pt, 100);
        EXPECT_EQ(call.frame.height_pt, 100);
        EXPECT_EQ(call.frame.writing, model::Writing::Vertical);
    }
    ASSERT_EQ(at.size(), 15u);
    EXPECT_EQ(at[0], std::make_pair(20.0, 30.0));
    EXPECT_EQ(at[10], std::make_pair(20.0, 140.0));  // the second tier, 100 + 10 pt down
}

TEST(Columns, VerticalAlignMovesAllColumnsTogether) {
    auto document = testing::document_with_pages(1);
    auto frame = two_columns(story_of({std::string(13, 'a')}));
    text_of(frame).vertical_align = model::VerticalAlign::End;
    document.pages[0].frames.push_back(frame);
    FakeSetter setter;
    auto pages = compose_pages(document, setter, testing::no_images());
    // The fuller column (100 pt used) leaves no room: nothing moves.
    EXPECT_EQ(std::get<TextItem>(pages[0].items[0].what).y, 30);

    document.pages[0].frames[0].box.h = 200;
    FakeSetter again;
    pages = compose_pages(document, again, testing::no_images());
    EXPECT_EQ(std::get<TextItem>(pages[0].items[0].what).y, 30 + 200 - 130);
}

TEST(Columns, ComposeAddsColumnRuleItems) {
    auto document = testing::document_with_pages(1);
    auto frame = two_columns(story_of({"abc"}));
    text_of(frame).column_rule = model::Stroke{Color::from_rgb(255, 0, 0), 0.5, {}};
    frame.opacity = 0.5;
    document.pages[0].frames.push_back(frame);
    FakeSetter setter;
    auto pages = compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(pages[0].items.size(), 2u);
    const auto& rule = std::get<ShapeItem>(pages[0].items[1].what);
    EXPECT_EQ(rule.kind, ShapeKind::Line);
    EXPECT_DOUBLE_EQ(rule.x1, 20 + 100 + 5);
    EXPECT_DOUBLE_EQ(rule.y1, 30);
    EXPECT_DOUBLE_EQ(rule.y2, 130);
    EXPECT_EQ(pages[0].items[1].opacity, 0.5);
    EXPECT_EQ(pages[0].items[1].frame_id, "body");
}

TEST(Columns, BalancingCutsExclusionsToTheColumnExtent) {
    auto document = testing::document_with_pages(1);
    document.pages[0].frames.push_back(two_columns(story_of({std::string(8, 'a')}), true));
    // Over both columns, from 20 pt to 90 pt down the inner box.
    auto panel = testing::rect_frame("panel", {100, 50, 60, 70});
    panel.wrap = model::Wrap{};
    document.pages[0].frames.push_back(panel);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    ASSERT_GE(setter.calls.size(), 2u);
    ASSERT_EQ(setter.calls[0].frame.exclusions.size(), 1u);  // the sequential try: the whole column
    EXPECT_EQ(setter.calls[0].frame.exclusions[0].block_end, 90);
    const auto& last = setter.calls.back().frame;  // the balanced setting: 4 characters, 40 pt
    EXPECT_LT(last.height_pt, 40.5);
    ASSERT_EQ(last.exclusions.size(), 1u);
    EXPECT_EQ(last.exclusions[0].block_begin, 20);
    EXPECT_EQ(last.exclusions[0].block_end, last.height_pt);
    // A try shorter than 20 pt never sees the panel.
    for (const auto& call : setter.calls) {
        if (call.frame.height_pt <= 20) {
            EXPECT_TRUE(call.frame.exclusions.empty()) << call.frame.height_pt;
        }
    }
}

}  // namespace
}  // namespace koho::scene
