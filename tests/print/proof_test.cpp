#include "print/proof.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <array>

#include "core/diagnostic.h"
#include "core/units.h"
#include "shape_items.h"

namespace koho::print {
namespace {

using test::mm;
using test::filled_rect;

TEST(Proof, PixelCountsCoverTheBleedBox) {
    EXPECT_EQ(proof_pixels(72, 150), 150);
    EXPECT_EQ(proof_pixels(216 * mm, 150), 1276);  // A4 + 2 × 3 mm bleed: 1275.6 px
    EXPECT_EQ(proof_pixels(303 * mm, 150), 1790);  // 1789.4 px
    EXPECT_EQ(proof_pixels(216 * mm, 72), 613);
}

TEST(Proof, DrawsTheTrimAndBleedOnWhitePaper) {
    scene::PageScene page;
    page.trim_w_pt = 40 * mm;
    page.trim_h_pt = 20 * mm;
    page.bleed_pt = 3 * mm;
    // Red from the left bleed edge to the middle, running far beyond the top:
    // clipped at the bleed edge like the PDF.
    page.items.push_back(filled_rect(-3 * mm, -30 * mm, 23 * mm, 53 * mm, Color::from_rgb(1, 0, 0)));
    const double dpi = 254;  // 10 px per mm
    SurfacePtr surface = render_proof(page, dpi);
    ASSERT_EQ(cairo_image_surface_get_width(surface.get()), 460);  // (40 + 6) mm
    ASSERT_EQ(cairo_image_surface_get_height(surface.get()), 260);
    EXPECT_EQ(cairo_image_surface_get_format(surface.get()), CAIRO_FORMAT_RGB24);
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    auto rgb = [&](int x, int y) {
        const uint32_t px = *reinterpret_cast<const uint32_t*>(data + y * stride + 4 * x);
        return std::array<int, 3>{int((px >> 16) & 0xff), int((px >> 8) & 0xff), int(px & 0xff)};
    };
    const std::array<int, 3> red{255, 0, 0}, white{255, 255, 255};
    EXPECT_EQ(rgb(0, 0), red);      // the bleed's corner
    EXPECT_EQ(rgb(225, 255), red);  // up to 20 mm into the trim (+3 mm bleed)
    EXPECT_EQ(rgb(235, 100), white);
    EXPECT_EQ(rgb(459, 259), white);
}

TEST(Proof, RefusesAResolutionOutOfRange) {
    scene::PageScene page;
    page.trim_w_pt = page.trim_h_pt = 10;
    for (double dpi : {0.0, -5.0, 100000.0}) {
        try {
            render_proof(page, dpi);
            ADD_FAILURE() << dpi;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.message(), "proof resolution " + format_number(dpi) + " dpi is outside 1..2400");
        }
    }
}

}  // namespace
}  // namespace koho::print
