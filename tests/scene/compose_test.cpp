// compose_pages with a fake typesetter: chains, overset, masters, late
// variables, and the items each kind of frame becomes.
#include "scene/compose_pages.h"

#include <gtest/gtest.h>

#include "compose_errors.h"
#include "fake_setter.h"
#include "flow_fixtures.h"

namespace koho::scene {
namespace {

using testing::compose_error;
using testing::FakeSetter;
using testing::story_of;
using testing::text_frame;
using testing::text_of;

model::Document document_with_pages(size_t count) {
    model::Document document;
    document.file = "layout.json";
    document.page.trim_w_pt = 200;
    document.page.trim_h_pt = 300;
    document.page.bleed_pt = 8.5;
    document.pages.resize(count);
    return document;
}

const TextItem& text_item(const PageScene& page, size_t index) {
    return std::get<TextItem>(page.items.at(index).what);
}

constexpr auto no_images = &testing::images_must_not_load;


TEST(Compose, PageSizeAndBleedCarryOver) {
    auto document = document_with_pages(2);
    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[1].trim_w_pt, 200);
    EXPECT_EQ(pages[1].trim_h_pt, 300);
    EXPECT_EQ(pages[1].bleed_pt, 8.5);
    EXPECT_TRUE(pages[0].items.empty());
}

TEST(Compose, ChainFlowsAcrossTwoFramesOnTwoPages) {
    auto document = document_with_pages(2);
    // 25 characters; the first frame holds 10, the second 20.
    document.pages[0].frames.push_back(
        text_frame("body", {20, 30, 100, 100}, story_of({"abcdefghijklmno", "pqrstuvwxy"})));
    text_of(document.pages[0].frames[0]).next = "more";
    document.pages[1].frames.push_back(text_frame("more", {40, 50, 100, 200}));
    text_of(document.pages[1].frames[0]).continues_chain = true;
    document.chains[{0, 0}] = {{1, 0}};

    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    ASSERT_EQ(setter.calls.size(), 2u);
    EXPECT_EQ(setter.calls[1].from, (text::StoryPosition{0, 10}));
    EXPECT_EQ(setter.calls[1].text, "abcdefghijklmno/pqrstuvwxy/");
    ASSERT_EQ(pages[0].items.size(), 1u);
    ASSERT_EQ(pages[1].items.size(), 1u);
    EXPECT_EQ(text_item(pages[0], 0).text.rules.size(), 10u);
    EXPECT_EQ(text_item(pages[1], 0).text.rules.size(), 15u);
    EXPECT_EQ(text_item(pages[1], 0).x, 40);
    EXPECT_EQ(text_item(pages[1], 0).y, 50);
    EXPECT_EQ(pages[1].items[0].frame_id, "more");
}

TEST(Compose, ChainedFrameThatReceivesNothingDrawsNothing) {
    auto document = document_with_pages(2);
    document.pages[0].frames.push_back(text_frame("body", {0, 0, 100, 100}, story_of({"short"})));
    document.pages[1].frames.push_back(text_frame("more", {0, 0, 100, 100}));
    text_of(document.pages[1].frames[0]).continues_chain = true;
    document.chains[{0, 0}] = {{1, 0}};
    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    EXPECT_EQ(setter.calls.size(), 1u);  // the story ended in the head frame
    EXPECT_TRUE(pages[1].items.empty());
}

TEST(Compose, InsetShrinksTheFrameForTheTypesetter) {
    auto document = document_with_pages(1);
    document.pages[0].frames.push_back(text_frame("box", {10, 20, 100, 80}, story_of({"a"})));
    auto& content = text_of(document.pages[0].frames[0]);
    content.inset_pt = 5;
    content.writing = model::Writing::Vertical;
    content.vertical_align = model::VerticalAlign::Center;
    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    ASSERT_EQ(setter.calls.size(), 1u);
    EXPECT_EQ(setter.calls[0].frame.width_pt, 90);
    EXPECT_EQ(setter.calls[0].frame.height_pt, 70);
    EXPECT_EQ(setter.calls[0].frame.writing, model::Writing::Vertical);
    // compose aligns the block itself; the typesetter always sets from the start.
    EXPECT_EQ(setter.calls[0].frame.vertical_align, model::VerticalAlign::Start);
    EXPECT_EQ(text_item(pages[0], 0).y, 25);
}

// Where the text of a 3-character story lands in a frame at (10, 20) of
// 100 × 100 pt (the fake uses 30 pt of block extent).
std::pair<double, double> aligned_origin(model::Writing writing, model::VerticalAlign align) {
    auto document = document_with_pages(1);
    document.pages[0].frames.push_back(text_frame("box", {10, 20, 100, 100}, story_of({"abc"})));
    text_of(document.pages[0].frames[0]).writing = writing;
    text_of(document.pages[0].frames[0]).vertical_align = align;
    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    return {text_item(pages[0], 0).x, text_item(pages[0], 0).y};
}

TEST(Compose, VerticalAlignmentShiftsTheBlock) {
    using model::VerticalAlign;
    using model::Writing;
    EXPECT_EQ(aligned_origin(Writing::Horizontal, VerticalAlign::Start), std::make_pair(10.0, 20.0));
    EXPECT_EQ(aligned_origin(Writing::Horizontal, VerticalAlign::Center), std::make_pair(10.0, 55.0));
    EXPECT_EQ(aligned_origin(Writing::Horizontal, VerticalAlign::End), std::make_pair(10.0, 90.0));
    // Vertical lines start at the right: the block moves left.
    EXPECT_EQ(aligned_origin(Writing::Vertical, VerticalAlign::Center), std::make_pair(10.0 - 35, 20.0));
    EXPECT_EQ(aligned_origin(Writing::Vertical, VerticalAlign::End), std::make_pair(10.0 - 70, 20.0));
}

TEST(Compose, OversetSingleFrameIsAnErrorAtTheFrame) {
    auto document = document_with_pages(3);
    auto frame = text_frame("body", {0, 0, 100, 50}, story_of({"0123456789", "abc"}));  // holds 5 of 13
    frame.loc = {"layout.json", 42, 9, "/pages/2/frames/0"};
    document.pages[2].frames.push_back(frame);
    EXPECT_EQ(compose_error(document),
              "layout.json:42:9: error: overset text: 8 characters did not fit in frame 'body' on page 3 "
              "(give the frame more room, chain it with \"next\", or set \"overflow\": \"allow\") "
              "(at /pages/2/frames/0)");
}

TEST(Compose, OversetChainNamesWhereTheChainEnds) {
    auto document = document_with_pages(2);
    document.pages[0].frames.push_back(text_frame("intro", {0, 0, 100, 30}, story_of({"0123456789"})));
    document.pages[0].frames.push_back(text_frame("", {0, 0, 100, 30}));
    text_of(document.pages[0].frames[1]).continues_chain = true;
    document.pages[1].frames.push_back(text_frame("tail", {0, 0, 100, 30}));
    text_of(document.pages[1].frames[0]).continues_chain = true;
    document.chains[{0, 0}] = {{0, 1}, {1, 0}};
    EXPECT_EQ(compose_error(document),
              "layout.json:10:5: error: overset text: 1 character did not fit in frame 'intro' on page 1 and the "
              "frames it flows into (the chain ends in frame 'tail' on page 2; give the frames more room, "
              "chain another frame with \"next\", or set \"overflow\": \"allow\") (at /pages/0/frames/0)");
}

TEST(Compose, OversetAllowedKeepsWhatFits) {
    auto document = document_with_pages(1);
    document.pages[0].frames.push_back(text_frame("body", {0, 0, 100, 50}, story_of({"0123456789"})));
    text_of(document.pages[0].frames[0]).overflow = model::Overflow::Allow;
    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    EXPECT_EQ(text_item(pages[0], 0).text.rules.size(), 5u);
}

TEST(Compose, FrameWithoutRoomForTextIsOverset) {
    auto document = document_with_pages(1);
    auto frame = text_frame("tiny", {0, 0, 100, 6}, story_of({"x"}));
    text_of(frame).inset_pt = 4;  // inner height is negative
    document.pages[0].frames.push_back(frame);
    EXPECT_NE(compose_error(document).find("1 character did not fit in frame 'tiny' on page 1"),
              std::string::npos);
}

TEST(Compose, MasterFramesComeFirstWithLateVariables) {
    auto document = document_with_pages(3);
    model::Master master;
    master.name = "inner";
    auto folio = text_frame("folio", {0, 200, 200, 100});
    model::Paragraph paragraph;
    paragraph.spans.push_back({.late_variable = "page"});
    paragraph.spans.push_back({.text = "/"});
    paragraph.spans.push_back({.late_variable = "pages"});
    paragraph.spans.push_back({.text = " "});
    paragraph.spans.push_back({.late_variable = "section"});
    text_of(folio).story.paragraphs.push_back(paragraph);
    master.frames.push_back(folio);
    document.masters["inner"] = master;
    const model::Master* inner = &document.masters["inner"];
    for (size_t p = 0; p < 3; ++p) {
        document.pages[p].master = p == 0 ? nullptr : inner;  // the cover has no master
        document.pages[p].section = p == 2 ? "jobs" : "";
        document.pages[p].frames.push_back(text_frame("body", {0, 0, 200, 100}, story_of({"x"})));
    }
    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    std::vector<std::string> seen;
    for (const auto& call : setter.calls) seen.push_back(call.text);
    // Page stories are set first (chains may cross pages), masters per page.
    EXPECT_EQ(seen, (std::vector<std::string>{"x/", "x/", "x/", "2/3 /", "3/3 jobs/"}));
    EXPECT_EQ(pages[0].items.size(), 1u);
    ASSERT_EQ(pages[2].items.size(), 2u);
    EXPECT_EQ(pages[2].items[0].frame_id, "folio");
    EXPECT_EQ(pages[2].items[1].frame_id, "body");
}

TEST(Compose, UnknownLateVariableIsReported) {
    auto document = document_with_pages(1);
    auto frame = text_frame("x", {0, 0, 100, 100});
    model::Paragraph paragraph;
    paragraph.loc = {"layout.json", 3, 4, "/pages/0/frames/0/text"};
    paragraph.spans.push_back({.late_variable = "chapter"});
    text_of(frame).story.paragraphs.push_back(paragraph);
    document.pages[0].frames.push_back(frame);
    std::string message = compose_error(document);
    EXPECT_NE(message.find("layout.json:3:4: error:"), std::string::npos) << message;
    EXPECT_NE(message.find("chapter"), std::string::npos) << message;
}

TEST(Compose, MasterOversetNamesTheMaster) {
    auto document = document_with_pages(2);
    model::Master master;
    master.name = "inner";
    master.frames.push_back(text_frame("", {0, 0, 100, 10}, story_of({"abc"})));
    document.masters["inner"] = master;
    document.pages[1].master = &document.masters["inner"];
    EXPECT_NE(compose_error(document).find(
                  "overset text: 2 characters did not fit in frame 1 (no id) of master 'inner' on page 2"),
              std::string::npos);
}

TEST(Compose, TextFrameBackgroundWithoutText) {
    auto document = document_with_pages(1);
    auto frame = text_frame("panel", {10, 10, 50, 50});
    text_of(frame).fill = Color::from_rgb(1, 0, 0);
    text_of(frame).inset_pt = 5;
    frame.opacity = 0.5;
    document.pages[0].frames.push_back(frame);
    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    ASSERT_EQ(pages[0].items.size(), 1u);
    const auto& item = text_item(pages[0], 0);
    ASSERT_TRUE(item.background.has_value());
    EXPECT_EQ(item.background_box.x, 10);  // the whole frame, inset or not
    EXPECT_EQ(item.background_box.w, 50);
    EXPECT_EQ(pages[0].items[0].opacity, 0.5);
}

std::shared_ptr<const Image> tiny_image() {
    auto image = std::make_shared<Image>();
    image->width = 4;
    image->height = 2;
    image->pixels.assign(8, 0xff336699);
    return image;
}

TEST(Compose, ImagesAreLoadedOnceAndFitted) {
    auto document = document_with_pages(2);
    for (size_t p = 0; p < 2; ++p) {
        model::Frame frame;
        frame.id = "hero";
        frame.box = {0, 0, 100, 100};
        model::ImageContent content;
        content.path = "/root/media/photo.jpg";
        content.src = "media/photo.jpg";
        content.fit = p == 0 ? model::Fit::Cover : model::Fit::Contain;
        content.focus_x = 0;
        frame.content = content;
        document.pages[p].frames.push_back(frame);
    }
    int loads = 0;
    auto image = tiny_image();
    ImageLoader loader = [&](const std::filesystem::path& path, const SourceLoc&) {
        ++loads;
        EXPECT_EQ(path, "/root/media/photo.jpg");
        return image;
    };
    FakeSetter setter;
    auto pages = compose_pages(document, setter, loader);
    EXPECT_EQ(loads, 1);
    const auto& cover = std::get<ImageItem>(pages[0].items.at(0).what);
    const auto& contain = std::get<ImageItem>(pages[1].items.at(0).what);
    EXPECT_EQ(cover.image, image);
    EXPECT_EQ(contain.image, image);
    EXPECT_DOUBLE_EQ(cover.placed.x, 0);  // focus at the left edge
    EXPECT_DOUBLE_EQ(cover.placed.w, 200);
    EXPECT_DOUBLE_EQ(contain.placed.y, 25);
    EXPECT_DOUBLE_EQ(contain.placed.h, 50);
    EXPECT_DOUBLE_EQ(contain.clip.w, 100);
}

TEST(Compose, ShapesLinesAndQrBecomeShapeItems) {
    auto document = document_with_pages(1);
    auto& frames = document.pages[0].frames;
    model::Frame rect;
    rect.box = {1, 2, 30, 40};
    rect.opacity = 0.25;
    rect.content = model::ShapeContent{.fill = Color::from_rgb(0, 1, 0),
                                       .stroke = model::Stroke{Color::from_rgb(0, 0, 0), 2, {3, 1}},
                                       .radius_pt = 4};
    frames.push_back(rect);
    model::Frame ellipse;
    ellipse.content = model::ShapeContent{.ellipse = true};
    ellipse.box = {0, 0, 10, 10};
    frames.push_back(ellipse);
    model::Frame line;
    line.box = {5, 6, 0, 0};
    line.content = model::LineContent{.x2 = 50, .y2 = 60};
    frames.push_back(line);
    model::Frame qr;
    qr.box = {100, 100, 33, 33};
    qr.content = model::QrContent{.data = "https://example.jp", .background = Color::from_rgb(1, 1, 1)};
    frames.push_back(qr);

    FakeSetter setter;
    auto pages = compose_pages(document, setter, no_images());
    ASSERT_EQ(pages[0].items.size(), 4u);
    const auto& r = std::get<ShapeItem>(pages[0].items[0].what);
    EXPECT_EQ(r.kind, ShapeKind::RoundedRect);
    EXPECT_EQ(r.radius_pt, 4);
    ASSERT_TRUE(r.stroke.has_value());
    EXPECT_EQ(r.stroke->width_pt, 2);
    EXPECT_EQ(r.stroke->dash_pt, (std::vector<double>{3, 1}));
    EXPECT_EQ(pages[0].items[0].opacity, 0.25);
    EXPECT_EQ(std::get<ShapeItem>(pages[0].items[1].what).kind, ShapeKind::Ellipse);
    const auto& l = std::get<ShapeItem>(pages[0].items[2].what);
    EXPECT_EQ(l.kind, ShapeKind::Line);
    EXPECT_EQ(l.x1, 5);
    EXPECT_EQ(l.y2, 60);
    const auto& q = std::get<ShapeItem>(pages[0].items[3].what);
    EXPECT_EQ(q.kind, ShapeKind::Rects);
    EXPECT_TRUE(q.backdrop.has_value());
    EXPECT_EQ(q.rects.front().x, 104);  // version 2: 25 + 2 × 4 modules in 33 pt, 1 pt each
}

TEST(Compose, QrErrorsPointAtTheDataValue) {
    auto document = document_with_pages(1);
    model::Frame qr;
    qr.loc = {"layout.json", 7, 3, "/pages/0/frames/0"};
    qr.box = {0, 0, 30, 30};
    qr.content = model::QrContent{.data = "", .data_loc = {"layout.json", 8, 15, "/pages/0/frames/0/data"}};
    document.pages[0].frames.push_back(qr);
    EXPECT_EQ(compose_error(document), "layout.json:8:15: error: QR data is empty (at /pages/0/frames/0/data)");
}

}  // namespace
}  // namespace koho::scene
