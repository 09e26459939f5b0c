// SVG art, gradients, clips and shadows through the real PDF writer, read
// back with tools that are not koho: pdfimages (no image may appear: the
// art must be vector), qpdf (the page's drawing operators), pdftoppm (the
// art is really there, in its colours).
#include <gtest/gtest.h>

#include <cairo.h>

#include <algorithm>
#include <array>
#include <regex>

#include "core/units.h"
#include "print/pdf_writer.h"
#include "scene/gradient.h"
#include "scene/svg_art.h"
#include "shape_items.h"
#include "test_support.h"

namespace koho::print {
namespace {

using test::mm;
using test::run_command;
using test::shell_quote;
using test::TempDir;

scene::Item item_of(scene::SvgItem svg) {
    scene::Item item;
    item.what = std::move(svg);
    return item;
}

// An A5 page: the placeholder mascot large with a shadow; the mascot again
// half transparent and cropped to a circle; a gradient band.
std::vector<scene::PageScene> art_page() {
    auto mascot = scene::SvgArt::load("media/mascot/placeholder.svg", SourceLoc{"test.json", 1, 1, "/src"});
    scene::PageScene page;
    page.trim_w_pt = 148 * mm;
    page.trim_h_pt = 210 * mm;
    page.bleed_pt = 3 * mm;

    scene::ShapeItem band;
    band.kind = scene::ShapeKind::RoundedRect;
    band.bounds = {10 * mm, 150 * mm, 128 * mm, 40 * mm};
    band.radius_pt = 5 * mm;
    model::Gradient gradient;
    gradient.angle_deg = 0;
    gradient.stops = {{0, Color::from_rgb(0.1, 0.4, 0.8)}, {1, Color::from_rgb(0.95, 0.6, 0.2)}};
    band.gradient = scene::gradient_paint(gradient, band.bounds);
    scene::Item band_item;
    band_item.what = band;
    page.items.push_back(band_item);

    double w = 90 * mm, h = w * mascot->height_pt() / mascot->width_pt();
    scene::SvgItem big{mascot, {20 * mm, 20 * mm, w, h}, {20 * mm, 20 * mm, w, h}};
    scene::Item big_item = item_of(big);
    big_item.shadow = scene::ShadowPaint{3 * mm, 3 * mm, Color::from_rgb(0, 0, 0, 0.3)};
    page.items.push_back(big_item);

    scene::SvgItem small{mascot, {100 * mm, 20 * mm, 40 * mm, 48 * mm}, {100 * mm, 24 * mm, 40 * mm, 40 * mm},
                         scene::OutlineKind::Ellipse};
    scene::Item small_item = item_of(small);
    small_item.opacity = 0.6;
    page.items.push_back(small_item);
    return {page};
}

class PdfArt : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir("pdf-art");
        PdfOptions options;
        options.title = "art";
        options.date_epoch = 0;
        write_pdf(pdf(), art_page(), options);
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static std::filesystem::path pdf() { return dir_->path() / "art.pdf"; }
    static TempDir* dir_;
};
TempDir* PdfArt::dir_ = nullptr;

TEST_F(PdfArt, HasNoImages) {
    auto r = run_command("pdfimages -list " + shell_quote(pdf().string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // pdfimages -list prints a two-line header, then one line per image.
    int lines = 0;
    for (char c : r.output) lines += c == '\n';
    EXPECT_EQ(lines, 2) << r.output;
}

TEST_F(PdfArt, IsDrawnWithPathsAndShadings) {
    auto r = run_command("qpdf --qdf --object-streams=disable " + shell_quote(pdf().string()) + " - 2>&1");
    ASSERT_EQ(r.exit_code, 0);
    // Curves (the mascot's outlines) and fills, gradients as shadings, the
    // shadow as a soft mask — and no image XObject anywhere.
    auto count = [&](const std::regex& re) {
        return std::distance(std::sregex_iterator(r.output.begin(), r.output.end(), re), std::sregex_iterator());
    };
    // (Cairo wraps content lines anywhere, so operators end at any space.)
    EXPECT_GT(count(std::regex(R"(\d c\s)")), 100);
    EXPECT_GT(count(std::regex(R"(\sf\*?\s)")), 10);
    EXPECT_GT(count(std::regex(R"(/ShadingType)")), 1);
    EXPECT_GE(count(std::regex(R"(/SMask)")), 1);
    EXPECT_EQ(count(std::regex(R"(/Subtype /Image)")), 0);
}

TEST_F(PdfArt, TheArtIsVisible) {
    TempDir out("pdf-art-png");
    auto r = run_command("pdftoppm -r 36 -png -singlefile " + shell_quote(pdf().string()) + " " +
                         shell_quote((out.path() / "page").string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // The mascot's green body in the middle of the big figure: read the PNG
    // back through Cairo.
    cairo_surface_t* png = cairo_image_surface_create_from_png((out.path() / "page.png").c_str());
    ASSERT_EQ(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
    auto pixel = [&](double x_mm, double y_mm) {
        // 36 dpi; the page image includes the bleed and the marks' margin.
        int width = cairo_image_surface_get_width(png);
        double margin_pt = (width * 2.0 - 148 * mm) / 2;  // 1 px = 2 pt
        int x = static_cast<int>((margin_pt + x_mm * mm) / 2), y = static_cast<int>((margin_pt + y_mm * mm) / 2);
        auto* row = cairo_image_surface_get_data(png) + y * cairo_image_surface_get_stride(png);
        uint32_t p = reinterpret_cast<uint32_t*>(row)[x];
        return std::array<int, 3>{int((p >> 16) & 255), int((p >> 8) & 255), int(p & 255)};
    };
    // The body's centre (200, 296) in the mascot's viewBox (14 40 372 436),
    // on the 90 mm wide figure.
    auto body = pixel(20 + 90 * (200 - 14) / 372.0, 20 + 90 * (296 - 40) / 372.0);
    EXPECT_GT(body[1], body[0] + 30);  // green
    EXPECT_GT(body[1], body[2] + 30);
    auto band_left = pixel(14, 170), band_right = pixel(134, 170);
    EXPECT_GT(band_left[2], band_left[0]);    // blue end
    EXPECT_GT(band_right[0], band_right[2]);  // orange end
    cairo_surface_destroy(png);
}

// Through the real binary: a layout's svg frames, gradient and shadow.
class KohoArt : public ::testing::Test {
protected:
    test::CommandResult print(const std::string& frames) {
        std::filesystem::path layout = dir_.path() / "art.json";
        test::write_bytes(layout, R"({ "type": "print", "title": "art",
  "page": {"size": "A6", "bleed": "3mm", "marks": "tombo"},
  "pages": [ { "frames": [
)" + frames + R"(
  ] } ] })");
        return run_command(std::string(KOHO_BINARY) + " print " + shell_quote(layout.string()) + " -o " +
                           shell_quote(pdf_.string()) + " 2>&1");
    }
    TempDir dir_{"koho-art"};
    std::filesystem::path pdf_ = dir_.path() / "art.pdf";
};

TEST_F(KohoArt, SvgFramesAreVectorInThePdf) {
    auto r = print(R"(
    { "type": "rect", "x": "0mm", "y": "0mm", "w": "105mm", "h": "40mm",
      "fill": {"gradient": "linear", "angle": 90, "stops": [["0%", "#0f5e6e"], ["100%", "#e2eff0"]]} },
    { "type": "svg", "src": "media/mascot/placeholder.svg", "x": "10mm", "y": "20mm", "w": "60mm", "h": "70mm",
      "shadow": {"offset": ["2mm", "2mm"], "color": "#00000040"} },
    { "type": "svg", "src": "media/icons/heart.svg", "x": "75mm", "y": "20mm", "w": "20mm", "h": "20mm",
      "clip": "circle", "opacity": 0.5 })");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = run_command("pdfimages -list " + shell_quote(pdf_.string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 2) << r.output;
    r = run_command("qpdf --qdf --object-streams=disable " + shell_quote(pdf_.string()) + " - 2>&1");
    const std::regex curve(R"(\d c\s)");
    EXPECT_GT(std::distance(std::sregex_iterator(r.output.begin(), r.output.end(), curve), std::sregex_iterator()),
              100);
}

TEST_F(KohoArt, BrokenSvgIsALocatedInputError) {
    auto r = print(R"(
    { "type": "svg", "src": "tests/print/data/broken.svg", "x": "10mm", "y": "10mm", "w": "20mm", "h": "20mm" })");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    // The frame's "src" is on line 5, column 29 of the layout.
    EXPECT_NE(r.output.find("art.json:5:29: error: cannot read SVG '"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("broken.svg': XML parse error"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(" (at /pages/0/frames/0/src)\n"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(pdf_));
}

}  // namespace
}  // namespace koho::print
