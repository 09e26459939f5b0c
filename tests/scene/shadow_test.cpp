// Hard vector shadows: the item's silhouette, offset, under the item.
#include <gtest/gtest.h>

#include "art_fixtures.h"
#include "pixels.h"
#include "scene/frame_items.h"

namespace koho::scene {
namespace {

using testing::Canvas;
using testing::kBlack;
using testing::page_with;

const Color kRed = Color::from_rgb(1, 0, 0);

Item shadowed_rect(ShapeKind kind, Rect box, double dx, double dy, Color shadow = kBlack) {
    ShapeItem shape;
    shape.kind = kind;
    shape.bounds = box;
    shape.fill = kRed;
    Item item;
    item.what = shape;
    item.shadow = ShadowPaint{dx, dy, shadow};
    return item;
}

TEST(Shadow, RectCastsItsShapeAtTheOffset) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(shadowed_rect(ShapeKind::Rect, {10, 10, 30, 30}, 5, 8)));
    auto item = canvas.at(20, 20);
    EXPECT_EQ(item.r, 255);  // the item is over its shadow
    EXPECT_EQ(item.a, 255);
    auto shadow = canvas.at(42, 45);  // right of and below the item, inside the shadow (15..45 × 18..48)
    EXPECT_EQ(shadow.a, 255);
    EXPECT_EQ(shadow.r, 0);
    EXPECT_EQ(canvas.at(12, 45).a, 0);  // below the item, left of the shadow
    EXPECT_EQ(canvas.at(47, 30).a, 0);  // right of the shadow
    EXPECT_EQ(canvas.at(42, 12).a, 0);  // right of the item, above the shadow
}

TEST(Shadow, NegativeOffsetGoesUpAndLeft) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(shadowed_rect(ShapeKind::Rect, {30, 30, 30, 30}, -6, -6)));
    EXPECT_EQ(canvas.at(26, 26).a, 255);
    EXPECT_EQ(canvas.at(26, 26).r, 0);
    EXPECT_EQ(canvas.at(58, 58).r, 255);
    EXPECT_EQ(canvas.at(62, 62).a, 0);
}

TEST(Shadow, EllipseCastsAnEllipse) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(shadowed_rect(ShapeKind::Ellipse, {10, 10, 60, 60}, 20, 20)));
    EXPECT_EQ(canvas.at(85, 60).a, 255);  // right vertex of the shadow (90, 60), outside the item
    EXPECT_EQ(canvas.at(85, 60).r, 0);
    EXPECT_EQ(canvas.at(86, 86).a, 0);    // the shadow box's corner
}

TEST(Shadow, ShadowColourAlphaIsKept) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(shadowed_rect(ShapeKind::Rect, {10, 10, 30, 30}, 10, 10, Color::from_rgb(0, 0, 0, 0.25))));
    EXPECT_NEAR(canvas.at(45, 45).a, 64, 2);
}

TEST(Shadow, FillAndStrokeShadowIsEvenUnderTranslucentColour) {
    Canvas canvas(100, 100);
    Item item = shadowed_rect(ShapeKind::Rect, {10, 10, 40, 40}, 20, 20, Color::from_rgb(0, 0, 0, 0.5));
    std::get<ShapeItem>(item.what).stroke = StrokeStyle{kRed, 6, {}};
    canvas.draw(page_with(item));
    // Where the shadows of stroke and fill overlap (x = 68) and of the fill alone (x = 60).
    EXPECT_NEAR(canvas.at(68, 60).a, canvas.at(60, 60).a, 2);
    EXPECT_NEAR(canvas.at(60, 60).a, 128, 2);
}

TEST(Shadow, OpacityFadesItemAndShadowTogether) {
    Canvas canvas(100, 100);
    Item item = shadowed_rect(ShapeKind::Rect, {10, 10, 30, 30}, 5, 5);
    item.opacity = 0.5;
    canvas.draw(page_with(item));
    // Where the item covers its shadow only the item shows, half faded:
    // the shadow does not darken it (one group, faded once).
    auto over = canvas.at(35, 35);
    EXPECT_NEAR(over.a, 128, 2);
    EXPECT_EQ(over.r, 255);
    EXPECT_EQ(over.g, 0);
    auto shadow = canvas.at(42, 42);
    EXPECT_NEAR(shadow.a, 128, 2);
    EXPECT_EQ(shadow.r, 0);
}

TEST(Shadow, ImageCastsTheClippedPicture) {
    auto image = std::make_shared<Image>();
    image->width = 4;
    image->height = 4;
    image->pixels.assign(16, 0xffff0000);
    ImageItem picture;
    picture.image = image;
    picture.placed = {10, 10, 40, 40};
    picture.clip = {10, 10, 40, 40};
    picture.clip_kind = OutlineKind::Ellipse;
    Item item;
    item.what = picture;
    item.shadow = ShadowPaint{10, 0, kBlack};
    Canvas canvas(100, 100);
    canvas.draw(page_with(item));
    EXPECT_EQ(canvas.at(57, 30).a, 255);  // right vertex of the shadow ellipse (60, 30)
    EXPECT_EQ(canvas.at(57, 30).r, 0);
    EXPECT_EQ(canvas.at(30, 30).r, 255);
    EXPECT_EQ(canvas.at(57, 13).a, 0);    // the shadow is elliptical too
}

TEST(Shadow, ImageWithAlphaCastsItsOpaquePixels) {
    // 4 × 4: the left half opaque red, the right half transparent.
    auto image = std::make_shared<Image>();
    image->width = 4;
    image->height = 4;
    image->has_alpha = true;
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x) image->pixels.push_back(x < 2 ? 0xffff0000 : 0x00000000);
    ImageItem picture;
    picture.image = image;
    picture.placed = {10, 10, 40, 40};
    picture.clip = {10, 10, 40, 40};
    Item item;
    item.what = picture;
    item.shadow = ShadowPaint{0, 10, kBlack};
    Canvas canvas(100, 100);
    canvas.draw(page_with(item));
    EXPECT_EQ(canvas.at(15, 55).a, 255);  // under the opaque half, below the picture
    EXPECT_EQ(canvas.at(15, 55).r, 0);
    EXPECT_EQ(canvas.at(45, 55).a, 0);    // under the transparent half: no shadow
    EXPECT_EQ(canvas.at(45, 30).a, 0);    // the transparent half itself
    EXPECT_EQ(canvas.at(15, 30).r, 255);
}

TEST(Shadow, SvgCastsItsPaintedShapeNotItsBox) {
    testing::SvgDir dir("shadow");
    // A circle in a square document: the square's corners are empty.
    auto file = dir.write("dot.svg", testing::svg_document(100, 100, "<circle cx='50' cy='50' r='50' fill='red'/>"));
    ImageLoader none = [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> {
        return nullptr;
    };
    ImageCache cache(none);
    model::Frame frame = testing::svg_frame(file, {10, 10, 60, 60});
    frame.shadow = model::Shadow{15, 15, kBlack};
    auto items = frame_items(frame, cache);
    ASSERT_EQ(items.size(), 1u);
    ASSERT_TRUE(items[0].shadow.has_value());
    EXPECT_DOUBLE_EQ(items[0].shadow->dx_pt, 15);
    Canvas canvas(100, 100);
    canvas.draw(page_with(items[0]));
    EXPECT_EQ(canvas.at(40, 40).r, 255);  // the art
    auto shadow = canvas.at(78, 55);      // right part of the shadow disc (centre 55, 55, r 30)
    EXPECT_EQ(shadow.a, 255);
    EXPECT_EQ(shadow.r, 0);
    EXPECT_EQ(canvas.at(82, 82).a, 0);    // the shadow box's corner: empty, as the art's is
    EXPECT_EQ(canvas.at(12, 12).a, 0);
}

}  // namespace
}  // namespace koho::scene
