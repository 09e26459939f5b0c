#include "print/page_geometry.h"

#include <gtest/gtest.h>

#include <limits>

#include "core/diagnostic.h"
#include "core/units.h"
#include "shape_items.h"

namespace koho::print {
namespace {

using test::mm;

constexpr double kGeometryTol = 1e-9;

void expect_box(const PdfBox& box, double x0, double y0, double x1, double y1) {
    EXPECT_NEAR(box.x0, x0, kGeometryTol);
    EXPECT_NEAR(box.y0, y0, kGeometryTol);
    EXPECT_NEAR(box.x1, x1, kGeometryTol);
    EXPECT_NEAR(box.y1, y1, kGeometryTol);
}

TEST(PageGeometry, A4WithTomboHasBleedAndMarkMarginOnEverySide) {
    const PageGeometry g = page_geometry(210 * mm, 297 * mm, 3 * mm, MarkStyle::Tombo);
    EXPECT_NEAR(g.margin_pt, 13 * mm, kGeometryTol);
    // media = 210 + 2 × (3 + 13) by 297 + 2 × (3 + 13) mm
    expect_box(g.media, 0, 0, 242 * mm, 329 * mm);
    expect_box(g.bleed, 13 * mm, 13 * mm, 229 * mm, 316 * mm);
    expect_box(g.trim, 16 * mm, 16 * mm, 226 * mm, 313 * mm);
    EXPECT_NEAR(g.trim.width(), 210 * mm, kGeometryTol);
    EXPECT_NEAR(g.trim.height(), 297 * mm, kGeometryTol);
    EXPECT_NEAR(g.bleed.width(), 216 * mm, kGeometryTol);
    EXPECT_NEAR(g.trim_origin_x(), 16 * mm, kGeometryTol);
    EXPECT_NEAR(g.trim_origin_y(), 16 * mm, kGeometryTol);
}

TEST(PageGeometry, NoMarksMakesTheMediaTheBleedBox) {
    const PageGeometry g = page_geometry(148 * mm, 210 * mm, 3 * mm, MarkStyle::None);
    EXPECT_EQ(g.margin_pt, 0);
    expect_box(g.media, 0, 0, 154 * mm, 216 * mm);
    EXPECT_EQ(g.media, g.bleed);
    expect_box(g.trim, 3 * mm, 3 * mm, 151 * mm, 213 * mm);
    EXPECT_NEAR(g.trim_origin_x(), 3 * mm, kGeometryTol);
}

TEST(PageGeometry, BoxesNestTrimInsideBleedInsideMedia) {
    for (MarkStyle marks : {MarkStyle::Tombo, MarkStyle::None}) {
        for (double bleed : {0.0, 1 * mm, 3 * mm, 5 * mm}) {
            const PageGeometry g = page_geometry(100 * mm, 50 * mm, bleed, marks);
            EXPECT_LE(g.media.x0, g.bleed.x0);
            EXPECT_LE(g.media.y0, g.bleed.y0);
            EXPECT_GE(g.media.x1, g.bleed.x1);
            EXPECT_GE(g.media.y1, g.bleed.y1);
            EXPECT_NEAR(g.trim.x0 - g.bleed.x0, bleed, kGeometryTol);
            EXPECT_NEAR(g.bleed.x1 - g.trim.x1, bleed, kGeometryTol);
            EXPECT_NEAR(g.trim.y0 - g.bleed.y0, bleed, kGeometryTol);
            EXPECT_NEAR(g.bleed.y1 - g.trim.y1, bleed, kGeometryTol);
        }
    }
}

TEST(PageGeometry, CustomBleedWidensTheBleedBoxOnly) {
    const PageGeometry g = page_geometry(210 * mm, 297 * mm, 5 * mm, MarkStyle::Tombo);
    EXPECT_NEAR(g.margin_pt, 13 * mm, kGeometryTol);
    expect_box(g.bleed, 13 * mm, 13 * mm, 233 * mm, 320 * mm);
    expect_box(g.trim, 18 * mm, 18 * mm, 228 * mm, 315 * mm);
}

TEST(PageGeometry, ZeroBleedWithTomboKeepsTheMarksOffThePage) {
    const PageGeometry g = page_geometry(210 * mm, 297 * mm, 0, MarkStyle::Tombo);
    // Marks start 3 mm out and run 10 mm, then 3 mm of border.
    EXPECT_NEAR(g.margin_pt, 16 * mm, kGeometryTol);
    EXPECT_EQ(g.bleed, g.trim);
    expect_box(g.media, 0, 0, 242 * mm, 329 * mm);
}

TEST(PageGeometry, LandscapePageIsWiderThanTall) {
    const PageGeometry g = page_geometry(297 * mm, 210 * mm, 3 * mm, MarkStyle::Tombo);
    expect_box(g.trim, 16 * mm, 16 * mm, 313 * mm, 226 * mm);
    expect_box(g.media, 0, 0, 329 * mm, 242 * mm);
}

TEST(PageGeometry, RefusesSizesThatAreNotPositive) {
    EXPECT_THROW(page_geometry(0, 10, 0, MarkStyle::None), Error);
    EXPECT_THROW(page_geometry(10, -1, 0, MarkStyle::None), Error);
    EXPECT_THROW(page_geometry(10, 10, -1, MarkStyle::None), Error);
    EXPECT_THROW(page_geometry(std::numeric_limits<double>::infinity(), 10, 0, MarkStyle::None), Error);
    EXPECT_THROW(page_geometry(10, std::numeric_limits<double>::quiet_NaN(), 0, MarkStyle::None), Error);
}

TEST(PageGeometry, DefaultBleedIsThreeMillimetres) { EXPECT_NEAR(kDefaultBleedPt, 8.503937007874, 1e-9); }

}  // namespace
}  // namespace koho::print
