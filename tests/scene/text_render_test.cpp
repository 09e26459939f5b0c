// Text through the real typesetter and fonts: chains across pages lose and
// duplicate nothing, glyphs land in their frames, PDF text extracts as
// Unicode, sideways runs rotate about each glyph's origin.
#include <cairo-pdf.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "flow_fixtures.h"
#include "pixels.h"
#include "support/command.h"
#include "scene/compose.h"
#include "text/font_context.h"
#include "text/typesetter.h"

namespace koho::scene {
namespace {

using testing::append_to_string;
using testing::Canvas;
using testing::text_frame;

class TextRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        fonts_ = text::FontContext::create({std::filesystem::path(KOHO_SOURCE_DIR) / "fonts"});
    }
    static void TearDownTestSuite() { fonts_.reset(); }

    TextRender() : typesetter_(fonts_) {
        style_.name = "body";
        style_.font_family = "Noto Sans CJK JP";
        style_.size_pt = 10;
        style_.leading_pt = 17.5;
        style_.color = Color::from_rgb(0, 0, 0);
    }

    model::Story story(const std::string& text) const {
        model::Story story;
        model::Paragraph paragraph;
        paragraph.style = &style_;
        paragraph.spans.push_back({.text = text});
        story.paragraphs.push_back(paragraph);
        return story;
    }

    static std::shared_ptr<text::FontContext> fonts_;
    model::Style style_;
    text::Typesetter typesetter_;
};

std::shared_ptr<text::FontContext> TextRender::fonts_;

ImageLoader absent_images() {
    return [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> { return nullptr; };
}

std::string text_of(const PageScene& page) {
    std::string text;
    for (const auto& item : page.items)
        if (auto* t = std::get_if<TextItem>(&item.what))
            for (const auto& run : t->text.runs) text += run.utf8;
    return text;
}

// The ink's bounding box on a canvas: {min x, min y, max x, max y}, or all -1.
std::array<int, 4> ink_box(const Canvas& canvas, int w, int h) {
    std::array<int, 4> box{-1, -1, -1, -1};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (canvas.at(x, y).a > 128) {
                if (box[0] < 0 || x < box[0]) box[0] = x;
                if (box[1] < 0 || y < box[1]) box[1] = y;
                box[2] = std::max(box[2], x);
                box[3] = std::max(box[3], y);
            }
    return box;
}

const std::string kCopy =
    "千葉県の児童相談所では、子どもと家族の力になりたいという思いを持つ仲間を募集しています。"
    "児童福祉司、児童心理司、保育士など、専門職が力を合わせて働いています。";

TEST_F(TextRender, ChainAcrossTwoPagesLosesAndRepeatsNothing) {
    model::Document document;
    document.page = {200, 300, 0};
    document.pages.resize(2);
    auto head = text_frame("body", {20, 20, 100, 30});  // two lines of about ten characters
    std::get<model::TextContent>(head.content).story = story(kCopy);
    std::get<model::TextContent>(head.content).next = "more";
    document.pages[0].frames.push_back(head);
    auto tail = text_frame("more", {20, 100, 160, 150});
    std::get<model::TextContent>(tail.content).continues_chain = true;
    document.pages[1].frames.push_back(tail);
    document.chains[{0, 0}] = {{1, 0}};

    auto pages = compose(document, typesetter_, absent_images());
    ASSERT_EQ(pages.size(), 2u);
    std::string first = text_of(pages[0]), second = text_of(pages[1]);
    EXPECT_FALSE(first.empty());
    EXPECT_FALSE(second.empty());
    EXPECT_EQ(first + second, kCopy);

    // The glyphs are drawn inside each frame.
    Canvas page1(200, 300), page2(200, 300);
    page1.draw(pages[0]);
    page2.draw(pages[1]);
    auto ink1 = ink_box(page1, 200, 300), ink2 = ink_box(page2, 200, 300);
    ASSERT_GE(ink1[0], 0);
    EXPECT_GE(ink1[0], 19);
    EXPECT_LE(ink1[2], 121);
    EXPECT_GE(ink1[1], 19);
    EXPECT_LE(ink1[3], 51);
    ASSERT_GE(ink2[0], 0);
    EXPECT_GE(ink2[1], 99);
    EXPECT_LE(ink2[3], 251);
}

TEST_F(TextRender, OversetCountsCharactersWithTheRealEngine) {
    model::Document document;
    document.file = "flyer.json";
    document.page = {200, 300, 0};
    document.pages.resize(1);
    auto frame = text_frame("lead", {0, 0, 100, 12});  // one line of ten characters
    frame.loc = {"flyer.json", 20, 11, "/pages/0/frames/0"};
    std::get<model::TextContent>(frame.content).story = story("あいうえおかきくけこさしすせそ");  // 15
    document.pages[0].frames.push_back(frame);
    try {
        compose(document, typesetter_, absent_images());
        FAIL() << "no overset error";
    } catch (const Error& e) {
        EXPECT_EQ(e.formatted(),
                  "flyer.json:20:11: error: overset text: 5 characters did not fit in frame 'lead' on page 1 "
                  "(give the frame more room, chain it with \"next\", or set \"overflow\": \"allow\") "
                  "(at /pages/0/frames/0)");
    }
}

std::string run_command(const std::string& command) { return test::run_command(command).output; }

std::string without_whitespace(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f' && c != '\r') out += c;
    return out;
}

TEST_F(TextRender, PdfTextExtractsAsUnicode) {
    model::Document document;
    document.page = {300, 200, 0};
    document.pages.resize(1);
    auto frame = text_frame("body", {10, 10, 280, 180});
    std::get<model::TextContent>(frame.content).story = story(kCopy);
    document.pages[0].frames.push_back(frame);
    auto pages = compose(document, typesetter_, absent_images());

    std::string pdf;
    {
        SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &pdf, 300, 200));
        CairoPtr cr(cairo_create(surface.get()));
        render(cr.get(), pages[0]);
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
    }
    auto path = std::filesystem::temp_directory_path() / ("koho-scene-text-" + std::to_string(getpid()) + ".pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string extracted = run_command("pdftotext -enc UTF-8 '" + path.string() + "' - 2>/dev/null");
    std::filesystem::remove(path);
    EXPECT_EQ(without_whitespace(extracted), kCopy);
}

TEST_F(TextRender, SidewaysRunTurnsEachGlyphClockwiseAboutItsOrigin) {
    text::FrameGeometry geometry{200, 50};
    auto fill = typesetter_.fill(story("l"), {}, geometry);
    ASSERT_EQ(fill.text.runs.size(), 1u);
    text::GlyphRun run = fill.text.runs[0];
    ASSERT_EQ(run.glyphs.size(), 1u);
    run.size_pt = 40;
    run.glyphs[0].x = 50;
    run.glyphs[0].y = 50;

    auto draw = [&](double rotation) {
        auto canvas = std::make_unique<Canvas>(100, 100);
        TextItem item;
        item.text.runs.push_back(run);
        item.text.runs[0].rotation_deg = rotation;
        Item wrapper;
        wrapper.what = item;
        canvas->draw(testing::page_with(wrapper));
        return ink_box(*canvas, 100, 100);
    };
    auto upright = draw(0), sideways = draw(90);
    ASSERT_GE(upright[0], 0);
    ASSERT_GE(sideways[0], 0);
    // Upright "l": tall and narrow, above the baseline (y < 50).
    EXPECT_GT(upright[3] - upright[1], 3 * (upright[2] - upright[0]));
    EXPECT_LE(upright[3], 51);
    // Turned clockwise: wide and short, to the right of the origin (x > 50),
    // hanging just below the baseline.
    EXPECT_GT(sideways[2] - sideways[0], 3 * (sideways[3] - sideways[1]));
    EXPECT_GE(sideways[0], 49);
    EXPECT_GE(sideways[1], 49);
}

TEST_F(TextRender, RunSizeWinsOverThePangoFontSize) {
    text::FrameGeometry geometry{200, 50};
    auto fill = typesetter_.fill(story("l"), {}, geometry);
    ASSERT_EQ(fill.text.runs.size(), 1u);
    text::GlyphRun run = fill.text.runs[0];
    run.glyphs[0].x = 10;
    run.glyphs[0].y = 90;
    auto height_at = [&](double size) {
        Canvas canvas(100, 100);
        TextItem item;
        item.text.runs.push_back(run);
        item.text.runs[0].size_pt = size;
        Item wrapper;
        wrapper.what = item;
        canvas.draw(testing::page_with(wrapper));
        auto box = ink_box(canvas, 100, 100);
        return box[3] - box[1] + 1;
    };
    int at10 = height_at(10), at40 = height_at(40);
    EXPECT_NEAR(at40, 4 * at10, 4);
}

}  // namespace
}  // namespace koho::scene
