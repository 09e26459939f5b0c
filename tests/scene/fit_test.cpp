#include "scene/fit.h"

#include <gtest/gtest.h>

namespace koho::scene {
namespace {

void expect_rect(const Rect& actual, double x, double y, double w, double h) {
    EXPECT_NEAR(actual.x, x, 1e-9);
    EXPECT_NEAR(actual.y, y, 1e-9);
    EXPECT_NEAR(actual.w, w, 1e-9);
    EXPECT_NEAR(actual.h, h, 1e-9);
}

const Rect kFrame{10, 20, 200, 100};  // 2:1

TEST(Fit, FillStretchesToTheFrame) {
    expect_rect(fit_image(kFrame, 300, 300, model::Fit::Fill), 10, 20, 200, 100);
}

TEST(Fit, ContainShowsAllOfATallImageCentred) {
    // 100 × 200 image → scale 0.5 → 50 × 100, centred horizontally.
    expect_rect(fit_image(kFrame, 100, 200, model::Fit::Contain), 10 + 75, 20, 50, 100);
}

TEST(Fit, ContainShowsAllOfAWideImageCentred) {
    // 400 × 100 image → scale 0.5 → 200 × 50, centred vertically.
    expect_rect(fit_image(kFrame, 400, 100, model::Fit::Contain), 10, 20 + 25, 200, 50);
}

TEST(Fit, CoverWithCentralFocusCropsEvenly) {
    // 100 × 100 image → scale 2 → 200 × 200; 100 pt cropped, 50 each side.
    expect_rect(fit_image(kFrame, 100, 100, model::Fit::Cover), 10, 20 - 50, 200, 200);
}

TEST(Fit, CoverCentresTheFocusPointWhenItCan) {
    // Focus at 40% down a 200 pt tall placement: 80 pt; centred at 20 + 50.
    Rect placed = fit_image(kFrame, 100, 100, model::Fit::Cover, 0.5, 0.4);
    expect_rect(placed, 10, 20 + 50 - 80, 200, 200);
    double focus_y = placed.y + 0.4 * placed.h;
    EXPECT_NEAR(focus_y, kFrame.y + kFrame.h / 2, 1e-9);
}

TEST(Fit, CoverClampsSoTheFrameStaysCovered) {
    // A focus at the very top cannot be centred: the image's top edge meets
    // the frame's top edge instead, and the focus is still in view.
    Rect top = fit_image(kFrame, 100, 100, model::Fit::Cover, 0.5, 0.0);
    expect_rect(top, 10, 20, 200, 200);
    Rect bottom = fit_image(kFrame, 100, 100, model::Fit::Cover, 0.5, 1.0);
    expect_rect(bottom, 10, 20 - 100, 200, 200);
    EXPECT_NEAR(bottom.y + bottom.h, kFrame.y + kFrame.h, 1e-9);
}

TEST(Fit, CoverFocusOnTheCroppedAxisOnly) {
    // A wide image crops horizontally; focus_y has nothing to move.
    Rect placed = fit_image(kFrame, 400, 100, model::Fit::Cover, 0.8, 0.1);
    // scale 1 → 400 × 100; focus x at 320 wants x = 10 + 100 - 320 = -210;
    // clamped to the far edge: 10 + 200 - 400 = -190.
    expect_rect(placed, -190, 20, 400, 100);
    placed = fit_image(kFrame, 400, 100, model::Fit::Cover, 0.3, 0.9);
    expect_rect(placed, 10 + 100 - 120, 20, 400, 100);
}

TEST(Fit, CoverKeepsTheFocusInsideTheFrameForAnyFocus) {
    for (double fx = 0; fx <= 1.0001; fx += 0.1)
        for (double fy = 0; fy <= 1.0001; fy += 0.1) {
            Rect p = fit_image(kFrame, 640, 480, model::Fit::Cover, fx, fy);
            double px = p.x + fx * p.w, py = p.y + fy * p.h;
            EXPECT_GE(px, kFrame.x - 1e-9);
            EXPECT_LE(px, kFrame.x + kFrame.w + 1e-9);
            EXPECT_GE(py, kFrame.y - 1e-9);
            EXPECT_LE(py, kFrame.y + kFrame.h + 1e-9);
            EXPECT_LE(p.x, kFrame.x + 1e-9);  // and the frame is covered
            EXPECT_LE(p.y, kFrame.y + 1e-9);
            EXPECT_GE(p.x + p.w, kFrame.x + kFrame.w - 1e-9);
            EXPECT_GE(p.y + p.h, kFrame.y + kFrame.h - 1e-9);
        }
}

}  // namespace
}  // namespace koho::scene
