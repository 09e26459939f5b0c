#include <gtest/gtest.h>

#include "pixels.h"

namespace koho::scene {
namespace {

using testing::Canvas;
using testing::item_of;
using testing::page_with;

const Color kRed = Color::from_rgb(1, 0, 0);
const Color kBlue = Color::from_rgb(0, 0, 1);

ShapeItem filled(ShapeKind kind, Rect bounds, Color color) {
    ShapeItem shape;
    shape.kind = kind;
    shape.bounds = bounds;
    shape.fill = color;
    return shape;
}

TEST(RenderShape, RectFillsExactlyItsBounds) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(item_of(filled(ShapeKind::Rect, {10, 20, 30, 40}, kRed))));
    auto inside = canvas.at(25, 40);
    EXPECT_EQ(inside.r, 255);
    EXPECT_EQ(inside.g, 0);
    EXPECT_EQ(inside.a, 255);
    EXPECT_EQ(canvas.at(9, 40).a, 0);   // left of it
    EXPECT_EQ(canvas.at(40, 40).a, 0);  // right edge is exclusive (10 + 30)
    EXPECT_EQ(canvas.at(25, 60).a, 0);  // below
    EXPECT_EQ(canvas.at(39, 59).a, 255);
}

TEST(RenderShape, PointsScaleWithTheContext) {
    Canvas canvas(200, 200, 2);  // 2 px per pt
    canvas.draw(page_with(item_of(filled(ShapeKind::Rect, {10, 10, 10, 10}, kBlue))));
    EXPECT_EQ(canvas.at(21, 21).b, 255);
    EXPECT_EQ(canvas.at(39, 39).a, 255);
    EXPECT_EQ(canvas.at(41, 41).a, 0);
}

TEST(RenderShape, EllipseInsideAndOutside) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(item_of(filled(ShapeKind::Ellipse, {10, 30, 80, 40}, kRed))));
    EXPECT_EQ(canvas.at(50, 50).a, 255);  // centre
    EXPECT_EQ(canvas.at(12, 50).a, 255);  // near the left vertex
    EXPECT_EQ(canvas.at(50, 32).a, 255);  // near the top vertex
    EXPECT_EQ(canvas.at(12, 32).a, 0);    // the bounding box's corner is outside
    EXPECT_EQ(canvas.at(88, 68).a, 0);
    EXPECT_EQ(canvas.at(50, 25).a, 0);    // above the box
}

TEST(RenderShape, RoundedCornersAreTransparent) {
    Canvas canvas(100, 100);
    ShapeItem shape = filled(ShapeKind::RoundedRect, {10, 10, 80, 80}, kRed);
    shape.radius_pt = 20;
    canvas.draw(page_with(item_of(shape)));
    EXPECT_EQ(canvas.at(11, 11).a, 0);    // the corner is cut away
    EXPECT_EQ(canvas.at(88, 88).a, 0);
    EXPECT_EQ(canvas.at(50, 11).a, 255);  // straight edges are not
    EXPECT_EQ(canvas.at(11, 50).a, 255);
    EXPECT_EQ(canvas.at(18, 18).a, 255);  // inside the arc: 16 pt from its centre (30, 30)
}

TEST(RenderShape, RadiusIsClampedToHalfTheShortSide) {
    Canvas canvas(100, 100);
    ShapeItem shape = filled(ShapeKind::RoundedRect, {10, 40, 80, 20}, kRed);
    shape.radius_pt = 500;  // becomes 10: a stadium
    canvas.draw(page_with(item_of(shape)));
    EXPECT_EQ(canvas.at(50, 50).a, 255);
    EXPECT_EQ(canvas.at(15, 50).a, 255);
    EXPECT_EQ(canvas.at(11, 41).a, 0);
}

TEST(RenderShape, DashedLineHasGaps) {
    Canvas canvas(100, 20);
    ShapeItem line;
    line.kind = ShapeKind::Line;
    line.x1 = 0;
    line.y1 = 10;
    line.x2 = 100;
    line.y2 = 10;
    line.fill = kRed;  // ignored for lines
    line.stroke = StrokeStyle{kBlue, 4, {10, 10}};
    canvas.draw(page_with(item_of(line), 100, 20));
    for (int x : {2, 5, 8, 22, 25, 28, 45}) EXPECT_EQ(canvas.at(x, 10).b, 255) << "dash at x=" << x;
    for (int x : {12, 15, 18, 32, 35, 38}) EXPECT_EQ(canvas.at(x, 10).a, 0) << "gap at x=" << x;
    EXPECT_EQ(canvas.at(5, 14).a, 0);  // 4 pt wide: y 8..12
    EXPECT_EQ(canvas.at(5, 3).a, 0);
}

TEST(RenderShape, SolidStrokeAroundAFill) {
    Canvas canvas(100, 100);
    ShapeItem shape = filled(ShapeKind::Rect, {20, 20, 60, 60}, kRed);
    shape.stroke = StrokeStyle{kBlue, 4, {}};
    canvas.draw(page_with(item_of(shape)));
    auto edge = canvas.at(20, 50);  // centred on the edge: 18..22
    EXPECT_EQ(edge.b, 255);
    EXPECT_EQ(edge.r, 0);
    EXPECT_EQ(canvas.at(18, 50).b, 255);
    EXPECT_EQ(canvas.at(50, 50).r, 255);
    EXPECT_EQ(canvas.at(16, 50).a, 0);
}

TEST(RenderShape, OpacityBlendsOverWhatIsBelow) {
    Canvas canvas(100, 100);
    PageScene page;
    page.items.push_back(item_of(filled(ShapeKind::Rect, {0, 0, 100, 100}, Color::from_rgb(1, 1, 1))));
    page.items.push_back(item_of(filled(ShapeKind::Rect, {0, 0, 50, 100}, kBlue), 0.5));
    canvas.draw(page);
    auto blended = canvas.at(25, 50);
    EXPECT_NEAR(blended.r, 128, 2);
    EXPECT_NEAR(blended.g, 128, 2);
    EXPECT_EQ(blended.b, 255);
    EXPECT_EQ(blended.a, 255);
    auto untouched = canvas.at(75, 50);
    EXPECT_EQ(untouched.r, 255);
}

TEST(RenderShape, OpacityOfFillAndStrokeIsOneGroup) {
    // With a group, the stroke's inner half covers the fill instead of
    // blending with it: the edge is pure half-blue over white, no red in it.
    Canvas canvas(100, 100);
    PageScene page;
    page.items.push_back(item_of(filled(ShapeKind::Rect, {0, 0, 100, 100}, Color::from_rgb(1, 1, 1))));
    ShapeItem shape = filled(ShapeKind::Rect, {20, 20, 60, 60}, kRed);
    shape.stroke = StrokeStyle{kBlue, 4, {}};
    page.items.push_back(item_of(shape, 0.5));
    canvas.draw(page);
    auto inner_edge = canvas.at(21, 50);
    EXPECT_NEAR(inner_edge.r, 128, 2);
    EXPECT_NEAR(inner_edge.g, 128, 2);
    EXPECT_EQ(inner_edge.b, 255);
    auto middle = canvas.at(50, 50);
    EXPECT_EQ(middle.r, 255);
    EXPECT_NEAR(middle.g, 128, 2);
    EXPECT_NEAR(middle.b, 128, 2);
}

TEST(RenderShape, ZeroOpacityDrawsNothing) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(item_of(filled(ShapeKind::Rect, {0, 0, 100, 100}, kRed), 0)));
    EXPECT_EQ(canvas.at(50, 50).a, 0);
}

TEST(RenderShape, ColourAlphaIsHonoured) {
    Canvas canvas(100, 100);
    canvas.draw(page_with(item_of(filled(ShapeKind::Rect, {0, 0, 100, 100}, Color::from_rgb(1, 0, 0, 0.25)))));
    EXPECT_NEAR(canvas.at(50, 50).a, 64, 1);
}

TEST(RenderShape, RectsAreFilledAsOnePathWithoutSeams) {
    Canvas canvas(100, 100, 1);
    ShapeItem shape;
    shape.kind = ShapeKind::Rects;
    shape.fill = kRed;
    // Two rectangles that abut on a fractional pixel boundary.
    shape.rects = {{10, 10.5, 20, 10}, {10, 20.5, 20, 10}};
    canvas.draw(page_with(item_of(shape)));
    EXPECT_EQ(canvas.at(20, 20).a, 255);  // the shared edge crosses this pixel
    EXPECT_EQ(canvas.at(20, 15).a, 255);
    EXPECT_EQ(canvas.at(20, 35).a, 0);
}

TEST(RenderShape, BackdropOfRectsIsPaintedFirst) {
    Canvas canvas(100, 100, 1);
    ShapeItem shape;
    shape.kind = ShapeKind::Rects;
    shape.bounds = {0, 0, 100, 100};
    shape.fill = kBlue;
    shape.backdrop = Color::from_rgb(1, 1, 0);
    shape.rects = {{40, 40, 20, 20}};
    canvas.draw(page_with(item_of(shape)));
    EXPECT_EQ(canvas.at(50, 50).b, 255);
    EXPECT_EQ(canvas.at(50, 50).r, 0);
    EXPECT_EQ(canvas.at(5, 5).r, 255);
    EXPECT_EQ(canvas.at(5, 5).g, 255);
}

}  // namespace
}  // namespace koho::scene
