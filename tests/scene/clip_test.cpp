// Clip outlines of images and SVG art: ellipse, circle, rounded box.
#include <gtest/gtest.h>

#include "art_fixtures.h"
#include "pixels.h"
#include "scene/frame_items.h"

namespace koho::scene {
namespace {

using testing::Canvas;
using testing::page_with;

std::shared_ptr<const Image> solid_red(int w = 10, int h = 10) {
    auto image = std::make_shared<Image>();
    image->width = w;
    image->height = h;
    image->pixels.assign(static_cast<size_t>(w) * h, 0xffff0000);
    image->source = "red.png";
    return image;
}

Item clipped_image(OutlineKind kind, Rect clip, double radius = 0) {
    ImageItem image;
    image.image = solid_red();
    image.placed = clip;
    image.clip = clip;
    image.clip_kind = kind;
    image.clip_radius_pt = radius;
    Item item;
    item.what = image;
    return item;
}

TEST(ClipImage, EllipseLeavesTheCornersTransparent) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(clipped_image(OutlineKind::Ellipse, {0, 20, 100, 60})));
    EXPECT_EQ(canvas.at(50, 50).r, 255);
    EXPECT_EQ(canvas.at(50, 50).a, 255);
    EXPECT_EQ(canvas.at(3, 50).a, 255);   // the left vertex
    EXPECT_EQ(canvas.at(50, 22).a, 255);  // the top vertex
    EXPECT_EQ(canvas.at(2, 22).a, 0);     // the box's corners
    EXPECT_EQ(canvas.at(97, 22).a, 0);
    EXPECT_EQ(canvas.at(2, 77).a, 0);
    EXPECT_EQ(canvas.at(97, 77).a, 0);
}

TEST(ClipImage, RoundedBoxCutsOnlyTheCorners) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(clipped_image(OutlineKind::RoundedRect, {10, 10, 80, 80}, 20)));
    EXPECT_EQ(canvas.at(11, 11).a, 0);
    EXPECT_EQ(canvas.at(88, 88).a, 0);
    EXPECT_EQ(canvas.at(50, 11).a, 255);
    EXPECT_EQ(canvas.at(11, 50).a, 255);
    EXPECT_EQ(canvas.at(50, 50).a, 255);
}

model::Frame image_frame(model::Box box, model::ClipShape clip, double radius = 0) {
    model::ImageContent content;
    content.path = "red.png";
    content.src = "red.png";
    content.clip = clip;
    content.clip_radius_pt = radius;
    content.fit = model::Fit::Cover;
    model::Frame frame;
    frame.box = box;
    frame.content = content;
    return frame;
}

class ClipFrames : public ::testing::Test {
protected:
    ImageItem item_for(const model::Frame& frame) {
        auto items = frame_items(frame, cache_);
        EXPECT_EQ(items.size(), 1u);
        return std::get<ImageItem>(items.at(0).what);
    }
    ImageLoader load_ = [](const std::filesystem::path&, const SourceLoc&) { return solid_red(40, 20); };
    ImageCache cache_{load_};
};

TEST_F(ClipFrames, CircleIsTheLargestCentredCircle) {
    ImageItem item = item_for(image_frame({0, 0, 200, 100}, model::ClipShape::Circle));
    EXPECT_EQ(item.clip_kind, OutlineKind::Ellipse);
    EXPECT_DOUBLE_EQ(item.clip.x, 50);
    EXPECT_DOUBLE_EQ(item.clip.y, 0);
    EXPECT_DOUBLE_EQ(item.clip.w, 100);
    EXPECT_DOUBLE_EQ(item.clip.h, 100);
    // The picture still covers the whole frame; only the circle shows.
    EXPECT_DOUBLE_EQ(item.placed.w, 200);

    Item drawn;
    drawn.what = item;
    Canvas canvas(200, 100);
    canvas.draw(page_with(drawn, 200, 100));
    EXPECT_EQ(canvas.at(100, 50).a, 255);  // centre
    EXPECT_EQ(canvas.at(52, 50).a, 255);   // left of the circle, inside it
    EXPECT_EQ(canvas.at(20, 50).a, 0);     // in the frame, outside the circle
    EXPECT_EQ(canvas.at(180, 50).a, 0);
    EXPECT_EQ(canvas.at(55, 5).a, 0);      // the square's corner
}

TEST_F(ClipFrames, TallFrameCircleIsCentredVertically) {
    ImageItem item = item_for(image_frame({10, 20, 60, 100}, model::ClipShape::Circle));
    EXPECT_DOUBLE_EQ(item.clip.x, 10);
    EXPECT_DOUBLE_EQ(item.clip.y, 40);
    EXPECT_DOUBLE_EQ(item.clip.w, 60);
    EXPECT_DOUBLE_EQ(item.clip.h, 60);
}

TEST_F(ClipFrames, EllipseAndRoundedUseTheFrameBox) {
    ImageItem ellipse = item_for(image_frame({0, 0, 200, 100}, model::ClipShape::Ellipse));
    EXPECT_EQ(ellipse.clip_kind, OutlineKind::Ellipse);
    EXPECT_DOUBLE_EQ(ellipse.clip.w, 200);
    ImageItem rounded = item_for(image_frame({0, 0, 200, 100}, model::ClipShape::RoundedBox, 12));
    EXPECT_EQ(rounded.clip_kind, OutlineKind::RoundedRect);
    EXPECT_DOUBLE_EQ(rounded.clip_radius_pt, 12);
    ImageItem box = item_for(image_frame({0, 0, 200, 100}, model::ClipShape::Box));
    EXPECT_EQ(box.clip_kind, OutlineKind::Rect);
}

TEST(ClipSvg, EllipseClipsTheArt) {
    testing::SvgDir dir("clip");
    auto file = dir.write("red.svg", testing::svg_document(10, 10, "<rect width='10' height='10' fill='red'/>"));
    ImageLoader none = [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> {
        return nullptr;
    };
    ImageCache cache(none);
    auto items = frame_items(testing::svg_frame(file, {0, 0, 100, 100}, model::Fit::Fill, model::ClipShape::Ellipse),
                             cache);
    ASSERT_EQ(items.size(), 1u);
    Canvas canvas(100, 100);
    canvas.draw(page_with(items[0]));
    EXPECT_EQ(canvas.at(50, 50).r, 255);
    EXPECT_EQ(canvas.at(50, 50).a, 255);
    EXPECT_EQ(canvas.at(3, 3).a, 0);
    EXPECT_EQ(canvas.at(96, 96).a, 0);
    EXPECT_EQ(canvas.at(50, 2).a, 255);
}

TEST(ClipSvg, RoundedClipsTheArtsCorners) {
    testing::SvgDir dir("clip-rounded");
    auto file = dir.write("red.svg", testing::svg_document(10, 10, "<rect width='10' height='10' fill='red'/>"));
    ImageLoader none = [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> {
        return nullptr;
    };
    ImageCache cache(none);
    auto items = frame_items(
        testing::svg_frame(file, {0, 0, 100, 100}, model::Fit::Fill, model::ClipShape::RoundedBox, 25), cache);
    ASSERT_EQ(items.size(), 1u);
    Canvas canvas(100, 100);
    canvas.draw(page_with(items[0]));
    EXPECT_EQ(canvas.at(1, 1).a, 0);
    EXPECT_EQ(canvas.at(50, 1).a, 255);
    EXPECT_EQ(canvas.at(1, 50).a, 255);
}

}  // namespace
}  // namespace koho::scene
