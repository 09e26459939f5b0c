// Gradients: model geometry (relative to the frame box) placed on the page,
// and drawn as Cairo patterns with the item's opacity in the stops.
#include <gtest/gtest.h>

#include <cmath>

#include "pixels.h"
#include "scene/frame_items.h"
#include "scene/gradient.h"

namespace koho::scene {
namespace {

using testing::Canvas;
using testing::item_of;
using testing::kBlack;
using testing::page_with;

const Color kWhite = Color::from_rgb(1, 1, 1);

model::Gradient linear(double angle, Color from = kBlack, Color to = kWhite) {
    model::Gradient g;
    g.kind = model::Gradient::Kind::Linear;
    g.angle_deg = angle;
    g.stops = {{0, from}, {1, to}};
    return g;
}

model::Gradient radial(double cx, double cy, double radius) {
    model::Gradient g;
    g.kind = model::Gradient::Kind::Radial;
    g.center_x = cx;
    g.center_y = cy;
    g.radius = radius;
    g.stops = {{0, kBlack}, {1, kWhite}};
    return g;
}

TEST(GradientPaint, ZeroDegreesRunsLeftToRightAcrossTheBox) {
    GradientPaint p = gradient_paint(linear(0), {10, 20, 100, 50});
    EXPECT_EQ(p.kind, GradientPaint::Kind::Linear);
    EXPECT_NEAR(p.x0, 10, 1e-9);
    EXPECT_NEAR(p.y0, 45, 1e-9);
    EXPECT_NEAR(p.x1, 110, 1e-9);
    EXPECT_NEAR(p.y1, 45, 1e-9);
    ASSERT_EQ(p.stops.size(), 2u);
    EXPECT_EQ(p.stops[1].first, 1);
}

TEST(GradientPaint, NinetyDegreesRunsTopToBottom) {
    GradientPaint p = gradient_paint(linear(90), {10, 20, 100, 50});
    EXPECT_NEAR(p.x0, 60, 1e-9);
    EXPECT_NEAR(p.y0, 20, 1e-9);
    EXPECT_NEAR(p.x1, 60, 1e-9);
    EXPECT_NEAR(p.y1, 70, 1e-9);
}

TEST(GradientPaint, DiagonalEndsReachTheFarCorners) {
    // 45° on a 100 × 50 box: the line through the centre (60, 45) along
    // (1, 1)/√2 is long enough that the perpendiculars at its ends pass
    // through the top-left and bottom-right corners.
    GradientPaint p = gradient_paint(linear(45), {10, 20, 100, 50});
    const double dx = p.x1 - p.x0, dy = p.y1 - p.y0;
    const double len2 = dx * dx + dy * dy;
    auto t = [&](double x, double y) { return ((x - p.x0) * dx + (y - p.y0) * dy) / len2; };
    EXPECT_NEAR(t(10, 20), 0, 1e-9);
    EXPECT_NEAR(t(110, 70), 1, 1e-9);
    EXPECT_GT(t(110, 20), 0);  // the other corners fall inside
    EXPECT_LT(t(110, 20), 1);
    EXPECT_NEAR((p.x0 + p.x1) / 2, 60, 1e-9);
    EXPECT_NEAR((p.y0 + p.y1) / 2, 45, 1e-9);
}

TEST(GradientPaint, RadialRadiusIsAFractionOfTheLongerSide) {
    GradientPaint p = gradient_paint(radial(0.25, 0.5, 0.5), {10, 20, 100, 40});
    EXPECT_EQ(p.kind, GradientPaint::Kind::Radial);
    EXPECT_DOUBLE_EQ(p.cx, 35);
    EXPECT_DOUBLE_EQ(p.cy, 40);
    EXPECT_DOUBLE_EQ(p.radius, 50);
}

ShapeItem gradient_shape(ShapeKind kind, Rect box, const model::Gradient& g) {
    ShapeItem shape;
    shape.kind = kind;
    shape.bounds = box;
    shape.gradient = gradient_paint(g, box);
    return shape;
}

TEST(RenderGradient, HorizontalLinearBrightensLeftToRight) {
    Canvas canvas(100, 20);
    canvas.draw(page_with(item_of(gradient_shape(ShapeKind::Rect, {0, 0, 100, 20}, linear(0)))));
    int previous = -1;
    for (int x = 2; x < 100; x += 8) {
        auto c = canvas.at(x, 10);
        EXPECT_EQ(c.a, 255) << x;
        EXPECT_GT(c.r, previous) << "at x = " << x;
        EXPECT_EQ(c.r, c.g);
        previous = c.r;
    }
    EXPECT_LT(canvas.at(1, 10).r, 10);
    EXPECT_GT(canvas.at(98, 10).r, 245);
}

TEST(RenderGradient, NinetyDegreesBrightensTopToBottom) {
    Canvas canvas(20, 100);
    canvas.draw(page_with(item_of(gradient_shape(ShapeKind::Rect, {0, 0, 20, 100}, linear(90))), 20, 100));
    EXPECT_LT(canvas.at(10, 5).r, canvas.at(10, 50).r);
    EXPECT_LT(canvas.at(10, 50).r, canvas.at(10, 95).r);
    EXPECT_NEAR(canvas.at(2, 50).r, canvas.at(18, 50).r, 1);  // constant across
}

TEST(RenderGradient, RadialIsDarkAtItsCentre) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(item_of(gradient_shape(ShapeKind::Rect, {0, 0, 100, 100}, radial(0.5, 0.5, 0.5)))));
    EXPECT_LT(canvas.at(50, 50).r, 10);
    EXPECT_GT(canvas.at(50, 25).r, 100);
    EXPECT_GT(canvas.at(2, 2).r, 245);  // beyond the radius: the last colour
    EXPECT_NEAR(canvas.at(25, 49).r, canvas.at(74, 49).r, 2);  // pixel centres 24.5 pt from the centre
}

TEST(RenderGradient, OpacityIsFoldedIntoTheStops) {
    Canvas canvas(100, 20);
    canvas.draw(page_with(item_of(gradient_shape(ShapeKind::Rect, {0, 0, 100, 20}, linear(0)), 0.5)));
    EXPECT_NEAR(canvas.at(50, 10).a, 128, 2);
    EXPECT_NEAR(canvas.at(2, 10).a, 128, 2);
}

TEST(RenderGradient, StopAlphaIsKept) {
    Canvas canvas(100, 20);
    model::Gradient g = linear(0, Color::from_rgb(1, 0, 0, 0), Color::from_rgb(1, 0, 0, 1));
    canvas.draw(page_with(item_of(gradient_shape(ShapeKind::Rect, {0, 0, 100, 20}, g))));
    EXPECT_LT(canvas.at(1, 10).a, 10);
    EXPECT_GT(canvas.at(98, 10).a, 245);
}

TEST(RenderGradient, EllipseAndRoundedRectKeepTheirShape) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(item_of(gradient_shape(ShapeKind::Ellipse, {0, 0, 100, 100}, linear(0)))));
    EXPECT_EQ(canvas.at(50, 50).a, 255);
    EXPECT_EQ(canvas.at(3, 3).a, 0);
    EXPECT_EQ(canvas.at(96, 96).a, 0);

    Canvas rounded(100, 100);
    ShapeItem shape = gradient_shape(ShapeKind::RoundedRect, {0, 0, 100, 100}, linear(0));
    shape.radius_pt = 30;
    rounded.draw(page_with(item_of(shape)));
    EXPECT_EQ(rounded.at(1, 1).a, 0);
    EXPECT_EQ(rounded.at(50, 1).a, 255);
}

TEST(RenderGradient, StrokeGoesOverTheGradient) {
    Canvas canvas(100, 100);
    ShapeItem shape = gradient_shape(ShapeKind::Rect, {10, 10, 80, 80}, linear(0));
    shape.stroke = StrokeStyle{Color::from_rgb(0, 0, 1), 4, {}};
    canvas.draw(page_with(item_of(shape)));
    EXPECT_EQ(canvas.at(50, 10).b, 255);
    EXPECT_EQ(canvas.at(50, 10).r, 0);
    EXPECT_EQ(canvas.at(50, 50).r, canvas.at(50, 50).b);  // grey inside
}

TEST(FrameItems, ShapeGradientBecomesAPageGradient) {
    model::ShapeContent content;
    content.gradient = linear(0);
    model::Frame frame;
    frame.box = {30, 40, 200, 100};
    frame.content = content;
    ImageLoader none = [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> {
        return nullptr;
    };
    ImageCache cache(none);
    auto items = frame_items(frame, cache);
    ASSERT_EQ(items.size(), 1u);
    const auto& shape = std::get<ShapeItem>(items[0].what);
    EXPECT_FALSE(shape.fill.has_value());
    ASSERT_TRUE(shape.gradient.has_value());
    EXPECT_NEAR(shape.gradient->x0, 30, 1e-9);
    EXPECT_NEAR(shape.gradient->x1, 230, 1e-9);
    EXPECT_NEAR(shape.gradient->y0, 90, 1e-9);
}

}  // namespace
}  // namespace koho::scene
