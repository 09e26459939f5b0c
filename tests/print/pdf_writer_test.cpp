#include "print/pdf_writer.h"

#include <cairo.h>
#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <stdlib.h>

#include <memory>

#include "core/diagnostic.h"
#include "core/units.h"
#include "print/trim_marks.h"
#include "shape_items.h"
#include "test_support.h"

namespace koho::print {
namespace {

using test::mm;
using test::filled_rect;
using test::run_command;
using test::shell_quote;
using test::TempDir;

// Page 1: A4 with a red background running into the bleed and far beyond
// it (the clip must stop it at the bleed edge). Page 2: A5 landscape.
std::vector<scene::PageScene> sample_pages() {
    std::vector<scene::PageScene> pages(2);
    pages[0].trim_w_pt = 210 * mm;
    pages[0].trim_h_pt = 297 * mm;
    pages[0].bleed_pt = 3 * mm;
    pages[0].items.push_back(filled_rect(-50 * mm, -50 * mm, 310 * mm, 397 * mm, Color::from_rgb(1, 0, 0)));
    pages[0].items.push_back(filled_rect(20 * mm, 20 * mm, 50 * mm, 30 * mm, Color::from_rgb(0, 0, 1)));
    pages[1].trim_w_pt = 210 * mm;
    pages[1].trim_h_pt = 148 * mm;
    pages[1].bleed_pt = 5 * mm;
    pages[1].items.push_back(filled_rect(0, 0, 100 * mm, 100 * mm, Color::from_rgb(0, 0.5, 0)));
    return pages;
}

PdfOptions sample_options() {
    PdfOptions options;
    options.title = "千葉県 児童福祉専門職 採用パンフレット";
    options.creator = "koho test";
    options.lang = "ja";
    options.date_epoch = 1700000000;
    return options;
}

std::array<double, 4> box_of(QPDFObjectHandle page, const char* key) {
    QPDFObjectHandle array = page.getKey(key);
    std::array<double, 4> out{-1, -1, -1, -1};
    if (!array.isArray() || array.getArrayNItems() != 4) return out;
    for (int i = 0; i < 4; ++i) out[i] = array.getArrayItem(i).getNumericValue();
    return out;
}

void expect_pdf_box(const std::array<double, 4>& got, const PdfBox& want, const char* what) {
    // The PDF holds four decimals.
    EXPECT_NEAR(got[0], want.x0, 1e-4) << what;
    EXPECT_NEAR(got[1], want.y0, 1e-4) << what;
    EXPECT_NEAR(got[2], want.x1, 1e-4) << what;
    EXPECT_NEAR(got[3], want.y1, 1e-4) << what;
}

class PdfWriter : public ::testing::Test {
protected:
    void SetUp() override { bytes_ = render_pdf(sample_pages(), sample_options()); }
    std::string bytes_;
};

TEST_F(PdfWriter, EveryPageHasMediaTrimAndBleedBoxes) {
    QPDF pdf;
    pdf.processMemoryFile("test", bytes_.data(), bytes_.size());
    const auto& pages = pdf.getAllPages();
    ASSERT_EQ(pages.size(), 2u);

    const auto geometry = page_geometries(sample_pages(), MarkStyle::Tombo);
    for (size_t i = 0; i < pages.size(); ++i) {
        expect_pdf_box(box_of(pages[i], "/MediaBox"), geometry[i].media, "MediaBox");
        expect_pdf_box(box_of(pages[i], "/TrimBox"), geometry[i].trim, "TrimBox");
        expect_pdf_box(box_of(pages[i], "/BleedBox"), geometry[i].bleed, "BleedBox");
    }
    // The numbers themselves, page 1 (A4, 3 mm bleed, 13 mm for marks).
    expect_pdf_box(box_of(pages[0], "/TrimBox"), {16 * mm, 16 * mm, 226 * mm, 313 * mm}, "A4 trim");
    expect_pdf_box(box_of(pages[0], "/MediaBox"), {0, 0, 242 * mm, 329 * mm}, "A4 media");
    // Page 2 (A5 landscape, 5 mm bleed).
    expect_pdf_box(box_of(pages[1], "/BleedBox"), {13 * mm, 13 * mm, 233 * mm, 171 * mm}, "A5 bleed");
    expect_pdf_box(box_of(pages[1], "/TrimBox"), {18 * mm, 18 * mm, 228 * mm, 166 * mm}, "A5 trim");
}

TEST_F(PdfWriter, CatalogAndInfoCarryLanguageTitleCreatorAndDates) {
    QPDF pdf;
    pdf.processMemoryFile("test", bytes_.data(), bytes_.size());
    EXPECT_EQ(pdf.getRoot().getKey("/Lang").getUTF8Value(), "ja");
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    ASSERT_TRUE(info.isDictionary());
    EXPECT_EQ(info.getKey("/Title").getUTF8Value(), "千葉県 児童福祉専門職 採用パンフレット");
    EXPECT_EQ(info.getKey("/Creator").getUTF8Value(), "koho test");
    EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20231114221320Z");
    EXPECT_EQ(info.getKey("/ModDate").getUTF8Value(), "D:20231114221320Z");
    EXPECT_TRUE(pdf.getTrailer().getKey("/ID").isArray());
}

TEST_F(PdfWriter, WithoutSourceDateEpochThePdfHasNoDates) {
    PdfOptions options = sample_options();
    options.date_epoch.reset();
    const std::string bytes = render_pdf(sample_pages(), options);
    QPDF pdf;
    pdf.processMemoryFile("test", bytes.data(), bytes.size());
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    ASSERT_TRUE(info.isDictionary());
    EXPECT_FALSE(info.hasKey("/CreationDate"));
    EXPECT_FALSE(info.hasKey("/ModDate"));
    // ... and is still the same from run to run, clock or not.
    EXPECT_EQ(bytes, render_pdf(sample_pages(), options));
}

TEST_F(PdfWriter, SameInputsGiveTheSameBytes) {
    EXPECT_EQ(bytes_, render_pdf(sample_pages(), sample_options()));
    PdfOptions other = sample_options();
    other.title = "別の題";
    EXPECT_NE(bytes_, render_pdf(sample_pages(), other));
}

TEST_F(PdfWriter, QpdfCheckFindsNothingWrong) {
    TempDir dir("pdf-check");
    const auto file = dir.path() / "out.pdf";
    test::write_bytes(file, bytes_);
    const auto result = run_command("qpdf --check " + shell_quote(file.string()) + " 2>&1");
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("No syntax or stream encoding errors found"), std::string::npos)
        << result.output;
}

TEST_F(PdfWriter, MarksNoneMakesBleedSizedPages) {
    PdfOptions options = sample_options();
    options.marks = MarkStyle::None;
    const std::string bytes = render_pdf(sample_pages(), options);
    QPDF pdf;
    pdf.processMemoryFile("test", bytes.data(), bytes.size());
    const auto& pages = pdf.getAllPages();
    expect_pdf_box(box_of(pages[0], "/MediaBox"), {0, 0, 216 * mm, 303 * mm}, "media");
    expect_pdf_box(box_of(pages[0], "/BleedBox"), {0, 0, 216 * mm, 303 * mm}, "bleed");
    expect_pdf_box(box_of(pages[0], "/TrimBox"), {3 * mm, 3 * mm, 213 * mm, 300 * mm}, "trim");
}

// Rasterises page 1 with poppler and looks at the paper: red up to the
// bleed edge, white beyond it (the scene is clipped), black on the marks.
TEST_F(PdfWriter, SceneIsClippedToTheBleedAndMarksAreOutside) {
    TempDir dir("pdf-raster");
    const auto file = dir.path() / "out.pdf";
    test::write_bytes(file, bytes_);
    const auto prefix = dir.path() / "page";
    // 288 dpi: four pixels per point.
    const auto result = run_command("pdftoppm -r 288 -f 1 -l 1 -png -singlefile " +
                                    shell_quote(file.string()) + " " + shell_quote(prefix.string()) + " 2>&1");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> png(
        cairo_image_surface_create_from_png((prefix.string() + ".png").c_str()), cairo_surface_destroy);
    ASSERT_EQ(cairo_surface_status(png.get()), CAIRO_STATUS_SUCCESS);
    const unsigned char* data = cairo_image_surface_get_data(png.get());
    const int stride = cairo_image_surface_get_stride(png.get());
    auto rgb = [&](double x_mm, double y_mm) {
        const int x = static_cast<int>(x_mm * mm * 4), y = static_cast<int>(y_mm * mm * 4);
        const uint32_t px = *reinterpret_cast<const uint32_t*>(data + y * stride + 4 * x);
        return std::array<int, 3>{int((px >> 16) & 0xff), int((px >> 8) & 0xff), int(px & 0xff)};
    };
    // Sheet is 242 × 329 mm; bleed box 13..229 × 13..316 mm.
    EXPECT_EQ(rgb(14, 150), (std::array<int, 3>{255, 0, 0}));   // inside the bleed, left
    EXPECT_EQ(rgb(228, 300), (std::array<int, 3>{255, 0, 0}));  // inside the bleed, bottom right
    EXPECT_EQ(rgb(11, 150), (std::array<int, 3>{255, 255, 255}));  // outside: clipped
    EXPECT_EQ(rgb(100, 5), (std::array<int, 3>{255, 255, 255}));
    EXPECT_EQ(rgb(40, 40), (std::array<int, 3>{0, 0, 255}));  // the blue box at 20 mm + 16 mm
    // The centre mark's stem on the top edge, 5 mm out from the bleed: dark.
    const auto stem = rgb(121, 8);
    EXPECT_LT(stem[0] + stem[1] + stem[2], 3 * 200);
}

TEST(PdfWriterFile, WritesTheFileAndLeavesNothingOnError) {
    TempDir dir("pdf-file");
    const auto target = dir.path() / "out.pdf";
    write_pdf(target, sample_pages(), sample_options());
    ASSERT_TRUE(std::filesystem::exists(target));
    EXPECT_EQ(test::read_bytes(target).substr(0, 5), "%PDF-");

    // A failed render does not touch an existing file ...
    const std::string before = test::read_bytes(target);
    EXPECT_THROW(write_pdf(target, {}, sample_options()), Error);
    EXPECT_EQ(test::read_bytes(target), before);
    // ... and creates none where there was none; no temporary is left over.
    const auto missing = dir.path() / "never.pdf";
    EXPECT_THROW(write_pdf(missing, {}, sample_options()), Error);
    EXPECT_FALSE(std::filesystem::exists(missing));
    size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
    EXPECT_EQ(files, 1u);
}

TEST(PdfWriterFile, AnUnwritableTargetIsAFailure) {
    try {
        write_pdf("/nonexistent-dir/out.pdf", sample_pages(), sample_options());
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
    }
}

}  // namespace
}  // namespace koho::print
