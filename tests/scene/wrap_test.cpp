// Text wrap: the bands a wrap object makes (box, ellipse, rounded box,
// image alpha, SVG alpha), the exclusions they give a text box in both
// writing modes, and how compose hands them to the typesetter.
#include "scene/wrap.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "fake_setter.h"
#include "flow_fixtures.h"
#include "scene/compose_pages.h"

namespace koho::scene {
namespace {

using testing::FakeSetter;
using testing::story_of;
using testing::text_frame;
using testing::text_of;

// The band of `bands` that covers t (y for rows, x for columns).
const Rect* band_at(const std::vector<Rect>& bands, double t, bool rows) {
    for (const auto& band : bands) {
        double begin = rows ? band.y : band.x, length = rows ? band.h : band.w;
        if (t >= begin && t < begin + length) return &band;
    }
    return nullptr;
}

void expect_exclusion(const text::Exclusion& e, double block_begin, double block_end, double inline_begin,
                      double inline_end, double tolerance = 1e-9) {
    EXPECT_NEAR(e.block_begin, block_begin, tolerance);
    EXPECT_NEAR(e.block_end, block_end, tolerance);
    EXPECT_NEAR(e.inline_begin, inline_begin, tolerance);
    EXPECT_NEAR(e.inline_end, inline_end, tolerance);
}

TEST(Wrap, BoxIsOneBandGrownByTheOffset) {
    model::Frame rect = testing::rect_frame("photo", {50, 60, 40, 30});
    rect.wrap = model::Wrap{model::Wrap::Mode::Box, 5, {}};
    WrapBands bands = wrap_bands(rect, {});
    ASSERT_EQ(bands.rows.size(), 1u);
    ASSERT_EQ(bands.columns.size(), 1u);
    EXPECT_DOUBLE_EQ(bands.rows[0].x, 45);
    EXPECT_DOUBLE_EQ(bands.rows[0].y, 55);
    EXPECT_DOUBLE_EQ(bands.rows[0].w, 50);
    EXPECT_DOUBLE_EQ(bands.rows[0].h, 40);

    // Horizontal text: block = y from the top, inline = x from the left.
    auto across = exclusions_in({0, 0, 200, 200}, model::Writing::Horizontal, bands);
    ASSERT_EQ(across.size(), 1u);
    expect_exclusion(across[0], 55, 95, 45, 95);
    // Vertical text: block = leftwards from the right edge (x 200), inline = y from the top.
    auto down = exclusions_in({0, 0, 200, 200}, model::Writing::Vertical, bands);
    ASSERT_EQ(down.size(), 1u);
    expect_exclusion(down[0], 105, 155, 55, 95);
    // Clipped to the box it meets; nothing for a box it misses.
    auto clipped = exclusions_in({60, 70, 100, 100}, model::Writing::Horizontal, bands);
    ASSERT_EQ(clipped.size(), 1u);
    expect_exclusion(clipped[0], 0, 25, 0, 35);
    EXPECT_TRUE(exclusions_in({100, 0, 50, 50}, model::Writing::Horizontal, bands).empty());
}

TEST(Wrap, EllipseContourIsAnalytic) {
    WrapBands bands = outline_bands({OutlineKind::Ellipse, {0, 0, 100, 50}, 0}, 0);
    // Rows 1 pt thick (50 pt / 256 < 1 pt): the first row [0, 1] is widest at y = 1.
    const Rect* top = band_at(bands.rows, 0.5, true);
    ASSERT_NE(top, nullptr);
    double half = 50 * std::sqrt(1 - std::pow((1.0 - 25) / 25, 2));
    EXPECT_NEAR(top->x, 50 - half, 1e-9);
    EXPECT_NEAR(top->x + top->w, 50 + half, 1e-9);
    EXPECT_DOUBLE_EQ(top->h, 1);
    const Rect* middle = band_at(bands.rows, 25, true);
    ASSERT_NE(middle, nullptr);
    EXPECT_DOUBLE_EQ(middle->x, 0);
    EXPECT_DOUBLE_EQ(middle->w, 100);
    // Columns for vertical text: the column [0, 1] is widest at x = 1.
    const Rect* left = band_at(bands.columns, 0.5, false);
    ASSERT_NE(left, nullptr);
    double half_y = 25 * std::sqrt(1 - std::pow((1.0 - 50) / 50, 2));
    EXPECT_NEAR(left->y, 25 - half_y, 1e-9);
    EXPECT_NEAR(left->y + left->h, 25 + half_y, 1e-9);

    // An offset grows both semi-axes.
    WrapBands grown = outline_bands({OutlineKind::Ellipse, {0, 0, 100, 50}, 0}, 10);
    const Rect* wide = band_at(grown.rows, 25, true);
    ASSERT_NE(wide, nullptr);
    EXPECT_DOUBLE_EQ(wide->x, -10);
    EXPECT_DOUBLE_EQ(wide->w, 120);
    EXPECT_DOUBLE_EQ(grown.bounds.y, -10);
    EXPECT_DOUBLE_EQ(grown.bounds.h, 70);
}

TEST(Wrap, EllipseExclusionsInBothWritingModes) {
    WrapBands bands = outline_bands({OutlineKind::Ellipse, {100, 100, 100, 50}, 0}, 0);
    auto across = exclusions_in({0, 0, 300, 300}, model::Writing::Horizontal, bands);
    ASSERT_FALSE(across.empty());
    // Block 125 (the ellipse's middle row) spans x 100..200.
    bool found = false;
    for (const auto& e : across)
        if (e.block_begin <= 125 && 125 < e.block_end) {
            expect_exclusion(e, e.block_begin, e.block_end, 100, 200);
            found = true;
        }
    EXPECT_TRUE(found);
    auto down = exclusions_in({0, 0, 300, 300}, model::Writing::Vertical, bands);
    // Vertical: x 150 (the middle column) is block 300 - 150 = 150 from the right; y 100..150.
    found = false;
    for (const auto& e : down) {
        EXPECT_LT(e.block_begin, e.block_end);
        if (e.block_begin <= 150 && 150 < e.block_end) {
            expect_exclusion(e, e.block_begin, e.block_end, 100, 150);
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(Wrap, RoundedBoxCornersAreCut) {
    WrapBands bands = outline_bands({OutlineKind::RoundedRect, {0, 0, 100, 100}, 20}, 0);
    const Rect* top = band_at(bands.rows, 0.5, true);
    ASSERT_NE(top, nullptr);
    double inset = 20 - std::sqrt(20.0 * 20 - 19.0 * 19);  // widest at y = 1
    EXPECT_NEAR(top->x, inset, 1e-9);
    EXPECT_NEAR(top->w, 100 - 2 * inset, 1e-9);
    const Rect* middle = band_at(bands.rows, 50, true);
    ASSERT_NE(middle, nullptr);
    // The straight part is one band, from the 1 pt rows that reach it (y 19..81).
    EXPECT_DOUBLE_EQ(middle->y, 19);
    EXPECT_DOUBLE_EQ(middle->h, 62);
    EXPECT_DOUBLE_EQ(middle->w, 100);
}

TEST(Wrap, BandsAreAtLeastOnePointAndAtMostAFewHundred) {
    WrapBands big = outline_bands({OutlineKind::Ellipse, {0, 0, 2000, 3000}, 0}, 0);
    EXPECT_LE(big.rows.size(), 256u);
    EXPECT_LE(big.columns.size(), 256u);
    EXPECT_GT(big.rows.size(), 100u);
    WrapBands small = outline_bands({OutlineKind::Ellipse, {0, 0, 20, 10}, 0}, 0);
    for (const auto& band : small.rows) EXPECT_GE(band.h, 1 - 1e-9);
    EXPECT_LE(small.rows.size(), 10u);
}

// An image whose pixels are opaque where `opaque(x, y)` says, transparent elsewhere.
std::shared_ptr<Image> alpha_image(int w, int h, const std::function<bool(int, int)>& opaque) {
    auto image = std::make_shared<Image>();
    image->width = w;
    image->height = h;
    image->has_alpha = true;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) image->pixels.push_back(opaque(x, y) ? 0xff204080u : 0u);
    return image;
}

model::Frame image_frame(model::Box box, model::Wrap::Mode mode, double offset) {
    model::Frame frame;
    frame.id = "photo";
    frame.box = box;
    model::ImageContent content;
    content.path = "/root/media/cutout.png";
    content.src = "media/cutout.png";
    content.fit = model::Fit::Fill;
    frame.content = content;
    frame.wrap = model::Wrap{mode, offset, {}};
    return frame;
}

WrapMedia media_with(std::shared_ptr<const Image> image) {
    WrapMedia media;
    media.image = [image](const model::ImageContent&) { return image; };
    return media;
}

TEST(Wrap, ImageAlphaGivesTheOpaqueExtent) {
    // The right half of a 100 × 100 px image is opaque; placed on 100 × 100 pt.
    auto image = alpha_image(100, 100, [](int x, int) { return x >= 50; });
    auto frame = image_frame({0, 0, 100, 100}, model::Wrap::Mode::Contour, 0);
    WrapBands bands = wrap_bands(frame, media_with(image));
    ASSERT_FALSE(bands.rows.empty());
    for (const auto& band : bands.rows) {
        EXPECT_NEAR(band.x, 50, 0.5);
        EXPECT_NEAR(band.x + band.w, 100, 0.5);
    }
    EXPECT_NEAR(bands.rows.front().y, 0, 1e-9);
    EXPECT_NEAR(bands.rows.back().y + bands.rows.back().h, 100, 1e-9);
    // Vertical text: only columns right of x 50 push, over the whole height.
    auto down = exclusions_in({0, 0, 200, 100}, model::Writing::Vertical, bands);
    ASSERT_FALSE(down.empty());
    double nearest = 1e9, farthest = 0;
    for (const auto& e : down) {
        nearest = std::min(nearest, e.block_begin);
        farthest = std::max(farthest, e.block_end);
        EXPECT_NEAR(e.inline_begin, 0, 1e-9);
        EXPECT_NEAR(e.inline_end, 100, 1e-9);
    }
    EXPECT_NEAR(nearest, 100, 1e-9);   // x 100 is 100 pt from the right edge (x 200)
    EXPECT_NEAR(farthest, 150, 0.5);   // x 50

    // Box mode ignores the pixels.
    auto box = image_frame({0, 0, 100, 100}, model::Wrap::Mode::Box, 0);
    WrapBands whole = wrap_bands(box, media_with(image));
    ASSERT_EQ(whole.rows.size(), 1u);
    EXPECT_DOUBLE_EQ(whole.rows[0].x, 0);
}

TEST(Wrap, ImageAlphaTriangleGrownByOffset) {
    // Opaque below the diagonal: row y is opaque from x 0 to about y.
    auto image = alpha_image(200, 200, [](int x, int y) { return x <= y; });
    auto frame = image_frame({100, 100, 100, 100}, model::Wrap::Mode::Contour, 4);
    WrapBands bands = wrap_bands(frame, media_with(image));
    const Rect* row = band_at(bands.rows, 150.2, true);  // image row 100 of 200
    ASSERT_NE(row, nullptr);
    EXPECT_NEAR(row->x, 100 - 4, 1e-9);
    // The widest row within 4 pt below the band reaches x ≈ 150 + 1 + 4, grown by 4.
    EXPECT_NEAR(row->x + row->w, 100 + (row->y + row->h - 100) + 4 + 4, 1.0);
    EXPECT_NEAR(bands.bounds.y, 100 - 4, 0.5);
}

TEST(Wrap, OpaqueImageWrapsAsItsClipShape) {
    auto image = std::make_shared<Image>();
    image->width = 4;
    image->height = 4;
    image->pixels.assign(16, 0xff808080u);  // a photo without alpha
    auto frame = image_frame({0, 0, 200, 100}, model::Wrap::Mode::Contour, 0);
    std::get<model::ImageContent>(frame.content).clip = model::ClipShape::Circle;
    WrapBands bands = wrap_bands(frame, media_with(image));
    // The largest circle centred in the box: diameter 100 at (100, 50).
    const Rect* middle = band_at(bands.rows, 50, true);
    ASSERT_NE(middle, nullptr);
    EXPECT_DOUBLE_EQ(middle->x, 50);
    EXPECT_DOUBLE_EQ(middle->w, 100);
    EXPECT_DOUBLE_EQ(bands.bounds.x, 50);
    EXPECT_DOUBLE_EQ(bands.bounds.w, 100);
}

TEST(Wrap, OpaqueImageContainedWrapsWhereItIs) {
    auto image = std::make_shared<Image>();
    image->width = 4;
    image->height = 2;
    image->pixels.assign(8, 0xff808080u);
    auto frame = image_frame({0, 0, 100, 100}, model::Wrap::Mode::Contour, 0);
    std::get<model::ImageContent>(frame.content).fit = model::Fit::Contain;  // placed at y 25..75
    WrapBands bands = wrap_bands(frame, media_with(image));
    ASSERT_EQ(bands.rows.size(), 1u);
    EXPECT_NEAR(bands.rows[0].y, 25, 1e-6);
    EXPECT_NEAR(bands.rows[0].h, 50, 1e-6);
    EXPECT_NEAR(bands.rows[0].x, 0, 1e-6);
    EXPECT_NEAR(bands.rows[0].w, 100, 1e-6);
}

TEST(Wrap, MaskFollowsWhatIsDrawnInsideTheClip) {
    // A disc of radius 30 at (50, 50), drawn in a 100 × 100 box clipped to its left half.
    ClipPath clip{OutlineKind::Rect, {0, 0, 100, 100}, 0};
    WrapBands bands = mask_bands(clip, 0, [](cairo_t* cr) {
        cairo_rectangle(cr, 0, 0, 50, 100);
        cairo_clip(cr);
        cairo_arc(cr, 50, 50, 30, 0, 2 * M_PI);
        cairo_fill(cr);
    });
    const Rect* middle = band_at(bands.rows, 50, true);
    ASSERT_NE(middle, nullptr);
    EXPECT_NEAR(middle->x, 20, 0.5);
    EXPECT_NEAR(middle->x + middle->w, 50, 0.5);
    EXPECT_EQ(band_at(bands.rows, 10, true), nullptr);  // above the disc: nothing
    EXPECT_NEAR(bands.bounds.y, 20, 0.75);
    EXPECT_NEAR(bands.bounds.y + bands.bounds.h, 80, 0.75);
    // Columns: x 35 crosses the disc from y 50 - sqrt(30² - 15²).
    const Rect* column = band_at(bands.columns, 35, false);
    ASSERT_NE(column, nullptr);
    double half = std::sqrt(30.0 * 30 - 15.0 * 15);
    EXPECT_NEAR(column->y, 50 - half, 1.0);
    EXPECT_NEAR(column->y + column->h, 50 + half, 1.0);
}

TEST(Wrap, SvgArtIsFittedAndDrawnIntoTheMask) {
    model::Frame frame;
    frame.id = "mascot";
    frame.box = {0, 0, 100, 100};
    model::SvgContent content;
    content.fit = model::Fit::Contain;
    frame.content = content;
    frame.wrap = model::Wrap{model::Wrap::Mode::Contour, 0, {}};
    WrapMedia media;
    Rect viewport_seen;
    media.svg = [&](const model::SvgContent&) {
        WrapArt art;
        art.width_pt = 50;  // a tall 50 × 100 drawing: contain puts it at x 25..75
        art.height_pt = 100;
        art.draw = [&](cairo_t* cr, const Rect& viewport) {
            viewport_seen = viewport;
            cairo_rectangle(cr, viewport.x, viewport.y + viewport.h / 2, viewport.w, viewport.h / 2);
            cairo_fill(cr);  // its lower half is opaque
        };
        return art;
    };
    WrapBands bands = wrap_bands(frame, media);
    EXPECT_DOUBLE_EQ(viewport_seen.x, 25);
    EXPECT_DOUBLE_EQ(viewport_seen.w, 50);
    ASSERT_EQ(bands.rows.size(), 1u);
    EXPECT_NEAR(bands.rows[0].x, 25, 1e-6);
    EXPECT_NEAR(bands.rows[0].w, 50, 1e-6);
    EXPECT_NEAR(bands.rows[0].y, 50, 1e-6);
    EXPECT_NEAR(bands.rows[0].h, 50, 1e-6);
}

// Compose: what the typesetter is told.

TEST(Wrap, ComposePassesExclusionsToEachColumn) {
    auto document = testing::document_with_pages(1);
    auto body = text_frame("body", {20, 30, 210, 100}, story_of({std::string(15, 'a')}));
    text_of(body).columns = 2;
    text_of(body).gutter_pt = 10;
    document.pages[0].frames.push_back(body);
    auto rect = testing::rect_frame("panel", {150, 50, 40, 20});  // in the second column (x 130..230)
    rect.wrap = model::Wrap{model::Wrap::Mode::Box, 2, {}};
    document.pages[0].frames.push_back(rect);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(setter.calls.size(), 2u);
    EXPECT_TRUE(setter.calls[0].frame.exclusions.empty());
    ASSERT_EQ(setter.calls[1].frame.exclusions.size(), 1u);
    expect_exclusion(setter.calls[1].frame.exclusions[0], 18, 42, 18, 62);
}

TEST(Wrap, VerticalFrameGetsFlowRelativeExclusions) {
    auto document = testing::document_with_pages(1);
    auto body = text_frame("tate", {0, 0, 200, 200}, story_of({"a"}));
    text_of(body).writing = model::Writing::Vertical;
    text_of(body).inset_pt = 10;  // inner box 10..190
    document.pages[0].frames.push_back(body);
    auto rect = testing::rect_frame("panel", {150, 20, 60, 30});
    rect.wrap = model::Wrap{};  // box, no offset
    document.pages[0].frames.push_back(rect);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(setter.calls.size(), 1u);
    ASSERT_EQ(setter.calls[0].frame.exclusions.size(), 1u);
    // x 150..190 (clipped at the inner right edge) is 0..40 from it; y 20..50 is 10..40 down.
    expect_exclusion(setter.calls[0].frame.exclusions[0], 0, 40, 10, 40);
}

TEST(Wrap, AWrapObjectNeverPushesItsOwnText) {
    auto document = testing::document_with_pages(1);
    auto quote = text_frame("quote", {50, 50, 100, 50}, story_of({"q"}));
    quote.wrap = model::Wrap{model::Wrap::Mode::Box, 5, {}};
    document.pages[0].frames.push_back(text_frame("body", {0, 0, 300, 300}, story_of({"b"})));
    document.pages[0].frames.push_back(quote);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(setter.calls.size(), 2u);
    ASSERT_EQ(setter.calls[0].frame.exclusions.size(), 1u);  // body is pushed by the quote
    expect_exclusion(setter.calls[0].frame.exclusions[0], 45, 105, 45, 155);
    EXPECT_TRUE(setter.calls[1].frame.exclusions.empty());  // the quote is not pushed by itself
}

TEST(Wrap, MasterFramesPushPageText) {
    auto document = testing::document_with_pages(2);
    model::Master master;
    master.name = "inner";
    auto logo = testing::rect_frame("logo", {0, 0, 50, 50});
    logo.wrap = model::Wrap{};
    master.frames.push_back(logo);
    auto odd_mark = testing::rect_frame("odd-mark", {250, 250, 50, 50});
    odd_mark.wrap = model::Wrap{};
    master.odd_frames.push_back(odd_mark);
    document.masters["inner"] = master;
    for (size_t p = 0; p < 2; ++p) {
        document.pages[p].master = &document.masters["inner"];
        document.pages[p].frames.push_back(text_frame("body", {0, 0, 300, 300}, story_of({"b"})));
    }
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(setter.calls.size(), 2u);
    ASSERT_EQ(setter.calls[0].frame.exclusions.size(), 2u);  // page 1 (odd): logo and odd mark
    expect_exclusion(setter.calls[0].frame.exclusions[0], 0, 50, 0, 50);
    expect_exclusion(setter.calls[0].frame.exclusions[1], 250, 300, 250, 300);
    ASSERT_EQ(setter.calls[1].frame.exclusions.size(), 1u);  // page 2 (even): the logo only
}

TEST(Wrap, ContourImageLoadsItsPixelsOnce) {
    auto document = testing::document_with_pages(2);
    auto image = alpha_image(10, 10, [](int x, int) { return x < 5; });
    for (size_t p = 0; p < 2; ++p) {
        document.pages[p].frames.push_back(text_frame("body", {0, 0, 300, 300}, story_of({"b"})));
        document.pages[p].frames.push_back(image_frame({0, 0, 100, 100}, model::Wrap::Mode::Contour, 0));
    }
    int loads = 0;
    ImageLoader loader = [&](const std::filesystem::path&, const SourceLoc&) {
        ++loads;
        return image;
    };
    FakeSetter setter;
    auto pages = compose_pages(document, setter, loader);
    EXPECT_EQ(loads, 1);
    ASSERT_EQ(setter.calls.size(), 2u);
    ASSERT_FALSE(setter.calls[0].frame.exclusions.empty());
    for (const auto& e : setter.calls[0].frame.exclusions)
        EXPECT_NEAR(e.inline_end, 50, 0.5) << e.block_begin << ".." << e.block_end;
}

TEST(Wrap, ComposeWrapsRealSvgArtByItsShape) {
    auto document = testing::document_with_pages(1);
    document.pages[0].frames.push_back(text_frame("body", {0, 0, 300, 300}, story_of({"b"})));
    model::Frame mascot;
    mascot.id = "mascot";
    mascot.box = {0, 0, 100, 100};
    model::SvgContent content;
    content.path = std::filesystem::path(KOHO_SOURCE_DIR) / "media/mascot/placeholder.svg";
    content.src = "media/mascot/placeholder.svg";
    mascot.content = content;
    mascot.wrap = model::Wrap{model::Wrap::Mode::Contour, 0, {}};
    document.pages[0].frames.push_back(mascot);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    const auto& exclusions = setter.calls.at(0).frame.exclusions;
    ASSERT_GT(exclusions.size(), 10u);
    // The 372 × 436 art, contained: x 7.3..92.7. Its rows are as wide as the drawing there.
    double narrowest = 1e9, widest = 0;
    for (const auto& e : exclusions) {
        EXPECT_GE(e.inline_begin, 100 * (1 - 372.0 / 436) / 2 - 0.5);
        EXPECT_LE(e.inline_end, 100 - 100 * (1 - 372.0 / 436) / 2 + 0.5);
        EXPECT_LE(e.block_end, 100 + 1e-9);
        narrowest = std::min(narrowest, e.inline_end - e.inline_begin);
        widest = std::max(widest, e.inline_end - e.inline_begin);
    }
    EXPECT_LT(narrowest, 0.5 * widest);  // a sprout on a round body, not a box
    EXPECT_GT(widest, 60);
}

TEST(Wrap, PushedTextIsNotMovedByVerticalAlignment) {
    auto document = testing::document_with_pages(1);
    auto body = text_frame("body", {0, 0, 200, 200}, story_of({"abc"}));
    text_of(body).vertical_align = model::VerticalAlign::End;
    document.pages[0].frames.push_back(body);
    auto far = testing::rect_frame("far", {150, 150, 40, 40});
    far.wrap = model::Wrap{};
    FakeSetter unwrapped;
    auto pages = compose_pages(document, unwrapped, testing::no_images());
    EXPECT_EQ(std::get<TextItem>(pages[0].items.at(0).what).y, 170);  // 30 pt of text at the bottom

    document.pages[0].frames.push_back(far);
    FakeSetter setter;
    pages = compose_pages(document, setter, testing::no_images());
    ASSERT_FALSE(setter.calls[0].frame.exclusions.empty());
    EXPECT_EQ(std::get<TextItem>(pages[0].items.at(0).what).y, 0);  // set where the wrap left room
}

TEST(Wrap, SideStartKeepsTextBeforeTheObjectOnly) {
    // Horizontal: the panel at x 150..190 of a 300-wide box; with side start
    // nothing may be set to its right, with side end nothing to its left.
    for (auto [side, inline_begin, inline_end] :
         {std::tuple{model::Wrap::Side::Both, 150.0, 190.0}, std::tuple{model::Wrap::Side::Start, 150.0, 300.0},
          std::tuple{model::Wrap::Side::End, 0.0, 190.0}}) {
        auto document = testing::document_with_pages(1);
        document.pages[0].frames.push_back(text_frame("body", {0, 0, 300, 200}, story_of({"b"})));
        auto rect = testing::rect_frame("panel", {150, 50, 40, 20});
        rect.wrap = model::Wrap{model::Wrap::Mode::Box, 0, {}, side};
        document.pages[0].frames.push_back(rect);
        FakeSetter setter;
        compose_pages(document, setter, testing::no_images());
        ASSERT_EQ(setter.calls.size(), 1u);
        ASSERT_EQ(setter.calls[0].frame.exclusions.size(), 1u);
        expect_exclusion(setter.calls[0].frame.exclusions[0], 50, 70, inline_begin, inline_end);
    }
}

TEST(Wrap, SideStartInVerticalTextBlocksDownToTheColumnEnd) {
    auto document = testing::document_with_pages(1);
    auto body = text_frame("tate", {0, 0, 200, 200}, story_of({"a"}));
    text_of(body).writing = model::Writing::Vertical;
    document.pages[0].frames.push_back(body);
    auto bubble = testing::rect_frame("bubble", {20, 120, 60, 30});
    bubble.wrap = model::Wrap{model::Wrap::Mode::Box, 0, {}, model::Wrap::Side::Start};
    document.pages[0].frames.push_back(bubble);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(setter.calls[0].frame.exclusions.size(), 1u);
    // x 20..80 is 120..180 from the right edge; the columns stop at y 120.
    expect_exclusion(setter.calls[0].frame.exclusions[0], 120, 180, 120, 200);
}

TEST(Wrap, AFrameThatIgnoresWrapIsNotPushed) {
    auto document = testing::document_with_pages(1);
    document.pages[0].frames.push_back(text_frame("body", {0, 0, 300, 200}, story_of({"b"})));
    auto bubble = testing::rect_frame("bubble", {20, 120, 60, 30});
    bubble.wrap = model::Wrap{};
    document.pages[0].frames.push_back(bubble);
    auto label = text_frame("label", {25, 125, 50, 20}, story_of({"l"}));
    text_of(label).ignore_wrap = true;
    document.pages[0].frames.push_back(label);
    FakeSetter setter;
    compose_pages(document, setter, testing::no_images());
    ASSERT_EQ(setter.calls.size(), 2u);
    EXPECT_EQ(setter.calls[0].frame.exclusions.size(), 1u);  // the body is pushed
    EXPECT_TRUE(setter.calls[1].frame.exclusions.empty());   // the label on the bubble is not
}

}  // namespace
}  // namespace koho::scene
