// scene::SvgArt (librsvg): sizes, located errors, one parse per file, fit
// and drawing.
#include "scene/svg_art.h"

#include <gtest/gtest.h>

#include "art_fixtures.h"
#include "pixels.h"
#include "scene/frame_items.h"

namespace koho::scene {
namespace {

using testing::Canvas;
using testing::loc_at;
using testing::svg_document;
using testing::svg_frame;
using testing::SvgDir;

const std::string kRedSquare = "<rect x='0' y='0' width='100%' height='100%' fill='#ff0000'/>";

TEST(SvgArt, SizeInCssPixelsBecomesPoints) {
    SvgDir dir("size-px");
    auto art = SvgArt::load(dir.write("a.svg", svg_document(200, 100, kRedSquare)), loc_at(1, 1));
    EXPECT_DOUBLE_EQ(art->width_pt(), 150);  // 1 px = 0.75 pt
    EXPECT_DOUBLE_EQ(art->height_pt(), 75);
}

TEST(SvgArt, PhysicalUnitsAreExact) {
    SvgDir dir("size-mm");
    auto art = SvgArt::load(dir.write("mm.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='50mm' height='20mm'>"
                                                "<rect width='10' height='10'/></svg>"),
                            loc_at(1, 1));
    EXPECT_NEAR(art->width_pt(), 50 * 72 / 25.4, 1e-6);
    EXPECT_NEAR(art->height_pt(), 20 * 72 / 25.4, 1e-6);
}

TEST(SvgArt, ViewBoxAloneGivesTheSize) {
    SvgDir dir("size-viewbox");
    auto art = SvgArt::load(dir.write("v.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 48' "
                                               "width='100%'><path d='M0 0h24v48z'/></svg>"),
                            loc_at(1, 1));
    EXPECT_DOUBLE_EQ(art->width_pt(), 18);
    EXPECT_DOUBLE_EQ(art->height_pt(), 36);
}

// Asserts that `load` throws BadInput at `where` with `words` in the message.
void expect_input_error(const std::filesystem::path& file, const std::string& words) {
    const SourceLoc where = loc_at(12, 34, "/pages/1/frames/3/src");
    try {
        SvgArt::load(file, where);
        FAIL() << "no error for " << file;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().file, where.file);
        EXPECT_EQ(e.loc().line, 12);
        EXPECT_EQ(e.loc().col, 34);
        EXPECT_EQ(e.loc().pointer, where.pointer);
        EXPECT_NE(e.message().find(words), std::string::npos) << e.message();
        EXPECT_NE(e.message().find(file.filename().string()), std::string::npos) << e.message();
    }
}

TEST(SvgArt, BrokenXmlIsAnErrorAtTheSrc) {
    SvgDir dir("broken");
    expect_input_error(dir.write("broken.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                                               "<rect width='5' height='5'></svg>"),
                       "cannot read SVG");
}

TEST(SvgArt, NotAnSvgIsAnError) {
    SvgDir dir("not-svg");
    expect_input_error(dir.write("photo.svg", "\x89PNG\r\n\x1a\n not really"), "cannot read SVG");
}

TEST(SvgArt, MissingFileIsAnError) {
    SvgDir dir("missing");
    expect_input_error(dir.write("x", "") .parent_path() / "gone.svg", "cannot read SVG");
}

TEST(SvgArt, NoSizeIsAnError) {
    SvgDir dir("no-size");
    expect_input_error(dir.write("nosize.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect width='5' "
                                               "height='5'/></svg>"),
                       "no usable size");
}

// librsvg would leave out a picture it refuses to load without a word; koho
// takes only self-contained SVG and says which reference is at fault.
TEST(SvgArt, AReferenceToAnotherFileIsAnError) {
    SvgDir dir("external");
    dir.write("photo.png", "not read");
    const std::string open = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
                             "width='10' height='10'>\n";
    expect_input_error(dir.write("image.svg", open + "<image xlink:href='photo.png' width='10' height='10'/></svg>"),
                       "refers to another file ('photo.png', line 2)");
    expect_input_error(dir.write("up.svg", open + "<image href = \"../../etc/x.png\"/></svg>"),
                       "('../../etc/x.png', line 2)");
    expect_input_error(dir.write("fill.svg", open + "<rect fill='url(other.svg#g)' width='5' height='5'/></svg>"),
                       "('other.svg#g', line 2)");
    expect_input_error(dir.write("css.svg", open + "<style>@import 'a.css';</style></svg>"), "('@import', line 2)");
}

TEST(SvgArt, FragmentsAndDataUrlsAreSelfContained) {
    SvgDir dir("internal");
    const std::string svg =
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>"
        "<defs><linearGradient id='g'><stop offset='0' stop-color='red'/></linearGradient>"
        "<rect id='r' width='5' height='5'/></defs>"
        "<use xlink:href='#r'/><rect fill='url(#g)' width='5' height='5'/><rect fill=\"url('#g')\" width='5' height='5'/>"
        "<image href='data:image/png;base64,iVBORw0KGgo=' width='1' height='1'/></svg>";
    EXPECT_NO_THROW(SvgArt::load(dir.write("self.svg", svg), loc_at(1, 1)));
}

TEST(SvgArt, DrawsIntoTheViewport) {
    SvgDir dir("draw");
    auto art = SvgArt::load(dir.write("red.svg", svg_document(10, 10, kRedSquare)), loc_at(1, 1));
    Canvas canvas(100, 100);
    art->draw(canvas.cr(), {20, 30, 40, 20});  // stretched: the viewport need not keep the aspect
    cairo_surface_flush(canvas.surface());
    EXPECT_EQ(canvas.at(21, 31).r, 255);
    EXPECT_EQ(canvas.at(21, 31).a, 255);
    EXPECT_EQ(canvas.at(58, 48).a, 255);
    EXPECT_EQ(canvas.at(19, 40).a, 0);
    EXPECT_EQ(canvas.at(61, 40).a, 0);
    EXPECT_EQ(canvas.at(40, 51).a, 0);
}

TEST(SvgCache, ParsesEachFileOnce) {
    SvgDir dir("cache");
    auto file = dir.write("once.svg", svg_document(10, 10, kRedSquare));
    int loads = 0;
    ImageLoader no_images = [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> {
        return nullptr;
    };
    ImageCache cache(no_images, [&loads](const std::filesystem::path& path, const SourceLoc& where) {
        ++loads;
        return SvgArt::load(path, where);
    });
    auto first = frame_items(svg_frame(file, {0, 0, 10, 10}), cache);
    auto second = frame_items(svg_frame(file, {50, 50, 20, 20}), cache);
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(loads, 1);
    EXPECT_EQ(std::get<SvgItem>(first[0].what).art, std::get<SvgItem>(second[0].what).art);
}

class SvgFit : public ::testing::Test {
protected:
    // 200 × 100 px art = 150 × 75 pt, placed in a 100 × 100 pt frame at (10, 20).
    SvgItem placed(model::Fit fit, double focus_x = 0.5) {
        model::Frame frame = svg_frame(file_, {10, 20, 100, 100}, fit);
        std::get<model::SvgContent>(frame.content).focus_x = focus_x;
        auto items = frame_items(frame, cache_);
        EXPECT_EQ(items.size(), 1u);
        return std::get<SvgItem>(items.at(0).what);
    }

    SvgDir dir_{"fit"};
    std::filesystem::path file_ = dir_.write("wide.svg", svg_document(200, 100, kRedSquare));
    ImageLoader no_images_ = [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> {
        return nullptr;
    };
    ImageCache cache_{no_images_};
};

TEST_F(SvgFit, ContainIsTheDefaultAndCentres) {
    EXPECT_EQ(model::SvgContent{}.fit, model::Fit::Contain);
    SvgItem item = placed(model::Fit::Contain);
    EXPECT_DOUBLE_EQ(item.placed.x, 10);
    EXPECT_DOUBLE_EQ(item.placed.w, 100);
    EXPECT_DOUBLE_EQ(item.placed.h, 50);
    EXPECT_DOUBLE_EQ(item.placed.y, 45);
    EXPECT_DOUBLE_EQ(item.clip.x, 10);
    EXPECT_DOUBLE_EQ(item.clip.w, 100);
    EXPECT_EQ(item.clip_kind, OutlineKind::Rect);
}

TEST_F(SvgFit, CoverFillsAndFollowsTheFocus) {
    SvgItem item = placed(model::Fit::Cover, 0);
    EXPECT_DOUBLE_EQ(item.placed.h, 100);
    EXPECT_DOUBLE_EQ(item.placed.w, 200);
    EXPECT_DOUBLE_EQ(item.placed.x, 10);  // focus on the left edge: the left edge stays in
    SvgItem centred = placed(model::Fit::Cover);
    EXPECT_DOUBLE_EQ(centred.placed.x, 10 - 50);
}

TEST_F(SvgFit, FillStretches) {
    SvgItem item = placed(model::Fit::Fill);
    EXPECT_DOUBLE_EQ(item.placed.x, 10);
    EXPECT_DOUBLE_EQ(item.placed.y, 20);
    EXPECT_DOUBLE_EQ(item.placed.w, 100);
    EXPECT_DOUBLE_EQ(item.placed.h, 100);
}

TEST_F(SvgFit, CoverIsClippedToTheFrameWhenDrawn) {
    Item item;
    item.what = placed(model::Fit::Cover);
    Canvas canvas(200, 200);
    canvas.draw(testing::page_with(item, 200, 200));
    EXPECT_EQ(canvas.at(12, 60).r, 255);
    EXPECT_EQ(canvas.at(108, 60).a, 255);
    EXPECT_EQ(canvas.at(5, 60).a, 0);    // the art runs on to x = -40, the frame starts at 10
    EXPECT_EQ(canvas.at(115, 60).a, 0);  // … and on to 160, the frame ends at 110
}

TEST_F(SvgFit, HalfOpacityFadesTheArtOnce) {
    Item item;
    item.what = placed(model::Fit::Fill);
    item.opacity = 0.5;
    Canvas canvas(200, 200);
    canvas.draw(testing::page_with(item, 200, 200));
    EXPECT_NEAR(canvas.at(50, 50).a, 128, 2);
    EXPECT_EQ(canvas.at(50, 50).r, 255);
}

}  // namespace
}  // namespace koho::scene
