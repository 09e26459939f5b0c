// Web PDF corner cases: items that draw nothing, a link on a whole text
// frame, transparency groups inside structure elements, a URL set sideways
// in vertical text, one picture placed twice.
#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>

#include "core/units.h"
#include "print/web_pdf.h"
#include "raster/decode.h"
#include "raster/encode.h"
#include "shape_items.h"
#include "test_support.h"
#include "web_pdf_fixtures.h"

namespace koho::print {
namespace {

using test::mm;
using namespace test_web;
using test::run_command;
using test::shell_quote;

scene::PageScene a5_page() {
    scene::PageScene page;
    page.trim_w_pt = 148 * mm;
    page.trim_h_pt = 210 * mm;
    return page;
}

struct Read {
    std::string bytes;
    std::vector<std::string> tags;
    std::vector<QPDFObjectHandle> elements;
};

// Renders, checks qpdf --check is clean, and reads the structure back.
void render_and_read(const std::vector<scene::PageScene>& pages, QPDF& pdf, Read& out) {
    WebPdfOptions options;
    options.date_epoch = 0;
    out.bytes = render_web_pdf(pages, options);
    test::TempDir dir("web-pdf-cases");
    test::write_bytes(dir.path() / "case.pdf", out.bytes);
    auto check = run_command("/usr/bin/qpdf --check " + shell_quote((dir.path() / "case.pdf").string()) + " 2>&1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(check.output.find("WARNING"), std::string::npos) << check.output;
    pdf.processMemoryFile("case", out.bytes.data(), out.bytes.size());
    structure_sequence(pdf.getRoot().getKey("/StructTreeRoot"), out.tags, out.elements);
}

std::string extracted_text(const std::string& bytes) {
    test::TempDir dir("web-pdf-text");
    test::write_bytes(dir.path() / "t.pdf", bytes);
    return run_command("pdftotext -raw " + shell_quote((dir.path() / "t.pdf").string()) + " - 2>&1").output;
}

TEST(WebPdfCases, ItemsThatDrawNothingGetNoElement) {
    scene::PageScene page = a5_page();
    page.items.push_back(image_item(synthetic_image(10, 10, false), {0, 0, 0, 10}, {0, 0, 10, 10}, "zero width"));
    scene::ShapeItem unpainted;
    unpainted.kind = scene::ShapeKind::Rects;
    unpainted.bounds = {0, 0, 10, 10};
    scene::Item nothing;
    nothing.what = unpainted;
    page.items.push_back(nothing);
    scene::Item invisible = image_item(synthetic_image(10, 10, false), {10, 10, 20, 20}, {10, 10, 20, 20}, "opacity 0");
    invisible.opacity = 0;
    page.items.push_back(invisible);
    scene::Item empty_heading;
    empty_heading.what = scene::TextItem{};
    empty_heading.role = "h1";
    page.items.push_back(empty_heading);
    page.items.push_back(image_item(synthetic_image(10, 10, false), {20, 20, 20, 20}, {20, 20, 20, 20}, "real"));
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_EQ(read.tags, (std::vector<std::string>{"/Document", "/Figure"}));
    ASSERT_EQ(read.elements.size(), 2u);
    EXPECT_EQ(read.elements[1].getKey("/Alt").getUTF8Value(), "real");
}

TEST(WebPdfCases, LinkOnATextFrameCoversItsGlyphs) {
    static const model::Style body = style("Noto Sans CJK JP", 400, 12);
    scene::PageScene page = a5_page();
    scene::Item item = text_item(shared_typesetter(), body, "応募フォームはこちら", 20 * mm, 30 * mm);
    item.link = "https://www.example.jp/form";
    page.items.push_back(item);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_EQ(read.tags, (std::vector<std::string>{"/Document", "/P", "/Link"}));
    auto links = links_of(pdf.getAllPages()[0]);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].uri, "https://www.example.jp/form");
    // Ten 12 pt characters from x = 20 mm, baseline about one em below the
    // frame's top (y up in the PDF).
    const double page_h = 210 * mm;
    EXPECT_NEAR(links[0].rect.llx, 20 * mm, 1.5);
    EXPECT_NEAR(links[0].rect.urx, 20 * mm + 120, 2.5);
    EXPECT_LT(links[0].rect.ury, page_h - 30 * mm + 1.5);
    EXPECT_GT(links[0].rect.lly, page_h - 30 * mm - 20);
    EXPECT_NE(extracted_text(read.bytes).find("応募フォームはこちら"), std::string::npos);
}

TEST(WebPdfCases, HalfTransparentFrameInAGroupStaysTaggedText) {
    static const model::Style body = style("Noto Sans CJK JP", 400, 12);
    scene::PageScene page = a5_page();
    scene::Item item = text_item(shared_typesetter(), body, "透明度のある枠の本文", 20 * mm, 30 * mm);
    auto& text = std::get<scene::TextItem>(item.what);
    text.background = Color::from_rgb(1, 0.8, 0.2);
    text.background_box = {20 * mm, 30 * mm, 100 * mm, 20 * mm};
    item.opacity = 0.5;  // background under text: drawn in a transparency group
    page.items.push_back(item);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_EQ(read.tags, (std::vector<std::string>{"/Document", "/P"}));
    EXPECT_NE(extracted_text(read.bytes).find("透明度のある枠の本文"), std::string::npos);
}

TEST(WebPdfCases, UrlSidewaysInVerticalTextGetsATallLink) {
    static const model::Style body = style("Noto Sans CJK JP", 400, 11);
    scene::PageScene page = a5_page();
    page.items.push_back(text_item(shared_typesetter(), body, "詳細はhttps://a.example.jp/tateへ", 100 * mm, 20 * mm,
                                   "", model::Writing::Vertical));
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    auto links = links_of(pdf.getAllPages()[0]);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].uri, "https://a.example.jp/tate");
    const auto& r = links[0].rect;
    // Latin runs down the column: the link is a column about one line
    // wide, and lies in the frame's column (100 mm to 140 mm from the left).
    EXPECT_GT(r.ury - r.lly, 3 * (r.urx - r.llx)) << r.llx << " " << r.lly << " " << r.urx << " " << r.ury;
    EXPECT_GT(r.llx, 100 * mm - 1);
    EXPECT_LT(r.urx, 140 * mm + 1);
}

TEST(WebPdfCases, OnePictureTwiceIsEmbeddedOnceForItsLargerPlacement) {
    auto photo = synthetic_image(2000, 1000, false);
    scene::PageScene page1 = a5_page(), page2 = a5_page();
    page1.items.push_back(image_item(photo, {10 * mm, 10 * mm, 40 * mm, 20 * mm}, {10 * mm, 10 * mm, 40 * mm, 20 * mm}, "小"));
    page2.items.push_back(image_item(photo, {10 * mm, 10 * mm, 80 * mm, 40 * mm}, {10 * mm, 10 * mm, 80 * mm, 40 * mm}, "大"));
    QPDF pdf;
    Read read;
    render_and_read({page1, page2}, pdf, read);
    auto on1 = images_of(pdf.getAllPages()[0]);
    auto on2 = images_of(pdf.getAllPages()[1]);
    ASSERT_EQ(on1.size(), 1u);
    ASSERT_EQ(on2.size(), 1u);
    EXPECT_EQ(on1[0].width, 473);  // 80 mm at 150 ppi = 472.4
    EXPECT_EQ(on2[0].width, 473);
    size_t images = 0;
    for (auto& object : pdf.getAllObjects())
        if (object.isStream() && object.getDict().getKey("/Subtype").isNameAndEquals("/Image")) ++images;
    EXPECT_EQ(images, 1u);
}

TEST(WebPdfCases, OnlyDecorationStillHasADocumentElement) {
    scene::PageScene page = a5_page();
    page.items.push_back(shape_item(scene::ShapeKind::Rect, {0, 0, 100, 100}, Color::from_rgb(1, 0, 0)));
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_EQ(read.tags, (std::vector<std::string>{"/Document"}));
}

TEST(WebPdfCases, LinksCarryTheirAddressAsContents) {
    scene::PageScene page = a5_page();
    scene::Item qr = shape_item(scene::ShapeKind::Rects, {10, 10, 50, 50}, Color::from_rgb(0, 0, 0));
    std::get<scene::ShapeItem>(qr.what).rects.push_back({10, 10, 5, 5});
    qr.link = "https://www.example.jp/qr";
    page.items.push_back(qr);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    QPDFObjectHandle page_object = pdf.getAllPages()[0];
    QPDFObjectHandle annots = page_object.getKey("/Annots");
    ASSERT_TRUE(annots.isArray());
    ASSERT_EQ(annots.getArrayNItems(), 1);
    EXPECT_EQ(annots.getArrayItem(0).getKey("/Contents").getUTF8Value(), "https://www.example.jp/qr");
}

TEST(WebPdfCases, UndecodedJpegIsDecodedSmallNeverInFull) {
    // A 1600 × 1200 JPEG as the loader leaves it for a PDF: its bytes, and
    // pixels that are decoded only when asked (here: a failure if asked).
    auto pixels = synthetic_image(1600, 1200, false);
    raster::PixelView view{reinterpret_cast<const uint8_t*>(pixels->pixels.data()), 1600, 1200, 1600 * 4, true};
    auto photo = std::make_shared<scene::Image>();
    photo->width = 1600;
    photo->height = 1200;
    photo->jpeg_data = std::make_shared<const std::string>(raster::encode_jpeg(view, 90, 0));
    bool decoded_in_full = false;
    photo->deferred_pixels = std::make_shared<scene::DeferredPixels>([&decoded_in_full, pixels] {
        decoded_in_full = true;
        return pixels->pixels;
    });
    scene::PageScene page = a5_page();
    page.items.push_back(image_item(photo, {10 * mm, 10 * mm, 60 * mm, 45 * mm}, {10 * mm, 10 * mm, 60 * mm, 45 * mm}, "写真"));
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_FALSE(decoded_in_full);
    auto images = images_of(pdf.getAllPages()[0]);
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(images[0].width, 355);  // 60 mm at 150 ppi
    EXPECT_EQ(images[0].height, 266);
    EXPECT_EQ(images[0].filter, "/DCTDecode");
}

TEST(WebPdfCases, JpegDecodesAtTheSmallestEighthThatIsLargeEnough) {
    auto pixels = synthetic_image(1600, 1200, false);
    raster::PixelView view{reinterpret_cast<const uint8_t*>(pixels->pixels.data()), 1600, 1200, 1600 * 4, true};
    const std::string jpeg = raster::encode_jpeg(view, 90, 0);
    auto bytes = std::span(reinterpret_cast<const uint8_t*>(jpeg.data()), jpeg.size());
    auto quarter = raster::decode_jpeg_at_least(bytes, 355, 266, "photo.jpg", {});
    EXPECT_EQ(quarter->width, 400);  // 2/8: the first eighth with ≥ 355 × 266
    EXPECT_EQ(quarter->height, 300);
    EXPECT_FALSE(quarter->jpeg_data);
    auto full = raster::decode_jpeg_at_least(bytes, 1500, 10, "photo.jpg", {});
    EXPECT_EQ(full->width, 1600);
    EXPECT_TRUE(full->jpeg_data);
    // Pixels of the small decode match the picture shrunk: compare one
    // block's average colour with the source's.
    auto average = [](const std::vector<uint32_t>& p, int stride, int x0, int y0, int n, int shift) {
        double sum = 0;
        for (int y = y0; y < y0 + n; ++y)
            for (int x = x0; x < x0 + n; ++x) sum += (p[static_cast<size_t>(y) * stride + x] >> shift) & 0xff;
        return sum / (n * n);
    };
    EXPECT_NEAR(average(quarter->pixels, 400, 100, 100, 20, 16), average(pixels->pixels, 1600, 400, 400, 80, 16), 3);
    EXPECT_THROW(raster::decode_jpeg_at_least(std::span<const uint8_t>(), 1, 1, "empty.jpg", {}), Error);
}

TEST(WebPdfCases, AltGoesOnPicturesAndArtButNotOnText) {
    static const model::Style body = style("Noto Sans CJK JP", 400, 12);
    scene::PageScene page = a5_page();
    // Lettering as a picture with a heading role: read by its alt text.
    scene::Item lettering = image_item(synthetic_image(200, 60, true), {10, 10, 200, 60}, {10, 10, 200, 60},
                                       "子どもの未来を、千葉で。");
    lettering.role = "h1";
    page.items.push_back(lettering);
    scene::Item text = text_item(shared_typesetter(), body, "本文です。", 20 * mm, 40 * mm);
    text.alt = "読まれない代替テキスト";
    page.items.push_back(text);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    ASSERT_EQ(read.tags, (std::vector<std::string>{"/Document", "/H1", "/P"}));
    EXPECT_EQ(read.elements[1].getKey("/Alt").getUTF8Value(), "子どもの未来を、千葉で。");
    EXPECT_FALSE(read.elements[2].hasKey("/Alt"));
}

TEST(WebPdfCases, RulesOfAHeadingFrameAreDecoration) {
    static const model::Style big = style("Noto Sans CJK JP", 700, 18);
    scene::PageScene page = a5_page();
    scene::Item heading = text_item(shared_typesetter(), big, "募集職種", 20 * mm, 20 * mm, "h2");
    heading.frame_id = "title";
    page.items.push_back(heading);
    scene::Item rule = shape_item(scene::ShapeKind::Rect, {20 * mm, 30 * mm, 100 * mm, 1}, Color::from_rgb(0, 0, 0));
    rule.frame_id = "title";
    rule.role = "h2";  // compose gives a frame's rules the frame's role
    page.items.push_back(rule);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_EQ(read.tags, (std::vector<std::string>{"/Document", "/H2"}));
}

TEST(WebPdfCases, AFrameSetAsAFigureIsOneFigure) {
    static const model::Style body = style("Noto Sans CJK JP", 400, 10);
    scene::PageScene page = a5_page();
    scene::Item chart = text_item(shared_typesetter(), body, "応募者数 120 人", 20 * mm, 20 * mm, "figure");
    chart.frame_id = "chart";
    chart.alt = "応募者数は120人";
    scene::Item rule = shape_item(scene::ShapeKind::Rect, {20 * mm, 30 * mm, 100 * mm, 1}, Color::from_rgb(0, 0, 0));
    rule.frame_id = "chart";
    rule.role = "figure";
    rule.alt = chart.alt;
    page.items.push_back(chart);
    page.items.push_back(rule);
    page.items.push_back(rule);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    ASSERT_EQ(read.tags, (std::vector<std::string>{"/Document", "/Figure"}));
    EXPECT_EQ(read.elements[1].getKey("/Alt").getUTF8Value(), "応募者数は120人");
}

TEST(WebPdfCases, ATextFrameSetAsAFigureIsReadByItsAlt) {
    static const model::Style body = style("Noto Sans CJK JP", 400, 10);
    scene::PageScene page = a5_page();
    scene::Item chart = text_item(shared_typesetter(), body, "▲▲▲", 20 * mm, 20 * mm, "figure");
    chart.alt = "三つの山の図";
    page.items.push_back(chart);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    ASSERT_EQ(read.tags, (std::vector<std::string>{"/Document", "/Figure"}));
    EXPECT_EQ(read.elements[1].getKey("/Alt").getUTF8Value(), "三つの山の図");
}

TEST(WebPdfCases, TinyPictureAndGradientAreSound) {
    scene::PageScene page = a5_page();
    scene::Item gradient = shape_item(scene::ShapeKind::Rect, {0, 0, 200, 100}, Color::from_rgb(1, 1, 1));
    auto& shape = std::get<scene::ShapeItem>(gradient.what);
    shape.fill.reset();
    shape.gradient = scene::GradientPaint{};
    shape.gradient->x1 = 200;
    shape.gradient->stops = {{0, Color::from_rgb(1, 0, 0)}, {1, Color::from_rgb(0, 0, 1)}};
    page.items.push_back(gradient);
    page.items.push_back(image_item(synthetic_image(3, 3, false), {10, 10, 3, 3}, {10, 10, 3, 3}, "点"));
    page.items.push_back(image_item(synthetic_image(4, 4, true), {20, 10, 4, 4}, {20, 10, 4, 4}, "丸"));
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_EQ(read.tags, (std::vector<std::string>{"/Document", "/Figure", "/Figure"}));
    QPDFObjectHandle page_object = pdf.getAllPages()[0];
    auto data = page_object.getKey("/Contents").getStreamData(qpdf_dl_generalized);
    std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    EXPECT_NE(content.find("/Artifact BMC"), std::string::npos) << content;
}

TEST(WebPdfCases, DecorationWithALinkIsALinkElement) {
    // Cairo 1.16 writes dangling references for links outside structure
    // tags: a link on decoration still gets its Link element, in a Div.
    scene::PageScene page = a5_page();
    scene::Item banner = shape_item(scene::ShapeKind::Rect, {10, 10, 100, 30}, Color::from_rgb(0, 0.5, 0.3));
    banner.role = "artifact";
    banner.link = "https://www.example.jp/";
    page.items.push_back(banner);
    QPDF pdf;
    Read read;
    render_and_read({page}, pdf, read);
    EXPECT_EQ(read.tags, (std::vector<std::string>{"/Document", "/Div", "/Link"}));
    auto links = links_of(pdf.getAllPages()[0]);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].uri, "https://www.example.jp/");
}

TEST(WebPdfCases, BadOptionsAreRefused) {
    WebPdfOptions options;
    options.jpeg_quality = 0;
    EXPECT_THROW(render_web_pdf({a5_page()}, options), Error);
    options = {};
    options.max_image_ppi = 0;
    EXPECT_THROW(render_web_pdf({a5_page()}, options), Error);
    EXPECT_THROW(render_web_pdf({}, {}), Error);
}

}  // namespace
}  // namespace koho::print
