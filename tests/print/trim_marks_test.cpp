#include "print/trim_marks.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/units.h"
#include "print/page_geometry.h"
#include "shape_items.h"

namespace koho::print {
namespace {

using test::mm;

constexpr double kMarkTol = 1e-9;

bool vertical(const MarkLine& l) { return std::abs(l.x1 - l.x2) < kMarkTol; }
bool horizontal(const MarkLine& l) { return std::abs(l.y1 - l.y2) < kMarkTol; }
double length(const MarkLine& l) { return std::hypot(l.x2 - l.x1, l.y2 - l.y1); }

// Sheet (y-down) coordinates of the bleed box and the trim.
struct SheetRect {
    double left, top, right, bottom;
};
SheetRect trim_of(const PageGeometry& g) {
    return {g.trim_origin_x(), g.trim_origin_y(), g.trim_origin_x() + g.trim_w_pt,
            g.trim_origin_y() + g.trim_h_pt};
}
SheetRect bleed_of(const PageGeometry& g) {
    SheetRect t = trim_of(g);
    return {t.left - g.bleed_pt, t.top - g.bleed_pt, t.right + g.bleed_pt, t.bottom + g.bleed_pt};
}

// True when some point of the segment lies strictly inside the rectangle
// (the boundary itself does not count). Mark lines are axis-parallel.
bool enters_interior(const MarkLine& l, const SheetRect& r) {
    const double x_lo = std::min(l.x1, l.x2), x_hi = std::max(l.x1, l.x2);
    const double y_lo = std::min(l.y1, l.y2), y_hi = std::max(l.y1, l.y2);
    const bool x_overlaps = x_hi > r.left + kMarkTol && x_lo < r.right - kMarkTol;
    const bool y_overlaps = y_hi > r.top + kMarkTol && y_lo < r.bottom - kMarkTol;
    return x_overlaps && y_overlaps;
}

std::vector<MarkLine> all_lines(const TrimMarks& marks) {
    std::vector<MarkLine> all = marks.corner;
    all.insert(all.end(), marks.centre.begin(), marks.centre.end());
    return all;
}

const PageGeometry kA4 = page_geometry(210 * mm, 297 * mm, 3 * mm, MarkStyle::Tombo);

TEST(TrimMarks, FourLinesAtEachCornerAndACrossOnEachSide) {
    const TrimMarks marks = trim_marks(kA4);
    EXPECT_EQ(marks.corner.size(), 16u);
    EXPECT_EQ(marks.centre.size(), 8u);
    for (const MarkLine& l : all_lines(marks)) EXPECT_TRUE(vertical(l) != horizontal(l));
}

TEST(TrimMarks, NothingIsDrawnInsideTheBleedBox) {
    for (double bleed : {0.0, 1 * mm, 3 * mm, 5 * mm}) {
        const PageGeometry g = page_geometry(182 * mm, 257 * mm, bleed, MarkStyle::Tombo);
        const SheetRect b = bleed_of(g);
        for (const MarkLine& l : all_lines(trim_marks(g)))
            EXPECT_FALSE(enters_interior(l, b)) << "bleed " << bleed << ": line " << l.x1 << ","
                                                << l.y1 << " → " << l.x2 << "," << l.y2;
    }
}

TEST(TrimMarks, MarksStayWithinTheMediaLeavingABorder) {
    for (double bleed : {0.0, 3 * mm}) {
        const PageGeometry g = page_geometry(210 * mm, 297 * mm, bleed, MarkStyle::Tombo);
        const double w = g.media.width(), h = g.media.height();
        for (const MarkLine& l : all_lines(trim_marks(g))) {
            for (double x : {l.x1, l.x2}) {
                EXPECT_GE(x, kMarkQuietBorderPt - kMarkTol);
                EXPECT_LE(x, w - kMarkQuietBorderPt + kMarkTol);
            }
            for (double y : {l.y1, l.y2}) {
                EXPECT_GE(y, kMarkQuietBorderPt - kMarkTol);
                EXPECT_LE(y, h - kMarkQuietBorderPt + kMarkTol);
            }
        }
    }
}

// Top-left corner of A4: the inner lines continue the trim edges from the
// bleed edge outward; the outer lines continue the bleed edges from the
// inner lines outward; all reach 10 mm beyond the bleed.
TEST(TrimMarks, TopLeftCornerIsTheJapaneseDoubleMark) {
    const TrimMarks marks = trim_marks(kA4);
    const double L = 16 * mm, T = 16 * mm;  // trim corner on the sheet
    const double b = 3 * mm;
    const std::vector<MarkLine> expected = {
        {L, T - b, L, T - b - 10 * mm},          // 内トンボ, vertical
        {L - b, T, L - b - 10 * mm, T},          // 内トンボ, horizontal
        {L - b, T, L - b, T - b - 10 * mm},      // 外トンボ, vertical
        {L, T - b, L - b - 10 * mm, T - b},      // 外トンボ, horizontal
    };
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_NEAR(marks.corner[i].x1, expected[i].x1, kMarkTol) << i;
        EXPECT_NEAR(marks.corner[i].y1, expected[i].y1, kMarkTol) << i;
        EXPECT_NEAR(marks.corner[i].x2, expected[i].x2, kMarkTol) << i;
        EXPECT_NEAR(marks.corner[i].y2, expected[i].y2, kMarkTol) << i;
    }
}

TEST(TrimMarks, DoubleLinesLieTheBleedApartOnTheTrimAndBleedEdges) {
    for (double bleed : {3 * mm, 5 * mm}) {
        const PageGeometry g = page_geometry(210 * mm, 297 * mm, bleed, MarkStyle::Tombo);
        const SheetRect t = trim_of(g), b = bleed_of(g);
        const TrimMarks marks = trim_marks(g);
        int on_trim_x = 0, on_bleed_x = 0, on_trim_y = 0, on_bleed_y = 0;
        for (const MarkLine& l : marks.corner) {
            if (vertical(l)) {
                if (std::abs(l.x1 - t.left) < kMarkTol || std::abs(l.x1 - t.right) < kMarkTol) ++on_trim_x;
                if (std::abs(l.x1 - b.left) < kMarkTol || std::abs(l.x1 - b.right) < kMarkTol) ++on_bleed_x;
            } else {
                if (std::abs(l.y1 - t.top) < kMarkTol || std::abs(l.y1 - t.bottom) < kMarkTol) ++on_trim_y;
                if (std::abs(l.y1 - b.top) < kMarkTol || std::abs(l.y1 - b.bottom) < kMarkTol) ++on_bleed_y;
            }
        }
        EXPECT_EQ(on_trim_x, 4);
        EXPECT_EQ(on_bleed_x, 4);
        EXPECT_EQ(on_trim_y, 4);
        EXPECT_EQ(on_bleed_y, 4);
        // Every corner line ends exactly 10 mm beyond the bleed edge.
        for (const MarkLine& l : marks.corner) {
            const double far = vertical(l) ? std::min(std::abs(l.y2 - b.top), std::abs(l.y2 - b.bottom))
                                           : std::min(std::abs(l.x2 - b.left), std::abs(l.x2 - b.right));
            EXPECT_NEAR(far, kMarkLengthPt, kMarkTol);
        }
    }
}

TEST(TrimMarks, CornersAreMirrorImagesOfEachOther) {
    const TrimMarks marks = trim_marks(kA4);
    const double w = kA4.media.width(), h = kA4.media.height();
    // Corners in order: top-left, top-right, bottom-right, bottom-left.
    for (int i = 0; i < 4; ++i) {
        const MarkLine& tl = marks.corner[i];
        const MarkLine& tr = marks.corner[4 + i];
        const MarkLine& br = marks.corner[8 + i];
        const MarkLine& bl = marks.corner[12 + i];
        EXPECT_NEAR(tr.x1, w - tl.x1, kMarkTol);
        EXPECT_NEAR(tr.y1, tl.y1, kMarkTol);
        EXPECT_NEAR(br.x2, w - tl.x2, kMarkTol);
        EXPECT_NEAR(br.y2, h - tl.y2, kMarkTol);
        EXPECT_NEAR(bl.x1, tl.x1, kMarkTol);
        EXPECT_NEAR(bl.y1, h - tl.y1, kMarkTol);
    }
}

TEST(TrimMarks, CentreMarksAreCrossesOnTheMiddleOfEachSide) {
    const TrimMarks marks = trim_marks(kA4);
    const SheetRect t = trim_of(kA4);
    const double cx = (t.left + t.right) / 2, cy = (t.top + t.bottom) / 2;
    ASSERT_EQ(marks.centre.size(), 8u);
    for (size_t side = 0; side < 4; ++side) {
        const MarkLine& stem = marks.centre[2 * side];
        const MarkLine& bar = marks.centre[2 * side + 1];
        EXPECT_NEAR(length(stem), kMarkLengthPt, kMarkTol);
        EXPECT_NEAR(length(bar), kCentreBarLengthPt, kMarkTol);
        if (vertical(stem)) {  // top and bottom: stem on the vertical centre line
            EXPECT_NEAR(stem.x1, cx, kMarkTol);
            EXPECT_TRUE(horizontal(bar));
            EXPECT_NEAR((bar.x1 + bar.x2) / 2, cx, kMarkTol);
            // the bar crosses the stem in its middle
            EXPECT_NEAR(bar.y1, (stem.y1 + stem.y2) / 2, kMarkTol);
        } else {
            EXPECT_NEAR(stem.y1, cy, kMarkTol);
            EXPECT_TRUE(vertical(bar));
            EXPECT_NEAR((bar.y1 + bar.y2) / 2, cy, kMarkTol);
            EXPECT_NEAR(bar.x1, (stem.x1 + stem.x2) / 2, kMarkTol);
        }
    }
}

TEST(TrimMarks, ZeroBleedDrawsSingleLinesStartingOffThePage) {
    const PageGeometry g = page_geometry(210 * mm, 297 * mm, 0, MarkStyle::Tombo);
    const TrimMarks marks = trim_marks(g);
    EXPECT_EQ(marks.corner.size(), 8u);
    const SheetRect t = trim_of(g);
    for (const MarkLine& l : marks.corner) {
        const double gap = vertical(l) ? std::min(std::abs(l.y1 - t.top), std::abs(l.y1 - t.bottom))
                                       : std::min(std::abs(l.x1 - t.left), std::abs(l.x1 - t.right));
        EXPECT_NEAR(gap, kZeroBleedGapPt, kMarkTol);
    }
}

TEST(TrimMarks, NoMarksForMarkStyleNone) {
    const PageGeometry g = page_geometry(210 * mm, 297 * mm, 3 * mm, MarkStyle::None);
    const TrimMarks marks = trim_marks(g);
    EXPECT_TRUE(marks.corner.empty());
    EXPECT_TRUE(marks.centre.empty());
}

TEST(TrimMarks, RegistrationColourIsAllFourInksDrawnBlack) {
    const Color reg = registration_color();
    EXPECT_EQ(reg.space, Color::Space::Cmyk);
    for (double ink : reg.cmyk) EXPECT_EQ(ink, 100);
    EXPECT_EQ(reg.rgb.r, 0);
    EXPECT_EQ(reg.rgb.g, 0);
    EXPECT_EQ(reg.rgb.b, 0);
    EXPECT_EQ(reg.alpha, 1);
    EXPECT_NEAR(kMarkLineWidthPt, 0.1 * mm, kMarkTol);
}

// Draws the marks of a small page at 10 px per point and reads pixels back:
// ink where the lines are, paper inside the bleed box.
TEST(TrimMarks, DrawnMarksInkTheLinesAndLeaveTheBleedWhite) {
    const PageGeometry g = page_geometry(60 * mm, 40 * mm, 3 * mm, MarkStyle::Tombo);
    const double scale = 10;
    const int w = static_cast<int>(std::ceil(g.media.width() * scale));
    const int h = static_cast<int>(std::ceil(g.media.height() * scale));
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    draw_trim_marks(cr.get(), g);
    cairo_surface_flush(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    auto red = [&](double x_pt, double y_pt) {
        const int x = static_cast<int>(x_pt * scale), y = static_cast<int>(y_pt * scale);
        const uint32_t px = *reinterpret_cast<const uint32_t*>(data + y * stride + 4 * x);
        return static_cast<int>((px >> 16) & 0xff);
    };
    const SheetRect b = bleed_of(g);
    // Inside the bleed box (1 px away from its edge) everything is paper.
    int inked = 0;
    for (double y = b.top + 0.2; y < b.bottom - 0.2; y += 0.1)
        for (double x = b.left + 0.2; x < b.right - 0.2; x += 0.1)
            if (red(x, y) < 250) ++inked;
    EXPECT_EQ(inked, 0);
    // Along each line the paper is darkened (0.28 pt = 2.8 px wide here).
    for (const MarkLine& l : all_lines(trim_marks(g))) {
        const double mx = (l.x1 + l.x2) / 2, my = (l.y1 + l.y2) / 2;
        EXPECT_LT(red(mx, my), 128) << mx << "," << my;
    }
    // Between the double lines, outside the bleed, there is paper again.
    EXPECT_GT(red(b.left + 1.5 * mm, b.top - 5 * mm), 250);
}

}  // namespace
}  // namespace koho::print
