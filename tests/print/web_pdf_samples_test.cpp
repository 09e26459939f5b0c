// The web edition of the sample layouts: real photos, SVG art drawn in
// transparency groups, tables, QR codes. Sound for qpdf, every item's text
// extractable, and far smaller than the print edition (the figures are
// printed for the README's size table).
#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cairo.h>

#include <chrono>
#include <cmath>
#include <iostream>

#include "model/document.h"
#include "print/pdf_writer.h"
#include "print/web_pdf.h"
#include "raster/image_loader.h"
#include "scene/compose.h"
#include "scene/render.h"
#include "test_support.h"
#include "text/font_context.h"
#include "text/typesetter.h"

namespace koho::print {
namespace {

using test::run_command;
using test::shell_quote;

std::vector<scene::PageScene> compose_layout(const std::string& name, model::Document& document) {
    model::LoadOptions load;
    load.root = KOHO_SOURCE_DIR;
    document = model::load_layout(std::string(KOHO_SOURCE_DIR) + "/layouts/" + name, load);
    auto fonts = text::FontContext::create({std::string(KOHO_SOURCE_DIR) + "/fonts"});
    text::Typesetter typesetter(fonts);
    return scene::compose(document, typesetter, raster::make_cached_image_loader());
}

// The bytes of all image XObjects of a PDF, as stored (compressed).
size_t image_bytes(const std::string& bytes) {
    QPDF pdf;
    pdf.processMemoryFile("pdf", bytes.data(), bytes.size());
    size_t total = 0;
    for (auto& object : pdf.getAllObjects())
        if (object.isStream() && object.getDict().getKey("/Subtype").isNameAndEquals("/Image"))
            total += object.getRawStreamData()->getSize();
    return total;
}

// What every sample's web edition must be: sound for qpdf, one page per
// scene page, a structure tree, extractable text, pictures at screen
// resolution, and the look of the pages.
void check_web_edition(const std::string& name, const std::vector<scene::PageScene>& pages,
                       const std::string& web_pdf) {
    SCOPED_TRACE(name);
    test::TempDir dir("web-pdf-samples");
    const auto file = dir.path() / (name + "-web.pdf");
    test::write_bytes(file, web_pdf);
    auto check = run_command("/usr/bin/qpdf --check " + shell_quote(file.string()) + " 2>&1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(check.output.find("WARNING"), std::string::npos) << check.output;

    // Every text frame is a P (or heading) element in the tree, and the
    // text comes back out.
    QPDF pdf;
    pdf.processMemoryFile("web", web_pdf.data(), web_pdf.size());
    EXPECT_EQ(pdf.getAllPages().size(), pages.size());
    EXPECT_TRUE(pdf.getRoot().getKey("/StructTreeRoot").isDictionary());
    auto text = run_command("pdftotext -raw " + shell_quote(file.string()) + " - 2>&1");
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.output.find("千葉"), std::string::npos) << text.output.substr(0, 2000);
    // It looks like the pages: poppler's rendering of each web page against
    // the scene drawn straight onto pixels.
    const double dpi = 36;
    auto raster = run_command("pdftoppm -r 36 -png " + shell_quote(file.string()) + " " +
                              shell_quote((dir.path() / "page").string()) + " 2>&1");
    ASSERT_EQ(raster.exit_code, 0) << raster.output;
    for (size_t i = 0; i < pages.size(); ++i) {
        SCOPED_TRACE("page " + std::to_string(i + 1));
        const auto png = dir.path() / ("page-" + std::to_string(i + 1) + ".png");
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> poppler(
            cairo_image_surface_create_from_png(png.string().c_str()), cairo_surface_destroy);
        ASSERT_EQ(cairo_surface_status(poppler.get()), CAIRO_STATUS_SUCCESS) << png;
        const int w = cairo_image_surface_get_width(poppler.get()), h = cairo_image_surface_get_height(poppler.get());
        EXPECT_NEAR(w, pages[i].trim_w_pt * dpi / 72, 1.0);
        EXPECT_NEAR(h, pages[i].trim_h_pt * dpi / 72, 1.0);
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> direct(
            cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), cairo_surface_destroy);
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(direct.get()), cairo_destroy);
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), dpi / 72, dpi / 72);
        scene::render(cr.get(), pages[i]);
        cairo_surface_flush(direct.get());
        cairo_surface_flush(poppler.get());
        const unsigned char* a = cairo_image_surface_get_data(poppler.get());
        const unsigned char* b = cairo_image_surface_get_data(direct.get());
        const int sa = cairo_image_surface_get_stride(poppler.get()), sb = cairo_image_surface_get_stride(direct.get());
        // Compared in 3 × 3 blocks: the two rasterisers' antialiasing
        // evens out, a missing or misplaced item does not.
        const int block = 3;
        double total = 0;
        int blocks = 0;
        for (int by = 0; by + block <= h; by += block)
            for (int bx = 0; bx + block <= w; bx += block, ++blocks)
                for (int c = 0; c < 3; ++c) {
                    int sum_a = 0, sum_b = 0;
                    for (int y = by; y < by + block; ++y)
                        for (int x = bx; x < bx + block; ++x) {
                            sum_a += a[y * sa + x * 4 + c];
                            sum_b += b[y * sb + x * 4 + c];
                        }
                    total += std::abs(sum_a - sum_b) / double(block * block);
                }
        const double mean = total / (3.0 * blocks);
        // About 2–3.4 for these pages; the scene moved by 2 pixels gives 4.3–7.
        EXPECT_LT(mean, 4.0) << "mean difference per channel (of 255)";
    }

    // No picture keeps more than 150 ppi at its placed size: at most the
    // page's width in pixels at 150 ppi.
    for (auto page : pdf.getAllPages()) {
        double page_w = page.getKey("/MediaBox").getArrayAsRectangle().urx;
        for (auto& [name, image] : QPDFPageObjectHelper(page).getImages())
            EXPECT_LE(image.getDict().getKey("/Width").getIntValue(), page_w / 72 * 150 + 1);
    }
}

TEST(WebPdfSamples, PamphletA4IsSoundAndSmallerThanPrint) {
    model::Document document;
    const std::vector<scene::PageScene> pages = compose_layout("pamphlet-a4.json", document);
    PdfOptions print_options;
    print_options.title = document.title;
    print_options.date_epoch = 0;
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const std::string print_pdf = render_pdf(pages, print_options);
    const auto t1 = Clock::now();
    WebPdfOptions web_options;
    web_options.title = document.title;
    web_options.date_epoch = 0;
    const std::string web_pdf = render_web_pdf(pages, web_options);
    const auto t2 = Clock::now();
    auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    std::cout << "pamphlet-a4: print PDF " << ms(t1 - t0) << " ms, web PDF " << ms(t2 - t1) << " ms\n";
    const size_t print_images = image_bytes(print_pdf), web_images = image_bytes(web_pdf);
    std::cout << "pamphlet-a4: print " << print_pdf.size() << " bytes (images " << print_images << "), web "
              << web_pdf.size() << " bytes (images " << web_images << ")\n";
    // The same fonts in both: the saving is in the pictures.
    EXPECT_LT(web_pdf.size(), print_pdf.size());
    EXPECT_LT(web_images * 5, print_images);

    check_web_edition("pamphlet-a4", pages, web_pdf);
}

class WebPdfSampleLayouts : public ::testing::TestWithParam<std::string> {};

TEST_P(WebPdfSampleLayouts, WebEditionIsSoundAndLooksLikeThePages) {
    model::Document document;
    const std::vector<scene::PageScene> pages = compose_layout(GetParam() + ".json", document);
    WebPdfOptions options;
    options.title = document.title;
    options.date_epoch = 0;
    check_web_edition(GetParam(), pages, render_web_pdf(pages, options));
}

INSTANTIATE_TEST_SUITE_P(Layouts, WebPdfSampleLayouts,
                         ::testing::Values("flyer-setsumeikai", "pamphlet-a5", "poster-b2", "panel-a1"));

}  // namespace
}  // namespace koho::print
