// PDF/X-1a's refusal of transparency: each kind found in a scene fails at
// its frame's place in the layout; leftovers from the CMYK pass fail at the
// SVG frame they come from when it is the only one on the page.
#include "print/pdfx_transparency.h"

#include <gtest/gtest.h>

#include <functional>

#include "core/diagnostic.h"
#include "pdfx_fixtures.h"

namespace koho::print {
namespace {

using pdfx_test::kDocument;

const char* const kTransparencyAdvice = "PDF/X-1a allows no transparency; use --pdfx 4 or remove it";

SourceLoc loc_of(const std::string& frame, int line) {
    return {"layouts/test.json", line, 9, "/pages/1/frames/" + frame};
}

scene::Item with_id(scene::Item item, const std::string& id, int line) {
    item.frame_id = id;
    item.where = loc_of(id, line);
    return item;
}

scene::Item box(Color fill) {
    scene::ShapeItem shape;
    shape.bounds = {10, 10, 50, 50};
    shape.fill = fill;
    scene::Item item;
    item.what = shape;
    return item;
}

scene::Item text_item() {
    text::GlyphRun run;
    run.color = Color::from_cmyk(0, 0, 0, 100);
    run.utf8 = "千葉";
    run.glyphs = {{1, 0, 10}, {2, 10, 10}};
    scene::TextItem text;
    text.text.runs.push_back(run);
    text.text.rules.push_back({0, 12, 20, 0.5, Color::from_rgb(0, 0, 0)});
    scene::Item item;
    item.what = text;
    return item;
}

scene::Item image_item(bool alpha) {
    auto image = std::make_shared<scene::Image>();
    image->width = image->height = 2;
    image->pixels.assign(4, alpha ? 0x80000000u : 0xFF112233u);
    image->has_alpha = alpha;
    image->source = "media/photo.png";
    scene::ImageItem placed;
    placed.image = image;
    placed.placed = placed.clip = {0, 0, 20, 20};
    scene::Item item;
    item.what = placed;
    return item;
}

scene::Item svg_item() {
    scene::SvgItem svg;  // the check never draws the art
    svg.placed = svg.clip = {0, 0, 30, 30};
    scene::Item item;
    item.what = svg;
    return item;
}

// Page 1 is opaque throughout and holds every kind of item, with all the
// things that look like transparency but are not: opacity 0 (not drawn),
// a fully clear fill, an opaque RGBA-decoded image, opaque gradients,
// shadows and outlines.
std::vector<scene::PageScene> opaque_pages() {
    std::vector<scene::PageScene> pages(2);
    scene::Item gradient = box(Color::from_rgb(1, 0, 0));
    auto& shape = std::get<scene::ShapeItem>(gradient.what);
    shape.fill.reset();
    shape.gradient = scene::GradientPaint{};
    shape.gradient->stops = {{0, Color::from_rgb(1, 0, 0)}, {1, Color::from_cmyk(0, 0, 0, 100)}};
    shape.stroke = scene::StrokeStyle{Color::from_rgb(0, 0, 1), 1, {}};
    pages[0].items.push_back(with_id(gradient, "gradient", 3));

    scene::Item shadowed = box(Color::from_rgb(0, 1, 0));
    shadowed.shadow = scene::ShadowPaint{2, 2, Color::from_rgb(0.2, 0.2, 0.2)};
    pages[0].items.push_back(with_id(shadowed, "shadowed", 4));

    scene::Item text = text_item();
    std::get<scene::TextItem>(text.what).text.runs[0].outline = text::GlyphOutline{Color::from_rgb(1, 1, 1), 2};
    std::get<scene::TextItem>(text.what).background = Color::from_rgb(1, 1, 0.9);
    pages[0].items.push_back(with_id(text, "text", 5));
    pages[0].items.push_back(with_id(image_item(false), "photo", 6));
    pages[0].items.push_back(with_id(svg_item(), "art", 7));

    scene::Item hidden = box(Color::from_rgb(0, 0, 0));
    hidden.opacity = 0;
    pages[0].items.push_back(with_id(hidden, "hidden", 8));
    pages[0].items.push_back(with_id(box(Color::from_rgb(1, 1, 1, 0)), "clear", 9));

    pages[1].items.push_back(with_id(box(Color::from_rgb(0, 0, 1)), "first", 20));
    pages[1].items.push_back(with_id(box(Color::from_rgb(0, 1, 1)), "hero", 21));
    return pages;
}

TEST(PdfxTransparency, AnOpaqueScenePasses) {
    EXPECT_NO_THROW(refuse_transparency_for_x1a(opaque_pages()));
}

struct TransparencyCase {
    const char* name;
    std::function<void(scene::Item&)> make_transparent;
    const char* what;  // the part of the message between the frame and the advice
};

class EachKindOfTransparency : public ::testing::TestWithParam<TransparencyCase> {};

TEST_P(EachKindOfTransparency, FailsAtItsFrame) {
    std::vector<scene::PageScene> pages = opaque_pages();
    scene::Item& hero = pages[1].items[1];
    GetParam().make_transparent(hero);
    try {
        refuse_transparency_for_x1a(pages);
        FAIL() << GetParam().name << " passed";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().file, "layouts/test.json");
        EXPECT_EQ(e.loc().line, 21);
        EXPECT_EQ(e.loc().col, 9);
        EXPECT_EQ(e.loc().pointer, "/pages/1/frames/hero");
        EXPECT_EQ(e.message(), std::string("page 2, frame 'hero': ") + GetParam().what + "; " + kTransparencyAdvice);
    }
}

scene::ShapeItem& shape_of(scene::Item& item) {
    return std::get<scene::ShapeItem>(item.what);
}
scene::TextItem& text_of(scene::Item& item) {
    item.what = std::get<scene::TextItem>(text_item().what);
    return std::get<scene::TextItem>(item.what);
}

const TransparencyCase kTransparencies[] = {
    {"opacity", [](scene::Item& i) { i.opacity = 0.5; }, "its opacity is 0.5"},
    {"fill", [](scene::Item& i) { shape_of(i).fill = Color::from_rgb(0, 1, 1, 0.25); },
     "its fill colour has alpha 0.25"},
    {"cmyk_fill", [](scene::Item& i) { shape_of(i).fill = Color::from_cmyk(0, 0, 0, 100, 0.8); },
     "its fill colour has alpha 0.8"},
    {"stroke",
     [](scene::Item& i) { shape_of(i).stroke = scene::StrokeStyle{Color::from_rgb(0, 0, 0, 0.3), 1, {}}; },
     "its stroke colour has alpha 0.3"},
    {"backdrop",
     [](scene::Item& i) {
         shape_of(i).kind = scene::ShapeKind::Rects;
         shape_of(i).rects = {{0, 0, 1, 1}};
         shape_of(i).backdrop = Color::from_rgb(1, 1, 1, 0.9);
     },
     "its backdrop colour has alpha 0.9"},
    {"gradient_stop",
     [](scene::Item& i) {
         shape_of(i).fill.reset();
         shape_of(i).gradient = scene::GradientPaint{};
         shape_of(i).gradient->stops = {{0, Color::from_rgb(1, 0, 0)}, {0.75, Color::from_rgb(1, 0, 0, 0)}};
     },
     "its gradient has a stop at 75% with alpha 0"},
    // A fill under a gradient is not drawn, but the colour walk still
    // reaches it: whatever the walk finds is refused too.
    {"colour_walk",
     [](scene::Item& i) {
         shape_of(i).fill = Color::from_rgb(0, 0, 0, 0.5);
         shape_of(i).gradient = scene::GradientPaint{};
         shape_of(i).gradient->stops = {{0, Color::from_rgb(1, 0, 0)}, {1, Color::from_rgb(0, 0, 1)}};
     },
     "a colour in it has alpha 0.5"},
    {"text_colour", [](scene::Item& i) { text_of(i).text.runs[0].color.alpha = 0.5; },
     "its text colour has alpha 0.5"},
    {"text_outline",
     [](scene::Item& i) { text_of(i).text.runs[0].outline = text::GlyphOutline{Color::from_rgb(1, 1, 1, 0.6), 2}; },
     "its text outline colour has alpha 0.6"},
    {"text_rule", [](scene::Item& i) { text_of(i).text.rules[0].color.alpha = 0.4; },
     "the colour of a rule in its text has alpha 0.4"},
    {"text_background", [](scene::Item& i) { text_of(i).background = Color::from_rgb(1, 1, 1, 0.7); },
     "its background colour has alpha 0.7"},
    {"shadow",
     [](scene::Item& i) { i.shadow = scene::ShadowPaint{2, 2, Color::from_rgb(0, 0, 0, 0.35)}; },
     "its shadow colour has alpha 0.35"},
    {"image_alpha", [](scene::Item& i) { i.what = std::get<scene::ImageItem>(image_item(true).what); },
     "its image 'media/photo.png' has transparent pixels"},
    {"svg_shadow",
     [](scene::Item& i) {
         i.what = std::get<scene::SvgItem>(svg_item().what);
         i.shadow = scene::ShadowPaint{2, 2, Color::from_rgb(0, 0, 0)};
     },
     "its shadow takes the shape of its SVG art through a soft mask"},
};

INSTANTIATE_TEST_SUITE_P(PdfxTransparency, EachKindOfTransparency, ::testing::ValuesIn(kTransparencies),
                         [](const ::testing::TestParamInfo<TransparencyCase>& info) {
                             return std::string(info.param.name);
                         });

TEST(PdfxTransparency, TheFirstTransparentItemIsNamed) {
    std::vector<scene::PageScene> pages = opaque_pages();
    pages[1].items[0].opacity = 0.9;
    pages[1].items[1].opacity = 0.5;
    try {
        refuse_transparency_for_x1a(pages);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.loc().line, 20);
        EXPECT_EQ(e.message(), std::string("page 2, frame 'first': its opacity is 0.9; ") + kTransparencyAdvice);
    }
}

TEST(PdfxTransparency, AFrameWithoutIdIsSaidSo) {
    std::vector<scene::PageScene> pages = opaque_pages();
    pages[1].items[1].frame_id.clear();
    pages[1].items[1].opacity = 0.5;
    try {
        refuse_transparency_for_x1a(pages);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.message(),
                  std::string("page 2, a frame without an id: its opacity is 0.5; ") + kTransparencyAdvice);
    }
}

// ---- what the CMYK pass left ---------------------------------------------------

TEST(PdfxLeftoverTransparency, NoneIsFine) {
    EXPECT_NO_THROW(refuse_leftover_transparency_for_x1a({}, opaque_pages(), kDocument));
}

TEST(PdfxLeftoverTransparency, TheOnlySvgOnThePageIsBlamed) {
    try {
        refuse_leftover_transparency_for_x1a({{1, "constant alpha 0.5"}, {2, "soft mask"}}, opaque_pages(),
                                             kDocument);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().line, 7);
        EXPECT_EQ(e.loc().pointer, "/pages/1/frames/art");
        EXPECT_EQ(e.message(), std::string("page 1 uses transparency (constant alpha 0.5), from the SVG art of "
                                           "frame 'art'; ") +
                                   kTransparencyAdvice);
    }
}

TEST(PdfxLeftoverTransparency, SeveralSvgsAreListedAtTheDocument) {
    std::vector<scene::PageScene> pages = opaque_pages();
    pages[0].items.push_back(with_id(svg_item(), "logo", 30));
    try {
        refuse_leftover_transparency_for_x1a({{1, "blend mode Multiply"}}, pages, kDocument);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.loc().file, "layouts/test.json");
        EXPECT_EQ(e.loc().line, 0);
        EXPECT_EQ(e.message(), std::string("page 1 uses transparency (blend mode Multiply), from the SVG art of one "
                                           "of its frames: 'art', 'logo'; ") +
                                   kTransparencyAdvice);
    }
}

TEST(PdfxLeftoverTransparency, WhatTheScenesExplainIsNamedAtItsFrame) {
    // The pass found an image's soft mask on page 2; the scenes say whose.
    std::vector<scene::PageScene> pages = opaque_pages();
    pages[1].items[1].what = std::get<scene::ImageItem>(image_item(true).what);
    try {
        refuse_leftover_transparency_for_x1a({{2, "image with soft mask (alpha)"}}, pages, kDocument);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.loc().line, 21);
        EXPECT_EQ(e.message(), std::string("page 2, frame 'hero': its image 'media/photo.png' has transparent "
                                           "pixels; ") +
                                   kTransparencyAdvice);
    }
}

TEST(PdfxLeftoverTransparency, APageWithoutSvgIsNamedAtTheDocument) {
    try {
        refuse_leftover_transparency_for_x1a({{2, "soft mask"}}, opaque_pages(), kDocument);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.loc().line, 0);
        EXPECT_EQ(e.message(), std::string("page 2 uses transparency (soft mask); ") + kTransparencyAdvice);
    }
}

}  // namespace
}  // namespace koho::print
