// Odd/even master frames: which pages get them, their text set per page
// with late variables, and messages that name them.
#include "scene/masters.h"

#include <gtest/gtest.h>

#include "fake_setter.h"
#include "flow_fixtures.h"
#include "scene/compose_pages.h"

namespace koho::scene {
namespace {

using testing::FakeSetter;
using testing::text_frame;
using testing::text_of;

model::Story folio_story() {
    model::Paragraph paragraph;
    paragraph.spans.push_back({.late_variable = "page"});
    paragraph.spans.push_back({.text = "/"});
    paragraph.spans.push_back({.late_variable = "pages"});
    model::Story story;
    story.paragraphs.push_back(paragraph);
    return story;
}

// Four pages; the first (the cover) without a master. The master has a
// running head on every page and a folio at the outer edge: right on odd
// pages, left on even pages.
model::Document book() {
    auto document = testing::document_with_pages(4);
    model::Master master;
    master.name = "inner";
    master.frames.push_back(testing::rect_frame("band", {0, 0, 400, 20}));
    master.odd_frames.push_back(text_frame("folio-odd", {350, 550, 40, 40}, folio_story()));
    master.even_frames.push_back(text_frame("folio-even", {10, 550, 40, 40}, folio_story()));
    document.masters["inner"] = master;
    for (size_t p = 1; p < 4; ++p) document.pages[p].master = &document.masters["inner"];
    return document;
}

TEST(Masters, OddPagesGetOddFramesEvenPagesEvenFrames) {
    auto document = book();
    EXPECT_TRUE(master_frames(document, 0).empty());  // the cover: no master, no folio
    auto even = master_frames(document, 1);           // page 2
    ASSERT_EQ(even.size(), 2u);
    EXPECT_EQ(even[0].frame->id, "band");
    EXPECT_STREQ(even[0].part, "");
    EXPECT_EQ(even[1].frame->id, "folio-even");
    EXPECT_STREQ(even[1].part, "even");
    auto odd = master_frames(document, 2);  // page 3
    ASSERT_EQ(odd.size(), 2u);
    EXPECT_EQ(odd[1].frame->id, "folio-odd");
    EXPECT_STREQ(odd[1].part, "odd");
    EXPECT_EQ(odd[1].index, 0u);
}

TEST(Masters, ComposeDrawsTheRightFolioWithItsPageNumber) {
    auto document = book();
    FakeSetter setter;
    auto pages = compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(pages.size(), 4u);
    EXPECT_TRUE(pages[0].items.empty());
    std::vector<std::string> ids;
    for (size_t p = 1; p < 4; ++p)
        for (const auto& item : pages[p].items) ids.push_back(item.frame_id);
    EXPECT_EQ(ids, (std::vector<std::string>{"band", "folio-even", "band", "folio-odd", "band", "folio-even"}));
    std::vector<std::string> seen;
    for (const auto& call : setter.calls) seen.push_back(call.text);
    EXPECT_EQ(seen, (std::vector<std::string>{"2/4/", "3/4/", "4/4/"}));
    EXPECT_EQ(std::get<TextItem>(pages[2].items[1].what).x, 350);
    EXPECT_EQ(std::get<TextItem>(pages[3].items[1].what).x, 10);
}

TEST(Masters, OversetInAnOddFrameSaysSo) {
    auto document = book();
    document.masters["inner"].odd_frames[0].box.h = 10;  // holds 1 of "3/4"
    FakeSetter setter;
    std::string message;
    try {
        compose_pages(document, setter, testing::no_images());
    } catch (const Error& e) {
        message = e.formatted();
    }
    EXPECT_NE(message.find("2 characters did not fit in frame 'folio-odd' of master 'inner' (odd pages) on page 3"),
              std::string::npos)
        << message;
}

TEST(Masters, PageFramesPushMasterText) {
    auto document = book();
    auto& head = document.masters["inner"].frames;
    head.push_back(text_frame("running-head", {0, 20, 400, 40}, testing::story_of({"head"})));
    auto badge = testing::rect_frame("badge", {300, 10, 80, 60});
    badge.wrap = model::Wrap{model::Wrap::Mode::Box, 5, {}};
    document.pages[2].frames.push_back(badge);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    // Masters are set per page after the page stories: pages 2, 3 and 4 in turn,
    // each page's running head first, then its folio.
    std::vector<size_t> pushed;
    for (const auto& call : setter.calls)
        if (call.text == "head/") pushed.push_back(call.frame.exclusions.size());
    EXPECT_EQ(pushed, (std::vector<size_t>{0, 1, 0}));  // only page 3 has the badge
    for (const auto& call : setter.calls)
        if (call.text == "head/" && !call.frame.exclusions.empty()) {
            EXPECT_EQ(call.frame.exclusions[0].block_begin, 0);   // y 5..75 clipped to the head's 20..60
            EXPECT_EQ(call.frame.exclusions[0].block_end, 40);
            EXPECT_EQ(call.frame.exclusions[0].inline_begin, 295);
            EXPECT_EQ(call.frame.exclusions[0].inline_end, 385);
        }
}

}  // namespace
}  // namespace koho::scene
