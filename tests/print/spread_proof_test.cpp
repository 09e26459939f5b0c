// Reader-spread proofs: which pages face each other, and the pixels.
#include "print/spread_proof.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <array>

#include "core/diagnostic.h"
#include "core/units.h"
#include "shape_items.h"
#include "test_support.h"

namespace koho::print {
namespace {

using test::mm;
using test::filled_rect;
using test::kWhite;
using P = std::pair<int, int>;

TEST(ReaderSpreadPages, LeftBoundOpensToTheLeft) {
    // Odd pages are rectos, on the right; the cover stands alone.
    EXPECT_EQ(reader_spread_pages(1, Binding::Left), (std::vector<P>{{0, 1}}));
    EXPECT_EQ(reader_spread_pages(4, Binding::Left), (std::vector<P>{{0, 1}, {2, 3}, {4, 0}}));
    EXPECT_EQ(reader_spread_pages(5, Binding::Left), (std::vector<P>{{0, 1}, {2, 3}, {4, 5}}));
    EXPECT_EQ(reader_spread_pages(8, Binding::Left),
              (std::vector<P>{{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 0}}));
    EXPECT_TRUE(reader_spread_pages(0, Binding::Left).empty());
}

TEST(ReaderSpreadPages, RightBoundReadsRightToLeft) {
    // 右綴じ: odd pages on the left, page 2 on the right of the first spread.
    EXPECT_EQ(reader_spread_pages(1, Binding::Right), (std::vector<P>{{1, 0}}));
    EXPECT_EQ(reader_spread_pages(4, Binding::Right), (std::vector<P>{{1, 0}, {3, 2}, {0, 4}}));
    EXPECT_EQ(reader_spread_pages(5, Binding::Right), (std::vector<P>{{1, 0}, {3, 2}, {5, 4}}));
}

TEST(ReaderSpreadPages, EveryPageOnceAndFacingPagesConsecutive) {
    for (Binding binding : {Binding::Left, Binding::Right}) {
        for (int n = 1; n <= 13; ++n) {
            int next = 1;
            for (auto [l, r] : reader_spread_pages(n, binding)) {
                // In reading order: the page nearer the start of the book
                // is on the left for left binding, on the right otherwise.
                const int first = binding == Binding::Left ? (l ? l : r) : (r ? r : l);
                const int second = binding == Binding::Left ? (l ? r : 0) : (r ? l : 0);
                EXPECT_EQ(first, next) << n;
                next = first + 1;
                if (second) {
                    EXPECT_EQ(second, next) << n;
                    ++next;
                }
            }
            EXPECT_EQ(next, n + 1) << n;
        }
    }
}

const std::array<std::array<int, 3>, 5> kColours{
    {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}, {0, 255, 255}}};

// 40 × 20 mm pages with 3 mm bleed, each filled with its colour from far
// beyond the bleed on the left half only, so that both white paper and the
// trim's clip show.
std::vector<scene::PageScene> pages(int n) {
    std::vector<scene::PageScene> out(n);
    for (int i = 0; i < n; ++i) {
        out[i].trim_w_pt = 40 * mm;
        out[i].trim_h_pt = 20 * mm;
        out[i].bleed_pt = 3 * mm;
        const auto c = kColours[i];
        out[i].items.push_back(filled_rect(-20 * mm, -20 * mm, 40 * mm, 60 * mm,
                                           Color::from_rgb(c[0] / 255.0, c[1] / 255.0, c[2] / 255.0)));
    }
    return out;
}

std::array<int, 3> pixel(cairo_surface_t* surface, int x, int y) {
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const uint32_t px = *reinterpret_cast<const uint32_t*>(data + y * stride + 4 * x);
    return {int((px >> 16) & 0xff), int((px >> 8) & 0xff), int(px & 0xff)};
}

// At 254 dpi (10 px per mm) a spread is 800 × 200 px: the page on the left
// spans x 0–399, the one on the right 400–799. Each page's left half is its
// colour, its right half white paper.
void expect_spread(cairo_surface_t* s, int left, int right) {
    ASSERT_EQ(cairo_image_surface_get_width(s), 800);
    ASSERT_EQ(cairo_image_surface_get_height(s), 200);
    auto expect_side = [&](int page, int x0, const char* side) {
        if (page == 0) {
            const auto desk = pixel(s, x0 + 100, 100);
            EXPECT_NE(desk, kWhite) << side << " is empty: desk, not paper";
            EXPECT_EQ(desk[0], desk[1]) << side;
            EXPECT_EQ(desk[1], desk[2]) << side;
            EXPECT_EQ(pixel(s, x0 + 300, 100), desk) << side;
            return;
        }
        EXPECT_EQ(pixel(s, x0 + 100, 100), kColours[page - 1]) << side << " page " << page;
        // The fill starts 20 mm outside the trim: the page's first column
        // is coloured, so no bleed was drawn beside it.
        EXPECT_EQ(pixel(s, x0, 0), kColours[page - 1]) << side << " page " << page;
        EXPECT_EQ(pixel(s, x0 + 300, 100), kWhite) << side << " page " << page;
    };
    expect_side(left, 0, "left");
    expect_side(right, 400, "right");
}

TEST(ReaderSpreads, LeftBoundFivePages) {
    const auto spreads = reader_spreads(pages(5), Binding::Left, 254);
    ASSERT_EQ(spreads.size(), 3u);
    const std::vector<P> want{{0, 1}, {2, 3}, {4, 5}};
    for (size_t i = 0; i < spreads.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(P(spreads[i].left_page, spreads[i].right_page), want[i]);
        expect_spread(spreads[i].surface.get(), want[i].first, want[i].second);
    }
}

TEST(ReaderSpreads, RightBoundFourPages) {
    const auto spreads = reader_spreads(pages(4), Binding::Right, 254);
    ASSERT_EQ(spreads.size(), 3u);
    const std::vector<P> want{{1, 0}, {3, 2}, {0, 4}};
    for (size_t i = 0; i < spreads.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(P(spreads[i].left_page, spreads[i].right_page), want[i]);
        expect_spread(spreads[i].surface.get(), want[i].first, want[i].second);
    }
}

TEST(ReaderSpreads, GutterLineOnlyWhenAsked) {
    // Page 2's spine column is white paper (its right half); the gutter
    // line greys it.
    const auto with = reader_spreads(pages(3), Binding::Left, 254, true);
    const auto without = reader_spreads(pages(3), Binding::Left, 254, false);
    EXPECT_EQ(pixel(without[1].surface.get(), 399, 100), kWhite);
    const auto line = pixel(with[1].surface.get(), 399, 100);
    EXPECT_LT(line[0], 200);
    EXPECT_EQ(line[0], line[2]);
    EXPECT_EQ(pixel(with[1].surface.get(), 398, 100), kWhite);
}

TEST(ReaderSpreads, WritesOnePngPerSpread) {
    test::TempDir dir("spreads");
    write_spread_proofs(dir.path() / "proofs", "booklet", pages(4), Binding::Left, 72);
    for (int i = 1; i <= 3; ++i) {
        const auto path = dir.path() / "proofs" / ("booklet-spread-" + std::to_string(i) + ".png");
        ASSERT_TRUE(std::filesystem::exists(path)) << path;
        std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> png(
            cairo_image_surface_create_from_png(path.c_str()), cairo_surface_destroy);
        ASSERT_EQ(cairo_surface_status(png.get()), CAIRO_STATUS_SUCCESS);
        EXPECT_EQ(cairo_image_surface_get_width(png.get()), 2 * proof_pixels(40 * mm, 72));
        EXPECT_EQ(cairo_image_surface_get_height(png.get()), proof_pixels(20 * mm, 72));
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "proofs" / "booklet-spread-4.png"));
}

TEST(ReaderSpreads, RefusesAResolutionOutOfRange) {
    try {
        reader_spreads(pages(2), Binding::Left, 0);
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message(), "proof resolution 0 dpi is outside 1..2400");
    }
}

}  // namespace
}  // namespace koho::print
